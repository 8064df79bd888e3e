package io.ujumbe.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class JdkSmsCharsetTest {
    private static final HexFormat HEX = HexFormat.of();

    private static SmsCharset registered(int dataCoding) {
        return SmsCharsetRegistry.defaults().forDataCoding(dataCoding).orElseThrow();
    }

    @Test
    void encodesTheEightBitCharsetsOfSmpp() {
        assertThat(JdkSmsCharset.IA5.encode("Hi!", EncodingErrorMode.STRICT)).isEqualTo(HEX.parseHex("486921"));
        assertThat(JdkSmsCharset.LATIN_1.encode("café", EncodingErrorMode.STRICT)).isEqualTo(HEX.parseHex("636166e9"));
        assertThat(registered(0x06).encode("Жж", EncodingErrorMode.STRICT)).isEqualTo(HEX.parseHex("b6d6"));
        assertThat(registered(0x07).encode("שלום", EncodingErrorMode.STRICT)).isEqualTo(HEX.parseHex("f9ece5ed"));
        assertThat(registered(0x05).encode("日本", EncodingErrorMode.STRICT)).isEqualTo(HEX.parseHex("93fa967b"));
        assertThat(registered(0x0A).encode("日本", EncodingErrorMode.STRICT))
                .isEqualTo(HEX.parseHex("1b2442467c4b5c1b2842"));
        assertThat(JdkSmsCharset.LATIN_1.alphabet()).isEqualTo(Alphabet.OCTET);
    }

    @Test
    void appliesTheErrorModePerCharacter() {
        assertThatThrownBy(() -> JdkSmsCharset.IA5.encode("naïve", EncodingErrorMode.STRICT))
                .isInstanceOfSatisfying(UnencodableTextException.class, e -> {
                    assertThat(e.codePoint()).isEqualTo('ï');
                    assertThat(e.index()).isEqualTo(2);
                    assertThat(e.charsetName()).isEqualTo("IA5");
                });
        assertThat(JdkSmsCharset.IA5.encode("naïve😀", EncodingErrorMode.REPLACE))
                .isEqualTo("na?ve?".getBytes(StandardCharsets.US_ASCII));
        assertThat(JdkSmsCharset.IA5.encode("naïve😀", EncodingErrorMode.IGNORE))
                .isEqualTo("nave".getBytes(StandardCharsets.US_ASCII));
        assertThat(JdkSmsCharset.LATIN_1.countUnits("a€b")).isEqualTo(3);
    }

    @Test
    void keepsIso2022JpStateAcrossReplacements() {
        SmsCharset jis = registered(0x0A);
        byte[] encoded = jis.encode("日😀本", EncodingErrorMode.REPLACE);
        assertThat(jis.decode(encoded)).isEqualTo("日?本");
    }

    @Test
    void decodesUnmappedBytesAsReplacementCharacter() {
        assertThat(JdkSmsCharset.IA5.decode(HEX.parseHex("41ff42"))).isEqualTo("A\ufffdB");
        assertThat(registered(0x07).decode(HEX.parseHex("41a142"))).isEqualTo("A\ufffdB");
        assertThat(JdkSmsCharset.LATIN_1.decode(HEX.parseHex("e9"))).isEqualTo("é");
    }

    @Test
    void wrapsAnyJdkCharset() {
        JdkSmsCharset utf8 = JdkSmsCharset.of("UTF-8", StandardCharsets.UTF_8);
        assertThat(utf8.encode("€", EncodingErrorMode.STRICT)).isEqualTo(HEX.parseHex("e282ac"));
        assertThat(utf8.countUnits("€")).isEqualTo(3);
        assertThat(utf8.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(JdkSmsCharset.ifSupported("no-such-charset")).isEmpty();
        assertThat(JdkSmsCharset.ifSupported("not a legal name!")).isEmpty();
        assertThat(JdkSmsCharset.ifSupported("ISO-8859-5")).map(SmsCharset::name).contains("ISO-8859-5");
    }
}
