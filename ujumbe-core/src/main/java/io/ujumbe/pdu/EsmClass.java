package io.ujumbe.pdu;

/**
 * The esm_class octet (SMPP 3.4 section 5.2.12): messaging mode in bits 0–1, message type in
 * bits 2–5, GSM network features in bits 6–7 (UDHI 0x40, reply path 0x80). Any value 0..255 is
 * kept as it is; the methods test bits, never the whole value.
 *
 * @param value the octet, 0..255
 */
public record EsmClass(int value) {

    /** Default mode, normal message, no GSM features. */
    public static final EsmClass DEFAULT = new EsmClass(0);

    /** Messaging mode (bits 0–1): the SMSC's default mode. */
    public static final int MODE_DEFAULT = 0x00;
    /** Messaging mode: datagram. */
    public static final int MODE_DATAGRAM = 0x01;
    /** Messaging mode: forward (transaction). */
    public static final int MODE_FORWARD = 0x02;
    /** Messaging mode: store and forward. */
    public static final int MODE_STORE_AND_FORWARD = 0x03;

    /** Message type (bits 2–5): SMSC delivery receipt. */
    public static final int TYPE_DELIVERY_RECEIPT = 0x04;
    /** Message type: SME delivery acknowledgement. */
    public static final int TYPE_SME_DELIVERY_ACK = 0x08;
    /** Message type: SME manual/user acknowledgement. */
    public static final int TYPE_SME_MANUAL_ACK = 0x10;
    /** Message type: conversation abort (Korean CDMA). */
    public static final int TYPE_CONVERSATION_ABORT = 0x18;
    /** Message type: intermediate delivery notification. */
    public static final int TYPE_INTERMEDIATE_NOTIFICATION = 0x20;

    /** GSM feature: the short message begins with a user data header. */
    public static final int UDHI = 0x40;
    /** GSM feature: reply path. */
    public static final int REPLY_PATH = 0x80;

    private static final EsmClass[] ALL = new EsmClass[256];

    static {
        ALL[0] = DEFAULT;
        for (int v = 1; v < ALL.length; v++) {
            ALL[v] = new EsmClass(v);
        }
    }

    /** @throws IllegalArgumentException when the value does not fit in one octet */
    public EsmClass {
        if (value < 0 || value > 255) {
            throw new IllegalArgumentException("esm_class must be 0..255, was " + value);
        }
    }

    /** The esm_class with this value (a shared instance). */
    public static EsmClass of(int value) {
        if (value < 0 || value > 255) {
            throw new IllegalArgumentException("esm_class must be 0..255, was " + value);
        }
        return ALL[value];
    }

    /** The messaging mode, bits 0–1 (one of the {@code MODE_} constants). */
    public int messagingMode() {
        return value & 0x03;
    }

    /** The message type, bits 2–5 in place (one of the {@code TYPE_} constants, or 0). */
    public int messageType() {
        return value & 0x3C;
    }

    /** True when the short message starts with a user data header (bit 6). */
    public boolean isUdhi() {
        return (value & UDHI) != 0;
    }

    /** True when the reply path feature is set (bit 7). */
    public boolean isReplyPath() {
        return (value & REPLY_PATH) != 0;
    }

    /** True when the message type says SMSC delivery receipt. */
    public boolean isDeliveryReceipt() {
        return messageType() == TYPE_DELIVERY_RECEIPT;
    }

    /** True when the message type says SME delivery or manual/user acknowledgement. */
    public boolean isSmeAck() {
        return messageType() == TYPE_SME_DELIVERY_ACK || messageType() == TYPE_SME_MANUAL_ACK;
    }

    /** True when the message type says intermediate delivery notification. */
    public boolean isIntermediateNotification() {
        return messageType() == TYPE_INTERMEDIATE_NOTIFICATION;
    }

    /** This esm_class with the UDHI bit set or cleared. */
    public EsmClass withUdhi(boolean udhi) {
        return of(udhi ? value | UDHI : value & ~UDHI);
    }

    /** This esm_class with the reply path bit set or cleared. */
    public EsmClass withReplyPath(boolean replyPath) {
        return of(replyPath ? value | REPLY_PATH : value & ~REPLY_PATH);
    }

    /** This esm_class with the message type bits (2–5) replaced. */
    public EsmClass withMessageType(int type) {
        return of((value & ~0x3C) | (type & 0x3C));
    }

    /** The hex value, e.g. {@code 0x40}. */
    @Override
    public String toString() {
        return Hex.byteString(value);
    }
}
