package io.ujumbe.client;

import java.util.Objects;

/**
 * A message taken from an {@link Outbox}: its outbox-assigned id, the message, and which attempt
 * this is (1 the first time it is handed out, 2 after one {@code nack}, …). The client acks the
 * entry once the message has its terminal outcome, or nacks it to retry later; before a nack it
 * records in {@link #progress()} which parts the SMSC already accepted and in {@link #sendState()}
 * whether the SMSC may have the message, and an outbox keeps both with the entry (a shared one in
 * its stored form): the retry resends only the missing parts, and its failure, if it fails, does not
 * claim "not sent" for a message an earlier attempt sent.
 *
 * @param progress what earlier attempts achieved, or null when nothing was sent yet
 * @param sendState what the attempts so far achieved ({@link SendState#NOT_SENT} on a first attempt)
 */
public record OutboxEntry(String id, OutboundMessage message, int attempt, PartProgress progress,
                          SendState sendState) {
    public OutboxEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(sendState, "sendState");
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be at least 1, was " + attempt);
        }
    }

    /** An entry with no progress recorded (send state: see {@link #OutboxEntry(String, OutboundMessage, int, PartProgress)}). */
    public OutboxEntry(String id, OutboundMessage message, int attempt) {
        this(id, message, attempt, null);
    }

    /**
     * An entry whose send state is not known in detail: none on the first attempt; on a later one
     * the earlier attempts may have reached the SMSC ({@link SendState#SENT_NO_ANSWER}), the safe
     * assumption.
     */
    public OutboxEntry(String id, OutboundMessage message, int attempt, PartProgress progress) {
        this(id, message, attempt, progress, attempt <= 1 ? SendState.NOT_SENT : SendState.SENT_NO_ANSWER);
    }

    /** This entry with {@code progress} recorded (null clears it). */
    public OutboxEntry withProgress(PartProgress progress) {
        return new OutboxEntry(id, message, attempt, progress, sendState);
    }

    /** This entry with {@code state} recorded as what its attempts so far achieved. */
    public OutboxEntry withSendState(SendState state) {
        return new OutboxEntry(id, message, attempt, progress, state);
    }

    /** This entry as handed out again for attempt {@code next}, its progress and send state kept. */
    public OutboxEntry withAttempt(int next) {
        return new OutboxEntry(id, message, next, progress, sendState);
    }
}
