package io.ujumbe.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextEncoderTest {
    private static final TextEncoder DEFAULT = TextEncoder.withDefaults();

    @ParameterizedTest(name = "{0} GSM characters take {1} part(s)")
    @CsvSource({"0, 1", "1, 1", "160, 1", "161, 2", "306, 2", "307, 3", "459, 3", "460, 4"})
    void gsmParts(int length, int parts) {
        TextPlan plan = DEFAULT.plan("a".repeat(length));
        assertThat(plan.alphabet()).isEqualTo(Alphabet.GSM7);
        assertThat(plan.dataCoding()).isZero();
        assertThat(plan.units()).isEqualTo(length);
        assertThat(plan.parts()).isEqualTo(parts);
        assertThat(plan.unitsPerPart()).isEqualTo(parts == 1 ? 160 : 153);
    }

    @ParameterizedTest(name = "{0} UCS-2 characters take {1} part(s)")
    @CsvSource({"1, 1", "70, 1", "71, 2", "134, 2", "135, 3"})
    void ucs2Parts(int length, int parts) {
        TextPlan plan = DEFAULT.plan("ж".repeat(length));
        assertThat(plan.alphabet()).isEqualTo(Alphabet.UCS2);
        assertThat(plan.dataCoding()).isEqualTo(8);
        assertThat(plan.units()).isEqualTo(length);
        assertThat(plan.parts()).isEqualTo(parts);
        assertThat(plan.unitsPerPart()).isEqualTo(parts == 1 ? 70 : 67);
    }

    @Test
    void euroSignCountsTwoSeptets() {
        assertThat(DEFAULT.plan("€".repeat(80)).units()).isEqualTo(160);
        assertThat(DEFAULT.plan("€".repeat(80)).parts()).isEqualTo(1);
        assertThat(DEFAULT.plan("€".repeat(80) + "a").parts()).isEqualTo(2);
    }

    @Test
    void anEscapeThatWouldStraddleTwoPartsMovesToTheNextPart() {
        // 152 + 2 + 152 = 306 septets: two parts by arithmetic, but the escape at septets 153-154
        // cannot be cut, so part one ends after 152 and the rest needs two more parts.
        TextPlan straddling = DEFAULT.plan("a".repeat(152) + "€" + "b".repeat(152));
        assertThat(straddling.units()).isEqualTo(306);
        assertThat(straddling.parts()).isEqualTo(3);

        TextPlan aligned = DEFAULT.plan("a".repeat(151) + "€" + "b".repeat(153));
        assertThat(aligned.units()).isEqualTo(306);
        assertThat(aligned.parts()).isEqualTo(2);
    }

    @Test
    void aSurrogatePairThatWouldStraddleTwoPartsMovesToTheNextPart() {
        TextPlan straddling = DEFAULT.plan("ж".repeat(66) + "😀" + "ж".repeat(66));
        assertThat(straddling.units()).isEqualTo(134);
        assertThat(straddling.parts()).isEqualTo(3);

        TextPlan aligned = DEFAULT.plan("ж".repeat(65) + "😀" + "ж".repeat(67));
        assertThat(aligned.parts()).isEqualTo(2);
    }

    @Test
    void emojiGoesAsUcs2SurrogatePair() {
        EncodedText encoded = DEFAULT.encode("😀");
        assertThat(encoded.dataCoding()).isEqualTo(TextEncoder.UCS2_DATA_CODING);
        assertThat(encoded.bytes()).isEqualTo(HexFormat.of().parseHex("d83dde00"));
    }

    @Test
    void loneSurrogateIsRejectedInStrictMode() {
        assertThatThrownBy(() -> DEFAULT.encode("ok \ud83d"))
                .isInstanceOfSatisfying(UnencodableTextException.class, e -> assertThat(e.index()).isEqualTo(3));
    }

    @Test
    void withoutUcs2UnencodableTextFollowsTheErrorMode() {
        EncodingOptions noUcs2 = EncodingOptions.builder().ucs2Allowed(false).build();
        assertThatThrownBy(() -> new TextEncoder(noUcs2).encode("Hi ሰላም"))
                .isInstanceOfSatisfying(UnencodableTextException.class, e -> {
                    assertThat(e.codePoint()).isEqualTo(0x1230);
                    assertThat(e.charsetName()).isEqualTo("GSM");
                });
        EncodedText replaced = new TextEncoder(noUcs2.toBuilder().errorMode(EncodingErrorMode.REPLACE).build())
                .encode("Hi ሰላም");
        assertThat(GsmCharset.DEFAULT.decode(replaced.bytes())).isEqualTo("Hi ???");
        EncodedText dropped = new TextEncoder(noUcs2.toBuilder().errorMode(EncodingErrorMode.IGNORE).build())
                .encode("Hi ሰላም");
        assertThat(GsmCharset.DEFAULT.decode(dropped.bytes())).isEqualTo("Hi ");
    }

    @Test
    void defaultAlphabetWinsWhenItCarriesTheText() {
        TextEncoder turkish = new TextEncoder(EncodingOptions.builder()
                .allowedLanguages(NationalLanguage.TURKISH, NationalLanguage.SPANISH).build());
        EncodedText encoded = turkish.encode("Hello €");
        assertThat(encoded.usesShiftTables()).isFalse();
    }

    @Test
    void noNationalLanguagesByDefault() {
        EncodedText encoded = DEFAULT.encode("ş");
        assertThat(encoded.alphabet()).isEqualTo(Alphabet.UCS2);
        assertThat(EncodingOptions.defaults().allowedLanguages()).isEmpty();
    }

    @Test
    void textNoAllowedTableCarriesGoesAsUcs2() {
        TextEncoder spanish = new TextEncoder(EncodingOptions.builder().allowedLanguages(NationalLanguage.SPANISH).build());
        assertThat(spanish.encode("á ж").alphabet()).isEqualTo(Alphabet.UCS2);
    }

    @Test
    void singleShiftCapacityAccountsForItsHeader() {
        TextEncoder spanish = new TextEncoder(EncodingOptions.builder().allowedLanguages(NationalLanguage.SPANISH).build());
        TextPlan fits = spanish.plan("á".repeat(77)); // 154 septets, 155 fit beside the shift element
        assertThat(fits.parts()).isEqualTo(1);
        assertThat(fits.unitsPerPart()).isEqualTo(155);
        TextPlan split = spanish.plan("á".repeat(78)); // 156 septets, 74 escapes (148) per part
        assertThat(split.parts()).isEqualTo(2);
        assertThat(split.unitsPerPart()).isEqualTo(149);
        assertThat(spanish.plan("á".repeat(148)).parts()).isEqualTo(2);
        assertThat(spanish.plan("á".repeat(149)).parts()).isEqualTo(3);
    }

    @Test
    void sixteenBitReferencesLeaveLessRoom() {
        TextEncoder encoder = new TextEncoder(EncodingOptions.builder()
                .concatenationIeOctets(PartCapacity.CONCATENATION_16BIT_IE_OCTETS).build());
        assertThat(encoder.plan("a".repeat(304)).parts()).isEqualTo(2);
        assertThat(encoder.plan("a".repeat(305)).parts()).isEqualTo(3);
        // 0 counts no concatenation element at all; SAR counts 5, like UDH_8BIT
        TextEncoder noConcatenation = new TextEncoder(EncodingOptions.builder().concatenationIeOctets(0).build());
        assertThat(noConcatenation.plan("a".repeat(320)).parts()).isEqualTo(2);
        assertThat(noConcatenation.plan("a".repeat(320)).unitsPerPart()).isEqualTo(160);
    }

    @Test
    void gsmDataCodingLabelsGsmText() {
        TextEncoder flash = new TextEncoder(EncodingOptions.builder().gsmDataCoding(0xF0).build());
        assertThat(flash.encode("hi").dataCoding()).isEqualTo(0xF0);
        assertThat(flash.encode("ж").dataCoding()).isEqualTo(8);
    }

    @Test
    void forcedDataCodingSkipsTheChoice() {
        TextEncoder latin = new TextEncoder(EncodingOptions.builder().forcedDataCoding(3).build());
        EncodedText encoded = latin.encode("é");
        assertThat(encoded.dataCoding()).isEqualTo(3);
        assertThat(encoded.alphabet()).isEqualTo(Alphabet.OCTET);
        assertThat(encoded.bytes()).containsExactly(0xE9);

        TextEncoder smscLatin = new TextEncoder(EncodingOptions.builder()
                .registry(SmsCharsetRegistry.defaults().withSmscDefault(JdkSmsCharset.LATIN_1))
                .forcedDataCoding(0).build());
        assertThat(smscLatin.encode("é").bytes()).containsExactly(0xE9);

        TextEncoder forcedTurkish = new TextEncoder(EncodingOptions.builder()
                .registry(SmsCharsetRegistry.defaults().with(0x10, GsmCharset.of(NationalLanguage.TURKISH, null)))
                .forcedDataCoding(0x10).build());
        EncodedText turkish = forcedTurkish.encode("ş");
        assertThat(turkish.lockingShift()).isEqualTo(NationalLanguage.TURKISH);
        assertThat(turkish.bytes()).containsExactly(0x1D);
    }

    @Test
    void forcedDataCodingFollowsTheErrorMode() {
        TextEncoder ia5 = new TextEncoder(EncodingOptions.builder().forcedDataCoding(1).build());
        assertThatThrownBy(() -> ia5.encode("é")).isInstanceOf(UnencodableTextException.class);
        TextEncoder binary = new TextEncoder(EncodingOptions.builder().forcedDataCoding(4).build());
        assertThatThrownBy(() -> binary.encode("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void optionsRejectBadValuesByName() {
        assertThatThrownBy(() -> EncodingOptions.builder().forcedDataCoding(0x0B).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("forcedDataCoding");
        assertThatThrownBy(() -> EncodingOptions.builder().gsmDataCoding(256))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gsmDataCoding");
        assertThatThrownBy(() -> EncodingOptions.builder().concatenationIeOctets(3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("concatenationIeOctets");
        assertThat(EncodingOptions.builder().forcedDataCoding(3).noForcedDataCoding().build().forcedDataCoding())
                .isEmpty();
    }
}
