package io.ujumbe.text;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The "charset" of binary messages (data_coding 2 and 4, and the 8-bit data coding groups): the
 * message carries bytes, not text, so encoding any text is an error; build binary messages from
 * their bytes. Decoding maps each octet to the char of the same value (ISO-8859-1), which loses
 * nothing and lets a caller get the bytes back with {@code getBytes(ISO_8859_1)}; render as hex
 * with {@link java.util.HexFormat} where people must read it.
 */
public final class BinaryCharset implements SmsCharset {
    /** The one instance. */
    public static final BinaryCharset INSTANCE = new BinaryCharset();

    private BinaryCharset() {
    }

    @Override
    public String name() {
        return "binary";
    }

    @Override
    public Alphabet alphabet() {
        return Alphabet.OCTET;
    }

    /**
     * Returns no bytes for empty text.
     *
     * @throws UnsupportedOperationException for any other text, in every mode
     */
    @Override
    public byte[] encode(CharSequence text, EncodingErrorMode mode) {
        Objects.requireNonNull(mode, "mode");
        rejectText(text);
        return new byte[0];
    }

    @Override
    public String decode(byte[] bytes) {
        return new String(Objects.requireNonNull(bytes, "bytes"), StandardCharsets.ISO_8859_1);
    }

    /** False for any text but the empty one: binary messages carry bytes. */
    @Override
    public boolean canEncode(CharSequence text) {
        return Objects.requireNonNull(text, "text").length() == 0;
    }

    /**
     * Zero for empty text.
     *
     * @throws UnsupportedOperationException for any other text
     */
    @Override
    public int countUnits(CharSequence text) {
        rejectText(text);
        return 0;
    }

    private static void rejectText(CharSequence text) {
        if (Objects.requireNonNull(text, "text").length() != 0) {
            throw new UnsupportedOperationException(
                    "binary data_coding carries bytes, not text: build the message from its bytes");
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
