package io.ujumbe.text;

import java.util.Arrays;
import java.util.Objects;

/**
 * Text already encoded for SMS, before splitting: the bytes (GSM 7-bit unpacked, one septet per
 * byte; UCS-2 big-endian; or octets), the data_coding value that names the encoding, the alphabet
 * that decides how it counts, and the national-language shift tables in use (null when none).
 * A splitter cuts these bytes into parts without breaking an escape or a surrogate pair.
 */
public final class EncodedText {
    private final byte[] bytes;
    private final int dataCoding;
    private final Alphabet alphabet;
    private final NationalLanguage singleShift;
    private final NationalLanguage lockingShift;
    /** Set for text in a multi-byte or stateful octet charset: parts are cut by characters, then re-encoded. */
    private final String sourceText;
    private final SmsCharset sourceCharset;
    private final EncodingErrorMode sourceMode;

    public EncodedText(byte[] bytes, int dataCoding, Alphabet alphabet,
                       NationalLanguage singleShift, NationalLanguage lockingShift) {
        this(bytes, dataCoding, alphabet, singleShift, lockingShift, true);
    }

    private EncodedText(byte[] bytes, int dataCoding, Alphabet alphabet,
                        NationalLanguage singleShift, NationalLanguage lockingShift, boolean copy) {
        Objects.requireNonNull(bytes, "bytes");
        this.bytes = copy ? bytes.clone() : bytes;
        if (dataCoding < 0 || dataCoding > 0xFF) {
            throw new IllegalArgumentException("data_coding must be 0..255, was " + dataCoding);
        }
        this.dataCoding = dataCoding;
        this.alphabet = Objects.requireNonNull(alphabet, "alphabet");
        if (alphabet != Alphabet.GSM7 && (singleShift != null || lockingShift != null)) {
            throw new IllegalArgumentException("national-language shift tables apply only to GSM7, not " + alphabet);
        }
        this.singleShift = singleShift;
        this.lockingShift = lockingShift;
        this.sourceText = null;
        this.sourceCharset = null;
        this.sourceMode = null;
    }

    private EncodedText(byte[] bytes, int dataCoding, SmsCharset charset, String text, EncodingErrorMode mode) {
        if (dataCoding < 0 || dataCoding > 0xFF) {
            throw new IllegalArgumentException("data_coding must be 0..255, was " + dataCoding);
        }
        this.bytes = bytes;
        this.dataCoding = dataCoding;
        this.alphabet = Alphabet.OCTET;
        this.singleShift = null;
        this.lockingShift = null;
        this.sourceText = text;
        this.sourceCharset = charset;
        this.sourceMode = mode;
    }

    /**
     * Text encoded in an octet charset whose characters may take several bytes or depend on an
     * escape state (Shift_JIS, ISO-2022-JP, UTF-8, an application's own charset): a splitter cuts
     * it between characters and re-encodes each part's characters on their own, so every part
     * decodes by itself and no part ends inside a character. For charsets of one byte per
     * character (Latin-1, IA5 …) {@link #of} is enough and cheaper.
     *
     * @param mode the error mode the text is encoded with, and each part re-encoded with
     * @throws UnencodableTextException in {@link EncodingErrorMode#STRICT} mode, as the charset throws
     * @throws IllegalArgumentException if the charset does not count in octets
     */
    public static EncodedText ofCharacters(String text, SmsCharset charset, int dataCoding, EncodingErrorMode mode) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(charset, "charset");
        Objects.requireNonNull(mode, "mode");
        if (charset.alphabet() != Alphabet.OCTET) {
            throw new IllegalArgumentException("charset " + charset.name() + " counts in " + charset.alphabet()
                    + ", not octets; its text is cut by its own rules");
        }
        return new EncodedText(charset.encode(text, mode), dataCoding, charset, text, mode);
    }

    /** True when a charset's text must be cut by characters: any octet charset not known to use one byte per character. */
    static boolean needsCharacterCut(SmsCharset charset) {
        if (charset.alphabet() != Alphabet.OCTET || charset instanceof BinaryCharset) {
            return false;
        }
        return !(charset instanceof JdkSmsCharset) || ((JdkSmsCharset) charset).multiByte();
    }

    /** True when parts are cut between characters and re-encoded (see {@link #ofCharacters}). */
    public boolean cutByCharacters() {
        return sourceText != null;
    }

    String sourceText() {
        return sourceText;
    }

    SmsCharset sourceCharset() {
        return sourceCharset;
    }

    EncodingErrorMode sourceMode() {
        return sourceMode;
    }

    /** Plain encoded bytes with no national-language shift tables. */
    public static EncodedText of(byte[] bytes, int dataCoding, Alphabet alphabet) {
        return new EncodedText(bytes, dataCoding, alphabet, null, null);
    }

    /**
     * Encoded text that keeps the array it is given, for encoders in this package that have just
     * made it and hand it over: saves a copy per message on the send path.
     */
    static EncodedText adopt(byte[] bytes, int dataCoding, Alphabet alphabet,
                             NationalLanguage singleShift, NationalLanguage lockingShift) {
        return new EncodedText(bytes, dataCoding, alphabet, singleShift, lockingShift, false);
    }

    /** The encoded bytes themselves, not a copy, for readers in this package that never modify them. */
    byte[] array() {
        return bytes;
    }

    /** A copy of the encoded bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Length in bytes (septets for GSM7, since it is unpacked). */
    public int length() {
        return bytes.length;
    }

    /** The byte at an index, without copying. */
    public byte byteAt(int index) {
        return bytes[index];
    }

    public int dataCoding() {
        return dataCoding;
    }

    public Alphabet alphabet() {
        return alphabet;
    }

    /** The single-shift table in use, or null. */
    public NationalLanguage singleShift() {
        return singleShift;
    }

    /** The locking-shift table in use, or null. */
    public NationalLanguage lockingShift() {
        return lockingShift;
    }

    /** True when a national-language shift table is in use and the UDH must say so. */
    public boolean usesShiftTables() {
        return singleShift != null || lockingShift != null;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof EncodedText)) {
            return false;
        }
        EncodedText e = (EncodedText) o;
        return dataCoding == e.dataCoding && alphabet == e.alphabet && singleShift == e.singleShift
                && lockingShift == e.lockingShift && Arrays.equals(bytes, e.bytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(bytes), dataCoding, alphabet, singleShift, lockingShift);
    }

    @Override
    public String toString() {
        return "EncodedText{" + alphabet + ", data_coding=0x" + Integer.toHexString(dataCoding)
                + ", " + bytes.length + " bytes"
                + (singleShift != null ? ", single_shift=" + singleShift : "")
                + (lockingShift != null ? ", locking_shift=" + lockingShift : "") + '}';
    }
}
