package io.ujumbe.client;

import java.util.Objects;

/**
 * A message taken from an {@link Outbox}: its outbox-assigned id, the message, and which attempt
 * this is (1 the first time it is handed out, 2 after one {@code nack}, …). The client acks the
 * entry once the message has its terminal outcome, or nacks it to retry later; before a nack it
 * records in {@link #progress()} which parts the SMSC already accepted, and an outbox keeps that
 * with the entry (a shared one in its stored form), so the retry resends only the others.
 *
 * @param progress what earlier attempts achieved, or null when nothing was sent yet
 */
public record OutboxEntry(String id, OutboundMessage message, int attempt, PartProgress progress) {
    public OutboxEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(message, "message");
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be at least 1, was " + attempt);
        }
    }

    /** An entry with no progress recorded. */
    public OutboxEntry(String id, OutboundMessage message, int attempt) {
        this(id, message, attempt, null);
    }

    /** This entry with {@code progress} recorded (null clears it). */
    public OutboxEntry withProgress(PartProgress progress) {
        return new OutboxEntry(id, message, attempt, progress);
    }

    /** This entry as handed out again for attempt {@code next}, its progress kept. */
    public OutboxEntry withAttempt(int next) {
        return new OutboxEntry(id, message, next, progress);
    }
}
