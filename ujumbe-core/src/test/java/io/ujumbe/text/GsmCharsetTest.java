package io.ujumbe.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class GsmCharsetTest {
    private static final GsmCharset GSM = GsmCharset.DEFAULT;
    private static final HexFormat HEX = HexFormat.of();

    private static byte[] hex(String hex) {
        return HEX.parseHex(hex.replace(" ", ""));
    }

    @Test
    void encodesKnownVectorsUnpacked() {
        assertThat(GSM.encode("HÜLK", EncodingErrorMode.STRICT)).isEqualTo(hex("48 5E 4C 4B"));
        assertThat(GSM.encode("foo €", EncodingErrorMode.STRICT)).isEqualTo(hex("66 6F 6F 20 1B 65"));
        assertThat(GSM.encode("Hülk", EncodingErrorMode.STRICT)).isEqualTo(hex("48 7E 6C 6B"));
        assertThat(GSM.decode(hex("66 6F 6F 20 1B 65"))).isEqualTo("foo €");
    }

    @Test
    void spotChecksTheDefaultAlphabetAgainstTheSpec() {
        assertThat(GSM.decode(hex("00 01 02 03 10 11 1C 1F 24 40 5B 5F 60 7B 7F")))
                .isEqualTo("@£$¥Δ_ÆÉ¤¡Ä§¿äà");
    }

    @Test
    void everyDefaultAlphabetSeptetRoundTrips() {
        for (int septet = 0; septet < 128; septet++) {
            if (septet == 0x1B) {
                continue;
            }
            String c = GSM.decode(new byte[] {(byte) septet});
            assertThat(c).as("septet 0x%02x", septet).hasSize(1).isNotEqualTo("\ufffd");
            assertThat(GSM.encode(c, EncodingErrorMode.STRICT)).as("char %s", c).containsExactly(septet);
            assertThat(GSM.countUnits(c)).isEqualTo(1);
        }
    }

    @Test
    void everyExtensionCharacterIsEscapedAndRoundTrips() {
        String chars = "\f^{}\\[~]|€";
        int[] codes = {0x0A, 0x14, 0x28, 0x29, 0x2F, 0x3C, 0x3D, 0x3E, 0x40, 0x65};
        for (int i = 0; i < chars.length(); i++) {
            String c = chars.substring(i, i + 1);
            byte[] encoded = GSM.encode(c, EncodingErrorMode.STRICT);
            assertThat(encoded).as("char %s", c).containsExactly(0x1B, codes[i]);
            assertThat(GSM.decode(encoded)).isEqualTo(c);
            assertThat(GSM.countUnits(c)).isEqualTo(2);
        }
    }

    @Test
    void decodesUndefinedEscapesAsTheSpecSays() {
        assertThat(GSM.decode(hex("1B 41"))).as("undefined extension: main table char").isEqualTo("A");
        assertThat(GSM.decode(hex("1B 0D"))).as("CR2: main table char").isEqualTo("\r");
        assertThat(GSM.decode(hex("1B 1B 41"))).as("escape to a further table: space").isEqualTo(" A");
        assertThat(GSM.decode(hex("41 1B"))).as("trailing escape: space").isEqualTo("A ");
    }

    @Test
    void decodesBytesThatAreNotSeptetsAsReplacementCharacter() {
        assertThat(GSM.decode(hex("41 80 FF 1B 90 42"))).isEqualTo("A\ufffd\ufffd\ufffdB");
    }

    @Test
    void strictModeNamesTheFirstUnencodableCharacter() {
        assertThatThrownBy(() -> GSM.encode("Hi ሰላም!", EncodingErrorMode.STRICT))
                .isInstanceOfSatisfying(UnencodableTextException.class, e -> {
                    assertThat(e.codePoint()).isEqualTo(0x1230);
                    assertThat(e.index()).isEqualTo(3);
                    assertThat(e.charsetName()).isEqualTo("GSM");
                    assertThat(e.getMessage()).contains("U+1230", "index 3", "GSM");
                });
    }

    @Test
    void replaceModeWritesOneQuestionMarkPerCodePoint() {
        assertThat(GSM.decode(GSM.encode("Hi ሰላም!", EncodingErrorMode.REPLACE))).isEqualTo("Hi ???!");
        assertThat(GSM.encode("a😀b", EncodingErrorMode.REPLACE)).isEqualTo(hex("61 3F 62"));
    }

    @Test
    void ignoreModeDropsUnencodableCharacters() {
        assertThat(GSM.decode(GSM.encode("Hi ሰላም!", EncodingErrorMode.IGNORE))).isEqualTo("Hi !");
        assertThat(GSM.encode("😀", EncodingErrorMode.IGNORE)).isEmpty();
    }

    @Test
    void countsEscapesAsTwoSeptets() {
        assertThat(GSM.countUnits("a€b")).isEqualTo(4);
        assertThat(GSM.countUnits("[x]")).isEqualTo(5);
        assertThat(GSM.countUnits("ሰ")).as("unencodable counts as its replacement").isEqualTo(1);
    }

    @Test
    void canEncodeOnlyWhatTheTablesHold() {
        assertThat(GSM.canEncode("Hello {world} €5")).isTrue();
        assertThat(GSM.canEncode("Ça va? ÄÖÜ äöü ñ")).isTrue();
        assertThat(GSM.canEncode("ç")).as("lower-case c cedilla is not in the default alphabet").isFalse();
        assertThat(GSM.canEncode("\u001B")).as("the escape is not a character").isFalse();
        assertThat(GSM.canEncode("😀")).isFalse();
    }

    @Test
    void nationalTablesAreSelectedByLanguage() {
        GsmCharset turkish = GsmCharset.of(NationalLanguage.TURKISH, NationalLanguage.SPANISH);
        assertThat(turkish.lockingShift()).contains(NationalLanguage.TURKISH);
        assertThat(turkish.singleShift()).contains(NationalLanguage.SPANISH);
        assertThat(turkish.shiftTableCount()).isEqualTo(2);
        assertThat(turkish.name()).contains("TURKISH", "SPANISH");
        assertThat(GsmCharset.of(null, null)).isSameAs(GsmCharset.DEFAULT);
        assertThat(GSM.lockingShift()).isEmpty();
        assertThat(GSM.shiftTableCount()).isZero();
    }

    @Test
    void spanishHasNoLockingShiftTable() {
        assertThat(GsmCharset.hasLockingShiftTable(NationalLanguage.SPANISH)).isFalse();
        assertThat(GsmCharset.hasLockingShiftTable(NationalLanguage.PORTUGUESE)).isTrue();
        assertThatThrownBy(() -> GsmCharset.of(NationalLanguage.SPANISH, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SPANISH");
    }
}
