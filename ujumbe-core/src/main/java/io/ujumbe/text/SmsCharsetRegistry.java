package io.ujumbe.text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which {@link SmsCharset} a data_coding value (0..255) names: an immutable map, with the data
 * coding groups of 3GPP TS 23.038 section 4 understood for values that are not registered.
 *
 * <p>{@link #defaults()} registers SMPP 3.4's values: 0x00 GSM 03.38 unpacked, 0x01 IA5, 0x02 and
 * 0x04 binary, 0x03 Latin-1, 0x05 JIS as Shift_JIS, 0x06 ISO-8859-5, 0x07 ISO-8859-8, 0x08 UCS-2
 * and 0x0A ISO-2022-JP (those the JDK lacks are left out). Some SMSCs take 0x00 to mean Latin-1
 * or IA5: say so with {@link #withSmscDefault}. Any other value can carry a custom codec:
 * {@link #with}.
 */
public final class SmsCharsetRegistry {
    private static final SmsCharsetRegistry DEFAULTS = createDefaults();

    private final Map<Integer, SmsCharset> registered;
    /** The answer of {@link #forDataCoding} for each value 0..255, made once: the send path asks per message. */
    private final List<Optional<SmsCharset>> byDataCoding;

    private SmsCharsetRegistry(Map<Integer, SmsCharset> registered) {
        this.registered = Collections.unmodifiableMap(new TreeMap<>(registered));
        List<Optional<SmsCharset>> answers = new ArrayList<>(0x100);
        for (int dataCoding = 0; dataCoding <= 0xFF; dataCoding++) {
            SmsCharset charset = this.registered.get(dataCoding);
            answers.add(Optional.ofNullable(charset != null ? charset : byCodingGroup(dataCoding)));
        }
        this.byDataCoding = List.copyOf(answers);
    }

    private static SmsCharsetRegistry createDefaults() {
        Map<Integer, SmsCharset> map = new TreeMap<>();
        map.put(0x00, GsmCharset.DEFAULT);
        map.put(0x01, JdkSmsCharset.IA5);
        map.put(0x02, BinaryCharset.INSTANCE);
        map.put(0x03, JdkSmsCharset.LATIN_1);
        map.put(0x04, BinaryCharset.INSTANCE);
        // SMPP names JIS X 0208 for 0x05; the SMSCs that use it carry it as Shift_JIS.
        JdkSmsCharset.ifSupported("Shift_JIS").ifPresent(c -> map.put(0x05, c));
        JdkSmsCharset.ifSupported("ISO-8859-5").ifPresent(c -> map.put(0x06, c));
        JdkSmsCharset.ifSupported("ISO-8859-8").ifPresent(c -> map.put(0x07, c));
        map.put(0x08, Ucs2Charset.INSTANCE);
        JdkSmsCharset.ifSupported("ISO-2022-JP").ifPresent(c -> map.put(0x0A, c));
        return new SmsCharsetRegistry(map);
    }

    /** The SMPP 3.4 charsets, with 0x00 as GSM 03.38 unpacked. */
    public static SmsCharsetRegistry defaults() {
        return DEFAULTS;
    }

    /**
     * A charset by name, as configurations write it (vumi2's {@code data_coding_overrides} use
     * Python codec names): {@code gsm} / {@code gsm0338} / {@code smsc_default} for GSM 03.38
     * unpacked, {@code ucs2} / {@code ucs-2} / {@code utf-16be} for UCS-2, anything else as a JDK
     * charset name or alias ({@code latin1}, {@code ascii}, {@code utf-8}, {@code shift_jis} …),
     * in any case. Empty when the name is unknown or the charset cannot encode.
     */
    public static Optional<SmsCharset> charsetNamed(String name) {
        Objects.requireNonNull(name, "name");
        String n = name.strip().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        switch (n) {
            case "gsm", "gsm0338", "gsm-0338", "gsm7", "smsc-default":
                return Optional.of(GsmCharset.DEFAULT);
            case "ucs2", "ucs-2", "utf-16be", "utf16be":
                return Optional.of(Ucs2Charset.INSTANCE);
            default:
                break;
        }
        Optional<JdkSmsCharset> jdk = JdkSmsCharset.ifSupported(name.strip());
        if (jdk.isEmpty()) {
            jdk = JdkSmsCharset.ifSupported(n);
        }
        return jdk.map(c -> c);
    }

    /** A copy with {@code charset} for data_coding 0x00, for SMSCs whose default is not GSM. */
    public SmsCharsetRegistry withSmscDefault(SmsCharset charset) {
        return with(0x00, charset);
    }

    /**
     * A copy with {@code charset} registered for {@code dataCoding}, replacing what was there; a
     * registered value wins over the data coding groups.
     *
     * @throws IllegalArgumentException if dataCoding is not 0..255
     */
    public SmsCharsetRegistry with(int dataCoding, SmsCharset charset) {
        checkDataCoding(dataCoding);
        Objects.requireNonNull(charset, "charset");
        Map<Integer, SmsCharset> map = new TreeMap<>(registered);
        map.put(dataCoding, charset);
        return new SmsCharsetRegistry(map);
    }

    /**
     * The charset for a data_coding value: the registered one; else, by the data coding groups of
     * TS 23.038, for 0x10-0x7F (general and automatic-deletion groups, uncompressed) alphabet bits
     * 3-2 of 00 GSM, 01 binary, 10 UCS-2; 0xC0-0xDF (message waiting, 7-bit) GSM; 0xE0-0xEF
     * (message waiting, UCS-2) UCS-2; 0xF0-0xFF bit 2 clear GSM, set binary. Empty for reserved
     * values, compressed text, and unregistered values below 0x10 (SMPP gives those its own
     * meanings).
     *
     * @throws IllegalArgumentException if dataCoding is not 0..255
     */
    public Optional<SmsCharset> forDataCoding(int dataCoding) {
        checkDataCoding(dataCoding);
        return byDataCoding.get(dataCoding);
    }

    private static SmsCharset byCodingGroup(int dataCoding) {
        if (dataCoding < 0x10) {
            return null;
        }
        if (dataCoding < 0x80) {
            if ((dataCoding & 0x20) != 0) {
                return null; // compressed (TS 23.042): nothing here can decompress it
            }
            return switch ((dataCoding >>> 2) & 0x03) {
                case 0 -> GsmCharset.DEFAULT;
                case 1 -> BinaryCharset.INSTANCE;
                case 2 -> Ucs2Charset.INSTANCE;
                default -> null; // alphabet 11 is reserved
            };
        }
        if (dataCoding < 0xC0) {
            return null;
        }
        if (dataCoding < 0xE0) {
            return GsmCharset.DEFAULT;
        }
        if (dataCoding < 0xF0) {
            return Ucs2Charset.INSTANCE;
        }
        return (dataCoding & 0x04) == 0 ? GsmCharset.DEFAULT : BinaryCharset.INSTANCE;
    }

    /** The explicitly registered charsets by data_coding, unmodifiable and in ascending order. */
    public Map<Integer, SmsCharset> registered() {
        return registered;
    }

    private static void checkDataCoding(int dataCoding) {
        if (dataCoding < 0 || dataCoding > 0xFF) {
            throw new IllegalArgumentException("dataCoding must be 0..255, was " + dataCoding);
        }
    }

    @Override
    public String toString() {
        return "SmsCharsetRegistry" + registered;
    }
}
