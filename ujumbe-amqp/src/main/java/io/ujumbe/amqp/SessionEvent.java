package io.ujumbe.amqp;

import java.util.Optional;

/**
 * vumi's {@code session_event} of a user message: where the message stands in a USSD session. An
 * SMS has none ({@code null} in JSON, {@link Optional#empty()} here).
 */
public enum SessionEvent {
    /** The first message of a session ({@code "new"}). */
    NEW("new"),
    /** A message inside a running session ({@code "resume"}). */
    RESUME("resume"),
    /** The last message: the session ends ({@code "close"}). */
    CLOSE("close");

    private final String json;

    SessionEvent(String json) {
        this.json = json;
    }

    /** The name in vumi's JSON. */
    public String json() {
        return json;
    }

    /** The event named {@code json} ("new", "resume", "close"), empty for null; unknown names are errors. */
    static Optional<SessionEvent> fromJson(String json) {
        if (json == null) {
            return Optional.empty();
        }
        for (SessionEvent e : values()) {
            if (e.json.equals(json)) {
                return Optional.of(e);
            }
        }
        throw new Vumi2DecodeException("session_event must be null, \"new\", \"resume\" or \"close\", was \"" + json + "\"");
    }
}
