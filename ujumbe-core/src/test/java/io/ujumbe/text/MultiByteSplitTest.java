package io.ujumbe.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Long texts in multi-byte and stateful charsets are cut between characters, and each part decodes
 * on its own to a piece of the text: ISO-2022-JP (escape states), Shift_JIS (two-byte characters)
 * and a UTF-8 charset an application registers for a custom data_coding.
 */
class MultiByteSplitTest {
    /** A data_coding the defaults leave unregistered, as an SMSC's private UTF-8 value would be. */
    private static final int CUSTOM_UTF8 = 0x0D;

    enum Codec {
        ISO_2022_JP(0x0A, "日本語のテキストとASCII text mixed 混在 "),
        SHIFT_JIS(0x05, "日本語ｶﾀｶﾅとABC混在、半角と全角 "),
        CUSTOM_UTF8(MultiByteSplitTest.CUSTOM_UTF8, "Grüße € 日本 😀 ");

        final int dataCoding;
        final String unit;

        Codec(int dataCoding, String unit) {
            this.dataCoding = dataCoding;
            this.unit = unit;
        }
    }

    private static SmsCharsetRegistry registry() {
        return SmsCharsetRegistry.defaults().with(CUSTOM_UTF8, JdkSmsCharset.of("UTF-8", StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @EnumSource(Codec.class)
    void everyPartDecodesOnItsOwnAndTheirTextsJoinToTheOriginal(Codec codec) {
        SmsCharset charset = registry().forDataCoding(codec.dataCoding).orElseThrow();
        for (MultipartMode mode : List.of(MultipartMode.UDH_8BIT, MultipartMode.UDH_16BIT, MultipartMode.SAR)) {
            // Several lengths, so that cuts fall at every offset within the characters.
            for (int repeat = 3; repeat < 30; repeat += 1) {
                String text = codec.unit.repeat(repeat).substring(repeat % 5);
                if (Character.isLowSurrogate(text.charAt(0))) {
                    text = text.substring(1);
                }
                TextEncoder encoder = new TextEncoder(EncodingOptions.builder().registry(registry())
                        .forcedDataCoding(codec.dataCoding).build());
                EncodedText encoded = encoder.encode(text);
                List<MessagePart> parts = MessageSplitter.builder().mode(mode).build().split(encoded, 7);
                StringBuilder joined = new StringBuilder();
                for (MessagePart part : parts) {
                    assertThat(part.shortMessage().length).isLessThanOrEqualTo(140);
                    String piece = charset.decode(payload(part));
                    assertThat(piece).as("part %d of %d in %s", part.partNumber(), part.totalParts(), mode)
                            .doesNotContain("\ufffd");
                    assertThat(text).as("part %d decodes to the next piece of the text", part.partNumber())
                            .startsWith(joined + piece);
                    joined.append(piece);
                }
                assertThat(joined.toString()).isEqualTo(text);
                assertThat(parts).hasSize(PartCapacity.countParts(encoded, mode == MultipartMode.UDH_16BIT ? 6 : 5));
                if (encoded.length() > 140) {
                    assertThat(parts.size()).isGreaterThan(1);
                }
            }
        }
    }

    @Test
    void iso2022JpPartsEachEndBackInAscii() {
        SmsCharset jis = registry().forDataCoding(0x0A).orElseThrow();
        EncodedText encoded = EncodedText.ofCharacters("漢字".repeat(100), jis, 0x0A, EncodingErrorMode.STRICT);
        List<MessagePart> parts = MessageSplitter.builder().build().split(encoded, 1);
        assertThat(parts).hasSizeGreaterThan(1);
        for (MessagePart part : parts) {
            byte[] payload = payload(part);
            // ESC $ B at the start, ESC ( B at the end: each part is complete ISO-2022-JP.
            assertThat(payload[0]).isEqualTo((byte) 0x1B);
            assertThat(payload[payload.length - 3]).isEqualTo((byte) 0x1B);
            assertThat(payload[payload.length - 2]).isEqualTo((byte) '(');
            assertThat(payload[payload.length - 1]).isEqualTo((byte) 'B');
        }
    }

    private static byte[] payload(MessagePart part) {
        byte[] sm = part.shortMessage();
        int header = part.userDataHeader().map(UserDataHeader::length).orElse(0);
        return Arrays.copyOfRange(sm, header, sm.length);
    }

    @Test
    void singleByteCharsetsStillCutByBytes() {
        EncodedText latin = new TextEncoder(EncodingOptions.builder().forcedDataCoding(0x03).build())
                .encode("é".repeat(300));
        assertThat(latin.cutByCharacters()).isFalse();
        assertThat(MessageSplitter.builder().build().split(latin, 1)).hasSize(3);
    }
}
