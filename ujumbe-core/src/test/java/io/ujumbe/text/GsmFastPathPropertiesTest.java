package io.ujumbe.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple3;
import net.jqwik.api.constraints.IntRange;

/**
 * The flat-table GSM encoder and the one-pass, pruned encoding choice give what a straightforward
 * encoder gives: the same bytes, counts, exceptions and chosen encoding, on text mixing the default
 * alphabet, its extension table, national-language characters and characters GSM lacks.
 */
class GsmFastPathPropertiesTest {
    /** Text pieces: whole code points, and lone surrogates on their own. */
    private static final List<String> PIECES = List.of(
            // default alphabet, ASCII and not
            "a", "Z", "0", " ", "@", "?", "\n", "\r", "£", "¥", "è", "é", "Ç", "Ø", "Å", "Δ", "Φ", "Ω", "Σ",
            "Æ", "ß", "É", "Ä", "Ö", "Ñ", "Ü", "§", "¿", "ä", "ö", "ñ", "ü", "à", "¤",
            // default extension table
            "{", "}", "[", "]", "~", "\\", "|", "^", "€", "\f",
            // national: Turkish, Portuguese, Spanish, Indic, Urdu
            "ğ", "Ğ", "ş", "Ş", "ı", "İ", "ç", "Ê", "ê", "Á", "á", "Í", "Ó", "ú", "õ", "Â", "â",
            "\u0905", "\u0915", "\u094d", "\u0966", "\u0985", "\u0b95", "\u0c15", "\u0d15", "\u0a15",
            "\u0627", "\u06f0", "\u060c",
            // neither: Greek lower case, Cyrillic, CJK, U+FFFF, a surrogate pair, lone surrogates
            "α", "ж", "\u4e2d", "\uffff", "\ud83d\ude00", "\ud800", "\udc00");

    private static List<GsmCharset> allGsmCharsets() {
        List<GsmCharset> charsets = new ArrayList<>();
        List<NationalLanguage> options = new ArrayList<>();
        options.add(null);
        options.addAll(List.of(NationalLanguage.values()));
        for (NationalLanguage locking : options) {
            if (locking != null && !GsmCharset.hasLockingShiftTable(locking)) {
                continue;
            }
            for (NationalLanguage single : options) {
                charsets.add(GsmCharset.of(locking, single));
            }
        }
        return charsets;
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> mixed = Arbitraries.of(PIECES).list().ofMaxSize(80).map(p -> String.join("", p));
        // Mostly ASCII with the odd other piece: the shape of real traffic, long enough to need parts.
        Arbitrary<String> asciiHeavy = Arbitraries.frequencyOf(
                        Tuple.of(30, Arbitraries.strings().withCharRange(' ', '~').ofLength(1)),
                        Tuple.of(1, Arbitraries.of(PIECES)))
                .list().ofMinSize(100).ofMaxSize(500).map(p -> String.join("", p));
        return Arbitraries.oneOf(mixed, asciiHeavy);
    }

    @Provide
    Arbitrary<Tuple3<GsmCharset, EncodingErrorMode, String>> samples() {
        return Arbitraries.of(allGsmCharsets())
                .flatMap(charset -> Arbitraries.of(EncodingErrorMode.class)
                        .flatMap(mode -> texts().map(text -> Tuple.of(charset, mode, text))));
    }

    @Property(tries = 600)
    void encodesAsTheReferenceDoes(@ForAll("samples") Tuple3<GsmCharset, EncodingErrorMode, String> sample) {
        GsmCharset charset = sample.get1();
        EncodingErrorMode mode = sample.get2();
        String text = sample.get3();
        Outcome expected = Outcome.of(() -> referenceEncode(charset, text, mode));
        Outcome actual = Outcome.of(() -> charset.encode(text, mode));
        assertThat(actual).isEqualTo(expected);
        assertThat(charset.canEncode(text)).isEqualTo(referenceCanEncode(charset, text));
        assertThat(charset.countUnits(text)).isEqualTo(referenceCountUnits(charset, text));
    }

    @Property(tries = 200)
    void choosesTheEncodingTheReferenceChooses(@ForAll("texts") String text, @ForAll boolean lockingShift,
                                               @ForAll boolean ucs2, @ForAll EncodingErrorMode mode,
                                               @ForAll boolean allLanguages) {
        EncodingOptions options = EncodingOptions.builder()
                .allowedLanguages(allLanguages ? EnumSet.allOf(NationalLanguage.class)
                        : EnumSet.of(NationalLanguage.TURKISH, NationalLanguage.PORTUGUESE, NationalLanguage.HINDI))
                .lockingShiftAllowed(lockingShift)
                .ucs2Allowed(ucs2)
                .errorMode(mode)
                .build();
        Outcome expected = Outcome.of(() -> referenceChoice(options, text));
        Outcome actual = Outcome.of(() -> new TextEncoder(options).encode(text));
        assertThat(actual).isEqualTo(expected);
    }

    @Property(tries = 100)
    void forcedDataCodingFindsTheRegisteredCharset(@ForAll("texts") String text) {
        EncodingOptions options = EncodingOptions.builder().forcedDataCoding(0x00)
                .errorMode(EncodingErrorMode.REPLACE).build();
        EncodedText encoded = new TextEncoder(options).encode(text);
        assertThat(encoded.bytes()).isEqualTo(referenceEncode(GsmCharset.DEFAULT, text, EncodingErrorMode.REPLACE));
        assertThat(encoded.dataCoding()).isZero();
    }

    @Property(tries = 20)
    void registryAnswersEveryDataCodingAsItsRulesSay(@ForAll boolean latin1Default) {
        SmsCharsetRegistry registry = latin1Default
                ? SmsCharsetRegistry.defaults().withSmscDefault(JdkSmsCharset.LATIN_1)
                : SmsCharsetRegistry.defaults();
        for (int dataCoding = 0; dataCoding <= 0xFF; dataCoding++) {
            SmsCharset registered = registry.registered().get(dataCoding);
            SmsCharset expected = registered != null ? registered : referenceCodingGroup(dataCoding);
            assertThat(registry.forDataCoding(dataCoding).orElse(null)).as("data_coding %d", dataCoding)
                    .isSameAs(expected);
        }
        assertThatThrownBy(() -> registry.forDataCoding(256)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dataCoding must be 0..255, was 256");
    }

    @Property(tries = 100)
    void splitsIntoTheSameBytesAsConcatenatingTheReferenceParts(@ForAll("texts") String text) {
        EncodedText encoded = new TextEncoder(EncodingOptions.builder()
                .allowedLanguages(NationalLanguage.TURKISH).errorMode(EncodingErrorMode.REPLACE).build()).encode(text);
        for (MultipartMode mode : MultipartMode.values()) {
            List<MessagePart> parts;
            try {
                parts = MessageSplitter.builder().mode(mode).build().split(encoded, 7);
            } catch (MessageTooLongException e) {
                assertThat(mode).isEqualTo(MultipartMode.SHORT_MESSAGE_ONLY);
                continue;
            }
            ByteArrayOutputStream joined = new ByteArrayOutputStream();
            for (MessagePart part : parts) {
                byte[] userData = part.inMessagePayload() ? part.messagePayload() : part.shortMessage();
                int headerLength = part.userDataHeader().map(UserDataHeader::length).orElse(0);
                assertThat(part.userDataHeader().map(UserDataHeader::toBytes).orElse(new byte[0]))
                        .isEqualTo(Arrays.copyOf(userData, headerLength));
                joined.write(userData, headerLength, userData.length - headerLength);
            }
            assertThat(joined.toByteArray()).as("%s", mode).isEqualTo(encoded.bytes());
        }
    }

    @Property(tries = 400)
    void cutsGsmPartsWhereTheSeptetWalkCuts(@ForAll("escapeRich") byte[] septets,
                                            @ForAll @IntRange(min = 1, max = 160) int capacity) {
        EncodedText text = EncodedText.of(septets, 0, Alphabet.GSM7);
        int start = 0;
        while (start < septets.length) {
            int end = PartCapacity.partEnd(text, start, capacity);
            assertThat(end).as("part from %d", start).isEqualTo(referenceGsmPartEnd(septets, start, capacity));
            if (end == start) {
                break; // a capacity of one septet cannot take an escape pair
            }
            start = end;
        }
    }

    @Provide
    Arbitrary<byte[]> escapeRich() {
        return Arbitraries.of((byte) GsmTables.ESCAPE, (byte) 0x41, (byte) 0x28).array(byte[].class).ofMaxSize(400);
    }

    /** Walks the septets unit by unit, an escape and the septet after it counting as one unit of two. */
    private static int referenceGsmPartEnd(byte[] septets, int start, int capacity) {
        int limit = Math.min(start + capacity, septets.length);
        int i = start;
        while (i < limit) {
            int width = septets[i] == GsmTables.ESCAPE && i + 1 < septets.length ? 2 : 1;
            if (i + width > limit) {
                break;
            }
            i += width;
        }
        return i;
    }

    // ---- the straightforward reference: per code point, a linear search of the 128-entry tables ----

    private static int referenceSeptet(String table, int codePoint) {
        if (codePoint == GsmTables.UNMAPPED || codePoint > 0xFFFF) {
            return -1;
        }
        return table.indexOf(codePoint); // the first, lowest septet where a table repeats a character
    }

    private static String lockingTable(GsmCharset charset) {
        return GsmTables.locking(charset.lockingShift().orElse(null));
    }

    private static String shiftTable(GsmCharset charset) {
        return GsmTables.singleShift(charset.singleShift().orElse(null));
    }

    private static byte[] referenceEncode(GsmCharset charset, String text, EncodingErrorMode mode) {
        String main = lockingTable(charset);
        String extension = shiftTable(charset);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int septet = referenceSeptet(main, codePoint);
            int extended = referenceSeptet(extension, codePoint);
            if (septet >= 0) {
                out.write(septet);
            } else if (extended >= 0) {
                out.write(GsmTables.ESCAPE);
                out.write(extended);
            } else if (mode == EncodingErrorMode.STRICT) {
                throw new UnencodableTextException(codePoint, i, charset.name());
            } else if (mode == EncodingErrorMode.REPLACE) {
                out.write(main.indexOf('?'));
            }
            i += Character.charCount(codePoint);
        }
        return out.toByteArray();
    }

    private static boolean referenceCanEncode(GsmCharset charset, String text) {
        return text.codePoints().allMatch(cp -> referenceSeptet(lockingTable(charset), cp) >= 0
                || referenceSeptet(shiftTable(charset), cp) >= 0);
    }

    private static int referenceCountUnits(GsmCharset charset, String text) {
        return text.codePoints().map(cp -> referenceSeptet(lockingTable(charset), cp) < 0
                && referenceSeptet(shiftTable(charset), cp) >= 0 ? 2 : 1).sum();
    }

    /** The encoding choice as TextEncoder documents it, trying every combination in full. */
    private static EncodedText referenceChoice(EncodingOptions options, String text) {
        if (referenceCanEncode(GsmCharset.DEFAULT, text)) {
            return new EncodedText(referenceEncode(GsmCharset.DEFAULT, text, EncodingErrorMode.STRICT),
                    options.gsmDataCoding(), Alphabet.GSM7, null, null);
        }
        List<NationalLanguage> locking = new ArrayList<>();
        List<NationalLanguage> single = new ArrayList<>();
        locking.add(null);
        single.add(null);
        for (NationalLanguage language : options.allowedLanguages()) {
            if (options.lockingShiftAllowed() && GsmCharset.hasLockingShiftTable(language)) {
                locking.add(language);
            }
            single.add(language);
        }
        EncodedText best = null;
        int bestParts = Integer.MAX_VALUE;
        long bestBits = Long.MAX_VALUE;
        int bestTables = Integer.MAX_VALUE;
        for (NationalLanguage l : locking) {
            for (NationalLanguage s : single) {
                if (l == null && s == null) {
                    continue;
                }
                GsmCharset charset = GsmCharset.of(l, s);
                if (!referenceCanEncode(charset, text)) {
                    continue;
                }
                EncodedText candidate = new EncodedText(referenceEncode(charset, text, EncodingErrorMode.STRICT),
                        options.gsmDataCoding(), Alphabet.GSM7, s, l);
                int parts = PartCapacity.countParts(candidate, options.concatenationIeOctets());
                int tables = charset.shiftTableCount();
                long bits = 7L * candidate.length() + 8L * PartCapacity.SHIFT_IE_OCTETS * tables;
                if (parts < bestParts
                        || parts == bestParts && (bits < bestBits || bits == bestBits && tables < bestTables)) {
                    best = candidate;
                    bestParts = parts;
                    bestBits = bits;
                    bestTables = tables;
                }
            }
        }
        if (best != null) {
            return best;
        }
        if (options.ucs2Allowed()) {
            return EncodedText.of(Ucs2Charset.INSTANCE.encode(text, options.errorMode()), 0x08, Alphabet.UCS2);
        }
        return new EncodedText(referenceEncode(GsmCharset.DEFAULT, text, options.errorMode()),
                options.gsmDataCoding(), Alphabet.GSM7, null, null);
    }

    private static SmsCharset referenceCodingGroup(int dc) {
        if (dc < 0x10 || dc >= 0x80 && dc < 0xC0) {
            return null;
        }
        if (dc < 0x80) {
            int alphabet = (dc >>> 2) & 0x03;
            return (dc & 0x20) != 0 || alphabet == 3 ? null
                    : alphabet == 0 ? GsmCharset.DEFAULT : alphabet == 1 ? BinaryCharset.INSTANCE : Ucs2Charset.INSTANCE;
        }
        if (dc < 0xE0) {
            return GsmCharset.DEFAULT;
        }
        if (dc < 0xF0) {
            return Ucs2Charset.INSTANCE;
        }
        return (dc & 0x04) == 0 ? GsmCharset.DEFAULT : BinaryCharset.INSTANCE;
    }

    /** A result or the exception it threw, compared by value: bytes, or exception type and message. */
    private record Outcome(Object value, Class<?> thrown, String message) {
        static Outcome of(Supplier<?> action) {
            try {
                Object value = action.get();
                return new Outcome(value instanceof byte[] ? HexFormat.of().formatHex((byte[]) value) : value,
                        null, null);
            } catch (RuntimeException e) {
                return new Outcome(null, e.getClass(), e.getMessage());
            }
        }
    }
}
