package io.ujumbe.amqp;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Map;

/**
 * vumi2's JSON for {@link UserMessage} and {@link Vumi2Event}, byte for byte what vumi2's
 * {@code serialise()} writes, field for field: snake_case names in vumi2's order, {@code timestamp} as
 * {@code %Y-%m-%d %H:%M:%S.%f} in UTC. Reading is lenient as vumi2's is: unknown fields are ignored,
 * null and absent are the same, timestamps are read with or without a fraction (and a trailing Z).
 * Bad input throws {@link Vumi2DecodeException} naming the field. Thread-safe.
 */
public final class Vumi2Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final DateTimeFormatter WRITE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
    private static final DateTimeFormatter READ = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter();

    private Vumi2Json() {
    }

    /** vumi's timestamp text for {@code t} (UTC, microseconds). */
    public static String formatTimestamp(Instant t) {
        return WRITE.format(LocalDateTime.ofInstant(t, ZoneOffset.UTC));
    }

    /** Reads vumi's timestamp ({@code 2024-01-02 03:04:05.123456}, the fraction optional, a trailing Z allowed). */
    public static Instant parseTimestamp(String text) {
        String t = text.endsWith("Z") ? text.substring(0, text.length() - 1) : text;
        try {
            return LocalDateTime.parse(t.replace('T', ' '), READ).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new Vumi2DecodeException("timestamp must be like \"2024-01-02 03:04:05.123456\", was \"" + text + "\"", e);
        }
    }

    /** The JSON of a user message. */
    public static byte[] encode(UserMessage m) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("to_addr", m.toAddr());
        o.put("from_addr", m.fromAddr());
        o.put("transport_name", m.transportName());
        o.put("transport_type", m.transportType());
        o.put("message_version", UserMessage.MESSAGE_VERSION);
        o.put("message_type", "user_message");
        o.put("timestamp", formatTimestamp(m.timestamp()));
        o.set("routing_metadata", MAPPER.valueToTree(m.routingMetadata()));
        o.set("helper_metadata", MAPPER.valueToTree(m.helperMetadata()));
        o.put("message_id", m.messageId());
        o.put("in_reply_to", m.inReplyTo().orElse(null));
        o.put("provider", m.provider().orElse(null));
        o.put("session_event", m.sessionEvent().map(SessionEvent::json).orElse(null));
        o.put("content", m.content().orElse(null));
        o.set("transport_metadata", MAPPER.valueToTree(m.transportMetadata()));
        o.put("group", m.group().orElse(null));
        o.put("to_addr_type", m.toAddrType().orElse(null));
        o.put("from_addr_type", m.fromAddrType().orElse(null));
        return bytes(o);
    }

    /** The JSON of an event. */
    public static byte[] encode(Vumi2Event e) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("user_message_id", e.userMessageId());
        o.put("event_type", e.eventType().json());
        o.put("message_version", UserMessage.MESSAGE_VERSION);
        o.put("message_type", "event");
        o.put("timestamp", formatTimestamp(e.timestamp()));
        o.set("routing_metadata", MAPPER.valueToTree(e.routingMetadata()));
        o.set("helper_metadata", MAPPER.valueToTree(e.helperMetadata()));
        o.set("transport_metadata", MAPPER.valueToTree(e.transportMetadata()));
        o.put("event_id", e.eventId());
        o.put("sent_message_id", e.sentMessageId().orElse(null));
        o.put("nack_reason", e.nackReason().orElse(null));
        o.put("delivery_status", e.deliveryStatus().map(DeliveryStatus::json).orElse(null));
        return bytes(o);
    }

    /**
     * Reads a user message. Only {@code to_addr} is required (an outbound message needs a
     * destination); an absent {@code from_addr} reads as "" (the client's default source), an absent
     * {@code transport_type} as "sms".
     */
    public static UserMessage decodeMessage(byte[] json) {
        JsonNode o = object(json);
        String type = text(o, "message_type");
        if (type != null && !type.equals("user_message")) {
            throw new Vumi2DecodeException("message_type must be \"user_message\", was \"" + type + "\"");
        }
        String to = text(o, "to_addr");
        if (to == null) {
            throw new Vumi2DecodeException("to_addr is required");
        }
        UserMessage.Builder b = UserMessage.builder()
                .toAddr(to)
                .fromAddr(orElse(text(o, "from_addr"), ""))
                .transportName(orElse(text(o, "transport_name"), ""))
                .transportType(orElse(text(o, "transport_type"), "sms"))
                .inReplyTo(text(o, "in_reply_to"))
                .provider(text(o, "provider"))
                .sessionEvent(SessionEvent.fromJson(text(o, "session_event")).orElse(null))
                .content(text(o, "content"))
                .group(text(o, "group"))
                .toAddrType(text(o, "to_addr_type"))
                .fromAddrType(text(o, "from_addr_type"))
                .routingMetadata(map(o, "routing_metadata"))
                .helperMetadata(map(o, "helper_metadata"))
                .transportMetadata(map(o, "transport_metadata"));
        String id = text(o, "message_id");
        if (id != null && !id.isEmpty()) {
            b.messageId(id);
        }
        String ts = text(o, "timestamp");
        if (ts != null) {
            b.timestamp(parseTimestamp(ts));
        }
        return b.build();
    }

    /** Reads an event; {@code event_type} and {@code user_message_id} are required, and the field the type needs. */
    public static Vumi2Event decodeEvent(byte[] json) {
        JsonNode o = object(json);
        String type = text(o, "message_type");
        if (type != null && !type.equals("event")) {
            throw new Vumi2DecodeException("message_type must be \"event\", was \"" + type + "\"");
        }
        String et = text(o, "event_type");
        if (et == null) {
            throw new Vumi2DecodeException("event_type is required");
        }
        String status = text(o, "delivery_status");
        DeliveryStatus ds = status == null ? null : DeliveryStatus.fromJsonOrNull(status);
        if (status != null && ds == null) {
            throw new Vumi2DecodeException("delivery_status must be pending, delivered or failed, was \"" + status + "\"");
        }
        Vumi2Event.Builder b = Vumi2Event.builder(EventType.fromJson(et), text(o, "user_message_id"))
                .sentMessageId(text(o, "sent_message_id"))
                .nackReason(text(o, "nack_reason"))
                .deliveryStatus(ds)
                .routingMetadata(map(o, "routing_metadata"))
                .helperMetadata(map(o, "helper_metadata"))
                .transportMetadata(map(o, "transport_metadata"));
        String id = text(o, "event_id");
        if (id != null && !id.isEmpty()) {
            b.eventId(id);
        }
        String ts = text(o, "timestamp");
        if (ts != null) {
            b.timestamp(parseTimestamp(ts));
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new Vumi2DecodeException(e.getMessage(), e);
        }
    }

    private static JsonNode object(byte[] json) {
        JsonNode o;
        try {
            o = MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new Vumi2DecodeException("not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new Vumi2DecodeException("cannot be read: " + e.getMessage(), e);
        }
        if (o == null || !o.isObject()) {
            throw new Vumi2DecodeException("must be a JSON object, was " + (o == null ? "empty" : o.getNodeType().toString().toLowerCase()));
        }
        return o;
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new Vumi2DecodeException(field + " must be a string or null, was " + v.getNodeType().toString().toLowerCase());
        }
        return v.asText();
    }

    private static Map<String, Object> map(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) {
            return Map.of();
        }
        if (!v.isObject()) {
            throw new Vumi2DecodeException(field + " must be an object or null, was " + v.getNodeType().toString().toLowerCase());
        }
        return MAPPER.convertValue(v, MAP);
    }

    private static String orElse(String v, String d) {
        return v != null ? v : d;
    }

    private static byte[] bytes(ObjectNode o) {
        try {
            return MAPPER.writeValueAsBytes(o);
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }
}
