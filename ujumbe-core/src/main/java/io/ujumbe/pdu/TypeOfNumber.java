package io.ujumbe.pdu;

/**
 * The type of number (TON) of an SMPP address, SMPP 3.4 section 5.2.5. Every one-octet value is
 * representable: values the specification does not name are kept as their number, so decoding
 * never fails on them. Instances are canonical ({@link #of(int)} always returns the same object
 * for a value), so {@code ==} and {@link #equals} agree.
 */
public final class TypeOfNumber {

    private static final TypeOfNumber[] ALL = new TypeOfNumber[256];

    public static final TypeOfNumber UNKNOWN = define(0, "UNKNOWN");
    public static final TypeOfNumber INTERNATIONAL = define(1, "INTERNATIONAL");
    public static final TypeOfNumber NATIONAL = define(2, "NATIONAL");
    public static final TypeOfNumber NETWORK_SPECIFIC = define(3, "NETWORK_SPECIFIC");
    public static final TypeOfNumber SUBSCRIBER_NUMBER = define(4, "SUBSCRIBER_NUMBER");
    public static final TypeOfNumber ALPHANUMERIC = define(5, "ALPHANUMERIC");
    public static final TypeOfNumber ABBREVIATED = define(6, "ABBREVIATED");

    static {
        for (int v = 0; v < ALL.length; v++) {
            if (ALL[v] == null) {
                ALL[v] = new TypeOfNumber(v, null);
            }
        }
    }

    private final int value;
    private final String name;

    private TypeOfNumber(int value, String name) {
        this.value = value;
        this.name = name;
    }

    private static TypeOfNumber define(int value, String name) {
        TypeOfNumber t = new TypeOfNumber(value, name);
        ALL[value] = t;
        return t;
    }

    /**
     * The TON with this wire value.
     *
     * @throws IllegalArgumentException when the value does not fit in one octet
     */
    public static TypeOfNumber of(int value) {
        if (value < 0 || value > 255) {
            throw new IllegalArgumentException("type of number must be 0..255, was " + value);
        }
        return ALL[value];
    }

    /** The one-octet value on the wire. */
    public int value() {
        return value;
    }

    /** True when SMPP 3.4 names this value. */
    public boolean isKnown() {
        return name != null;
    }

    /** The specification's name, or {@code 0x..} for an unnamed value. */
    public String name() {
        return name != null ? name : Hex.byteString(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TypeOfNumber && ((TypeOfNumber) o).value == value;
    }

    @Override
    public int hashCode() {
        return value;
    }

    /** The name and value, e.g. {@code INTERNATIONAL(1)}. */
    @Override
    public String toString() {
        return name() + "(" + value + ")";
    }
}
