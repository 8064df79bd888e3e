package io.ujumbe.pdu;


/**
 * The shape of the one-octet value types whose every value 0..255 exists once (TON, NPI,
 * data_coding): the values the specification names carry their name, the others are kept as
 * their number, so decoding never fails on them. Because each value is one canonical instance,
 * {@code ==} and {@link #equals} agree.
 */
abstract class OctetValue {

    private final int value;
    private final String name;

    OctetValue(int value, String name) {
        this.value = value;
        this.name = name;
    }

    /** The one-octet value on the wire. */
    public final int value() {
        return value;
    }

    /** True when SMPP 3.4 names this value. */
    public final boolean isKnown() {
        return name != null;
    }

    /** The specification's name, or {@code 0x..} for an unnamed value. */
    public final String name() {
        return name != null ? name : Hex.byteString(value);
    }

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((OctetValue) o).value == value;
    }

    @Override
    public final int hashCode() {
        return value;
    }

    /** The name and value, e.g. {@code INTERNATIONAL(1)}. */
    @Override
    public String toString() {
        return name() + "(" + value + ")";
    }

    /** Makes one instance of a value type; the type's private constructor. */
    @FunctionalInterface
    interface Factory<T extends OctetValue> {
        T create(int value, String name);
    }

    /**
     * The 256 canonical instances of one value type. The type declares it before its named
     * constants, defines those with {@link #define}, and answers {@code of(int)} with {@link #of}.
     */
    static final class Table<T extends OctetValue> {
        private final String what;
        // An array, not a list: of() runs for every TON, NPI and data_coding the codec reads.
        private final OctetValue[] all = new OctetValue[256];
        private final Factory<T> factory;

        /** All values unnamed until {@link #define} names them; {@code what} names the type in errors. */
        Table(String what, Factory<T> factory) {
            this.what = what;
            this.factory = factory;
            for (int v = 0; v < 256; v++) {
                all[v] = factory.create(v, null);
            }
        }

        /** Names a value; only during the type's class initialisation, before anyone can call of(). */
        T define(int value, String name) {
            T t = factory.create(value, name);
            all[value] = t;
            return t;
        }

        /**
         * The instance for this wire value.
         *
         * @throws IllegalArgumentException when the value does not fit in one octet
         */
        @SuppressWarnings("unchecked") // every element was made by the Factory<T>
        T of(int value) {
            if (value < 0 || value > 255) {
                throw new IllegalArgumentException(what + " must be 0..255, was " + value);
            }
            return (T) all[value];
        }
    }
}
