package io.ujumbe.text;

import java.util.Arrays;

/**
 * Packs unpacked GSM septets into the user data after an optional header, and back, with the fill
 * bits that keep the first septet aligned on a septet boundary after the header (TS 23.040
 * section 9.2.3.24); the bit layout itself is {@link GsmPacking}'s. SMPP counts short_message in
 * octets, not septets, so when a part's septets leave exactly 7 spare bits in the last octet a
 * receiver would read a spurious '@'; TS 23.038 section 6.1.2.3.1 pads that slot with CR, and
 * unpacking drops a CR found there.
 */
final class UserDataPacking {
    static final byte CR = 0x0D;

    private UserDataPacking() {
    }

    /** The septet slot at which the payload starts after a header of {@code headerOctets}. */
    static int firstSeptet(int headerOctets) {
        return (headerOctets * 8 + GsmPacking.fillBits(headerOctets)) / 7;
    }

    /**
     * The header bytes, then septets {@code [from, to)} of {@code septets} packed after them.
     *
     * @throws IllegalArgumentException if a byte in the range is not a septet (above 0x7F)
     */
    static byte[] pack(byte[] header, byte[] septets, int from, int to) {
        int count = to - from;
        if (count == 0) {
            return header.clone();
        }
        boolean pad = (firstSeptet(header.length) + count) % 8 == 7;
        byte[] payload = Arrays.copyOfRange(septets, from, pad ? to + 1 : to);
        if (pad) {
            payload[count] = CR;
        }
        byte[] packed = GsmPacking.pack(payload, GsmPacking.fillBits(header.length));
        byte[] out = Arrays.copyOf(header, header.length + packed.length);
        System.arraycopy(packed, 0, out, header.length, packed.length);
        return out;
    }

    /** The septets packed after the first {@code headerOctets} octets of {@code userData}, unpacked. */
    static byte[] unpack(byte[] userData, int headerOctets) {
        int start = firstSeptet(headerOctets);
        int slots = userData.length * 8 / 7;
        if (slots <= start) {
            return new byte[0];
        }
        byte[] septets = GsmPacking.unpack(Arrays.copyOfRange(userData, headerOctets, userData.length),
                slots - start, GsmPacking.fillBits(headerOctets));
        // The last slot fills the last octet exactly: a CR there is the padding pack adds.
        boolean padded = slots * 7 == userData.length * 8 && septets[septets.length - 1] == CR;
        return padded ? Arrays.copyOf(septets, septets.length - 1) : septets;
    }
}
