package io.ujumbe.text;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * An {@link SmsCharset} backed by a JDK {@link Charset}, counted in octets: IA5/ASCII
 * (data_coding 1), Latin-1 (3), ISO-8859-5 (6), ISO-8859-8 (7), ISO-2022-JP (0x0A), Shift_JIS for
 * JIS (5), or any charset an SMSC wants under a custom data_coding (UTF-8, say).
 *
 * <p>Unencodable characters are handled one code point at a time, so REPLACE writes one '?' per
 * character. Decoding replaces malformed or unmapped bytes with U+FFFD.
 */
public final class JdkSmsCharset implements SmsCharset {
    /** IA5 (CCITT T.50), the international reference version, that is US-ASCII. */
    public static final JdkSmsCharset IA5 = new JdkSmsCharset("IA5", StandardCharsets.US_ASCII);
    /** ISO-8859-1 (Latin-1). */
    public static final JdkSmsCharset LATIN_1 = new JdkSmsCharset("ISO-8859-1", StandardCharsets.ISO_8859_1);

    private final String name;
    private final Charset charset;
    private final boolean multiByte;

    private JdkSmsCharset(String name, Charset charset) {
        this.name = name;
        this.charset = charset;
        this.multiByte = charset.newEncoder().maxBytesPerChar() > 1.0f;
    }

    /**
     * Wraps a JDK charset under a name.
     *
     * @throws IllegalArgumentException if the charset cannot encode
     */
    public static JdkSmsCharset of(String name, Charset charset) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(charset, "charset");
        if (!charset.canEncode()) {
            throw new IllegalArgumentException("charset " + charset.name() + " cannot encode");
        }
        return new JdkSmsCharset(name, charset);
    }

    /**
     * The JDK charset of that name wrapped under its canonical name, or empty when this runtime
     * lacks it (a trimmed runtime image may leave out the jdk.charsets module).
     */
    public static Optional<JdkSmsCharset> ifSupported(String jdkCharsetName) {
        Objects.requireNonNull(jdkCharsetName, "jdkCharsetName");
        try {
            if (!Charset.isSupported(jdkCharsetName)) {
                return Optional.empty();
            }
        } catch (IllegalArgumentException illegalName) {
            return Optional.empty();
        }
        Charset charset = Charset.forName(jdkCharsetName);
        return charset.canEncode() ? Optional.of(new JdkSmsCharset(charset.name(), charset)) : Optional.empty();
    }

    /**
     * True when a character may take more than one byte or the encoding keeps an escape state
     * (Shift_JIS, ISO-2022-JP, UTF-8): such text is split between characters and each part is
     * encoded on its own.
     */
    public boolean multiByte() {
        return multiByte;
    }

    /** The JDK charset behind this one. */
    public Charset charset() {
        return charset;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Alphabet alphabet() {
        return Alphabet.OCTET;
    }

    @Override
    public byte[] encode(CharSequence text, EncodingErrorMode mode) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(mode, "mode");
        try {
            return toArray(strictEncoder().encode(CharBuffer.wrap(text)));
        } catch (CharacterCodingException unencodable) {
            return encodeSlowly(text, mode);
        }
    }

    /** The text has an unencodable character: find each one and apply the mode to it. */
    private byte[] encodeSlowly(CharSequence text, EncodingErrorMode mode) {
        CharsetEncoder probe = strictEncoder();
        StringBuilder encodable = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int codePoint = Character.codePointAt(text, i);
            int width = Character.charCount(codePoint);
            CharSequence character = text.subSequence(i, i + width);
            if (probe.canEncode(character)) {
                encodable.append(character);
            } else if (mode == EncodingErrorMode.STRICT) {
                throw new UnencodableTextException(codePoint, i, name);
            } else if (mode == EncodingErrorMode.REPLACE) {
                encodable.append('?');
            }
            i += width;
        }
        CharsetEncoder lenient = charset.newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            return toArray(lenient.encode(CharBuffer.wrap(encodable)));
        } catch (CharacterCodingException impossible) {
            throw new IllegalStateException("charset " + charset.name() + " failed in REPLACE mode", impossible);
        }
    }

    private CharsetEncoder strictEncoder() {
        return charset.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static byte[] toArray(ByteBuffer buffer) {
        return Arrays.copyOfRange(buffer.array(), buffer.arrayOffset() + buffer.position(),
                buffer.arrayOffset() + buffer.limit());
    }

    @Override
    public String decode(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException impossible) {
            throw new IllegalStateException("charset " + charset.name() + " failed in REPLACE mode", impossible);
        }
    }

    @Override
    public boolean canEncode(CharSequence text) {
        Objects.requireNonNull(text, "text");
        try {
            strictEncoder().encode(CharBuffer.wrap(text));
            return true;
        } catch (CharacterCodingException unencodable) {
            return false;
        }
    }

    @Override
    public int countUnits(CharSequence text) {
        return encode(text, EncodingErrorMode.REPLACE).length;
    }

    @Override
    public String toString() {
        return name;
    }
}
