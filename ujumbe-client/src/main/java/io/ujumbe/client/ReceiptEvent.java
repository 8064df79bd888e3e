package io.ujumbe.client;

import io.ujumbe.pdu.Pdu;
import io.ujumbe.receipt.DeliveryReceipt;

import java.util.Objects;
import java.util.Optional;

/**
 * A delivery receipt that reached the client, with the correlation of the message it reports on
 * when it could be matched (by message_id, normalised between hex and decimal as configured).
 */
public record ReceiptEvent(DeliveryReceipt receipt, Optional<Correlation> correlation, Pdu pdu, String sessionId) {
    public ReceiptEvent {
        Objects.requireNonNull(receipt, "receipt");
        Objects.requireNonNull(correlation, "correlation");
    }

    /** The correlation id of the original message, when matched. */
    public Optional<String> correlationId() {
        return correlation.map(Correlation::correlationId);
    }
}
