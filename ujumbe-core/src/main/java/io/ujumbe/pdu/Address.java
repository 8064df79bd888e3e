package io.ujumbe.pdu;

import java.util.Objects;

/**
 * An SMPP address: type of number, numbering plan and the address itself (digits, an
 * alphanumeric sender id, an IP address …). Lengths are checked where the address is used, since
 * each field has its own limit (21 octets for source_addr, 65 for esme_addr …).
 *
 * @param ton     type of number
 * @param npi     numbering plan indicator
 * @param address the address, ASCII/Latin-1 (may be empty)
 */
public record Address(TypeOfNumber ton, NumberingPlan npi, String address) {

    /** The empty address with unknown TON and NPI (a NULL address on the wire). */
    public static final Address EMPTY = new Address(TypeOfNumber.UNKNOWN, NumberingPlan.UNKNOWN, "");

    /** @throws NullPointerException when a component is null */
    public Address {
        Objects.requireNonNull(ton, "ton");
        Objects.requireNonNull(npi, "npi");
        Objects.requireNonNull(address, "address");
    }

    /** An address with unknown TON and NPI. */
    public static Address of(String address) {
        return new Address(TypeOfNumber.UNKNOWN, NumberingPlan.UNKNOWN, address);
    }

    /** An international number (TON international, NPI ISDN), digits without '+'. */
    public static Address international(String digits) {
        return new Address(TypeOfNumber.INTERNATIONAL, NumberingPlan.ISDN, digits);
    }

    /** An alphanumeric sender id (TON alphanumeric, NPI unknown). */
    public static Address alphanumeric(String senderId) {
        return new Address(TypeOfNumber.ALPHANUMERIC, NumberingPlan.UNKNOWN, senderId);
    }

    /** True when the address string is empty. */
    public boolean isEmpty() {
        return address.isEmpty();
    }

    /**
     * Equal TON, NPI and address text. Written out rather than the record's generated equals, which
     * goes through method handles that C2 did not inline on the simulator's submit path (7 % of its
     * CPU, async-profiler, 2026-12-07).
     */
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Address a && ton.equals(a.ton) && npi.equals(a.npi)
                && address.equals(a.address);
    }

    @Override
    public int hashCode() {
        return (31 * ton.hashCode() + npi.hashCode()) * 31 + address.hashCode();
    }

    /** {@code ton:npi:address}, e.g. {@code 1:1:254700000000}. */
    @Override
    public String toString() {
        return ton.value() + ":" + npi.value() + ":" + ToStrings.safe(address);
    }
}
