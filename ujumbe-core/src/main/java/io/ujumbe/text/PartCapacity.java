package io.ujumbe.text;

import java.util.Objects;

/**
 * How much text fits in one SMS: 140 octets of user data, less the user data header, counted in
 * the units of the alphabet (septets, UCS-2 code units or octets). The header's size comes from
 * its information elements: concatenation (5 octets with an 8-bit reference, 6 with a 16-bit one)
 * and national-language shift tables (3 octets each), plus the header-length octet itself.
 *
 * <p>{@link MultipartMode#SAR} parts have the same capacity as {@link MultipartMode#UDH_8BIT}
 * parts (153 septets, 67 UCS-2 units, 134 octets): the concatenation data travels in TLVs, but the
 * SMSC turns it into an 8-bit concatenation element for the handset. So count SAR parts with
 * {@link #CONCATENATION_8BIT_IE_OCTETS}, not 0.
 *
 * <p>{@link #countParts} walks encoded text exactly as {@link MessageSplitter} cuts it, never
 * separating a GSM escape from the septet it escapes nor the two halves of a UTF-16 surrogate
 * pair: such a pair that does not fit at the end of a part moves whole to the next part.
 */
public final class PartCapacity {
    /** User data octets in one SMS (TP-UD, 3GPP TS 23.040). */
    public static final int USER_DATA_OCTETS = 140;
    /** Octets of the concatenation information element with an 8-bit reference (IE 0x00). */
    public static final int CONCATENATION_8BIT_IE_OCTETS = 5;
    /** Octets of the concatenation information element with a 16-bit reference (IE 0x08). */
    public static final int CONCATENATION_16BIT_IE_OCTETS = 6;
    /** Octets of a national-language shift information element (IE 0x24 or 0x25). */
    public static final int SHIFT_IE_OCTETS = 3;

    private PartCapacity() {
    }

    /**
     * Units one SMS holds after a user data header of {@code udhOctets} octets, the header-length
     * octet included (0 for no header): GSM 160 (153 after a 6-octet header), UCS-2 70 (67),
     * octets 140 (134). GSM septets start on a septet boundary after the header.
     *
     * @throws IllegalArgumentException if udhOctets is not 0..139
     */
    public static int unitsPerPart(Alphabet alphabet, int udhOctets) {
        Objects.requireNonNull(alphabet, "alphabet");
        if (udhOctets < 0 || udhOctets >= USER_DATA_OCTETS) {
            throw new IllegalArgumentException("udhOctets must be 0.." + (USER_DATA_OCTETS - 1) + ", was " + udhOctets);
        }
        int octets = USER_DATA_OCTETS - udhOctets;
        return switch (alphabet) {
            case GSM7 -> octets * 8 / 7;
            case UCS2 -> octets / 2;
            case OCTET -> octets;
        };
    }

    /**
     * Octets of a user data header holding a concatenation element of {@code concatenationIeOctets}
     * (0 for none) and {@code shiftTables} national-language shift elements: 0 when it holds
     * nothing, else 1 (its length octet) plus the elements.
     */
    public static int udhOctets(int concatenationIeOctets, int shiftTables) {
        if (concatenationIeOctets < 0) {
            throw new IllegalArgumentException("concatenationIeOctets must not be negative, was " + concatenationIeOctets);
        }
        if (shiftTables < 0 || shiftTables > 2) {
            throw new IllegalArgumentException("shiftTables must be 0..2, was " + shiftTables);
        }
        int elements = concatenationIeOctets + shiftTables * SHIFT_IE_OCTETS;
        return elements == 0 ? 0 : 1 + elements;
    }

    /** The length of encoded text in its alphabet's units (a trailing odd UCS-2 octet counts one). */
    public static int units(EncodedText text) {
        Objects.requireNonNull(text, "text");
        return text.alphabet() == Alphabet.UCS2 ? (text.length() + 1) / 2 : text.length();
    }

    /**
     * The number of SMS the text needs: one if it fits whole beside its shift-table elements;
     * otherwise as many as a split that keeps escapes and surrogate pairs whole produces, each part
     * carrying a concatenation element of {@code concatenationIeOctets}: 5 for
     * {@link MultipartMode#UDH_8BIT} and for {@link MultipartMode#SAR} (the SMSC adds that element),
     * 6 for {@link MultipartMode#UDH_16BIT}; 0 counts parts with no concatenation element at all,
     * which no mode of {@link MessageSplitter} produces. Empty text needs one.
     */
    public static int countParts(EncodedText text, int concatenationIeOctets) {
        Objects.requireNonNull(text, "text");
        int shiftTables = (text.singleShift() == null ? 0 : 1) + (text.lockingShift() == null ? 0 : 1);
        Alphabet alphabet = text.alphabet();
        if (units(text) <= unitsPerPart(alphabet, udhOctets(0, shiftTables))) {
            return 1;
        }
        int capacity = unitsPerPart(alphabet, udhOctets(concatenationIeOctets, shiftTables));
        if (text.cutByCharacters()) {
            return CharacterCut.cut(text, capacity, Integer.MAX_VALUE).size();
        }
        int parts = 0;
        int start = 0;
        while (start < text.length()) {
            start = partEnd(text, start, capacity);
            parts++;
        }
        return parts;
    }

    /**
     * The byte index, exclusive, at which the part that starts at byte {@code start} ends: at most
     * {@code capacity} units on, pulled back so that it separates no GSM escape from its septet
     * and no high surrogate from its low surrogate. Always past {@code start} when text remains.
     */
    static int partEnd(EncodedText text, int start, int capacity) {
        int length = text.length();
        return switch (text.alphabet()) {
            case OCTET -> Math.min(start + capacity, length);
            case GSM7 -> gsmPartEnd(text, start, capacity);
            case UCS2 -> ucs2PartEnd(text, start, capacity);
        };
    }

    private static int gsmPartEnd(EncodedText text, int start, int capacity) {
        byte[] septets = text.array();
        int length = septets.length;
        int limit = Math.min(start + capacity, length);
        if (limit == length) {
            return length; // everything left fits; an escape as the very last septet stands alone
        }
        // Only the last septet can split a pair. A septet after a non-escape starts a unit, so
        // within a run of escapes ending there the units alternate: the last one starts a pair
        // exactly when the run, counted from the part's start at most, is odd in length.
        int run = 0;
        for (int i = limit - 1; i >= start && septets[i] == GsmTables.ESCAPE; i--) {
            run++;
        }
        return run % 2 == 1 ? limit - 1 : limit;
    }

    private static int ucs2PartEnd(EncodedText text, int start, int capacity) {
        int length = text.length();
        int end = Math.min(start + 2 * capacity, length);
        if (end < length) {
            int lastUnit = end / 2 - 1;
            if (Character.isHighSurrogate(unitAt(text, lastUnit))
                    && Character.isLowSurrogate(unitAt(text, lastUnit + 1))) {
                end -= 2;
            }
        }
        return end;
    }

    private static char unitAt(EncodedText text, int unit) {
        int high = text.byteAt(2 * unit) & 0xFF;
        int low = 2 * unit + 1 < text.length() ? text.byteAt(2 * unit + 1) & 0xFF : 0;
        return (char) ((high << 8) | low);
    }
}
