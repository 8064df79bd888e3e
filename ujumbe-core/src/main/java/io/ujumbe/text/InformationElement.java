package io.ujumbe.text;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One information element of a user data header (3GPP TS 23.040 section 9.2.3.24): an identifier
 * octet and up to 255 octets of data. Elements this library does not interpret (port addressing,
 * EMS formatting …) are kept byte-for-byte so that they survive parsing and rebuilding.
 */
public final class InformationElement {
    /** Concatenated short messages, 8-bit reference number. */
    public static final int CONCATENATED_8BIT = 0x00;
    /** Concatenated short messages, 16-bit reference number. */
    public static final int CONCATENATED_16BIT = 0x08;
    /** National language single shift table. */
    public static final int NATIONAL_SINGLE_SHIFT = 0x24;
    /** National language locking shift table. */
    public static final int NATIONAL_LOCKING_SHIFT = 0x25;

    private final int identifier;
    private final byte[] data;

    /**
     * An element with any identifier and data, kept as given.
     *
     * @throws IllegalArgumentException if the identifier is not 0..255 or the data is longer than
     *     255 octets
     */
    public InformationElement(int identifier, byte[] data) {
        if (identifier < 0 || identifier > 0xFF) {
            throw new IllegalArgumentException("information element identifier must be 0..255, was " + identifier);
        }
        Objects.requireNonNull(data, "data");
        if (data.length > 0xFF) {
            throw new IllegalArgumentException(
                    "information element data must be at most 255 octets, was " + data.length);
        }
        this.identifier = identifier;
        this.data = data.clone();
    }

    /** IE 0x00: part {@code sequence} of {@code total}, 8-bit reference (0..255). */
    public static InformationElement concatenated8Bit(int reference, int total, int sequence) {
        checkRange("reference", reference, 0xFF);
        checkRange("total", total, 0xFF);
        checkRange("sequence", sequence, 0xFF);
        return new InformationElement(CONCATENATED_8BIT,
                new byte[] {(byte) reference, (byte) total, (byte) sequence});
    }

    /** IE 0x08: part {@code sequence} of {@code total}, 16-bit reference (0..65535). */
    public static InformationElement concatenated16Bit(int reference, int total, int sequence) {
        checkRange("reference", reference, 0xFFFF);
        checkRange("total", total, 0xFF);
        checkRange("sequence", sequence, 0xFF);
        return new InformationElement(CONCATENATED_16BIT,
                new byte[] {(byte) (reference >>> 8), (byte) reference, (byte) total, (byte) sequence});
    }

    /** IE 0x24: the national-language single-shift table in use. */
    public static InformationElement singleShift(NationalLanguage language) {
        return new InformationElement(NATIONAL_SINGLE_SHIFT,
                new byte[] {(byte) Objects.requireNonNull(language, "language").id()});
    }

    /** IE 0x25: the national-language locking-shift table in use. */
    public static InformationElement lockingShift(NationalLanguage language) {
        return new InformationElement(NATIONAL_LOCKING_SHIFT,
                new byte[] {(byte) Objects.requireNonNull(language, "language").id()});
    }

    private static void checkRange(String field, int value, int max) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(field + " must be 0.." + max + ", was " + value);
        }
    }

    public int identifier() {
        return identifier;
    }

    /** A copy of the element's data (without the identifier and length octets). */
    public byte[] data() {
        return data.clone();
    }

    /** The number of data octets. */
    public int dataLength() {
        return data.length;
    }

    /** The data octet at an index, as 0..255, without copying. */
    public int dataAt(int index) {
        return data[index] & 0xFF;
    }

    /** Octets this element takes in a header: identifier, length and data. */
    public int encodedLength() {
        return 2 + data.length;
    }

    /** True for the national-language single- or locking-shift elements (0x24, 0x25). */
    public boolean isShiftTable() {
        return identifier == NATIONAL_SINGLE_SHIFT || identifier == NATIONAL_LOCKING_SHIFT;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof InformationElement)) {
            return false;
        }
        InformationElement e = (InformationElement) o;
        return identifier == e.identifier && Arrays.equals(data, e.data);
    }

    @Override
    public int hashCode() {
        return 31 * identifier + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "IE{0x" + String.format("%02x", identifier) + ": " + HexFormat.of().formatHex(data) + '}';
    }
}
