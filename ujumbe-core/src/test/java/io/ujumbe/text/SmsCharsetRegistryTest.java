package io.ujumbe.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SmsCharsetRegistryTest {
    private static final SmsCharsetRegistry DEFAULTS = SmsCharsetRegistry.defaults();

    private static String nameOf(int dataCoding) {
        return DEFAULTS.forDataCoding(dataCoding).map(SmsCharset::name).orElse("none");
    }

    @Test
    void registersTheSmppDataCodings() {
        assertThat(DEFAULTS.forDataCoding(0x00)).containsSame(GsmCharset.DEFAULT);
        assertThat(DEFAULTS.forDataCoding(0x01)).containsSame(JdkSmsCharset.IA5);
        assertThat(DEFAULTS.forDataCoding(0x02)).containsSame(BinaryCharset.INSTANCE);
        assertThat(DEFAULTS.forDataCoding(0x03)).containsSame(JdkSmsCharset.LATIN_1);
        assertThat(DEFAULTS.forDataCoding(0x04)).containsSame(BinaryCharset.INSTANCE);
        assertThat(nameOf(0x05)).isEqualTo("Shift_JIS");
        assertThat(nameOf(0x06)).isEqualTo("ISO-8859-5");
        assertThat(nameOf(0x07)).isEqualTo("ISO-8859-8");
        assertThat(DEFAULTS.forDataCoding(0x08)).containsSame(Ucs2Charset.INSTANCE);
        assertThat(nameOf(0x0A)).isEqualTo("ISO-2022-JP");
    }

    @ParameterizedTest
    @ValueSource(ints = {0x09, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F})
    void leavesUnsupportedSmppValuesEmpty(int dataCoding) {
        assertThat(DEFAULTS.forDataCoding(dataCoding)).isEmpty();
    }

    @Test
    void understandsTheGeneralDataCodingGroup() {
        assertThat(nameOf(0x10)).isEqualTo("GSM");
        assertThat(nameOf(0x11)).as("GSM, class 1").isEqualTo("GSM");
        assertThat(nameOf(0x14)).isEqualTo("binary");
        assertThat(nameOf(0x16)).isEqualTo("binary");
        assertThat(nameOf(0x18)).isEqualTo("UCS-2");
        assertThat(nameOf(0x19)).isEqualTo("UCS-2");
        assertThat(nameOf(0x1C)).as("alphabet 11 is reserved").isEqualTo("none");
        assertThat(nameOf(0x30)).as("compressed").isEqualTo("none");
        assertThat(nameOf(0x48)).as("automatic deletion group, UCS-2").isEqualTo("UCS-2");
    }

    @Test
    void understandsTheOtherCodingGroups() {
        assertThat(nameOf(0x80)).isEqualTo("none");
        assertThat(nameOf(0xBF)).isEqualTo("none");
        assertThat(nameOf(0xC0)).isEqualTo("GSM");
        assertThat(nameOf(0xDB)).isEqualTo("GSM");
        assertThat(nameOf(0xE8)).isEqualTo("UCS-2");
        assertThat(nameOf(0xF0)).isEqualTo("GSM");
        assertThat(nameOf(0xF3)).isEqualTo("GSM");
        assertThat(nameOf(0xF4)).isEqualTo("binary");
        assertThat(nameOf(0xF5)).isEqualTo("binary");
    }

    @Test
    void smscDefaultCanBeLatin1WithoutChangingTheDefaults() {
        SmsCharsetRegistry latin = DEFAULTS.withSmscDefault(JdkSmsCharset.LATIN_1);
        assertThat(latin.forDataCoding(0)).containsSame(JdkSmsCharset.LATIN_1);
        assertThat(DEFAULTS.forDataCoding(0)).containsSame(GsmCharset.DEFAULT);
        assertThat(latin.forDataCoding(0xF0)).as("GSM groups still mean GSM").containsSame(GsmCharset.DEFAULT);
    }

    @Test
    void customCodecsWinOverTheGroups() {
        SmsCharset utf8 = JdkSmsCharset.of("UTF-8", StandardCharsets.UTF_8);
        SmsCharsetRegistry custom = DEFAULTS.with(0x11, utf8).with(0x0E, utf8);
        assertThat(custom.forDataCoding(0x11)).containsSame(utf8);
        assertThat(custom.forDataCoding(0x0E)).containsSame(utf8);
        assertThat(custom.registered()).containsKeys(0x11, 0x0E);
        assertThat(DEFAULTS.registered()).doesNotContainKey(0x11);
        assertThatThrownBy(() -> custom.registered().put(0x20, utf8)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rejectsValuesOutsideAnOctet() {
        assertThatThrownBy(() -> DEFAULTS.forDataCoding(256))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dataCoding");
        assertThatThrownBy(() -> DEFAULTS.forDataCoding(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DEFAULTS.with(300, GsmCharset.DEFAULT)).isInstanceOf(IllegalArgumentException.class);
    }
}
