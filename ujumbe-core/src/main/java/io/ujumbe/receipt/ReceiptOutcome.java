package io.ujumbe.receipt;

/**
 * What a delivery receipt means for the message it reports on, reduced to the three answers an
 * application acts on. The SMSC's own status stays available on {@link DeliveryReceipt#stat()}.
 */
public enum ReceiptOutcome {
    /** The SMSC still holds the message (ENROUTE, ACCEPTD, BUFFRED …); another receipt may follow. */
    PENDING,
    /** The message reached the handset. */
    DELIVERED,
    /** The message will not be delivered (UNDELIV, EXPIRED, REJECTD …). */
    FAILED;

    /** True when no further receipt is expected to change this outcome. */
    public boolean isFinal() {
        return this != PENDING;
    }
}
