package io.ujumbe.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BinaryCharsetTest {
    private static final BinaryCharset BINARY = BinaryCharset.INSTANCE;

    @Test
    void refusesToEncodeText() {
        for (EncodingErrorMode mode : EncodingErrorMode.values()) {
            assertThatThrownBy(() -> BINARY.encode("hello", mode))
                    .isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining("binary");
        }
        assertThatThrownBy(() -> BINARY.countUnits("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(BINARY.canEncode("x")).isFalse();
        assertThat(BINARY.encode("", EncodingErrorMode.STRICT)).isEmpty();
    }

    @Test
    void decodesEveryOctetToTheCharOfTheSameValue() {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        String text = BINARY.decode(all);
        assertThat(text).hasSize(256);
        assertThat(text.charAt(0xA9)).isEqualTo('\u00a9');
        assertThat(text.getBytes(StandardCharsets.ISO_8859_1)).isEqualTo(all);
        assertThat(BINARY.alphabet()).isEqualTo(Alphabet.OCTET);
    }
}
