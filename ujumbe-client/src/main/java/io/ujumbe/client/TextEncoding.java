package io.ujumbe.client;

/**
 * How a message's text is encoded. {@link #AUTO} picks the cheapest: the GSM 7-bit alphabet if
 * every character fits, else a national shift table the client allows, else UCS-2.
 */
public enum TextEncoding {
    AUTO(-1),
    /** GSM 03.38 default alphabet, data_coding 0 (or the client's configured GSM data_coding). */
    GSM7(0x00),
    /** UCS-2 (UTF-16BE, surrogate pairs kept whole), data_coding 8. */
    UCS2(0x08),
    /** ISO-8859-1, data_coding 3. */
    LATIN1(0x03),
    /** IA5 / ASCII, data_coding 1. */
    IA5(0x01),
    /** ISO-8859-5, data_coding 6. */
    CYRILLIC(0x06),
    /** ISO-8859-8, data_coding 7. */
    HEBREW(0x07),
    /** ISO-2022-JP, data_coding 0x0A. */
    ISO_2022_JP(0x0A);

    private final int dataCoding;

    TextEncoding(int dataCoding) {
        this.dataCoding = dataCoding;
    }

    /** The data_coding value, or -1 for AUTO. */
    public int dataCoding() {
        return dataCoding;
    }
}
