package io.ujumbe.text;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Cuts an {@link EncodedText} into the parts of one SMS, in the configured {@link MultipartMode}.
 * Immutable and thread-safe; build once with {@link #builder()}.
 *
 * <p>Each part holds at most 140 octets of user data. Per part that is 160 GSM septets, 70 UCS-2
 * units or 140 octets for a single-part text, and 153 / 67 / 134 with the 8-bit concatenation
 * header (152 / 66 / 133 with the 16-bit one). {@link MultipartMode#SAR} parts use the 8-bit
 * sizes: the concatenation data travels in TLVs, but the SMSC turns it into that header for the
 * handset. National-language shift elements (3 octets each) go into every part's header, even a
 * single part's, and shrink these capacities as {@link PartCapacity#unitsPerPart} computes them.
 *
 * <p>A cut never separates a GSM escape (0x1B) from the septet it escapes, nor a UTF-16 high
 * surrogate from its low surrogate: the first half moves to the next part. Text in a multi-byte or
 * stateful octet charset ({@link EncodedText#cutByCharacters()}: Shift_JIS, ISO-2022-JP, UTF-8 …)
 * is cut between characters and each part's characters are encoded on their own, so each part
 * decodes by itself. The parts are those
 * that {@link PartCapacity#countParts} counts (with 5 concatenation octets for UDH_8BIT and SAR,
 * 6 for UDH_16BIT), so {@link TextEncoder#plan} agrees with the split.
 */
public final class MessageSplitter {
    /** message_payload's length field is two octets. */
    private static final int MAX_MESSAGE_PAYLOAD = 0xFFFF;
    /** A concatenation IE counts parts in one octet. */
    private static final int MAX_PARTS = 255;

    private final MultipartMode mode;
    private final boolean gsmPacked;
    private final int maxParts;

    private MessageSplitter(Builder b) {
        this.mode = b.mode;
        this.gsmPacked = b.gsmPacked;
        this.maxParts = b.maxParts;
    }

    /** A builder with the defaults: {@link MultipartMode#UDH_8BIT}, GSM unpacked, at most 255 parts. */
    public static Builder builder() {
        return new Builder();
    }

    public MultipartMode mode() {
        return mode;
    }

    /** True when GSM 7-bit parts are sent packed (8 septets in 7 octets) rather than one per octet. */
    public boolean gsmPacked() {
        return gsmPacked;
    }

    public int maxParts() {
        return maxParts;
    }

    /**
     * True when {@link #split} would make one part of this text (or throw for a text too long for a
     * single-PDU mode), so that no concatenation reference is needed: a caller can skip picking one.
     */
    public boolean fitsOnePart(EncodedText text) {
        Objects.requireNonNull(text, "text");
        if (mode == MultipartMode.MESSAGE_PAYLOAD || mode == MultipartMode.SHORT_MESSAGE_ONLY) {
            return true;
        }
        int shifts = (text.singleShift() == null ? 0 : 1) + (text.lockingShift() == null ? 0 : 1);
        return PartCapacity.units(text) <= PartCapacity.unitsPerPart(text.alphabet(), PartCapacity.udhOctets(0, shifts));
    }

    /**
     * Splits the text into parts, in order.
     *
     * @param reference the concatenation reference shared by the parts: 0..255 for
     *     {@link MultipartMode#UDH_8BIT}, 0..65535 for every other mode (used by UDH_16BIT and SAR,
     *     ignored by the single-PDU modes). The caller picks it, typically from a per-destination
     *     counter, so that simultaneous messages to one handset do not share one.
     * @throws MessageTooLongException if the text does not fit the mode or needs more than
     *     {@link #maxParts()} parts
     * @throws IllegalArgumentException if the reference is out of range, UCS-2 bytes are odd in
     *     number, or a GSM 7-bit byte to be packed is not a septet (above 0x7F)
     */
    public List<MessagePart> split(EncodedText text, int reference) {
        Objects.requireNonNull(text, "text");
        int maxReference = mode == MultipartMode.UDH_8BIT ? 0xFF : 0xFFFF;
        if (reference < 0 || reference > maxReference) {
            throw new IllegalArgumentException("reference must be 0.." + maxReference + " for " + mode
                    + ", was " + reference);
        }
        if (text.alphabet() == Alphabet.UCS2 && text.length() % 2 != 0) {
            throw new IllegalArgumentException("UCS-2 text must have an even number of bytes, has " + text.length());
        }
        byte[] source = text.array();
        List<InformationElement> shifts = shiftElements(text);
        UserDataHeader singleHeader = shifts.isEmpty() ? null : UserDataHeader.of(shifts);

        if (mode == MultipartMode.MESSAGE_PAYLOAD) {
            byte[] userData = userData(singleHeader, text.alphabet(), source, 0, source.length);
            if (userData.length > MAX_MESSAGE_PAYLOAD) {
                throw new MessageTooLongException("text takes " + userData.length
                        + " octets, more than the 65535 a message_payload TLV can hold");
            }
            return List.of(new MessagePart(userData, singleHeader, text.dataCoding(), true, 1, 1, OptionalInt.empty()));
        }

        int singleCapacity = PartCapacity.unitsPerPart(text.alphabet(), PartCapacity.udhOctets(0, shifts.size()));
        if (PartCapacity.units(text) <= singleCapacity) {
            byte[] userData = userData(singleHeader, text.alphabet(), source, 0, source.length);
            return List.of(new MessagePart(userData, singleHeader, text.dataCoding(), false, 1, 1, OptionalInt.empty()));
        }
        if (mode == MultipartMode.SHORT_MESSAGE_ONLY) {
            throw new MessageTooLongException("text of " + PartCapacity.units(text) + " "
                    + unitName(text.alphabet()) + " does not fit one short message of " + singleCapacity + " in mode SHORT_MESSAGE_ONLY");
        }

        // SAR cuts at the 8-bit sizes too: the SMSC adds that concatenation element for the handset.
        int concatenationOctets = mode == MultipartMode.UDH_16BIT
                ? PartCapacity.CONCATENATION_16BIT_IE_OCTETS
                : PartCapacity.CONCATENATION_8BIT_IE_OCTETS;
        int partCapacity = PartCapacity.unitsPerPart(text.alphabet(),
                PartCapacity.udhOctets(concatenationOctets, shifts.size()));
        List<byte[]> characterParts = text.cutByCharacters() ? CharacterCut.cut(text, partCapacity, maxParts) : null;
        int[] ends = characterParts == null ? cut(text, partCapacity) : null;
        int total = characterParts == null ? ends.length : characterParts.size();
        MessagePart[] parts = new MessagePart[total];
        int start = 0;
        for (int i = 0; i < total; i++) {
            int seq = i + 1;
            UserDataHeader header;
            OptionalInt sar;
            if (mode == MultipartMode.SAR) {
                header = singleHeader;
                sar = OptionalInt.of(reference);
            } else {
                InformationElement concatenation = mode == MultipartMode.UDH_16BIT
                        ? InformationElement.concatenated16Bit(reference, total, seq)
                        : InformationElement.concatenated8Bit(reference, total, seq);
                header = UserDataHeader.of(withConcatenation(concatenation, shifts));
                sar = OptionalInt.empty();
            }
            byte[] userData;
            if (characterParts != null) {
                byte[] own = characterParts.get(i);
                userData = userData(header, text.alphabet(), own, 0, own.length);
            } else {
                userData = userData(header, text.alphabet(), source, start, ends[i]);
                start = ends[i];
            }
            parts[i] = new MessagePart(userData, header, text.dataCoding(), false, seq, total, sar);
        }
        return List.of(parts);
    }

    private static List<InformationElement> shiftElements(EncodedText text) {
        NationalLanguage single = text.singleShift();
        NationalLanguage locking = text.lockingShift();
        if (single == null) {
            return locking == null ? List.of() : List.of(InformationElement.lockingShift(locking));
        }
        return locking == null ? List.of(InformationElement.singleShift(single))
                : List.of(InformationElement.singleShift(single), InformationElement.lockingShift(locking));
    }

    private static String unitName(Alphabet alphabet) {
        switch (alphabet) {
            case GSM7:
                return "septets";
            case UCS2:
                return "UCS-2 units";
            default:
                return "octets";
        }
    }

    private static List<InformationElement> withConcatenation(InformationElement concatenation,
                                                              List<InformationElement> shifts) {
        return switch (shifts.size()) {
            case 0 -> List.of(concatenation);
            case 1 -> List.of(concatenation, shifts.get(0));
            default -> List.of(concatenation, shifts.get(0), shifts.get(1));
        };
    }

    /** Where each part ends (exclusive; each starts where the previous ends), each at most {@code capacity} units. */
    private int[] cut(EncodedText text, int capacity) {
        // A part holds at least capacity - 1 units: at most one is left for the next to keep a pair whole.
        int[] ends = new int[Math.min(maxParts, PartCapacity.units(text) / Math.max(1, capacity - 1) + 1)];
        int count = 0;
        int start = 0;
        while (start < text.length()) {
            if (count == maxParts) {
                throw new MessageTooLongException("text of " + PartCapacity.units(text) + " "
                        + unitName(text.alphabet()) + " needs more than the " + maxParts
                        + " parts allowed (maxParts), at " + capacity + " per part");
            }
            int end = PartCapacity.partEnd(text, start, capacity);
            if (count == ends.length) {
                ends = Arrays.copyOf(ends, Math.min(maxParts, 2 * count));
            }
            ends[count++] = end;
            start = end;
        }
        return count == ends.length ? ends : Arrays.copyOf(ends, count);
    }

    private byte[] userData(UserDataHeader header, Alphabet alphabet, byte[] source, int from, int to) {
        if (gsmPacked && alphabet == Alphabet.GSM7) {
            return UserDataPacking.pack(header == null ? new byte[0] : header.toBytes(), source, from, to);
        }
        if (header == null && from == 0 && to == source.length) {
            // The whole text as it is (one part, no header): share the encoded array; neither the
            // EncodedText nor the MessagePart ever changes or hands out its own array.
            return source;
        }
        int headerLength = header == null ? 0 : header.length();
        byte[] out = new byte[headerLength + (to - from)];
        if (header != null) {
            header.writeTo(out, 0);
        }
        System.arraycopy(source, from, out, headerLength, to - from);
        return out;
    }

    @Override
    public String toString() {
        return "MessageSplitter{mode=" + mode + ", gsmPacked=" + gsmPacked + ", maxParts=" + maxParts + '}';
    }

    /** Configures a {@link MessageSplitter}. */
    public static final class Builder {
        private MultipartMode mode = MultipartMode.UDH_8BIT;
        private boolean gsmPacked;
        private int maxParts = MAX_PARTS;

        private Builder() {
        }

        /** How long texts are carried; default {@link MultipartMode#UDH_8BIT}. */
        public Builder mode(MultipartMode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /** Whether GSM 7-bit parts are packed (8 septets in 7 octets); default false, one septet per octet. */
        public Builder gsmPacked(boolean gsmPacked) {
            this.gsmPacked = gsmPacked;
            return this;
        }

        /** The most parts one text may take, 1..255; default 255. */
        public Builder maxParts(int maxParts) {
            if (maxParts < 1 || maxParts > MAX_PARTS) {
                throw new IllegalArgumentException("maxParts must be 1..255, was " + maxParts);
            }
            this.maxParts = maxParts;
            return this;
        }

        public MessageSplitter build() {
            return new MessageSplitter(this);
        }
    }
}
