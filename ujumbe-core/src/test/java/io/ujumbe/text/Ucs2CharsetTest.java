package io.ujumbe.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Ucs2CharsetTest {
    private static final Ucs2Charset UCS2 = Ucs2Charset.INSTANCE;
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void keepsSurrogatePairsIntact() {
        assertThat(UCS2.encode("😀", EncodingErrorMode.STRICT)).isEqualTo(HEX.parseHex("d83dde00"));
        assertThat(UCS2.countUnits("😀")).isEqualTo(2);
        assertThat(UCS2.decode(HEX.parseHex("d83dde00"))).isEqualTo("😀");
    }

    @Test
    void encodesBigEndian() {
        assertThat(UCS2.encode("Aж", EncodingErrorMode.STRICT)).isEqualTo(HEX.parseHex("00410436"));
        assertThat(UCS2.alphabet()).isEqualTo(Alphabet.UCS2);
    }

    @Test
    void rejectsALoneSurrogateInStrictMode() {
        assertThatThrownBy(() -> UCS2.encode("ab\ud83d", EncodingErrorMode.STRICT))
                .isInstanceOfSatisfying(UnencodableTextException.class, e -> {
                    assertThat(e.codePoint()).isEqualTo(0xD83D);
                    assertThat(e.index()).isEqualTo(2);
                    assertThat(e.getMessage()).contains("U+D83D", "UCS-2");
                });
        assertThatThrownBy(() -> UCS2.encode("\ude00x", EncodingErrorMode.STRICT))
                .isInstanceOf(UnencodableTextException.class);
        assertThat(UCS2.canEncode("a\ud83db")).isFalse();
        assertThat(UCS2.canEncode("a😀b")).isTrue();
    }

    @Test
    void replacesOrDropsALoneSurrogate() {
        assertThat(UCS2.encode("a\ud83db", EncodingErrorMode.REPLACE)).isEqualTo(HEX.parseHex("0061003f0062"));
        assertThat(UCS2.encode("a\ud83db", EncodingErrorMode.IGNORE)).isEqualTo(HEX.parseHex("00610062"));
    }

    @Test
    void decodesBrokenInputWithReplacementCharacters() {
        assertThat(UCS2.decode(HEX.parseHex("0041d83d0042"))).isEqualTo("A\ufffdB");
        assertThat(UCS2.decode(HEX.parseHex("de000041"))).isEqualTo("\ufffdA");
        assertThat(UCS2.decode(HEX.parseHex("004100"))).isEqualTo("A\ufffd");
        assertThat(UCS2.decode(new byte[0])).isEmpty();
    }
}
