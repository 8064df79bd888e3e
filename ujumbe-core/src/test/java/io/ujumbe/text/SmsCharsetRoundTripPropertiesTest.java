package io.ujumbe.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

/** Every charset decodes what it encodes, for text drawn from what it can encode. */
class SmsCharsetRoundTripPropertiesTest {

    /** Characters a charset carries one at a time without loss (all of the BMP but surrogates). */
    private static char[] repertoire(SmsCharset charset) {
        // Every GSM table character lies below U+3000 (the highest is U+221E); skipping the rest
        // keeps the forty GSM combinations fast.
        int end = charset instanceof GsmCharset ? 0x3000 : 0x10000;
        StringBuilder chars = new StringBuilder();
        for (int c = 0; c < end; c++) {
            if (Character.isSurrogate((char) c)) {
                continue;
            }
            String s = String.valueOf((char) c);
            if (charset.canEncode(s) && charset.decode(charset.encode(s, EncodingErrorMode.STRICT)).equals(s)) {
                chars.append((char) c);
            }
        }
        return chars.toString().toCharArray();
    }

    private static Arbitrary<Tuple2<SmsCharset, String>> textsOf(List<SmsCharset> charsets) {
        Map<SmsCharset, char[]> repertoires = charsets.stream()
                .collect(Collectors.toMap(c -> c, SmsCharsetRoundTripPropertiesTest::repertoire));
        return Arbitraries.of(charsets).flatMap(charset -> Arbitraries.strings()
                .withChars(repertoires.get(charset)).ofMaxLength(200)
                .map(text -> Tuple.of(charset, text)));
    }

    @Provide
    Arbitrary<Tuple2<SmsCharset, String>> gsmTexts() {
        List<SmsCharset> charsets = new ArrayList<>();
        charsets.add(GsmCharset.DEFAULT);
        for (NationalLanguage language : NationalLanguage.values()) {
            charsets.add(GsmCharset.of(null, language));
            if (GsmCharset.hasLockingShiftTable(language)) {
                charsets.add(GsmCharset.of(language, null));
                charsets.add(GsmCharset.of(language, language));
            }
        }
        return textsOf(charsets);
    }

    @Provide
    Arbitrary<Tuple2<SmsCharset, String>> octetTexts() {
        List<SmsCharset> charsets = new ArrayList<>();
        for (SmsCharset charset : SmsCharsetRegistry.defaults().registered().values()) {
            if (charset instanceof JdkSmsCharset) {
                charsets.add(charset);
            }
        }
        return textsOf(charsets);
    }

    @Property(tries = 400)
    void gsmRoundTrips(@ForAll("gsmTexts") Tuple2<SmsCharset, String> sample) {
        SmsCharset charset = sample.get1();
        String text = sample.get2();
        byte[] encoded = charset.encode(text, EncodingErrorMode.STRICT);
        assertThat(charset.decode(encoded)).isEqualTo(text);
        assertThat(encoded).hasSize(charset.countUnits(text));
        assertThat(charset.canEncode(text)).isTrue();
        assertThat(charset.decode(GsmPacking.unpack(GsmPacking.pack(encoded), encoded.length))).isEqualTo(text);
    }

    @Property(tries = 300)
    void octetCharsetsRoundTrip(@ForAll("octetTexts") Tuple2<SmsCharset, String> sample) {
        SmsCharset charset = sample.get1();
        String text = sample.get2();
        byte[] encoded = charset.encode(text, EncodingErrorMode.STRICT);
        assertThat(charset.decode(encoded)).isEqualTo(text);
        assertThat(encoded).hasSize(charset.countUnits(text));
    }

    @Provide
    Arbitrary<String> unicodeTexts() {
        return Arbitraries.integers().between(0, Character.MAX_CODE_POINT)
                .filter(cp -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE)
                .list().ofMaxSize(100)
                .map(cps -> cps.stream().collect(StringBuilder::new, StringBuilder::appendCodePoint,
                        StringBuilder::append).toString());
    }

    @Property(tries = 400)
    void ucs2RoundTripsAnyValidText(@ForAll("unicodeTexts") String text) {
        byte[] encoded = Ucs2Charset.INSTANCE.encode(text, EncodingErrorMode.STRICT);
        assertThat(encoded).hasSize(2 * text.length());
        assertThat(Ucs2Charset.INSTANCE.decode(encoded)).isEqualTo(text);
    }

    @Property(tries = 200)
    void decodingNeverThrows(@ForAll byte[] bytes) {
        for (SmsCharset charset : SmsCharsetRegistry.defaults().registered().values()) {
            assertThat(charset.decode(bytes)).isNotNull();
        }
        assertThat(GsmCharset.of(NationalLanguage.URDU, NationalLanguage.TAMIL).decode(bytes)).isNotNull();
    }
}
