package io.ujumbe.pdu;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One optional parameter: a 16-bit tag and its value octets, known tag or not. Immutable: the
 * value is copied in and out. Two TLVs are equal when tag and value octets are equal.
 */
public final class Tlv {

    private static final byte[] NO_OCTETS = new byte[0];

    private final int tag;
    private final byte[] value;

    private Tlv(int tag, byte[] value) {
        this.tag = tag;
        this.value = value;
    }

    /**
     * A TLV with these value octets (copied).
     *
     * @throws IllegalArgumentException when the tag is not 0..0xFFFF or the value is over 65535 octets
     */
    public static Tlv of(int tag, byte[] value) {
        Objects.requireNonNull(value, "value");
        checkTag(tag);
        checkLength(tag, value.length);
        return new Tlv(tag, value.length == 0 ? NO_OCTETS : value.clone());
    }

    /** Takes ownership of the array without copying; for the codec, which made the copy itself. */
    static Tlv wrap(int tag, byte[] value) {
        return new Tlv(tag, value.length == 0 ? NO_OCTETS : value);
    }

    /** A one-octet unsigned integer TLV. */
    public static Tlv ofInt8(int tag, int value) {
        checkTag(tag);
        checkRange(tag, value, 0xFF);
        return new Tlv(tag, new byte[] {(byte) value});
    }

    /** A two-octet unsigned big-endian integer TLV. */
    public static Tlv ofInt16(int tag, int value) {
        checkTag(tag);
        checkRange(tag, value, 0xFFFF);
        return new Tlv(tag, new byte[] {(byte) (value >>> 8), (byte) value});
    }

    /** A four-octet big-endian integer TLV (the int's bits, so unsigned values above 2^31 are negative ints). */
    public static Tlv ofInt32(int tag, int value) {
        checkTag(tag);
        return new Tlv(tag, new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value});
    }

    /**
     * A C-octet string TLV: the text as Latin-1 followed by a NUL, which the length counts.
     *
     * @throws IllegalArgumentException when the text has a NUL or a character above U+00FF
     */
    public static Tlv ofCString(int tag, String text) {
        Objects.requireNonNull(text, "text");
        checkTag(tag);
        checkLength(tag, text.length() + 1);
        byte[] v = new byte[text.length() + 1];
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0 || c > 0xFF) {
                throw new IllegalArgumentException("TLV " + Hex.shortString(tag)
                        + ": text must be Latin-1 without NUL, found U+" + Integer.toHexString(c) + " at index " + i);
            }
            v[i] = (byte) c;
        }
        return new Tlv(tag, v);
    }

    /** sar_msg_ref_num (0x020C): the reference shared by all parts of a concatenated message. */
    public static Tlv sarMsgRefNum(int reference) {
        return ofInt16(TlvTag.SAR_MSG_REF_NUM.tag(), reference);
    }

    /** sar_total_segments (0x020E): how many parts the message has (1..255). */
    public static Tlv sarTotalSegments(int total) {
        return ofInt8(TlvTag.SAR_TOTAL_SEGMENTS.tag(), total);
    }

    /** sar_segment_seqnum (0x020F): this part's number, from 1. */
    public static Tlv sarSegmentSeqnum(int seqnum) {
        return ofInt8(TlvTag.SAR_SEGMENT_SEQNUM.tag(), seqnum);
    }

    /** message_payload (0x0424): the message, up to 64K octets, instead of short_message. */
    public static Tlv messagePayload(byte[] payload) {
        return of(TlvTag.MESSAGE_PAYLOAD.tag(), payload);
    }

    /** receipted_message_id (0x001E): the SMSC message id a receipt is about. */
    public static Tlv receiptedMessageId(String messageId) {
        return ofCString(TlvTag.RECEIPTED_MESSAGE_ID.tag(), messageId);
    }

    /** message_state (0x0427), as a receipt carries it. */
    public static Tlv messageState(MessageState state) {
        return ofInt8(TlvTag.MESSAGE_STATE.tag(), state.value());
    }

    /** network_error_code (0x0423): network type and error code in three octets. */
    public static Tlv networkErrorCode(NetworkErrorCode code) {
        int e = code.errorCode();
        return new Tlv(TlvTag.NETWORK_ERROR_CODE.tag(),
                new byte[] {(byte) code.networkType(), (byte) (e >>> 8), (byte) e});
    }

    /** sc_interface_version (0x0210): the SMPP version the SMSC supports, e.g. 0x34. */
    public static Tlv scInterfaceVersion(int version) {
        return ofInt8(TlvTag.SC_INTERFACE_VERSION.tag(), version);
    }

    /** congestion_state (0x0428, SMPP 5.0): load from 0 (idle) to 100 (congested). */
    public static Tlv congestionState(int state) {
        return ofInt8(TlvTag.CONGESTION_STATE.tag(), state);
    }

    /** user_message_reference (0x0204): the ESME's own reference for the message. */
    public static Tlv userMessageReference(int reference) {
        return ofInt16(TlvTag.USER_MESSAGE_REFERENCE.tag(), reference);
    }

    /** source_port (0x020A): the application port of the sender (WAP, ports addressing). */
    public static Tlv sourcePort(int port) {
        return ofInt16(TlvTag.SOURCE_PORT.tag(), port);
    }

    /** destination_port (0x020B): the application port at the recipient. */
    public static Tlv destinationPort(int port) {
        return ofInt16(TlvTag.DESTINATION_PORT.tag(), port);
    }

    /** The 16-bit tag, 0..0xFFFF. */
    public int tag() {
        return tag;
    }

    /** The tag's specification entry, when SMPP 3.4 defines it. */
    public Optional<TlvTag> knownTag() {
        return TlvTag.of(tag);
    }

    /** A copy of the value octets. */
    public byte[] value() {
        return value.length == 0 ? NO_OCTETS : value.clone();
    }

    /** The value's length in octets. */
    public int length() {
        return value.length;
    }

    /** The octets this TLV takes on the wire: 4 header octets plus the value. */
    public int encodedLength() {
        return 4 + value.length;
    }

    /** The value array itself, for the codec and {@link Tlvs}; never modified by them. */
    byte[] rawValue() {
        return value;
    }

    /**
     * The value read as an unsigned big-endian integer, for values of 1 to 4 octets.
     *
     * @throws IllegalStateException for other lengths
     */
    public long longValue() {
        if (value.length < 1 || value.length > 4) {
            throw new IllegalStateException("TLV " + Hex.shortString(tag) + " has " + value.length
                    + " octets, not an integer of 1 to 4");
        }
        long v = 0;
        for (byte b : value) {
            v = (v << 8) | (b & 0xFF);
        }
        return v;
    }

    /**
     * The value read as text (Latin-1), without the trailing NUL of a C-octet string when there
     * is one, and up to the first NUL otherwise.
     */
    public String stringValue() {
        int n = 0;
        while (n < value.length && value[n] != 0) {
            n++;
        }
        return new String(value, 0, n, StandardCharsets.ISO_8859_1);
    }

    private static void checkTag(int tag) {
        if (tag < 0 || tag > 0xFFFF) {
            throw new IllegalArgumentException("TLV tag must be 0..0xFFFF, was " + tag);
        }
    }

    private static void checkLength(int tag, int length) {
        if (length > 0xFFFF) {
            throw new IllegalArgumentException("TLV " + Hex.shortString(tag)
                    + ": value must be at most 65535 octets, was " + length);
        }
    }

    private static void checkRange(int tag, int value, int max) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException("TLV " + Hex.shortString(tag)
                    + ": value must be 0.." + max + ", was " + value);
        }
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof Tlv && ((Tlv) o).tag == tag && Arrays.equals(((Tlv) o).value, value);
    }

    @Override
    public int hashCode() {
        return 31 * tag + Arrays.hashCode(value);
    }

    /** Tag (with its name when known) and value, e.g. {@code sar_msg_ref_num(0x020c)=1234}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(32);
        appendTo(sb);
        return sb.toString();
    }

    void appendTo(StringBuilder sb) {
        TlvTag known = TlvTag.lookup(tag);
        if (known != null) {
            sb.append(known.smppName()).append('(').append(Hex.shortString(tag)).append(')');
        } else {
            sb.append(Hex.shortString(tag));
        }
        sb.append('=');
        int n = Math.min(value.length, 32);
        for (int i = 0; i < n; i++) {
            sb.append(Character.forDigit((value[i] >> 4) & 0xF, 16)).append(Character.forDigit(value[i] & 0xF, 16));
        }
        if (value.length > n) {
            sb.append("…(").append(value.length).append(" octets)");
        }
    }
}
