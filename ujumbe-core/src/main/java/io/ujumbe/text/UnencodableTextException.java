package io.ujumbe.text;

/**
 * Thrown in {@link EncodingErrorMode#STRICT} mode when text holds a character that the chosen
 * charset cannot represent. It names the first such character, its code point, its index in the
 * text (in UTF-16 chars, as {@link String#charAt} counts) and the charset.
 */
public final class UnencodableTextException extends IllegalArgumentException {
    private final int codePoint;
    private final int index;
    private final String charsetName;

    public UnencodableTextException(int codePoint, int index, String charsetName) {
        super(message(codePoint, index, charsetName));
        this.codePoint = codePoint;
        this.index = index;
        this.charsetName = charsetName;
    }

    private static String message(int codePoint, int index, String charsetName) {
        String code = String.format("U+%04X", codePoint);
        // A lone surrogate or a control character would print as garbage or break the log line.
        boolean printable = Character.isValidCodePoint(codePoint)
                && !Character.isSurrogate((char) Math.min(codePoint, 0xFFFF))
                && !Character.isISOControl(codePoint);
        String shown = printable ? "'" + new String(Character.toChars(codePoint)) + "' (" + code + ")" : code;
        return "cannot encode character " + shown + " at index " + index + " in charset " + charsetName;
    }

    /** The code point that could not be encoded (a lone surrogate is reported as itself). */
    public int codePoint() {
        return codePoint;
    }

    /** Its index in the text, counted in UTF-16 chars. */
    public int index() {
        return index;
    }

    /** The name of the charset that could not encode it. */
    public String charsetName() {
        return charsetName;
    }
}
