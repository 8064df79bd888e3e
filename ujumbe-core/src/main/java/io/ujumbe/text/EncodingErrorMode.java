package io.ujumbe.text;

/**
 * What an {@link SmsCharset} does with a character it cannot encode. The unit of replacement is a
 * Unicode code point, so an emoji (a surrogate pair) becomes one '?', not two.
 */
public enum EncodingErrorMode {
    /** Throw {@link UnencodableTextException} naming the first character that cannot be encoded. */
    STRICT,
    /** Write '?' in the target charset in place of each character that cannot be encoded. */
    REPLACE,
    /** Drop each character that cannot be encoded. */
    IGNORE
}
