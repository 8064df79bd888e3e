package io.ujumbe.amqp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How a receipt's SMSC status (its message_state TLV's name, else the {@code stat:} of its text)
 * becomes a vumi {@code delivery_status}: vumi2's {@code DELIVERY_REPORT_STATUS_MAPPING} by default,
 * anything not in the mapping is {@link DeliveryStatus#PENDING}. A {@code status_mapping} setting
 * replaces the whole mapping, as in vumi2.
 */
public final class StatusMapping {
    private static final StatusMapping DEFAULT;

    static {
        Map<String, DeliveryStatus> m = new LinkedHashMap<>();
        // SMPP message_state names:
        m.put("ENROUTE", DeliveryStatus.PENDING);
        m.put("DELIVERED", DeliveryStatus.DELIVERED);
        m.put("EXPIRED", DeliveryStatus.FAILED);
        m.put("DELETED", DeliveryStatus.FAILED);
        m.put("UNDELIVERABLE", DeliveryStatus.FAILED);
        m.put("ACCEPTED", DeliveryStatus.DELIVERED);
        m.put("UNKNOWN", DeliveryStatus.PENDING);
        m.put("REJECTED", DeliveryStatus.FAILED);
        // The receipt text's stat: values:
        m.put("DELIVRD", DeliveryStatus.DELIVERED);
        m.put("REJECTD", DeliveryStatus.FAILED);
        m.put("FAILED", DeliveryStatus.FAILED);
        // vumi2 accepts this for one SMSC (Yo!).
        m.put("0", DeliveryStatus.DELIVERED);
        DEFAULT = new StatusMapping(m);
    }

    private final Map<String, DeliveryStatus> mapping;

    private StatusMapping(Map<String, DeliveryStatus> mapping) {
        this.mapping = Collections.unmodifiableMap(new LinkedHashMap<>(mapping));
    }

    /** vumi2's default mapping. */
    public static StatusMapping vumi2Default() {
        return DEFAULT;
    }

    /** Exactly {@code mapping} (statuses not in it are pending). */
    public static StatusMapping of(Map<String, DeliveryStatus> mapping) {
        Objects.requireNonNull(mapping, "status_mapping");
        mapping.forEach((k, v) -> {
            if (k == null || v == null) {
                throw new IllegalArgumentException("status_mapping must not hold null keys or values");
            }
        });
        return new StatusMapping(mapping);
    }

    /** The delivery status of SMSC status {@code smscStatus}; pending when not mapped. */
    public DeliveryStatus statusOf(String smscStatus) {
        return mapping.getOrDefault(smscStatus, DeliveryStatus.PENDING);
    }

    /** The mapping. */
    public Map<String, DeliveryStatus> asMap() {
        return mapping;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StatusMapping && ((StatusMapping) o).mapping.equals(mapping);
    }

    @Override
    public int hashCode() {
        return mapping.hashCode();
    }

    @Override
    public String toString() {
        return "StatusMapping" + mapping;
    }
}
