package io.ujumbe.client;

import java.util.Objects;

/**
 * A message taken from an {@link Outbox}: its outbox-assigned id, the message, which attempt this
 * is (1 the first time it is handed out, 2 after one {@code nack}, …), and what the earlier
 * attempts achieved ({@code earlier}: {@link SendState#NOT_SENT} on the first attempt). The client
 * acks the entry once the message has its terminal outcome, or nacks it to retry later.
 */
public record OutboxEntry(String id, OutboundMessage message, int attempt, SendState earlier) {
    public OutboxEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(earlier, "earlier");
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be at least 1, was " + attempt);
        }
    }

    /**
     * An entry whose earlier attempts are not known in detail: none on the first attempt; on a later
     * one they may have reached the SMSC ({@link SendState#SENT_NO_ANSWER}), the safe assumption.
     */
    public OutboxEntry(String id, OutboundMessage message, int attempt) {
        this(id, message, attempt, attempt <= 1 ? SendState.NOT_SENT : SendState.SENT_NO_ANSWER);
    }
}
