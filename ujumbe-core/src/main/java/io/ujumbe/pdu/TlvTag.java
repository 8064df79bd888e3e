package io.ujumbe.pdu;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Every optional parameter (TLV) tag of SMPP 3.4 section 5.3.2, plus SMPP 5.0's
 * congestion_state, with the type of its value and the lengths the specification allows. Tags not
 * listed here (vendor tags 0x1400–0x3FFF, later versions' tags) are still carried by {@link Tlv};
 * this enum only adds knowledge about the ones it names.
 */
public enum TlvTag {
    DEST_ADDR_SUBUNIT(0x0005, ValueType.INT8, 1, 1),
    DEST_NETWORK_TYPE(0x0006, ValueType.INT8, 1, 1),
    DEST_BEARER_TYPE(0x0007, ValueType.INT8, 1, 1),
    DEST_TELEMATICS_ID(0x0008, ValueType.INT16, 2, 2),
    SOURCE_ADDR_SUBUNIT(0x000D, ValueType.INT8, 1, 1),
    SOURCE_NETWORK_TYPE(0x000E, ValueType.INT8, 1, 1),
    SOURCE_BEARER_TYPE(0x000F, ValueType.INT8, 1, 1),
    SOURCE_TELEMATICS_ID(0x0010, ValueType.INT8, 1, 1),
    QOS_TIME_TO_LIVE(0x0017, ValueType.INT32, 4, 4),
    PAYLOAD_TYPE(0x0019, ValueType.INT8, 1, 1),
    ADDITIONAL_STATUS_INFO_TEXT(0x001D, ValueType.C_OCTET_STRING, 1, 256),
    RECEIPTED_MESSAGE_ID(0x001E, ValueType.C_OCTET_STRING, 1, 65),
    MS_MSG_WAIT_FACILITIES(0x0030, ValueType.INT8, 1, 1),
    PRIVACY_INDICATOR(0x0201, ValueType.INT8, 1, 1),
    SOURCE_SUBADDRESS(0x0202, ValueType.OCTET_STRING, 2, 23),
    DEST_SUBADDRESS(0x0203, ValueType.OCTET_STRING, 2, 23),
    USER_MESSAGE_REFERENCE(0x0204, ValueType.INT16, 2, 2),
    USER_RESPONSE_CODE(0x0205, ValueType.INT8, 1, 1),
    SOURCE_PORT(0x020A, ValueType.INT16, 2, 2),
    DESTINATION_PORT(0x020B, ValueType.INT16, 2, 2),
    SAR_MSG_REF_NUM(0x020C, ValueType.INT16, 2, 2),
    LANGUAGE_INDICATOR(0x020D, ValueType.INT8, 1, 1),
    SAR_TOTAL_SEGMENTS(0x020E, ValueType.INT8, 1, 1),
    SAR_SEGMENT_SEQNUM(0x020F, ValueType.INT8, 1, 1),
    SC_INTERFACE_VERSION(0x0210, ValueType.INT8, 1, 1),
    CALLBACK_NUM_PRES_IND(0x0302, ValueType.INT8, 1, 1),
    CALLBACK_NUM_ATAG(0x0303, ValueType.OCTET_STRING, 0, 65),
    NUMBER_OF_MESSAGES(0x0304, ValueType.INT8, 1, 1),
    CALLBACK_NUM(0x0381, ValueType.OCTET_STRING, 4, 19),
    DPF_RESULT(0x0420, ValueType.INT8, 1, 1),
    SET_DPF(0x0421, ValueType.INT8, 1, 1),
    MS_AVAILABILITY_STATUS(0x0422, ValueType.INT8, 1, 1),
    /** Three octets: network type (1 octet) and error code (2 octets); see {@link NetworkErrorCode}. */
    NETWORK_ERROR_CODE(0x0423, ValueType.OCTET_STRING, 3, 3),
    MESSAGE_PAYLOAD(0x0424, ValueType.OCTET_STRING, 0, 0xFFFF),
    DELIVERY_FAILURE_REASON(0x0425, ValueType.INT8, 1, 1),
    MORE_MESSAGES_TO_SEND(0x0426, ValueType.INT8, 1, 1),
    MESSAGE_STATE(0x0427, ValueType.INT8, 1, 1),
    /** SMPP 5.0: the peer's load, 0 (idle) to 100 (congested). */
    CONGESTION_STATE(0x0428, ValueType.INT8, 1, 1),
    USSD_SERVICE_OP(0x0501, ValueType.OCTET_STRING, 1, 1),
    DISPLAY_TIME(0x1201, ValueType.INT8, 1, 1),
    SMS_SIGNAL(0x1203, ValueType.INT16, 2, 2),
    MS_VALIDITY(0x1204, ValueType.INT8, 1, 1),
    /** No value in SMPP 3.4; SMPP 5.0 gives it one octet, so both lengths are accepted. */
    ALERT_ON_MESSAGE_DELIVERY(0x130C, ValueType.NONE, 0, 1),
    ITS_REPLY_TYPE(0x1380, ValueType.INT8, 1, 1),
    ITS_SESSION_INFO(0x1383, ValueType.OCTET_STRING, 2, 2);

    /** The kind of value a tag carries. */
    public enum ValueType {
        /** Unsigned one-octet integer. */
        INT8,
        /** Unsigned two-octet big-endian integer. */
        INT16,
        /** Unsigned four-octet big-endian integer. */
        INT32,
        /** ASCII/Latin-1 text ending with a NUL octet, which the length counts. */
        C_OCTET_STRING,
        /** Octets without terminator. */
        OCTET_STRING,
        /** No value (a flag whose presence is the information). */
        NONE
    }

    /*
     * An open-addressing hash table from tag to constant, at most a quarter full, so that the
     * decoder's lookup for every TLV is a multiply and usually one probe.
     */
    private static final int HASH_BITS = 8;
    private static final int[] TAGS = new int[1 << HASH_BITS];
    private static final TlvTag[] BY_TAG = new TlvTag[1 << HASH_BITS];

    static {
        Arrays.fill(TAGS, -1);
        for (TlvTag t : values()) {
            int i = slot(t.tag);
            while (TAGS[i] != -1) {
                i = (i + 1) & (TAGS.length - 1);
            }
            TAGS[i] = t.tag;
            BY_TAG[i] = t;
        }
    }

    private static int slot(int tag) {
        return (tag * 0x9E3779B1) >>> (32 - HASH_BITS);
    }

    private final int tag;
    private final ValueType valueType;
    private final int minLength;
    private final int maxLength;

    TlvTag(int tag, ValueType valueType, int minLength, int maxLength) {
        this.tag = tag;
        this.valueType = valueType;
        this.minLength = minLength;
        this.maxLength = maxLength;
    }

    /** The 16-bit tag on the wire. */
    public int tag() {
        return tag;
    }

    /** The type of the value. */
    public ValueType valueType() {
        return valueType;
    }

    /** The shortest value length the specification allows, in octets. */
    public int minLength() {
        return minLength;
    }

    /** The longest value length the specification allows, in octets (including a C-string's NUL). */
    public int maxLength() {
        return maxLength;
    }

    /** True when a value of this many octets is allowed. */
    public boolean allowsLength(int length) {
        return length >= minLength && length <= maxLength;
    }

    /** The SMPP name, e.g. {@code sar_msg_ref_num}. */
    public String smppName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The tag with this number, or empty when SMPP 3.4 does not define it. */
    public static Optional<TlvTag> of(int tag) {
        return Optional.ofNullable(lookup(tag));
    }

    /** Like {@link #of(int)} without the Optional, for hot paths: null when unknown. */
    public static TlvTag lookup(int tag) {
        for (int i = slot(tag); ; i = (i + 1) & (TAGS.length - 1)) {
            int t = TAGS[i];
            if (t == tag) {
                return BY_TAG[i];
            }
            if (t == -1) {
                return null;
            }
        }
    }

    /** True for the range SMPP 3.4 reserves for SMSC vendors (0x1400–0x3FFF). */
    public static boolean isVendorSpecific(int tag) {
        return tag >= 0x1400 && tag <= 0x3FFF;
    }
}
