package io.ujumbe.amqp;

/** vumi's {@code delivery_status} of a delivery report. */
public enum DeliveryStatus {
    /** Not delivered yet ({@code "pending"}). */
    PENDING("pending"),
    /** Delivered to the handset ({@code "delivered"}). */
    DELIVERED("delivered"),
    /** Will not be delivered ({@code "failed"}). */
    FAILED("failed");

    private final String json;

    DeliveryStatus(String json) {
        this.json = json;
    }

    /** The name in vumi's JSON. */
    public String json() {
        return json;
    }

    /** The status named {@code json}, or null when it is not one of the three. */
    static DeliveryStatus fromJsonOrNull(String json) {
        for (DeliveryStatus s : values()) {
            if (s.json.equals(json)) {
                return s;
            }
        }
        return null;
    }
}
