package io.ujumbe.client;

import java.util.Objects;

/**
 * A message taken from an {@link Outbox}: its outbox-assigned id, the message, and which attempt
 * this is (1 the first time it is handed out, 2 after one {@code nack}, …). The client acks the
 * entry once the message has its terminal outcome, or nacks it to retry later.
 */
public record OutboxEntry(String id, OutboundMessage message, int attempt) {
    public OutboxEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(message, "message");
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be at least 1, was " + attempt);
        }
    }
}
