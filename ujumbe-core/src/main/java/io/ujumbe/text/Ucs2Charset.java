package io.ujumbe.text;

import java.util.Arrays;
import java.util.Objects;

/**
 * UCS-2 as SMSCs actually use it (data_coding 8): UTF-16 big-endian, two octets per code unit,
 * with surrogate pairs kept intact so that characters outside the BMP (emoji) survive as two
 * units, four octets. A lone surrogate is not a character and cannot be encoded.
 *
 * <p>Decoding turns an unpaired surrogate unit, and an odd trailing octet, into U+FFFD.
 */
public final class Ucs2Charset implements SmsCharset {
    /** The one instance. */
    public static final Ucs2Charset INSTANCE = new Ucs2Charset();

    private static final char REPLACEMENT_CHARACTER = '\ufffd';

    private Ucs2Charset() {
    }

    @Override
    public String name() {
        return "UCS-2";
    }

    @Override
    public Alphabet alphabet() {
        return Alphabet.UCS2;
    }

    @Override
    public byte[] encode(CharSequence text, EncodingErrorMode mode) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(mode, "mode");
        byte[] out = new byte[text.length() * 2];
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                n = put(out, n, c);
                n = put(out, n, text.charAt(++i));
            } else if (!Character.isSurrogate(c)) {
                n = put(out, n, c);
            } else if (mode == EncodingErrorMode.STRICT) {
                throw new UnencodableTextException(c, i, name());
            } else if (mode == EncodingErrorMode.REPLACE) {
                n = put(out, n, '?');
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    private static int put(byte[] out, int n, char c) {
        out[n] = (byte) (c >>> 8);
        out[n + 1] = (byte) c;
        return n + 2;
    }

    @Override
    public String decode(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        int units = bytes.length / 2;
        StringBuilder text = new StringBuilder(units + 1);
        for (int i = 0; i < units; i++) {
            char c = unitAt(bytes, i);
            if (Character.isHighSurrogate(c) && i + 1 < units && Character.isLowSurrogate(unitAt(bytes, i + 1))) {
                text.append(c).append(unitAt(bytes, ++i));
            } else {
                text.append(Character.isSurrogate(c) ? REPLACEMENT_CHARACTER : c);
            }
        }
        if (bytes.length % 2 != 0) {
            text.append(REPLACEMENT_CHARACTER);
        }
        return text.toString();
    }

    private static char unitAt(byte[] bytes, int unit) {
        return (char) (((bytes[2 * unit] & 0xFF) << 8) | (bytes[2 * unit + 1] & 0xFF));
    }

    @Override
    public boolean canEncode(CharSequence text) {
        Objects.requireNonNull(text, "text");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int countUnits(CharSequence text) {
        // Every char is one unit, and a lone surrogate's replacement '?' is one unit too.
        return Objects.requireNonNull(text, "text").length();
    }

    @Override
    public String toString() {
        return name();
    }
}
