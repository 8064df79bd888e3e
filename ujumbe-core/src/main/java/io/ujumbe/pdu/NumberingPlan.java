package io.ujumbe.pdu;

/**
 * The numbering plan indicator (NPI) of an SMPP address, SMPP 3.4 section 5.2.6. Every one-octet
 * value is representable: values the specification does not name are kept as their number, so
 * decoding never fails on them. Instances are canonical, so {@code ==} and {@link #equals} agree.
 */
public final class NumberingPlan {

    private static final NumberingPlan[] ALL = new NumberingPlan[256];

    public static final NumberingPlan UNKNOWN = define(0, "UNKNOWN");
    /** ISDN (E.163/E.164): ordinary phone numbers. */
    public static final NumberingPlan ISDN = define(1, "ISDN");
    /** Data (X.121). */
    public static final NumberingPlan DATA = define(3, "DATA");
    /** Telex (F.69). */
    public static final NumberingPlan TELEX = define(4, "TELEX");
    /** Land mobile (E.212). */
    public static final NumberingPlan LAND_MOBILE = define(6, "LAND_MOBILE");
    public static final NumberingPlan NATIONAL = define(8, "NATIONAL");
    public static final NumberingPlan PRIVATE = define(9, "PRIVATE");
    public static final NumberingPlan ERMES = define(10, "ERMES");
    /** Internet (IP). */
    public static final NumberingPlan INTERNET = define(14, "INTERNET");
    /** WAP client id (to be defined by the WAP Forum). */
    public static final NumberingPlan WAP_CLIENT_ID = define(18, "WAP_CLIENT_ID");

    static {
        for (int v = 0; v < ALL.length; v++) {
            if (ALL[v] == null) {
                ALL[v] = new NumberingPlan(v, null);
            }
        }
    }

    private final int value;
    private final String name;

    private NumberingPlan(int value, String name) {
        this.value = value;
        this.name = name;
    }

    private static NumberingPlan define(int value, String name) {
        NumberingPlan p = new NumberingPlan(value, name);
        ALL[value] = p;
        return p;
    }

    /**
     * The NPI with this wire value.
     *
     * @throws IllegalArgumentException when the value does not fit in one octet
     */
    public static NumberingPlan of(int value) {
        if (value < 0 || value > 255) {
            throw new IllegalArgumentException("numbering plan must be 0..255, was " + value);
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
        return o instanceof NumberingPlan && ((NumberingPlan) o).value == value;
    }

    @Override
    public int hashCode() {
        return value;
    }

    /** The name and value, e.g. {@code ISDN(1)}. */
    @Override
    public String toString() {
        return name() + "(" + value + ")";
    }
}
