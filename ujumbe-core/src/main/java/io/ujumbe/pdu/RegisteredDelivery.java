package io.ujumbe.pdu;

/**
 * The registered_delivery octet (SMPP 3.4 section 5.2.17): SMSC delivery receipt in bits 0–1,
 * SME acknowledgement in bits 2–3, intermediate notification in bit 4. The methods test bits, not
 * equality: Kannel sends 0x11, which means "receipt on success or failure, and intermediate
 * notifications".
 *
 * @param value the octet, 0..255
 */
public record RegisteredDelivery(int value) {

    /** No receipt, no acknowledgement, no intermediate notification. */
    public static final RegisteredDelivery NONE = new RegisteredDelivery(0x00);
    /** SMSC delivery receipt on success or failure. */
    public static final RegisteredDelivery RECEIPT = new RegisteredDelivery(0x01);
    /** SMSC delivery receipt on failure only. */
    public static final RegisteredDelivery RECEIPT_ON_FAILURE = new RegisteredDelivery(0x02);
    /** SMSC delivery receipt on success only (SMPP 5.0). */
    public static final RegisteredDelivery RECEIPT_ON_SUCCESS = new RegisteredDelivery(0x03);

    /** Bit 4: intermediate notification requested. */
    public static final int INTERMEDIATE = 0x10;
    /** Bit 2: SME delivery acknowledgement requested. */
    public static final int SME_DELIVERY_ACK = 0x04;
    /** Bit 3: SME manual/user acknowledgement requested. */
    public static final int SME_MANUAL_ACK = 0x08;

    private static final RegisteredDelivery[] ALL = new RegisteredDelivery[256];

    static {
        ALL[0] = NONE;
        ALL[1] = RECEIPT;
        ALL[2] = RECEIPT_ON_FAILURE;
        ALL[3] = RECEIPT_ON_SUCCESS;
        for (int v = 4; v < ALL.length; v++) {
            ALL[v] = new RegisteredDelivery(v);
        }
    }

    /** @throws IllegalArgumentException when the value does not fit in one octet */
    public RegisteredDelivery {
        if (value < 0 || value > 255) {
            throw new IllegalArgumentException("registered_delivery must be 0..255, was " + value);
        }
    }

    /** The registered_delivery with this value (a shared instance). */
    public static RegisteredDelivery of(int value) {
        if (value < 0 || value > 255) {
            throw new IllegalArgumentException("registered_delivery must be 0..255, was " + value);
        }
        return ALL[value];
    }

    /** The receipt bits 0–1: 0 none, 1 success or failure, 2 failure, 3 success. */
    public int receiptBits() {
        return value & 0x03;
    }

    /** True when any SMSC delivery receipt is requested. */
    public boolean requestsReceipt() {
        return receiptBits() != 0;
    }

    /** True when a receipt is requested for successful delivery (bits 01 or 11). */
    public boolean receiptOnSuccess() {
        return receiptBits() == 1 || receiptBits() == 3;
    }

    /** True when a receipt is requested for failed delivery (bits 01 or 10). */
    public boolean receiptOnFailure() {
        return receiptBits() == 1 || receiptBits() == 2;
    }

    /** True when an SME delivery acknowledgement is requested (bit 2). */
    public boolean smeDeliveryAck() {
        return (value & SME_DELIVERY_ACK) != 0;
    }

    /** True when an SME manual/user acknowledgement is requested (bit 3). */
    public boolean smeManualAck() {
        return (value & SME_MANUAL_ACK) != 0;
    }

    /** True when intermediate notifications are requested (bit 4). */
    public boolean intermediate() {
        return (value & INTERMEDIATE) != 0;
    }

    /** This value with the receipt bits replaced (0..3). */
    public RegisteredDelivery withReceiptBits(int bits) {
        return of((value & ~0x03) | (bits & 0x03));
    }

    /** This value with the intermediate bit set or cleared. */
    public RegisteredDelivery withIntermediate(boolean on) {
        return of(on ? value | INTERMEDIATE : value & ~INTERMEDIATE);
    }

    /** The hex value, e.g. {@code 0x11}. */
    @Override
    public String toString() {
        return Hex.byteString(value);
    }
}
