package io.ujumbe.text;

/**
 * Packs unpacked GSM septets into the user data after an optional header, and back, with the fill
 * bits that keep the first septet aligned on a septet boundary after the header (TS 23.040
 * section 9.2.3.24). SMPP counts short_message in octets, not septets, so when a part's septets
 * leave exactly 7 spare bits in the last octet a receiver would read a spurious '@'; TS 23.038
 * section 6.1.2.3.1 pads that slot with CR, and unpacking drops a CR found there.
 */
final class UserDataPacking {
    static final byte CR = 0x0D;

    private UserDataPacking() {
    }

    /** The septet slot at which the payload starts after a header of {@code headerOctets}. */
    static int firstSeptet(int headerOctets) {
        return (headerOctets * 8 + 6) / 7;
    }

    /** The header bytes, then septets {@code [from, to)} of {@code septets} packed after them. */
    static byte[] pack(byte[] header, byte[] septets, int from, int to) {
        int start = firstSeptet(header.length);
        int count = to - from;
        if (count == 0) {
            return header.clone();
        }
        int slots = start + count;
        boolean pad = slots % 8 == 7;
        if (pad) {
            slots++;
        }
        byte[] out = new byte[(slots * 7 + 7) / 8];
        System.arraycopy(header, 0, out, 0, header.length);
        for (int i = 0; i < count; i++) {
            put(out, start + i, septets[from + i]);
        }
        if (pad) {
            put(out, start + count, CR);
        }
        return out;
    }

    private static void put(byte[] out, int slot, byte septet) {
        int bit = slot * 7;
        int index = bit >>> 3;
        int shift = bit & 7;
        int value = septet & 0x7F;
        out[index] |= (byte) (value << shift);
        if (shift > 1) {
            out[index + 1] |= (byte) (value >>> (8 - shift));
        }
    }

    /** The septets packed after the first {@code headerOctets} octets of {@code userData}, unpacked. */
    static byte[] unpack(byte[] userData, int headerOctets) {
        int start = firstSeptet(headerOctets);
        int slots = userData.length * 8 / 7;
        if (slots <= start) {
            return new byte[0];
        }
        int count = slots - start;
        if (slots * 7 == userData.length * 8 && get(userData, slots - 1) == CR) {
            count--;
        }
        byte[] septets = new byte[count];
        for (int i = 0; i < count; i++) {
            septets[i] = get(userData, start + i);
        }
        return septets;
    }

    private static byte get(byte[] data, int slot) {
        int bit = slot * 7;
        int index = bit >>> 3;
        int shift = bit & 7;
        int value = (data[index] & 0xFF) >>> shift;
        if (shift > 1) {
            value |= (data[index + 1] & 0xFF) << (8 - shift);
        }
        return (byte) (value & 0x7F);
    }
}
