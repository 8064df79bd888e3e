package io.ujumbe.pdu;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * The data_coding octet of a short message: SMPP's own values (0x00–0x0E, SMPP 3.4 section
 * 5.2.19) by name, and the 3GPP TS 23.038 reading of the coding groups (alphabet, message class,
 * compression). Every value 0..255 is representable and canonical, so decoding never fails and
 * {@code ==} agrees with {@link #equals}.
 *
 * <p>SMPP gives 0x01–0x0E meanings of its own (IA5, Latin-1, JIS …) that differ from what the
 * same bits mean in TS 23.038's general data coding group; {@link #gsmCharacterSet()} always gives
 * the TS 23.038 reading, and callers that care about SMPP's meaning check {@link #isKnown()} or
 * compare with the constants first.
 */
public final class DataCoding extends OctetValue {

    /** The alphabet a TS 23.038 data coding scheme selects. */
    public enum GsmCharacterSet {
        /** The GSM 7-bit default alphabet. */
        GSM7,
        /** 8-bit data. */
        EIGHT_BIT,
        /** UCS-2 (UTF-16BE). */
        UCS2
    }

    private static final Table<DataCoding> ALL = new Table<>("data_coding", DataCoding::new);

    /** SMSC default alphabet (usually GSM 03.38 7-bit). */
    public static final DataCoding SMSC_DEFAULT = ALL.define(0x00, "SMSC_DEFAULT");
    /** IA5 (CCITT T.50) / ASCII. */
    public static final DataCoding IA5 = ALL.define(0x01, "IA5");
    /** Octet unspecified (8-bit binary). */
    public static final DataCoding OCTET_UNSPECIFIED = ALL.define(0x02, "OCTET_UNSPECIFIED");
    /** Latin-1 (ISO-8859-1). */
    public static final DataCoding LATIN1 = ALL.define(0x03, "LATIN1");
    /** Octet unspecified (8-bit binary). */
    public static final DataCoding OCTET = ALL.define(0x04, "OCTET");
    /** JIS (X 0208-1990). */
    public static final DataCoding JIS = ALL.define(0x05, "JIS");
    /** Cyrillic (ISO-8859-5). */
    public static final DataCoding CYRILLIC = ALL.define(0x06, "CYRILLIC");
    /** Latin/Hebrew (ISO-8859-8). */
    public static final DataCoding HEBREW = ALL.define(0x07, "HEBREW");
    /** UCS-2 (ISO/IEC-10646). */
    public static final DataCoding UCS2 = ALL.define(0x08, "UCS2");
    /** Pictogram encoding. */
    public static final DataCoding PICTOGRAM = ALL.define(0x09, "PICTOGRAM");
    /** ISO-2022-JP (music codes). */
    public static final DataCoding ISO_2022_JP = ALL.define(0x0A, "ISO_2022_JP");
    /** Extended Kanji JIS (X 0212-1990). */
    public static final DataCoding EXTENDED_KANJI = ALL.define(0x0D, "EXTENDED_KANJI");
    /** KS C 5601. */
    public static final DataCoding KS_C_5601 = ALL.define(0x0E, "KS_C_5601");

    private DataCoding(int value, String name) {
        super(value, name);
    }

    /**
     * The data coding with this wire value.
     *
     * @throws IllegalArgumentException when the value does not fit in one octet
     */
    public static DataCoding of(int value) {
        return ALL.of(value);
    }

    /** True in TS 23.038's general data coding groups (0x00–0x3F, and 0x40–0x7F: marked for automatic deletion). */
    public boolean isGeneralDataCodingGroup() {
        return value() < 0x80;
    }

    /** True in the "message marked for automatic deletion" groups (0x40–0x7F). */
    public boolean isAutomaticDeletion() {
        return value() >= 0x40 && value() < 0x80;
    }

    /** True in the TS 23.038 "data coding / message class" group (0xF0–0xFF). */
    public boolean isMessageClassGroup() {
        return value() >= 0xF0;
    }

    /** True when TS 23.038 says the text is compressed (general group, bit 5). */
    public boolean isCompressed() {
        return isGeneralDataCodingGroup() && (value() & 0x20) != 0;
    }

    /**
     * The message class 0..3 (0 = flash, 1 = ME specific, 2 = SIM specific, 3 = TE specific) when
     * the value carries one: general group with bit 4 set, or the 0xF0–0xFF group.
     */
    public OptionalInt messageClass() {
        if ((isGeneralDataCodingGroup() && (value() & 0x10) != 0) || isMessageClassGroup()) {
            return OptionalInt.of(value() & 0x03);
        }
        return OptionalInt.empty();
    }

    /**
     * The alphabet TS 23.038 assigns to these bits: general groups by bits 3–2 (00 GSM 7-bit, 01
     * 8-bit, 10 UCS-2, 11 reserved), the message waiting groups 0xC0–0xDF (GSM 7-bit) and 0xE0–0xEF
     * (UCS-2), and 0xF0–0xFF by bit 2. Empty for reserved values and groups (0x80–0xBF).
     */
    public Optional<GsmCharacterSet> gsmCharacterSet() {
        if (isGeneralDataCodingGroup()) {
            switch ((value() >> 2) & 0x03) {
                case 0: return Optional.of(GsmCharacterSet.GSM7);
                case 1: return Optional.of(GsmCharacterSet.EIGHT_BIT);
                case 2: return Optional.of(GsmCharacterSet.UCS2);
                default: return Optional.empty();
            }
        }
        if (value() >= 0xC0 && value() < 0xE0) {
            return Optional.of(GsmCharacterSet.GSM7);
        }
        if (value() >= 0xE0 && value() < 0xF0) {
            return Optional.of(GsmCharacterSet.UCS2);
        }
        if (isMessageClassGroup()) {
            return Optional.of((value() & 0x04) != 0 ? GsmCharacterSet.EIGHT_BIT : GsmCharacterSet.GSM7);
        }
        return Optional.empty();
    }

    /** The hex value and, when known, the name, e.g. {@code 0x08 UCS2}. */
    @Override
    public String toString() {
        return isKnown() ? Hex.byteString(value()) + " " + name() : Hex.byteString(value());
    }
}
