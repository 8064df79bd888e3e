package io.ujumbe.smsc;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulator's test for a numeric address, written by hand instead of a regex on the submit path. */
class MessageCenterNumberTest {
    @Test
    void numbersAreAnOptionalPlusAndOneToTwentyDigits() {
        assertThat(MessageCenter.isNumber("254700000001")).isTrue();
        assertThat(MessageCenter.isNumber("+254700000001")).isTrue();
        assertThat(MessageCenter.isNumber("1")).isTrue();
        assertThat(MessageCenter.isNumber("12345678901234567890")).isTrue();
        assertThat(MessageCenter.isNumber("123456789012345678901")).isFalse();
        assertThat(MessageCenter.isNumber("")).isFalse();
        assertThat(MessageCenter.isNumber("+")).isFalse();
        assertThat(MessageCenter.isNumber("++1")).isFalse();
        assertThat(MessageCenter.isNumber("12a4")).isFalse();
        assertThat(MessageCenter.isNumber("１２３")).as("full-width digits are not ASCII").isFalse();
        assertThat(MessageCenter.isNumber("ACME")).isFalse();
    }

    @Test
    void receiptErrorCodesAreWrittenAsPercent03dWouldWriteThem() {
        for (int e = 0; e < 1_200; e++) {
            assertThat(MessageCenter.threeDigits(e)).isEqualTo(String.format("%03d", e));
        }
        assertThat(MessageCenter.threeDigits(65_535)).isEqualTo("65535");
    }
}
