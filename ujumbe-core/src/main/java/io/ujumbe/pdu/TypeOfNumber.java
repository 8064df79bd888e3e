package io.ujumbe.pdu;

/**
 * The type of number (TON) of an SMPP address, SMPP 3.4 section 5.2.5. Every one-octet value is
 * representable: values the specification does not name are kept as their number, so decoding
 * never fails on them. Instances are canonical ({@link #of(int)} always returns the same object
 * for a value), so {@code ==} and {@link #equals} agree.
 */
public final class TypeOfNumber extends OctetValue {

    private static final Table<TypeOfNumber> ALL = new Table<>("type of number", TypeOfNumber::new);

    public static final TypeOfNumber UNKNOWN = ALL.define(0, "UNKNOWN");
    public static final TypeOfNumber INTERNATIONAL = ALL.define(1, "INTERNATIONAL");
    public static final TypeOfNumber NATIONAL = ALL.define(2, "NATIONAL");
    public static final TypeOfNumber NETWORK_SPECIFIC = ALL.define(3, "NETWORK_SPECIFIC");
    public static final TypeOfNumber SUBSCRIBER_NUMBER = ALL.define(4, "SUBSCRIBER_NUMBER");
    public static final TypeOfNumber ALPHANUMERIC = ALL.define(5, "ALPHANUMERIC");
    public static final TypeOfNumber ABBREVIATED = ALL.define(6, "ABBREVIATED");

    private TypeOfNumber(int value, String name) {
        super(value, name);
    }

    /**
     * The TON with this wire value.
     *
     * @throws IllegalArgumentException when the value does not fit in one octet
     */
    public static TypeOfNumber of(int value) {
        return ALL.of(value);
    }
}
