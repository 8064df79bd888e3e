package io.ujumbe.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The user data header (3GPP TS 23.040 section 9.2.3.24) that starts a short_message when the
 * esm_class UDHI bit is set: one length octet (UDHL) followed by information elements. Parsing
 * checks every length against the bytes available and throws {@link MalformedUserDataHeaderException}
 * rather than reading past the end; building produces the same bytes back.
 */
public final class UserDataHeader {
    /** The UDHL octet can count at most 255 octets of information elements. */
    private static final int MAX_ELEMENTS_LENGTH = 0xFF;

    private final List<InformationElement> elements;
    private final int elementsLength;

    private UserDataHeader(List<InformationElement> elements) {
        this.elements = List.copyOf(elements);
        int sum = 0;
        for (InformationElement e : this.elements) {
            sum += e.encodedLength();
        }
        if (sum > MAX_ELEMENTS_LENGTH) {
            throw new IllegalArgumentException(
                    "user data header elements take " + sum + " octets, more than the 255 a UDHL can count");
        }
        this.elementsLength = sum;
    }

    /** A header holding these elements, in this order. */
    public static UserDataHeader of(List<InformationElement> elements) {
        Objects.requireNonNull(elements, "elements");
        return new UserDataHeader(elements);
    }

    /** A header holding these elements, in this order. */
    public static UserDataHeader of(InformationElement... elements) {
        return of(List.of(elements));
    }

    /**
     * Parses the header at the start of {@code userData} (a short_message or message_payload whose
     * esm_class has UDHI set). The bytes after {@link #length()} octets are the message payload.
     *
     * @throws MalformedUserDataHeaderException if the bytes do not hold a complete, consistent header
     */
    public static UserDataHeader parse(byte[] userData) {
        Objects.requireNonNull(userData, "userData");
        if (userData.length == 0) {
            throw new MalformedUserDataHeaderException("UDHI is set but the user data is empty: no UDHL octet");
        }
        int udhl = userData[0] & 0xFF;
        if (1 + udhl > userData.length) {
            throw new MalformedUserDataHeaderException("UDHL " + udhl + " points past the end of the "
                    + userData.length + "-octet user data");
        }
        List<InformationElement> elements = new ArrayList<>();
        int pos = 1;
        int end = 1 + udhl;
        while (pos < end) {
            if (pos + 2 > end) {
                throw new MalformedUserDataHeaderException("information element at octet " + pos
                        + " has no length octet within the UDHL of " + udhl);
            }
            int id = userData[pos] & 0xFF;
            int len = userData[pos + 1] & 0xFF;
            if (pos + 2 + len > end) {
                throw new MalformedUserDataHeaderException("information element 0x" + hex(id) + " at octet "
                        + pos + " has length " + len + ", running past the UDHL of " + udhl);
            }
            checkKnownLength(id, len);
            byte[] data = new byte[len];
            System.arraycopy(userData, pos + 2, data, 0, len);
            elements.add(new InformationElement(id, data));
            pos += 2 + len;
        }
        return new UserDataHeader(elements);
    }

    private static void checkKnownLength(int id, int len) {
        int expected;
        switch (id) {
            case InformationElement.CONCATENATED_8BIT:
                expected = 3;
                break;
            case InformationElement.CONCATENATED_16BIT:
                expected = 4;
                break;
            case InformationElement.NATIONAL_SINGLE_SHIFT:
            case InformationElement.NATIONAL_LOCKING_SHIFT:
                expected = 1;
                break;
            default:
                return;
        }
        if (len != expected) {
            throw new MalformedUserDataHeaderException("information element 0x" + hex(id) + " must have "
                    + expected + " data octets, has " + len);
        }
    }

    private static String hex(int id) {
        return String.format("%02x", id);
    }

    /** The elements in the order they appear. */
    public List<InformationElement> elements() {
        return elements;
    }

    /**
     * The concatenation element (0x00 or 0x08), if present. When a header repeats it, the last
     * occurrence wins, as TS 23.040 prescribes.
     */
    public Optional<Concatenation> concatenation() {
        Concatenation found = null;
        for (InformationElement e : elements) {
            if (e.identifier() == InformationElement.CONCATENATED_8BIT) {
                found = new Concatenation(e.dataAt(0), e.dataAt(1), e.dataAt(2), false);
            } else if (e.identifier() == InformationElement.CONCATENATED_16BIT) {
                found = new Concatenation((e.dataAt(0) << 8) | e.dataAt(1), e.dataAt(2), e.dataAt(3), true);
            }
        }
        return Optional.ofNullable(found);
    }

    /** The language of the single-shift element (0x24), if present and a known language. */
    public Optional<NationalLanguage> singleShift() {
        return language(InformationElement.NATIONAL_SINGLE_SHIFT);
    }

    /** The language of the locking-shift element (0x25), if present and a known language. */
    public Optional<NationalLanguage> lockingShift() {
        return language(InformationElement.NATIONAL_LOCKING_SHIFT);
    }

    private Optional<NationalLanguage> language(int identifier) {
        Optional<NationalLanguage> found = Optional.empty();
        for (InformationElement e : elements) {
            if (e.identifier() == identifier) {
                found = NationalLanguage.of(e.dataAt(0));
            }
        }
        return found;
    }

    /** The national-language shift elements (0x24, 0x25), in order. */
    public List<InformationElement> shiftTableElements() {
        List<InformationElement> shifts = new ArrayList<>();
        for (InformationElement e : elements) {
            if (e.isShiftTable()) {
                shifts.add(e);
            }
        }
        return List.copyOf(shifts);
    }

    /** Octets the header takes at the start of the user data, including the UDHL octet. */
    public int length() {
        return 1 + elementsLength;
    }

    /** The header as it goes on the wire: UDHL, then each element's identifier, length and data. */
    public byte[] toBytes() {
        byte[] out = new byte[length()];
        writeTo(out, 0);
        return out;
    }

    /** Writes {@link #toBytes()} into out at offset, for the splitter that builds a part in one array. */
    void writeTo(byte[] out, int offset) {
        out[offset] = (byte) elementsLength;
        int pos = offset + 1;
        for (InformationElement e : elements) {
            int dataLength = e.dataLength();
            out[pos] = (byte) e.identifier();
            out[pos + 1] = (byte) dataLength;
            for (int i = 0; i < dataLength; i++) {
                out[pos + 2 + i] = (byte) e.dataAt(i);
            }
            pos += 2 + dataLength;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UserDataHeader && elements.equals(((UserDataHeader) o).elements);
    }

    @Override
    public int hashCode() {
        return elements.hashCode();
    }

    @Override
    public String toString() {
        return "UserDataHeader" + elements;
    }
}
