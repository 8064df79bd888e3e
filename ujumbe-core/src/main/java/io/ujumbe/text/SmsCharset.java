package io.ujumbe.text;

/**
 * A codec between text and the bytes of an SMS short_message for one data_coding: GSM 03.38
 * (unpacked, optionally with national-language shift tables), UCS-2, an 8-bit charset, or binary.
 * Implementations are immutable and thread-safe.
 *
 * <p>Decoding never throws: a byte (or, for UCS-2, a code unit) with no mapping decodes to
 * U+FFFD REPLACEMENT CHARACTER, except where an implementation documents a rule of its standard
 * (GSM 03.38 shows an undefined escape sequence as the main-table character or a space).
 */
public interface SmsCharset {

    /** A short human-readable name, such as {@code GSM}, {@code UCS-2} or {@code ISO-8859-1}. */
    String name();

    /** How the encoded bytes count toward an SMS's capacity. */
    Alphabet alphabet();

    /**
     * Encodes text.
     *
     * @throws UnencodableTextException in {@link EncodingErrorMode#STRICT} mode, at the first
     *     character this charset cannot represent
     */
    byte[] encode(CharSequence text, EncodingErrorMode mode);

    /** Decodes bytes to text; never throws on any input (see the type's documentation). */
    String decode(byte[] bytes);

    /** True when every character of the text can be encoded without loss. */
    boolean canEncode(CharSequence text);

    /**
     * The units the text takes once encoded: septets for GSM (an escaped character counts two),
     * UTF-16 code units for UCS-2 (an emoji counts two), octets otherwise. Characters that cannot be
     * encoded count as {@link EncodingErrorMode#REPLACE} would encode them.
     */
    int countUnits(CharSequence text);
}
