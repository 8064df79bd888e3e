package io.ujumbe.amqp;

import java.util.Locale;
import java.util.Optional;

/**
 * The data codings by the names vumi2 uses (python-smpp's {@code DataCodingDefault}), with their
 * data_coding value. vumi2's {@code data_coding} setting takes one of the names that have a codec
 * ({@link #sendable()}); {@code data_coding_overrides} may name any.
 */
public enum VumiDataCoding {
    /** 0x00, GSM 03.38 (vumi2's default). */
    SMSC_DEFAULT_ALPHABET(0x00, true),
    /** 0x01, IA5 / ASCII. */
    IA5_ASCII(0x01, true),
    /** 0x02, 8-bit binary. */
    OCTET_UNSPECIFIED(0x02, false),
    /** 0x03, ISO-8859-1. */
    LATIN_1(0x03, true),
    /** 0x04, 8-bit binary. */
    OCTET_UNSPECIFIED_COMMON(0x04, false),
    /** 0x05, JIS (X 0208-1990), encoded as ISO-2022-JP as vumi2 does. */
    JIS(0x05, true),
    /** 0x06, ISO-8859-5. */
    CYRILLIC(0x06, true),
    /** 0x07, ISO-8859-8. */
    ISO_8859_8(0x07, true),
    /** 0x08, UCS-2. */
    UCS2(0x08, true),
    /** 0x09, pictogram encoding. */
    PICTOGRAM(0x09, false),
    /** 0x0A, ISO-2022-JP (music codes). */
    ISO_2022_JP(0x0A, false),
    /** 0x0D, extended Kanji JIS (X 0212-1990). */
    EXTENDED_KANJI_JIS(0x0D, false),
    /** 0x0E, KS C 5601. */
    KS_C_5601(0x0E, false);

    private final int value;
    private final boolean sendable;

    VumiDataCoding(int value, boolean sendable) {
        this.value = value;
        this.sendable = sendable;
    }

    /** The data_coding octet. */
    public int value() {
        return value;
    }

    /** True when vumi2 can send text in it (it has a codec in vumi2's {@code DataCodingCodecs}). */
    public boolean sendable() {
        return sendable;
    }

    /** The coding with this vumi2 name (exact, as vumi2 requires; case is forgiven). */
    public static Optional<VumiDataCoding> byName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
