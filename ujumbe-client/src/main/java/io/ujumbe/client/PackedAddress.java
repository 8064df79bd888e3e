package io.ujumbe.client;

import io.ujumbe.pdu.Address;
import io.ujumbe.pdu.NumberingPlan;
import io.ujumbe.pdu.TypeOfNumber;

/**
 * An {@link Address} in one long, for the addresses nearly every message has: 1 to 15 ASCII digits
 * (E.164's longest number), a TON below 8 and an NPI below 32. A message waiting in a queue then
 * holds 8 bytes for its destination instead of an Address, its String and the String's bytes
 * (80 bytes for a 12-digit MSISDN).
 *
 * <p>Layout: bits 0–49 the digits' value (10^15 − 1 &lt; 2^50), 50–53 the number of digits (so
 * leading zeros survive), 54–56 the TON, 57–61 the NPI. A packed address is never 0, since it has
 * at least one digit; 0 means "does not pack".
 */
final class PackedAddress {
    static final long NONE = 0;
    private static final int MAX_DIGITS = 15;
    private static final long VALUE_MASK = (1L << 50) - 1;

    private PackedAddress() {
    }

    /** The address packed, or {@link #NONE} when it does not fit (letters, too long, an unusual TON/NPI). */
    static long pack(Address a) {
        String s = a.address();
        int n = s.length();
        int ton = a.ton().value();
        int npi = a.npi().value();
        if (n == 0 || n > MAX_DIGITS || ton > 7 || npi > 31) {
            return NONE;
        }
        long v = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return NONE;
            }
            v = v * 10 + (c - '0');
        }
        return v | (long) n << 50 | (long) ton << 54 | (long) npi << 57;
    }

    /** The address {@link #pack} packed into {@code packed} (not {@link #NONE}). */
    static Address unpack(long packed) {
        int n = (int) (packed >>> 50) & 0xF;
        String digits = Long.toString(packed & VALUE_MASK);
        if (digits.length() < n) {
            // Leading zeros (a national number, say); Long.toString alone makes the usual case's
            // String without a second copy of its bytes.
            digits = "0".repeat(n - digits.length()) + digits;
        }
        return new Address(TypeOfNumber.of((int) (packed >>> 54) & 0x7), NumberingPlan.of((int) (packed >>> 57) & 0x1F),
                digits);
    }
}
