package io.ujumbe.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/**
 * What {@link TextEncoder#plan} promises is what {@link MessageSplitter} delivers: the same number
 * of parts, none holding more units than the plan's capacity, for every concatenating mode when
 * the options count the concatenation element that mode implies (5 octets for UDH_8BIT and SAR,
 * 6 for UDH_16BIT).
 */
class PartCountAgreementPropertiesTest {
    /** Every GSM table character lies below U+3000, so scanning that far finds them all. */
    private static final int GSM_SCAN_END = 0x3000;

    private static final char[] GSM_BASIC = chars(c -> encodedLength(GsmCharset.DEFAULT, (char) c) == 1);
    private static final char[] GSM_EXTENSION = chars(c -> encodedLength(GsmCharset.DEFAULT, (char) c) == 2);
    /** Per language, the characters its widest table pair shares with the default alphabet. */
    private static final Map<NationalLanguage, char[]> NATIONAL_COMMON = national(true);
    /** Per language, the characters that only its shift tables carry. */
    private static final Map<NationalLanguage, char[]> NATIONAL_ONLY = national(false);

    private static char[] chars(IntPredicate test) {
        StringBuilder chars = new StringBuilder();
        for (int c = 0; c < GSM_SCAN_END; c++) {
            if (!Character.isSurrogate((char) c) && test.test(c)) {
                chars.append((char) c);
            }
        }
        return chars.toString().toCharArray();
    }

    private static int encodedLength(GsmCharset charset, char c) {
        String s = String.valueOf(c);
        return charset.canEncode(s) ? charset.encode(s, EncodingErrorMode.STRICT).length : 0;
    }

    private static Map<NationalLanguage, char[]> national(boolean alsoInDefault) {
        Map<NationalLanguage, char[]> chars = new EnumMap<>(NationalLanguage.class);
        for (NationalLanguage language : NationalLanguage.values()) {
            GsmCharset widest = GsmCharset.hasLockingShiftTable(language)
                    ? GsmCharset.of(language, language)
                    : GsmCharset.of(null, language);
            chars.put(language, chars(c -> {
                String s = String.valueOf((char) c);
                return GsmCharset.DEFAULT.canEncode(s) == alsoInDefault && widest.canEncode(s);
            }));
        }
        return chars;
    }

    private static Arbitrary<String> textOf(Arbitrary<Character> character, int maxLength) {
        // Uniform sizes, so that multipart texts are as common as short ones.
        return character.list().ofMaxSize(maxLength).withSizeDistribution(RandomDistribution.uniform()).map(cs -> {
            StringBuilder sb = new StringBuilder(cs.size());
            cs.forEach(sb::append);
            return sb.toString();
        });
    }

    /** Default-alphabet text, with enough escapes that cuts often fall on one. */
    @Provide
    Arbitrary<String> gsmTexts() {
        return textOf(Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of(GSM_BASIC)),
                Tuple.of(1, Arbitraries.of(GSM_EXTENSION))), 700);
    }

    /**
     * Text in one language that its national-language tables carry whole (single-shift characters
     * as escapes), mostly characters the default alphabet has too.
     */
    @Provide
    Arbitrary<String> nationalTexts() {
        return Arbitraries.of(NationalLanguage.values()).flatMap(language -> textOf(Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of(NATIONAL_COMMON.get(language))),
                Tuple.of(1, Arbitraries.of(NATIONAL_ONLY.get(language)))), 700));
    }

    /** Text that GSM cannot carry, with surrogate pairs that cuts must keep whole. */
    @Provide
    Arbitrary<String> ucs2Texts() {
        Arbitrary<Integer> codePoint = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.integers().between(0x20, 0x7E)),
                Tuple.of(1, Arbitraries.integers().between(0x0400, 0x04FF)),
                Tuple.of(1, Arbitraries.integers().between(0x4E00, 0x4FFF)),
                Tuple.of(2, Arbitraries.integers().between(0x1F300, 0x1FAFF)));
        return codePoint.list().ofMaxSize(300).withSizeDistribution(RandomDistribution.uniform()).map(cps -> {
            StringBuilder sb = new StringBuilder();
            cps.forEach(sb::appendCodePoint);
            return "ж" + sb; // never GSM
        });
    }

    @Provide
    Arbitrary<MultipartMode> concatenatingModes() {
        return Arbitraries.of(MultipartMode.UDH_8BIT, MultipartMode.UDH_16BIT, MultipartMode.SAR);
    }

    @Property(tries = 200)
    void gsmPlanMatchesSplit(@ForAll("gsmTexts") String text, @ForAll("concatenatingModes") MultipartMode mode,
                             @ForAll boolean packed, @ForAll @IntRange(max = 255) int reference) {
        TextPlan plan = check(text, mode, packed, reference, EncodingOptions.builder());
        assertThat(plan.alphabet()).isEqualTo(Alphabet.GSM7);
    }

    @Property(tries = 200)
    void nationalPlanMatchesSplit(@ForAll("nationalTexts") String text,
                                  @ForAll("concatenatingModes") MultipartMode mode,
                                  @ForAll boolean packed, @ForAll @IntRange(max = 255) int reference) {
        TextPlan plan = check(text, mode, packed, reference,
                EncodingOptions.builder().allowedLanguages(NationalLanguage.values()));
        assertThat(plan.alphabet()).isEqualTo(Alphabet.GSM7);
    }

    @Property(tries = 200)
    void ucs2PlanMatchesSplit(@ForAll("ucs2Texts") String text, @ForAll("concatenatingModes") MultipartMode mode,
                              @ForAll @IntRange(max = 255) int reference) {
        TextPlan plan = check(text, mode, false, reference, EncodingOptions.builder());
        assertThat(plan.alphabet()).isEqualTo(Alphabet.UCS2);
    }

    private static TextPlan check(String text, MultipartMode mode, boolean packed, int reference,
                                  EncodingOptions.Builder options) {
        int concatenationIeOctets = mode == MultipartMode.UDH_16BIT
                ? PartCapacity.CONCATENATION_16BIT_IE_OCTETS
                : PartCapacity.CONCATENATION_8BIT_IE_OCTETS;
        TextEncoder encoder = new TextEncoder(options.concatenationIeOctets(concatenationIeOctets).build());
        TextPlan plan = encoder.plan(text);
        MessageSplitter splitter = MessageSplitter.builder().mode(mode).gsmPacked(packed).build();

        List<MessagePart> parts = splitter.split(plan.encoded(), reference);

        assertThat(plan.parts()).as("plan parts for %s", mode).isEqualTo(parts.size());
        assertThat(encoder.partsNeeded(plan.encoded())).isEqualTo(parts.size());
        if (!packed) {
            int unitOctets = plan.alphabet() == Alphabet.UCS2 ? 2 : 1;
            for (MessagePart part : parts) {
                int header = part.userDataHeader().map(UserDataHeader::length).orElse(0);
                int units = (part.shortMessage().length - header) / unitOctets;
                assertThat(units).as("units in part %d of %s", part.partNumber(), mode)
                        .isLessThanOrEqualTo(plan.unitsPerPart());
            }
        }
        return plan;
    }
}
