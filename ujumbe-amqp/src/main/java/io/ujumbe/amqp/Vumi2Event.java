package io.ujumbe.amqp;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A vumi {@code event} about an outbound message, published to {@code <transport_name>.event}:
 * {@link EventType#ACK} (with {@code sent_message_id}), {@link EventType#NACK} (with
 * {@code nack_reason}) or {@link EventType#DELIVERY_REPORT} (with {@code delivery_status}).
 * Immutable; create with {@link #ack}, {@link #nack}, {@link #deliveryReport} or {@link #builder}.
 */
public final class Vumi2Event {
    private final String eventId;
    private final EventType eventType;
    private final String userMessageId;
    private final Instant timestamp;
    private final String sentMessageId;
    private final String nackReason;
    private final DeliveryStatus deliveryStatus;
    private final Map<String, Object> routingMetadata;
    private final Map<String, Object> helperMetadata;
    private final Map<String, Object> transportMetadata;

    private Vumi2Event(Builder b) {
        this.eventId = b.eventId != null ? b.eventId : UserMessage.newId();
        this.eventType = b.eventType;
        this.userMessageId = b.userMessageId;
        this.timestamp = b.timestamp != null ? b.timestamp : Instant.now().truncatedTo(ChronoUnit.MICROS);
        this.sentMessageId = b.sentMessageId;
        this.nackReason = b.nackReason;
        this.deliveryStatus = b.deliveryStatus;
        this.routingMetadata = copy(b.routingMetadata);
        this.helperMetadata = copy(b.helperMetadata);
        this.transportMetadata = copy(b.transportMetadata);
    }

    private static Map<String, Object> copy(Map<String, Object> m) {
        return m == null || m.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    /** A builder for an event of {@code type} about {@code userMessageId}. */
    public static Builder builder(EventType type, String userMessageId) {
        return new Builder(type, userMessageId);
    }

    /** The SMSC accepted message {@code userMessageId} and gave it {@code sentMessageId}. */
    public static Vumi2Event ack(String userMessageId, String sentMessageId) {
        return builder(EventType.ACK, userMessageId).sentMessageId(sentMessageId).build();
    }

    /** Message {@code userMessageId} will not be sent, because {@code reason}. */
    public static Vumi2Event nack(String userMessageId, String reason) {
        return builder(EventType.NACK, userMessageId).nackReason(reason).build();
    }

    /** A delivery report on {@code userMessageId}. */
    public static Vumi2Event deliveryReport(String userMessageId, DeliveryStatus status) {
        return builder(EventType.DELIVERY_REPORT, userMessageId).deliveryStatus(status).build();
    }

    /** {@code event_id}. */
    public String eventId() { return eventId; }
    /** {@code event_type}. */
    public EventType eventType() { return eventType; }
    /** {@code user_message_id}: the outbound message's message_id. */
    public String userMessageId() { return userMessageId; }
    /** {@code timestamp} (UTC). */
    public Instant timestamp() { return timestamp; }
    /** {@code sent_message_id} (acks: the SMSC's message_id). */
    public Optional<String> sentMessageId() { return Optional.ofNullable(sentMessageId); }
    /** {@code nack_reason} (nacks). */
    public Optional<String> nackReason() { return Optional.ofNullable(nackReason); }
    /** {@code delivery_status} (delivery reports). */
    public Optional<DeliveryStatus> deliveryStatus() { return Optional.ofNullable(deliveryStatus); }
    /** {@code routing_metadata}. */
    public Map<String, Object> routingMetadata() { return routingMetadata; }
    /** {@code helper_metadata}. */
    public Map<String, Object> helperMetadata() { return helperMetadata; }
    /** {@code transport_metadata}. */
    public Map<String, Object> transportMetadata() { return transportMetadata; }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Vumi2Event)) {
            return false;
        }
        Vumi2Event e = (Vumi2Event) o;
        return eventId.equals(e.eventId) && eventType == e.eventType && userMessageId.equals(e.userMessageId)
                && timestamp.equals(e.timestamp) && Objects.equals(sentMessageId, e.sentMessageId)
                && Objects.equals(nackReason, e.nackReason) && deliveryStatus == e.deliveryStatus
                && routingMetadata.equals(e.routingMetadata) && helperMetadata.equals(e.helperMetadata)
                && transportMetadata.equals(e.transportMetadata);
    }

    @Override
    public int hashCode() {
        return eventId.hashCode();
    }

    @Override
    public String toString() {
        return "Vumi2Event{" + eventType.json() + ", user_message_id=" + userMessageId
                + (sentMessageId != null ? ", sent_message_id=" + sentMessageId : "")
                + (nackReason != null ? ", nack_reason=" + nackReason : "")
                + (deliveryStatus != null ? ", delivery_status=" + deliveryStatus.json() : "") + '}';
    }

    /** Builds a {@link Vumi2Event}; {@link #build()} checks the field its type needs (as vumi2 does). */
    public static final class Builder {
        private String eventId;
        private final EventType eventType;
        private final String userMessageId;
        private Instant timestamp;
        private String sentMessageId;
        private String nackReason;
        private DeliveryStatus deliveryStatus;
        private Map<String, Object> routingMetadata;
        private Map<String, Object> helperMetadata;
        private Map<String, Object> transportMetadata;

        private Builder(EventType type, String userMessageId) {
            this.eventType = Objects.requireNonNull(type, "event_type");
            this.userMessageId = userMessageId;
        }

        /** {@code event_id}; default a fresh random id. */
        public Builder eventId(String id) { this.eventId = id; return this; }
        /** {@code timestamp}; default now. */
        public Builder timestamp(Instant t) { this.timestamp = t; return this; }
        /** {@code sent_message_id}. */
        public Builder sentMessageId(String id) { this.sentMessageId = id; return this; }
        /** {@code nack_reason}. */
        public Builder nackReason(String r) { this.nackReason = r; return this; }
        /** {@code delivery_status}. */
        public Builder deliveryStatus(DeliveryStatus s) { this.deliveryStatus = s; return this; }
        /** {@code routing_metadata}. */
        public Builder routingMetadata(Map<String, Object> m) { this.routingMetadata = m; return this; }
        /** {@code helper_metadata}. */
        public Builder helperMetadata(Map<String, Object> m) { this.helperMetadata = m; return this; }
        /** {@code transport_metadata}. */
        public Builder transportMetadata(Map<String, Object> m) { this.transportMetadata = m; return this; }

        /** The event; throws {@link IllegalArgumentException} naming the missing field. */
        public Vumi2Event build() {
            if (userMessageId == null || userMessageId.isEmpty()) {
                throw new IllegalArgumentException("user_message_id is required");
            }
            if (eventType == EventType.ACK && sentMessageId == null) {
                throw new IllegalArgumentException("sent_message_id cannot be null for ack event type");
            }
            if (eventType == EventType.NACK && nackReason == null) {
                throw new IllegalArgumentException("nack_reason cannot be null for nack event type");
            }
            if (eventType == EventType.DELIVERY_REPORT && deliveryStatus == null) {
                throw new IllegalArgumentException("delivery_status cannot be null for delivery_report event type");
            }
            return new Vumi2Event(this);
        }
    }
}
