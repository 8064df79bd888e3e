package io.ujumbe.amqp;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A vumi {@code user_message} (message_version 20110921): an SMS or USSD message going out
 * ({@code <transport_name>.outbound}) or coming in ({@code <transport_name>.inbound}). Immutable;
 * build with {@link #builder()}, read and write JSON with {@link Vumi2Json}. Metadata maps hold what
 * JSON holds (strings, numbers, booleans, lists, maps, null).
 */
public final class UserMessage {
    /** vumi's message_version. */
    public static final String MESSAGE_VERSION = "20110921";

    private final String messageId;
    private final Instant timestamp;
    private final String toAddr;
    private final String fromAddr;
    private final String transportName;
    private final String transportType;
    private final String inReplyTo;
    private final String provider;
    private final SessionEvent sessionEvent;
    private final String content;
    private final String group;
    private final String toAddrType;
    private final String fromAddrType;
    private final Map<String, Object> routingMetadata;
    private final Map<String, Object> helperMetadata;
    private final Map<String, Object> transportMetadata;

    private UserMessage(Builder b) {
        this.messageId = b.messageId != null ? b.messageId : newId();
        this.timestamp = b.timestamp != null ? b.timestamp : Instant.now().truncatedTo(ChronoUnit.MICROS);
        this.toAddr = b.toAddr;
        this.fromAddr = b.fromAddr;
        this.transportName = b.transportName;
        this.transportType = b.transportType;
        this.inReplyTo = b.inReplyTo;
        this.provider = b.provider;
        this.sessionEvent = b.sessionEvent;
        this.content = b.content;
        this.group = b.group;
        this.toAddrType = b.toAddrType;
        this.fromAddrType = b.fromAddrType;
        this.routingMetadata = copy(b.routingMetadata);
        this.helperMetadata = copy(b.helperMetadata);
        this.transportMetadata = copy(b.transportMetadata);
    }

    /** A new builder; message_id and timestamp default to a fresh id and now. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this message's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.messageId = messageId;
        b.timestamp = timestamp;
        b.toAddr = toAddr;
        b.fromAddr = fromAddr;
        b.transportName = transportName;
        b.transportType = transportType;
        b.inReplyTo = inReplyTo;
        b.provider = provider;
        b.sessionEvent = sessionEvent;
        b.content = content;
        b.group = group;
        b.toAddrType = toAddrType;
        b.fromAddrType = fromAddrType;
        b.routingMetadata = routingMetadata;
        b.helperMetadata = helperMetadata;
        b.transportMetadata = transportMetadata;
        return b;
    }

    /** A random id in vumi's form (32 hex digits, a UUID without dashes). */
    static String newId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private static Map<String, Object> copy(Map<String, Object> m) {
        return m == null || m.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    /** {@code message_id}. */
    public String messageId() { return messageId; }
    /** {@code timestamp} (UTC). */
    public Instant timestamp() { return timestamp; }
    /** {@code to_addr}. */
    public String toAddr() { return toAddr; }
    /** {@code from_addr}. */
    public String fromAddr() { return fromAddr; }
    /** {@code transport_name}. */
    public String transportName() { return transportName; }
    /** {@code transport_type}: "sms", "ussd", … */
    public String transportType() { return transportType; }
    /** True when {@code transport_type} is "ussd". */
    public boolean isUssd() { return "ussd".equals(transportType); }
    /** {@code in_reply_to}, when this answers a message. */
    public Optional<String> inReplyTo() { return Optional.ofNullable(inReplyTo); }
    /** {@code provider}. */
    public Optional<String> provider() { return Optional.ofNullable(provider); }
    /** {@code session_event}; empty for none (null). */
    public Optional<SessionEvent> sessionEvent() { return Optional.ofNullable(sessionEvent); }
    /** {@code content}; empty for null. */
    public Optional<String> content() { return Optional.ofNullable(content); }
    /** {@code group}. */
    public Optional<String> group() { return Optional.ofNullable(group); }
    /** {@code to_addr_type} ("msisdn" …). */
    public Optional<String> toAddrType() { return Optional.ofNullable(toAddrType); }
    /** {@code from_addr_type}. */
    public Optional<String> fromAddrType() { return Optional.ofNullable(fromAddrType); }
    /** {@code routing_metadata}. */
    public Map<String, Object> routingMetadata() { return routingMetadata; }
    /** {@code helper_metadata}. */
    public Map<String, Object> helperMetadata() { return helperMetadata; }
    /** {@code transport_metadata}. */
    public Map<String, Object> transportMetadata() { return transportMetadata; }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof UserMessage)) {
            return false;
        }
        UserMessage m = (UserMessage) o;
        return messageId.equals(m.messageId) && timestamp.equals(m.timestamp) && Objects.equals(toAddr, m.toAddr)
                && Objects.equals(fromAddr, m.fromAddr) && Objects.equals(transportName, m.transportName)
                && Objects.equals(transportType, m.transportType) && Objects.equals(inReplyTo, m.inReplyTo)
                && Objects.equals(provider, m.provider) && sessionEvent == m.sessionEvent
                && Objects.equals(content, m.content) && Objects.equals(group, m.group)
                && Objects.equals(toAddrType, m.toAddrType) && Objects.equals(fromAddrType, m.fromAddrType)
                && routingMetadata.equals(m.routingMetadata) && helperMetadata.equals(m.helperMetadata)
                && transportMetadata.equals(m.transportMetadata);
    }

    @Override
    public int hashCode() {
        return messageId.hashCode();
    }

    @Override
    public String toString() {
        return "UserMessage{message_id=" + messageId + ", to=" + toAddr + ", from=" + fromAddr + ", transport="
                + transportName + "/" + transportType + (sessionEvent != null ? ", session_event=" + sessionEvent.json() : "")
                + ", content=" + (content == null ? "null" : content.length() + " chars") + '}';
    }

    /** Builds a {@link UserMessage}; to_addr, from_addr, transport_name and transport_type are required. */
    public static final class Builder {
        private String messageId;
        private Instant timestamp;
        private String toAddr;
        private String fromAddr;
        private String transportName;
        private String transportType;
        private String inReplyTo;
        private String provider;
        private SessionEvent sessionEvent;
        private String content;
        private String group;
        private String toAddrType;
        private String fromAddrType;
        private Map<String, Object> routingMetadata;
        private Map<String, Object> helperMetadata;
        private Map<String, Object> transportMetadata;

        private Builder() {
        }

        /** {@code message_id}; default a fresh random id. */
        public Builder messageId(String id) { this.messageId = id; return this; }
        /** {@code timestamp}; default now. */
        public Builder timestamp(Instant t) { this.timestamp = t; return this; }
        /** {@code to_addr}. */
        public Builder toAddr(String a) { this.toAddr = a; return this; }
        /** {@code from_addr}. */
        public Builder fromAddr(String a) { this.fromAddr = a; return this; }
        /** {@code transport_name}. */
        public Builder transportName(String n) { this.transportName = n; return this; }
        /** {@code transport_type}: "sms" or "ussd" for this transport. */
        public Builder transportType(String t) { this.transportType = t; return this; }
        /** {@code in_reply_to}. */
        public Builder inReplyTo(String id) { this.inReplyTo = id; return this; }
        /** {@code provider}. */
        public Builder provider(String p) { this.provider = p; return this; }
        /** {@code session_event}; null for none. */
        public Builder sessionEvent(SessionEvent e) { this.sessionEvent = e; return this; }
        /** {@code content}. */
        public Builder content(String c) { this.content = c; return this; }
        /** {@code group}. */
        public Builder group(String g) { this.group = g; return this; }
        /** {@code to_addr_type}. */
        public Builder toAddrType(String t) { this.toAddrType = t; return this; }
        /** {@code from_addr_type}. */
        public Builder fromAddrType(String t) { this.fromAddrType = t; return this; }
        /** {@code routing_metadata}. */
        public Builder routingMetadata(Map<String, Object> m) { this.routingMetadata = m; return this; }
        /** {@code helper_metadata}. */
        public Builder helperMetadata(Map<String, Object> m) { this.helperMetadata = m; return this; }
        /** {@code transport_metadata}. */
        public Builder transportMetadata(Map<String, Object> m) { this.transportMetadata = m; return this; }

        /** The message; throws {@link IllegalArgumentException} naming a missing required field. */
        public UserMessage build() {
            require("to_addr", toAddr);
            require("from_addr", fromAddr);
            require("transport_name", transportName);
            require("transport_type", transportType);
            if (messageId != null && messageId.isEmpty()) {
                throw new IllegalArgumentException("message_id must not be empty");
            }
            return new UserMessage(this);
        }

        private static void require(String field, String value) {
            if (value == null) {
                throw new IllegalArgumentException(field + " is required");
            }
        }
    }
}
