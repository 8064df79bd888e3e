package io.ujumbe.pdu;

/** Hex formatting for toString() and messages, without String.format. */
final class Hex {

    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Hex() {
    }

    /** {@code 0x4f} for one octet. */
    static String byteString(int value) {
        return "0x" + DIGITS[(value >> 4) & 0xF] + DIGITS[value & 0xF];
    }

    /** {@code 0x020c} for a 16-bit tag. */
    static String shortString(int value) {
        return "0x" + DIGITS[(value >> 12) & 0xF] + DIGITS[(value >> 8) & 0xF]
                + DIGITS[(value >> 4) & 0xF] + DIGITS[value & 0xF];
    }

    /** {@code 0x80000004} for a 32-bit value. */
    static String intString(int value) {
        StringBuilder sb = new StringBuilder(10).append("0x");
        for (int shift = 28; shift >= 0; shift -= 4) {
            sb.append(DIGITS[(value >>> shift) & 0xF]);
        }
        return sb.toString();
    }

    /** Lower-case hex of all the octets, no separators. */
    static String of(byte[] bytes) {
        StringBuilder sb = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            sb.append(DIGITS[(b >> 4) & 0xF]).append(DIGITS[b & 0xF]);
        }
        return sb.toString();
    }

    /**
     * Appends {@code 12 octets [48 65 6c …]}: the size and at most {@code max} octets, so that a
     * log line stays one short line.
     */
    static StringBuilder appendPreview(StringBuilder sb, byte[] bytes, int max) {
        sb.append(bytes.length).append(" octets");
        if (bytes.length == 0) {
            return sb;
        }
        sb.append(" [");
        int n = Math.min(bytes.length, max);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(DIGITS[(bytes[i] >> 4) & 0xF]).append(DIGITS[bytes[i] & 0xF]);
        }
        if (bytes.length > max) {
            sb.append(" …");
        }
        return sb.append(']');
    }
}
