package io.ujumbe.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class NationalLanguageTablesTest {

    /** Code points read from 3GPP TS 23.038 annex A (with Android's misprint corrections). */
    static Stream<Arguments> lockingShiftSamples() {
        return Stream.of(
                Arguments.of(NationalLanguage.TURKISH, 0x07, 0x0131),
                Arguments.of(NationalLanguage.TURKISH, 0x0B, 0x011E),
                Arguments.of(NationalLanguage.TURKISH, 0x40, 0x0130),
                Arguments.of(NationalLanguage.TURKISH, 0x60, 0x00E7),
                Arguments.of(NationalLanguage.PORTUGUESE, 0x15, 0x221E),
                Arguments.of(NationalLanguage.PORTUGUESE, 0x24, 0x00BA),
                Arguments.of(NationalLanguage.PORTUGUESE, 0x7B, 0x00E3),
                Arguments.of(NationalLanguage.BENGALI, 0x00, 0x0981),
                Arguments.of(NationalLanguage.BENGALI, 0x7F, 0x09F1),
                Arguments.of(NationalLanguage.GUJARATI, 0x24, 0x0AA1),
                Arguments.of(NationalLanguage.HINDI, 0x00, 0x0901),
                Arguments.of(NationalLanguage.HINDI, 0x7F, 0x097F),
                Arguments.of(NationalLanguage.KANNADA, 0x24, 0x0CA1),
                Arguments.of(NationalLanguage.MALAYALAM, 0x7F, 0x0D79),
                Arguments.of(NationalLanguage.ORIYA, 0x40, 0x0B2C),
                Arguments.of(NationalLanguage.PUNJABI, 0x7F, 0x0A74),
                Arguments.of(NationalLanguage.TAMIL, 0x7F, 0x0BF9),
                Arguments.of(NationalLanguage.TELUGU, 0x00, 0x0C01),
                Arguments.of(NationalLanguage.URDU, 0x00, 0x0627),
                Arguments.of(NationalLanguage.URDU, 0x7F, 0x0670));
    }

    static Stream<Arguments> singleShiftSamples() {
        return Stream.of(
                Arguments.of(NationalLanguage.TURKISH, 0x47, 0x011E),
                Arguments.of(NationalLanguage.TURKISH, 0x53, 0x015E),
                Arguments.of(NationalLanguage.TURKISH, 0x65, 0x20AC),
                Arguments.of(NationalLanguage.SPANISH, 0x09, 0x00E7),
                Arguments.of(NationalLanguage.SPANISH, 0x41, 0x00C1),
                Arguments.of(NationalLanguage.SPANISH, 0x75, 0x00FA),
                Arguments.of(NationalLanguage.PORTUGUESE, 0x12, 0x03A6),
                Arguments.of(NationalLanguage.PORTUGUESE, 0x5B, 0x00C3),
                Arguments.of(NationalLanguage.BENGALI, 0x19, 0x09E6),
                Arguments.of(NationalLanguage.GUJARATI, 0x22, 0x0AEC),
                Arguments.of(NationalLanguage.HINDI, 0x24, 0x096E),
                Arguments.of(NationalLanguage.KANNADA, 0x22, 0x0CEC),
                Arguments.of(NationalLanguage.MALAYALAM, 0x24, 0x0D6E),
                Arguments.of(NationalLanguage.ORIYA, 0x22, 0x0B6C),
                Arguments.of(NationalLanguage.PUNJABI, 0x24, 0x0A6E),
                Arguments.of(NationalLanguage.TAMIL, 0x24, 0x0BEE),
                Arguments.of(NationalLanguage.TELUGU, 0x22, 0x0C6C),
                Arguments.of(NationalLanguage.URDU, 0x19, 0x0600));
    }

    @ParameterizedTest
    @MethodSource("lockingShiftSamples")
    void lockingShiftTablesHoldTheSpecCharacters(NationalLanguage language, int septet, int codePoint) {
        GsmCharset charset = GsmCharset.of(language, null);
        String c = new String(Character.toChars(codePoint));
        assertThat(charset.decode(new byte[] {(byte) septet})).isEqualTo(c);
        assertThat(charset.encode(c, EncodingErrorMode.STRICT)).containsExactly(septet);
    }

    @ParameterizedTest
    @MethodSource("singleShiftSamples")
    void singleShiftTablesHoldTheSpecCharacters(NationalLanguage language, int septet, int codePoint) {
        GsmCharset charset = GsmCharset.of(null, language);
        String c = new String(Character.toChars(codePoint));
        assertThat(charset.decode(new byte[] {0x1B, (byte) septet})).isEqualTo(c);
        byte[] encoded = charset.encode(c, EncodingErrorMode.STRICT);
        // A character the default alphabet also holds takes its single septet there.
        if (GsmCharset.DEFAULT.canEncode(c) && GsmCharset.DEFAULT.countUnits(c) == 1) {
            assertThat(encoded).hasSize(1);
        } else {
            assertThat(encoded).containsExactly(0x1B, septet);
        }
    }

    @ParameterizedTest
    @EnumSource(NationalLanguage.class)
    void everyCharacterOfEveryTableRoundTrips(NationalLanguage language) {
        NationalLanguage locking = GsmCharset.hasLockingShiftTable(language) ? language : null;
        GsmCharset charset = GsmCharset.of(locking, language);
        int mapped = 0;
        for (int septet = 0; septet < 128; septet++) {
            if (septet == 0x1B) {
                continue;
            }
            String plain = charset.decode(new byte[] {(byte) septet});
            if (!plain.equals("\ufffd")) {
                mapped++;
                assertThat(charset.encode(plain, EncodingErrorMode.STRICT)).as("%s 0x%02x", language, septet)
                        .containsExactly(septet);
            }
            if (GsmTables.singleShift(language).charAt(septet) != GsmTables.UNMAPPED) {
                String shifted = charset.decode(new byte[] {0x1B, (byte) septet});
                assertThat(charset.decode(charset.encode(shifted, EncodingErrorMode.STRICT)))
                        .as("%s ESC 0x%02x", language, septet).isEqualTo(shifted);
            }
        }
        assertThat(mapped).as("characters in %s's main table", language).isGreaterThan(100);
    }

    @Test
    void undefinedSingleShiftSeptetDecodesAsTheLockingTableCharacter() {
        GsmCharset turkish = GsmCharset.of(NationalLanguage.TURKISH, NationalLanguage.TURKISH);
        assertThat(turkish.decode(new byte[] {0x1B, 0x62})).as("ESC 0x62 is unmapped").isEqualTo("b");
        assertThat(turkish.decode(new byte[] {0x1B, 0x47})).isEqualTo("Ğ");
    }

    @Test
    void turkishIsChosenForTurkishText() {
        TextEncoder encoder = new TextEncoder(EncodingOptions.builder()
                .allowedLanguages(NationalLanguage.TURKISH).build());
        String text = "Çok güzel ş ğ ı İ";
        TextPlan plan = encoder.plan(text);

        assertThat(plan.encoded().lockingShift()).isEqualTo(NationalLanguage.TURKISH);
        assertThat(plan.encoded().singleShift()).isNull();
        assertThat(plan.alphabet()).isEqualTo(Alphabet.GSM7);
        assertThat(plan.units()).isEqualTo(text.length()); // every character one septet
        assertThat(GsmCharset.of(NationalLanguage.TURKISH, null).decode(plan.encoded().bytes())).isEqualTo(text);
        long gsmBits = 7L * plan.units() + 8L * PartCapacity.SHIFT_IE_OCTETS;
        long ucs2Bits = 16L * Ucs2Charset.INSTANCE.countUnits(text);
        assertThat(gsmBits).isLessThan(ucs2Bits);
    }

    @Test
    void turkishSingleShiftWhenLockingShiftIsNotAllowed() {
        TextEncoder encoder = new TextEncoder(EncodingOptions.builder()
                .allowedLanguages(NationalLanguage.TURKISH).lockingShiftAllowed(false).build());
        EncodedText encoded = encoder.encode("ş ğ ı İ");
        assertThat(encoded.singleShift()).isEqualTo(NationalLanguage.TURKISH);
        assertThat(encoded.lockingShift()).isNull();
        assertThat(encoded.bytes()).isEqualTo(HexFormat.of().parseHex("1b73201b67201b69201b49"));
    }

    @Test
    void spanishSingleShiftCarriesAccentedVowels() {
        TextEncoder encoder = new TextEncoder(EncodingOptions.builder()
                .allowedLanguages(NationalLanguage.SPANISH).build());
        EncodedText encoded = encoder.encode("á í ó ú ç");
        assertThat(encoded.singleShift()).isEqualTo(NationalLanguage.SPANISH);
        assertThat(encoded.lockingShift()).isNull();
        assertThat(encoded.bytes()).isEqualTo(HexFormat.of().parseHex("1b61201b69201b6f201b75201b09"));
        assertThat(GsmCharset.of(null, NationalLanguage.SPANISH).decode(encoded.bytes())).isEqualTo("á í ó ú ç");
    }

    @Test
    void portugueseLockingShiftForPortugueseText() {
        TextEncoder encoder = new TextEncoder(EncodingOptions.builder()
                .allowedLanguages(NationalLanguage.PORTUGUESE).build());
        String text = "Não, ação é difícil às vezes";
        EncodedText encoded = encoder.encode(text);
        assertThat(encoded.lockingShift()).isEqualTo(NationalLanguage.PORTUGUESE);
        assertThat(encoded.singleShift()).isNull();
        assertThat(encoded.length()).isEqualTo(text.length());
        assertThat(GsmCharset.of(NationalLanguage.PORTUGUESE, null).decode(encoded.bytes())).isEqualTo(text);
    }

    @Test
    void portugueseSingleShiftWhenTheTextNeedsTheDefaultAlphabetToo() {
        TextEncoder encoder = new TextEncoder(EncodingOptions.builder()
                .allowedLanguages(NationalLanguage.PORTUGUESE).build());
        // 'Ä' is only in the default alphabet, 'ã' only in the Portuguese tables.
        EncodedText encoded = encoder.encode("Ä ã");
        assertThat(encoded.lockingShift()).isNull();
        assertThat(encoded.singleShift()).isEqualTo(NationalLanguage.PORTUGUESE);
        assertThat(encoded.bytes()).isEqualTo(HexFormat.of().parseHex("5b201b7b"));
    }
}
