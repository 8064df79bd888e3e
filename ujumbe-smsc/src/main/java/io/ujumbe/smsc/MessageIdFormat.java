package io.ujumbe.smsc;

import java.nio.charset.StandardCharsets;

/**
 * How the simulator writes the message ids it assigns: as an upper-case hex number, a decimal
 * number, or a UUID. Real SMSCs differ here, and some write one base in submit_sm_resp and the
 * other in receipts (see {@link SmscConfig#receiptIdFormat()}).
 */
public enum MessageIdFormat {
    /** Upper-case hexadecimal, e.g. {@code 1F4A}. */
    HEX,
    /** Decimal, e.g. {@code 8010}. */
    DECIMAL,
    /** A UUID derived from the sequence number and the random seed. */
    UUID;

    private static final byte[] HEX_DIGITS = "0123456789ABCDEF".getBytes(StandardCharsets.ISO_8859_1);

    /** The id for the {@code n}-th message; {@code salt} keeps UUIDs distinct between runs with different seeds. */
    String format(long n, long salt) {
        switch (this) {
            case HEX:
                return upperHex(n);
            case DECIMAL:
                return Long.toString(n);
            default:
                return new java.util.UUID(salt, n).toString();
        }
    }

    /**
     * The message number an id of this format encodes, or -1 when {@code id} does not parse; the
     * inverse of {@link #format} (any letter case, blanks around ignored). Lenient (leading zeros,
     * a sign): callers compare the id they find with the one asked for.
     */
    long number(String id) {
        String s = id.trim();
        if (s.isEmpty()) {
            return -1;
        }
        try {
            switch (this) {
                case HEX:
                    return Long.parseUnsignedLong(s, 16);
                case DECIMAL:
                    return Long.parseLong(s);
                default:
                    return java.util.UUID.fromString(s).getLeastSignificantBits();
            }
        } catch (IllegalArgumentException e) {
            // NumberFormatException included: not an id this simulator gave.
            return -1;
        }
    }

    /** Upper-case hex in one string: once per submit_sm, where toHexString + toUpperCase made two. */
    private static String upperHex(long n) {
        int digits = Math.max(1, (64 - Long.numberOfLeadingZeros(n) + 3) / 4);
        byte[] b = new byte[digits];
        long v = n;
        for (int i = digits - 1; i >= 0; i--) {
            b[i] = HEX_DIGITS[(int) (v & 0xF)];
            v >>>= 4;
        }
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    /** Parses a setting value case-insensitively ({@code hex}, {@code decimal}, {@code uuid}). */
    public static MessageIdFormat parse(String value) {
        for (MessageIdFormat f : values()) {
            if (f.name().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return f;
            }
        }
        throw new IllegalArgumentException("messageIds must be one of hex, decimal, uuid, was " + value);
    }
}
