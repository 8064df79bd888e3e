package io.ujumbe.text;

import java.util.Objects;

/**
 * Packing of GSM 7-bit septets, 8 to every 7 octets, as 3GPP TS 23.038 section 6.1.2.1.1 lays
 * them out (least significant bits first). When the user data starts with a header, the septets
 * start at the next septet boundary: the gap is {@link #fillBits(int)} zero bits, which the packed
 * form here puts in the low bits of its first octet, so it can follow the header octets directly.
 */
public final class GsmPacking {

    private GsmPacking() {
    }

    /** Packs septets (each 0..0x7F, one per byte, as {@link GsmCharset} encodes) with no fill bits. */
    public static byte[] pack(byte[] septets) {
        return pack(septets, 0);
    }

    /**
     * Packs septets after {@code fillBits} zero bits.
     *
     * @throws IllegalArgumentException if fillBits is not 0..6 or a byte is not a septet (above 0x7F)
     */
    public static byte[] pack(byte[] septets, int fillBits) {
        Objects.requireNonNull(septets, "septets");
        checkFillBits(fillBits);
        byte[] packed = new byte[packedLength(septets.length, fillBits)];
        int bit = fillBits;
        for (int i = 0; i < septets.length; i++, bit += 7) {
            int septet = septets[i] & 0xFF;
            if (septet > 0x7F) {
                throw new IllegalArgumentException(
                        "septets[" + i + "] is 0x" + Integer.toHexString(septet) + ", not a septet (0..0x7f)");
            }
            int index = bit >>> 3;
            int shift = bit & 7;
            packed[index] |= (byte) (septet << shift);
            if (shift > 1) {
                packed[index + 1] |= (byte) (septet >>> (8 - shift));
            }
        }
        return packed;
    }

    /** Unpacks {@code septetCount} septets, one per byte, from packed octets with no fill bits. */
    public static byte[] unpack(byte[] packed, int septetCount) {
        return unpack(packed, septetCount, 0);
    }

    /**
     * Unpacks {@code septetCount} septets, one per byte, skipping {@code fillBits} leading bits.
     * The count comes from the message (TP-UDL, less the header's septets), since the octets alone
     * cannot tell 7 septets from 8 in the last octet.
     *
     * @throws IllegalArgumentException if fillBits is not 0..6, the count is negative or the packed
     *     octets hold fewer bits than the count needs
     */
    public static byte[] unpack(byte[] packed, int septetCount, int fillBits) {
        Objects.requireNonNull(packed, "packed");
        checkFillBits(fillBits);
        if (septetCount < 0) {
            throw new IllegalArgumentException("septetCount must not be negative, was " + septetCount);
        }
        if ((long) fillBits + 7L * septetCount > 8L * packed.length) {
            throw new IllegalArgumentException("septetCount " + septetCount + " with " + fillBits
                    + " fill bits needs " + packedLength(septetCount, fillBits) + " octets, packed has "
                    + packed.length);
        }
        byte[] septets = new byte[septetCount];
        int bit = fillBits;
        for (int i = 0; i < septetCount; i++, bit += 7) {
            int index = bit >>> 3;
            int shift = bit & 7;
            int value = (packed[index] & 0xFF) >>> shift;
            if (shift > 1) {
                value |= (packed[index + 1] & 0xFF) << (8 - shift);
            }
            septets[i] = (byte) (value & 0x7F);
        }
        return septets;
    }

    /** Octets needed for {@code septetCount} septets after {@code fillBits} fill bits. */
    public static int packedLength(int septetCount, int fillBits) {
        if (septetCount < 0) {
            throw new IllegalArgumentException("septetCount must not be negative, was " + septetCount);
        }
        checkFillBits(fillBits);
        return (int) ((fillBits + 7L * septetCount + 7) / 8);
    }

    /**
     * Fill bits between a user data header of {@code udhOctets} octets (including its length octet)
     * and the first septet, so that the septets start on a septet boundary: 0..6.
     */
    public static int fillBits(int udhOctets) {
        if (udhOctets < 0) {
            throw new IllegalArgumentException("udhOctets must not be negative, was " + udhOctets);
        }
        return (7 - (udhOctets * 8) % 7) % 7;
    }

    private static void checkFillBits(int fillBits) {
        if (fillBits < 0 || fillBits > 6) {
            throw new IllegalArgumentException("fillBits must be 0..6, was " + fillBits);
        }
    }
}
