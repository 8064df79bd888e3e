package io.ujumbe.smsc;

import java.util.Locale;

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

    /** The id for the {@code n}-th message; {@code salt} keeps UUIDs distinct between runs with different seeds. */
    String format(long n, long salt) {
        switch (this) {
            case HEX:
                return Long.toHexString(n).toUpperCase(Locale.ROOT);
            case DECIMAL:
                return Long.toString(n);
            default:
                return new java.util.UUID(salt, n).toString();
        }
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
