package io.ujumbe.amqp;

/** vumi's {@code event_type}: what an event says about an outbound message. */
public enum EventType {
    /** The SMSC accepted the message ({@code "ack"}; {@code sent_message_id} is the SMSC's message_id). */
    ACK("ack"),
    /** The message could not be sent ({@code "nack"}; {@code nack_reason} says why). */
    NACK("nack"),
    /** A delivery receipt ({@code "delivery_report"}; {@code delivery_status} pending, delivered or failed). */
    DELIVERY_REPORT("delivery_report");

    private final String json;

    EventType(String json) {
        this.json = json;
    }

    /** The name in vumi's JSON. */
    public String json() {
        return json;
    }

    static EventType fromJson(String json) {
        for (EventType t : values()) {
            if (t.json.equals(json)) {
                return t;
            }
        }
        throw new Vumi2DecodeException("event_type must be \"ack\", \"nack\" or \"delivery_report\", was \"" + json + "\"");
    }
}
