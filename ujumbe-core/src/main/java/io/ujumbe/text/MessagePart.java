package io.ujumbe.text;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * One PDU's worth of a split message, produced by {@link MessageSplitter}: the bytes for the
 * short_message (or the message_payload TLV), whether esm_class must have UDHI set, the data_coding,
 * and for {@link MultipartMode#SAR} the three SAR TLV values. Immutable.
 */
public final class MessagePart {
    private static final byte[] EMPTY = new byte[0];

    private final byte[] userData;
    private final UserDataHeader header;
    private final int dataCoding;
    private final boolean inMessagePayload;
    private final int partNumber;
    private final int totalParts;
    private final OptionalInt sarReference;

    MessagePart(byte[] userData, UserDataHeader header, int dataCoding, boolean inMessagePayload,
                int partNumber, int totalParts, OptionalInt sarReference) {
        this.userData = userData; // the splitter hands over an array it has just made
        this.header = header;
        this.dataCoding = dataCoding;
        this.inMessagePayload = inMessagePayload;
        this.partNumber = partNumber;
        this.totalParts = totalParts;
        this.sarReference = sarReference;
    }

    /**
     * The bytes for the short_message field: the UDH (when {@link #udhi()}) then the payload. Empty
     * when {@link #inMessagePayload()}.
     */
    public byte[] shortMessage() {
        return inMessagePayload ? EMPTY.clone() : userData.clone();
    }

    /**
     * The bytes for the message_payload TLV (UDH first when {@link #udhi()}), or empty when the part
     * goes in short_message.
     */
    public byte[] messagePayload() {
        return inMessagePayload ? userData.clone() : EMPTY.clone();
    }

    /** True when the bytes go to the message_payload TLV and short_message stays empty. */
    public boolean inMessagePayload() {
        return inMessagePayload;
    }

    /** True when the bytes start with a user data header, so esm_class must have UDHI (0x40) set. */
    public boolean udhi() {
        return header != null;
    }

    /** The header at the start of the bytes, if any. */
    public Optional<UserDataHeader> userDataHeader() {
        return Optional.ofNullable(header);
    }

    /** The data_coding for the PDU, as in the {@link EncodedText} that was split. */
    public int dataCoding() {
        return dataCoding;
    }

    /** This part's 1-based number. */
    public int partNumber() {
        return partNumber;
    }

    /** The number of parts the message was split into. */
    public int totalParts() {
        return totalParts;
    }

    /** sar_msg_ref_num, present only for a multipart message in {@link MultipartMode#SAR}. */
    public OptionalInt sarReference() {
        return sarReference;
    }

    /** sar_total_segments, present only for a multipart message in {@link MultipartMode#SAR}. */
    public OptionalInt sarTotal() {
        return sarReference.isPresent() ? OptionalInt.of(totalParts) : OptionalInt.empty();
    }

    /** sar_segment_seqnum, present only for a multipart message in {@link MultipartMode#SAR}. */
    public OptionalInt sarSequence() {
        return sarReference.isPresent() ? OptionalInt.of(partNumber) : OptionalInt.empty();
    }

    @Override
    public String toString() {
        return "MessagePart{" + partNumber + '/' + totalParts + ", " + userData.length + " octets in "
                + (inMessagePayload ? "message_payload" : "short_message")
                + ", data_coding=0x" + Integer.toHexString(dataCoding)
                + (header != null ? ", udh=" + header : "")
                + (sarReference.isPresent() ? ", sar_msg_ref_num=" + sarReference.getAsInt() : "") + '}';
    }
}
