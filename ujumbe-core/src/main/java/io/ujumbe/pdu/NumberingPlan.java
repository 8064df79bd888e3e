package io.ujumbe.pdu;

/**
 * The numbering plan indicator (NPI) of an SMPP address, SMPP 3.4 section 5.2.6. Every one-octet
 * value is representable: values the specification does not name are kept as their number, so
 * decoding never fails on them. Instances are canonical, so {@code ==} and {@link #equals} agree.
 */
public final class NumberingPlan extends OctetValue {

    private static final Table<NumberingPlan> ALL = new Table<>("numbering plan", NumberingPlan::new);

    public static final NumberingPlan UNKNOWN = ALL.define(0, "UNKNOWN");
    /** ISDN (E.163/E.164): ordinary phone numbers. */
    public static final NumberingPlan ISDN = ALL.define(1, "ISDN");
    /** Data (X.121). */
    public static final NumberingPlan DATA = ALL.define(3, "DATA");
    /** Telex (F.69). */
    public static final NumberingPlan TELEX = ALL.define(4, "TELEX");
    /** Land mobile (E.212). */
    public static final NumberingPlan LAND_MOBILE = ALL.define(6, "LAND_MOBILE");
    public static final NumberingPlan NATIONAL = ALL.define(8, "NATIONAL");
    public static final NumberingPlan PRIVATE = ALL.define(9, "PRIVATE");
    public static final NumberingPlan ERMES = ALL.define(10, "ERMES");
    /** Internet (IP). */
    public static final NumberingPlan INTERNET = ALL.define(14, "INTERNET");
    /** WAP client id (to be defined by the WAP Forum). */
    public static final NumberingPlan WAP_CLIENT_ID = ALL.define(18, "WAP_CLIENT_ID");

    private NumberingPlan(int value, String name) {
        super(value, name);
    }

    /**
     * The NPI with this wire value.
     *
     * @throws IllegalArgumentException when the value does not fit in one octet
     */
    public static NumberingPlan of(int value) {
        return ALL.of(value);
    }
}
