package io.ujumbe.receipt;

/**
 * How an SMSC writes message ids in submit_sm_resp and in receipts. Some SMSCs write the same id
 * in hex in one and in decimal in the other (Kannel's {@code msg-id-type} exists for this; Nexmo,
 * for one, answers submit_sm in hex and writes receipts in decimal), so a
 * {@link MessageIdNormalizer} must turn both into one key before they can be matched.
 *
 * <p>The numeric formats turn an id into the decimal form of its value, without leading zeros
 * and regardless of hex letter case; an id that is not a number in the expected base (a UUID, a
 * ticket like {@code 0118Z-0122I}) is left as it is.
 */
public enum MessageIdFormat {
    /** Ids are compared exactly as written. */
    AS_IS,
    /** Both ids are decimal; only leading zeros may differ. Kannel msg-id-type 0. */
    BOTH_DECIMAL,
    /** submit_sm_resp in hex, receipts in decimal. Kannel msg-id-type 1. */
    SUBMIT_HEX_RECEIPT_DECIMAL,
    /** submit_sm_resp in decimal, receipts in hex. Kannel msg-id-type 2. */
    SUBMIT_DECIMAL_RECEIPT_HEX,
    /** Both ids are hex; leading zeros and letter case may differ. Kannel msg-id-type 3. */
    BOTH_HEX,
    /**
     * The bases are not known: submit ids are keyed by their text without leading zeros (hex
     * letters upper-cased), and a receipt id yields several candidate keys (as written, its
     * decimal value in hex, its hex value in decimal) for the correlator to try in order.
     */
    AUTO;

    /**
     * The format matching Kannel's {@code msg-id-type} (bit 0 set: submit_sm_resp ids are hex;
     * bit 1 set: receipt ids are hex).
     *
     * @throws IllegalArgumentException if {@code msgIdType} is not 0..3
     */
    public static MessageIdFormat fromKannelMsgIdType(int msgIdType) {
        return switch (msgIdType) {
            case 0 -> BOTH_DECIMAL;
            case 1 -> SUBMIT_HEX_RECEIPT_DECIMAL;
            case 2 -> SUBMIT_DECIMAL_RECEIPT_HEX;
            case 3 -> BOTH_HEX;
            default -> throw new IllegalArgumentException("Kannel msg-id-type must be 0..3, was " + msgIdType);
        };
    }
}
