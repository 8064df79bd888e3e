package io.ujumbe.redis;

import com.fasterxml.jackson.databind.JsonNode;
import io.ujumbe.client.OutboundMessage;
import io.ujumbe.pdu.Address;
import io.ujumbe.pdu.NumberingPlan;
import io.ujumbe.pdu.RegisteredDelivery;
import io.ujumbe.pdu.TypeOfNumber;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The queue item of naz (the Python SMPP client), read as an {@link OutboundMessage}, so that
 * naz producers move to ujumbe's outboxes unchanged. Both of naz's generations are read: the
 * first ({@code smpp_event}, {@code correlation_id}) and the later one ({@code smpp_command},
 * {@code log_id}, {@code hook_metadata}, {@code pdu}: null), plus the submit_sm parameters naz
 * takes. {@link OutboundMessageJson#decode(String)} comes here when an object has
 * {@code smpp_event} or {@code smpp_command}; the mapping is in docs/deployment.md.
 *
 * <pre>{@code
 * {"version":"1","smpp_event":"submit_sm","short_message":"Hello","correlation_id":"myid12345",
 *  "source_addr":"254722111111","destination_addr":"254722999999"}
 * }</pre>
 */
final class NazQueueItem {
    /** Every field read; in strict mode anything else is an error naming it. */
    static final Set<String> FIELDS = Set.of("version", "smpp_event", "smpp_command", "short_message", "correlation_id",
            "log_id", "source_addr", "destination_addr", "hook_metadata", "pdu", "service_type", "source_addr_ton",
            "source_addr_npi", "dest_addr_ton", "dest_addr_npi", "protocol_id", "priority_flag",
            "schedule_delivery_time", "validity_period", "registered_delivery");
    /** The metadata key naz's {@code hook_metadata} string is kept under (outcomes and receipts carry it). */
    static final String HOOK_METADATA = "hook_metadata";
    /** The metadata key naz's {@code log_id} is kept under, besides being the correlation id. */
    static final String LOG_ID = "log_id";

    private NazQueueItem() {
    }

    /** True when {@code root} is a naz item rather than ujumbe's own format. */
    static boolean isNaz(JsonNode root) {
        return root.has("smpp_event") || root.has("smpp_command");
    }

    static OutboundMessageJson.Decoded decode(JsonNode root, boolean strict) {
        if (strict) {
            for (Map.Entry<String, JsonNode> e : root.properties()) {
                if (!FIELDS.contains(e.getKey())) {
                    throw error(e.getKey(), "is not a field of a naz queue item (allowed: "
                            + String.join(", ", new TreeSet<>(FIELDS)) + ")");
                }
            }
        }
        JsonNode version = root.get("version");
        if (version == null || version.isNull()) {
            throw error("version", "is required (\"1\")");
        }
        if (!(version.isTextual() && version.textValue().trim().equals("1") || version.isIntegralNumber() && version.intValue() == 1)) {
            throw error("version", "is " + version + "; naz's queue item version 1 is the one understood");
        }
        String command = text(root, root.has("smpp_command") ? "smpp_command" : "smpp_event");
        if (!"submit_sm".equals(command)) {
            throw error(root.has("smpp_command") ? "smpp_command" : "smpp_event",
                    "must be \"submit_sm\" (the only naz command an outbox sends), was " + root.get(
                            root.has("smpp_command") ? "smpp_command" : "smpp_event"));
        }
        JsonNode pdu = root.get("pdu");
        if (pdu != null && !pdu.isNull()) {
            throw error("pdu", "is not supported: give the text in 'short_message' (ujumbe builds the PDU)");
        }
        OutboundMessage.Builder b = OutboundMessage.builder();
        String text = text(root, "short_message");
        if (text == null) {
            throw error("short_message", "is required");
        }
        b.text(text);
        String correlationId = text(root, "correlation_id");
        String logId = text(root, "log_id");
        if (correlationId != null && logId != null && !correlationId.equals(logId)) {
            throw error("log_id", "and 'correlation_id' differ; give one of them");
        }
        String id = correlationId != null ? correlationId : logId;
        if (id != null && !id.isEmpty()) {
            b.correlationId(id);
        }
        String destination = text(root, "destination_addr");
        if (destination == null || destination.isBlank()) {
            throw error("destination_addr", "is required");
        }
        b.to(address(root, destination.trim(), "dest_addr_ton", "dest_addr_npi", true));
        String source = text(root, "source_addr");
        if (source != null && !source.isBlank()) {
            b.from(address(root, source.trim(), "source_addr_ton", "source_addr_npi", false));
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        String hook = text(root, "hook_metadata");
        if (hook != null) {
            metadata.put(HOOK_METADATA, hook);
        }
        if (logId != null) {
            metadata.put(LOG_ID, logId);
        }
        b.metadata(metadata);
        String serviceType = text(root, "service_type");
        if (serviceType != null) {
            b.serviceType(serviceType);
        }
        b.protocolId(integer(root, "protocol_id", 0, 0xFF));
        b.priority(integer(root, "priority_flag", 0, 3));
        String schedule = text(root, "schedule_delivery_time");
        if (schedule != null) {
            b.scheduleDeliveryTime(schedule);
        }
        String validity = text(root, "validity_period");
        if (validity != null) {
            b.validityPeriod(validity);
        }
        if (root.hasNonNull("registered_delivery")) {
            b.registeredDelivery(RegisteredDelivery.of(integer(root, "registered_delivery", 0, 0xFF)));
        }
        try {
            return new OutboundMessageJson.Decoded(b.build(), 1);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid naz queue item: " + e.getMessage(), e);
        }
    }

    /** naz's TON/NPI when given, else as ujumbe infers it: digits are a number, anything else a sender id. */
    private static Address address(JsonNode root, String value, String tonField, String npiField, boolean destination) {
        boolean hasTon = root.hasNonNull(tonField);
        boolean hasNpi = root.hasNonNull(npiField);
        String digits = value.startsWith("+") ? value.substring(1) : value;
        Address inferred = destination || !digits.isEmpty() && digits.chars().allMatch(Character::isDigit)
                ? Address.international(digits) : Address.alphanumeric(value);
        if (!hasTon && !hasNpi) {
            return inferred;
        }
        TypeOfNumber ton = hasTon ? TypeOfNumber.of(integer(root, tonField, 0, 0xFF)) : inferred.ton();
        NumberingPlan npi = hasNpi ? NumberingPlan.of(integer(root, npiField, 0, 0xFF)) : inferred.npi();
        return new Address(ton, npi, ton.equals(TypeOfNumber.ALPHANUMERIC) ? value : digits);
    }

    private static String text(JsonNode root, String field) {
        JsonNode v = root.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw error(field, "must be a string");
        }
        return v.textValue();
    }

    private static int integer(JsonNode root, String field, int min, int max) {
        JsonNode v = root.get(field);
        if (v == null || v.isNull()) {
            return min;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < min || v.intValue() > max) {
            throw error(field, "must be a whole number between " + min + " and " + max + ", was " + v);
        }
        return v.intValue();
    }

    private static IllegalArgumentException error(String field, String problem) {
        return new IllegalArgumentException("invalid naz queue item: field '" + field + "' " + problem);
    }
}
