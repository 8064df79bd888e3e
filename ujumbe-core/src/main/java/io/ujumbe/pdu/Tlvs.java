package io.ujumbe.pdu;

import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The optional parameters of a PDU, immutable and in wire order. Unknown and vendor tags, and
 * repeated tags, are kept exactly as received so that a decoded PDU re-encodes to the same
 * octets. Typed getters read the parameters the library itself uses.
 */
public final class Tlvs implements Iterable<Tlv> {

    /** No optional parameters. */
    public static final Tlvs EMPTY = new Tlvs(new Tlv[0]);

    private final Tlv[] items;

    private Tlvs(Tlv[] items) {
        this.items = items;
    }

    /** These TLVs in this order. */
    public static Tlvs of(Tlv... tlvs) {
        if (tlvs.length == 0) {
            return EMPTY;
        }
        Tlv[] copy = tlvs.clone();
        for (int i = 0; i < copy.length; i++) {
            Objects.requireNonNull(copy[i], "tlv");
        }
        return new Tlvs(copy);
    }

    /** These TLVs in list order. */
    public static Tlvs of(List<Tlv> tlvs) {
        return of(tlvs.toArray(new Tlv[0]));
    }

    /** Takes ownership of an array the codec built. */
    static Tlvs wrap(Tlv[] items) {
        return items.length == 0 ? EMPTY : new Tlvs(items);
    }

    /** The number of TLVs, repeated tags counted each time. */
    public int size() {
        return items.length;
    }

    /** True when there are none. */
    public boolean isEmpty() {
        return items.length == 0;
    }

    /** The TLV at this position (0-based, wire order). */
    public Tlv at(int index) {
        return items[index];
    }

    /** The first TLV with this tag, if any. */
    public Optional<Tlv> get(int tag) {
        return Optional.ofNullable(find(tag));
    }

    /** The first TLV with this tag, if any. */
    public Optional<Tlv> get(TlvTag tag) {
        return get(tag.tag());
    }

    /** True when a TLV with this tag is present. */
    public boolean contains(int tag) {
        return find(tag) != null;
    }

    /** The TLVs as an unmodifiable list, in order. */
    public List<Tlv> asList() {
        return Collections.unmodifiableList(Arrays.asList(items));
    }

    @Override
    public Iterator<Tlv> iterator() {
        return asList().iterator();
    }

    /**
     * These TLVs with {@code tlv} set: it replaces the first TLV with the same tag (keeping its
     * position, dropping later repeats) or is appended.
     */
    public Tlvs with(Tlv tlv) {
        Objects.requireNonNull(tlv, "tlv");
        int first = -1;
        int repeats = 0;
        for (int i = 0; i < items.length; i++) {
            if (items[i].tag() == tlv.tag()) {
                if (first < 0) {
                    first = i;
                } else {
                    repeats++;
                }
            }
        }
        if (first < 0) {
            Tlv[] next = Arrays.copyOf(items, items.length + 1);
            next[items.length] = tlv;
            return new Tlvs(next);
        }
        Tlv[] next = new Tlv[items.length - repeats];
        int n = 0;
        for (int i = 0; i < items.length; i++) {
            if (i == first) {
                next[n++] = tlv;
            } else if (items[i].tag() != tlv.tag()) {
                next[n++] = items[i];
            }
        }
        return new Tlvs(next);
    }

    /** These TLVs without any with this tag. */
    public Tlvs without(int tag) {
        int count = 0;
        for (Tlv t : items) {
            if (t.tag() == tag) {
                count++;
            }
        }
        if (count == 0) {
            return this;
        }
        Tlv[] next = new Tlv[items.length - count];
        int n = 0;
        for (Tlv t : items) {
            if (t.tag() != tag) {
                next[n++] = t;
            }
        }
        return wrap(next);
    }

    /** The octets these TLVs take on the wire. */
    public int encodedLength() {
        int n = 0;
        for (Tlv t : items) {
            n += t.encodedLength();
        }
        return n;
    }

    /** receipted_message_id (0x001E) as text, without its NUL. */
    public Optional<String> receiptedMessageId() {
        Tlv t = find(TlvTag.RECEIPTED_MESSAGE_ID.tag());
        return t == null ? Optional.empty() : Optional.of(t.stringValue());
    }

    /** message_state (0x0427), when present and one of the assigned values. */
    public Optional<MessageState> messageState() {
        OptionalInt v = intValue(TlvTag.MESSAGE_STATE.tag());
        return v.isPresent() ? MessageState.of(v.getAsInt()) : Optional.empty();
    }

    /** network_error_code (0x0423), when present with its three octets. */
    public Optional<NetworkErrorCode> networkErrorCode() {
        Tlv t = find(TlvTag.NETWORK_ERROR_CODE.tag());
        if (t == null || t.length() != 3) {
            return Optional.empty();
        }
        byte[] v = t.rawValue();
        return Optional.of(new NetworkErrorCode(v[0] & 0xFF, ((v[1] & 0xFF) << 8) | (v[2] & 0xFF)));
    }

    /** sar_msg_ref_num (0x020C). */
    public OptionalInt sarMsgRefNum() {
        return intValue(TlvTag.SAR_MSG_REF_NUM.tag());
    }

    /** sar_total_segments (0x020E). */
    public OptionalInt sarTotalSegments() {
        return intValue(TlvTag.SAR_TOTAL_SEGMENTS.tag());
    }

    /** sar_segment_seqnum (0x020F). */
    public OptionalInt sarSegmentSeqnum() {
        return intValue(TlvTag.SAR_SEGMENT_SEQNUM.tag());
    }

    /** message_payload (0x0424), a copy of its octets. */
    public Optional<byte[]> messagePayload() {
        Tlv t = find(TlvTag.MESSAGE_PAYLOAD.tag());
        return t == null ? Optional.empty() : Optional.of(t.value());
    }

    /** sc_interface_version (0x0210). */
    public OptionalInt scInterfaceVersion() {
        return intValue(TlvTag.SC_INTERFACE_VERSION.tag());
    }

    /** congestion_state (0x0428, SMPP 5.0). */
    public OptionalInt congestionState() {
        return intValue(TlvTag.CONGESTION_STATE.tag());
    }

    /** user_message_reference (0x0204). */
    public OptionalInt userMessageReference() {
        return intValue(TlvTag.USER_MESSAGE_REFERENCE.tag());
    }

    /** source_port (0x020A). */
    public OptionalInt sourcePort() {
        return intValue(TlvTag.SOURCE_PORT.tag());
    }

    /** destination_port (0x020B). */
    public OptionalInt destinationPort() {
        return intValue(TlvTag.DESTINATION_PORT.tag());
    }

    /**
     * The first TLV with this tag read as an unsigned big-endian integer; empty when absent or
     * when its length is not 1 to 4 octets (4-octet values come back as the int's bits).
     */
    public OptionalInt intValue(int tag) {
        Tlv t = find(tag);
        if (t == null || t.length() < 1 || t.length() > 4) {
            return OptionalInt.empty();
        }
        return OptionalInt.of((int) t.longValue());
    }

    private Tlv find(int tag) {
        for (Tlv t : items) {
            if (t.tag() == tag) {
                return t;
            }
        }
        return null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tlvs && Arrays.equals(((Tlvs) o).items, items);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(items);
    }

    /** {@code [tag=value, …]}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder().append('[');
        appendItems(sb);
        return sb.append(']').toString();
    }

    void appendItems(StringBuilder sb) {
        for (int i = 0; i < items.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            items[i].appendTo(sb);
        }
    }
}
