package io.ujumbe.text;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * What a deliver_sm or data_sm carries that matters for reassembly: source and destination
 * addresses, data_coding, the user data (short_message, or message_payload when that is used) with
 * its header when UDHI is set, and the SAR TLVs when present. Building one parses the header,
 * strips it from the payload, and finds the concatenation data, from the UDH (IE 0x00 or 0x08)
 * or else from the SAR values. Immutable.
 */
public final class InboundPart {
    private final String source;
    private final String destination;
    private final int dataCoding;
    private final byte[] userData;
    private final UserDataHeader header;
    private final byte[] payload;
    private final Concatenation concatenation;

    private InboundPart(Builder b) {
        this.source = Objects.requireNonNull(b.source, "source");
        this.destination = Objects.requireNonNull(b.destination, "destination");
        if (b.dataCoding < 0 || b.dataCoding > 0xFF) {
            throw new IllegalArgumentException("data_coding must be 0..255, was " + b.dataCoding);
        }
        this.dataCoding = b.dataCoding;
        this.userData = Objects.requireNonNull(b.userData, "userData").clone();
        this.header = b.udhi ? UserDataHeader.parse(userData) : null;
        int headerLength = header == null ? 0 : header.length();
        this.payload = b.gsmPacked
                ? UserDataPacking.unpack(userData, headerLength)
                : Arrays.copyOfRange(userData, headerLength, userData.length);
        Concatenation fromHeader = header == null ? null : header.concatenation().orElse(null);
        if (fromHeader != null) {
            this.concatenation = validated(fromHeader, "UDH information element 0x"
                    + (fromHeader.sixteenBit() ? "08" : "00"));
        } else if (b.sar != null) {
            this.concatenation = validated(b.sar, "SAR TLVs");
        } else {
            this.concatenation = null;
        }
    }

    private static Concatenation validated(Concatenation c, String where) {
        if (c.total() == 0) {
            throw new InvalidPartException("total number of parts is 0 in the " + where);
        }
        if (c.sequence() == 0 || c.sequence() > c.total()) {
            throw new InvalidPartException("part sequence number " + c.sequence() + " is not within 1.."
                    + c.total() + " in the " + where);
        }
        return c;
    }

    /** A builder; source, destination and user data are required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A part whose concatenation data, if any, is in its UDH (unpacked GSM or any other coding).
     *
     * @throws MalformedUserDataHeaderException if {@code udhi} is set and the header is malformed
     * @throws InvalidPartException if the concatenation element holds impossible numbers
     */
    public static InboundPart of(String source, String destination, int dataCoding, byte[] userData, boolean udhi) {
        return builder().source(source).destination(destination).dataCoding(dataCoding)
                .userData(userData).udhi(udhi).build();
    }

    /** source_addr of the PDU. */
    public String source() {
        return source;
    }

    /** destination_addr of the PDU. */
    public String destination() {
        return destination;
    }

    public int dataCoding() {
        return dataCoding;
    }

    /** A copy of the user data as received, header included. */
    public byte[] userData() {
        return userData.clone();
    }

    /** True when the user data starts with a header (esm_class UDHI). */
    public boolean udhi() {
        return header != null;
    }

    /** The parsed header, present when UDHI is set. */
    public Optional<UserDataHeader> userDataHeader() {
        return Optional.ofNullable(header);
    }

    /** A copy of the payload without the header; unpacked septets when the part was built as GSM packed. */
    public byte[] payload() {
        return payload.clone();
    }

    int payloadLength() {
        return payload.length;
    }

    void copyPayload(byte[] target, int offset) {
        System.arraycopy(payload, 0, target, offset, payload.length);
    }

    /** Where this part sits in a multipart message, validated; empty for a message in one piece. */
    public Optional<Concatenation> concatenation() {
        return Optional.ofNullable(concatenation);
    }

    @Override
    public String toString() {
        return "InboundPart{" + source + " -> " + destination + ", data_coding=0x" + Integer.toHexString(dataCoding)
                + ", " + payload.length + " payload bytes"
                + (header != null ? ", udh=" + header : "")
                + (concatenation != null ? ", " + concatenation : "") + '}';
    }

    /** Collects the fields of an {@link InboundPart}. */
    public static final class Builder {
        private String source;
        private String destination;
        private int dataCoding;
        private byte[] userData;
        private boolean udhi;
        private boolean gsmPacked;
        private Concatenation sar;

        private Builder() {
        }

        /** source_addr; may be empty, not null. */
        public Builder source(String source) {
            this.source = source;
            return this;
        }

        /** destination_addr; may be empty, not null. */
        public Builder destination(String destination) {
            this.destination = destination;
            return this;
        }

        /** data_coding, 0..255; default 0. */
        public Builder dataCoding(int dataCoding) {
            this.dataCoding = dataCoding;
            return this;
        }

        /** The short_message bytes (or message_payload when that carries the text), header included. */
        public Builder userData(byte[] userData) {
            this.userData = userData;
            return this;
        }

        /** Whether esm_class has UDHI (0x40) set, so the user data starts with a header; default false. */
        public Builder udhi(boolean udhi) {
            this.udhi = udhi;
            return this;
        }

        /**
         * Whether the user data holds GSM 7-bit packed septets (with fill bits after a header), to be
         * unpacked into one septet per byte; default false. Only set this for a GSM 7-bit data_coding.
         */
        public Builder gsmPacked(boolean gsmPacked) {
            this.gsmPacked = gsmPacked;
            return this;
        }

        /**
         * The SAR TLVs, when the PDU has all three: sar_msg_ref_num (0..65535), sar_total_segments
         * and sar_segment_seqnum (1..255). A concatenation element in the UDH takes precedence.
         *
         * @throws InvalidPartException if a value is outside its TLV's range or the sequence is
         *     above the total
         */
        public Builder sar(int reference, int total, int sequence) {
            if (reference < 0 || reference > 0xFFFF) {
                throw new InvalidPartException("sar_msg_ref_num must be 0..65535, was " + reference);
            }
            if (total < 1 || total > 0xFF) {
                throw new InvalidPartException("sar_total_segments must be 1..255, was " + total);
            }
            if (sequence < 1 || sequence > total) {
                throw new InvalidPartException("sar_segment_seqnum must be 1..sar_total_segments (" + total
                        + "), was " + sequence);
            }
            this.sar = new Concatenation(reference, total, sequence, true);
            return this;
        }

        /**
         * @throws MalformedUserDataHeaderException if UDHI is set and the header is malformed
         * @throws InvalidPartException if the concatenation data holds impossible numbers
         */
        public InboundPart build() {
            return new InboundPart(this);
        }
    }
}
