package io.ujumbe.receipt;

/**
 * What a delivery receipt means for the message it reports on, reduced to the answers an
 * application acts on. The SMSC's own status stays available on {@link DeliveryReceipt#stat()}.
 */
public enum ReceiptOutcome {
    /** The SMSC still holds the message (ENROUTE, ACCEPTD, BUFFRED …); another receipt may follow. */
    PENDING,
    /** The message reached the handset. */
    DELIVERED,
    /** The message will not be delivered (UNDELIV, EXPIRED, REJECTD …). */
    FAILED,
    /**
     * The receipt's status is no state the mapping knows (a vendor word, a garbled {@code stat:}):
     * neither delivered nor failed can be claimed. The raw status is on {@link DeliveryReceipt#stat()};
     * map it with {@link ReceiptStatusMapping.Builder#map} once its meaning is known.
     */
    UNKNOWN;

    /**
     * True when no further receipt is expected to change this outcome. {@link #UNKNOWN} counts as
     * final: receipts normally are, and waiting for another would wait forever.
     */
    public boolean isFinal() {
        return this != PENDING;
    }
}
