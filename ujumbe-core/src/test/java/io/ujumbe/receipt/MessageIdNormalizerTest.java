package io.ujumbe.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class MessageIdNormalizerTest {

    // 0x0A1B2C == 662316 (the pair in the brief, "0A1B2C" vs "666412", does not match: 666412 is 0x0A2B2C).
    private static final String HEX_ID = "0A1B2C";
    private static final String DECIMAL_ID = "662316";

    @Test
    void submitHexReceiptDecimalMapsBothToOneKey() {
        MessageIdNormalizer n = MessageIdNormalizer.of(MessageIdFormat.SUBMIT_HEX_RECEIPT_DECIMAL);

        assertThat(n.normalizeSubmitId(HEX_ID)).isEqualTo(n.normalizeReceiptId(DECIMAL_ID)).isEqualTo("662316");
        assertThat(n.normalizeSubmitId("0a1b2c")).as("hex letter case").isEqualTo("662316");
        assertThat(n.normalizeReceiptId("000662316")).as("leading zeros").isEqualTo("662316");
        assertThat(n.normalizeReceiptId("0A2B2C")).as("a hex receipt id is not a decimal number")
                .isEqualTo("0A2B2C");
        assertThat(n.candidates(DECIMAL_ID)).containsExactly("662316");
    }

    @Test
    void submitDecimalReceiptHexMapsBothToOneKey() {
        MessageIdNormalizer n = MessageIdNormalizer.of(MessageIdFormat.SUBMIT_DECIMAL_RECEIPT_HEX);

        assertThat(n.normalizeSubmitId("00662316")).isEqualTo(n.normalizeReceiptId("a1b2c")).isEqualTo("662316");
    }

    @Test
    void differentIdsStayDifferent() {
        MessageIdNormalizer n = MessageIdNormalizer.of(MessageIdFormat.SUBMIT_HEX_RECEIPT_DECIMAL);

        assertThat(n.normalizeSubmitId(HEX_ID)).isNotEqualTo(n.normalizeReceiptId("666412"));
    }

    @Test
    void leadingZerosAndCaseInTheSameBase() {
        assertThat(MessageIdNormalizer.of(MessageIdFormat.BOTH_DECIMAL).normalizeSubmitId("0000012345"))
                .isEqualTo(MessageIdNormalizer.of(MessageIdFormat.BOTH_DECIMAL).normalizeReceiptId("12345"));
        MessageIdNormalizer hex = MessageIdNormalizer.of(MessageIdFormat.BOTH_HEX);
        assertThat(hex.normalizeSubmitId("00ff")).isEqualTo(hex.normalizeReceiptId("FF")).isEqualTo("255");
        assertThat(MessageIdNormalizer.of(MessageIdFormat.BOTH_DECIMAL).normalizeReceiptId("0000")).isEqualTo("0");
    }

    @Test
    void idsBeyondALongUseBigInteger() {
        String twentyDigits = "12345678901234567890"; // > Long.MAX_VALUE (9223372036854775807)
        String itsHex = new BigInteger(twentyDigits).toString(16); // ab54a98ceb1f0ad2
        MessageIdNormalizer n = MessageIdNormalizer.of(MessageIdFormat.SUBMIT_HEX_RECEIPT_DECIMAL);

        assertThat(itsHex).isEqualTo("ab54a98ceb1f0ad2");
        assertThat(n.normalizeSubmitId("AB54A98CEB1F0AD2")).isEqualTo(twentyDigits);
        assertThat(n.normalizeReceiptId("0" + twentyDigits)).isEqualTo(twentyDigits);
    }

    @Test
    void nonNumericIdsAreLeftAsTheyAre() {
        for (MessageIdFormat f : MessageIdFormat.values()) {
            MessageIdNormalizer n = MessageIdNormalizer.of(f);
            assertThat(n.normalizeSubmitId("16fd2706-8baf-433b-82eb-8c7fada847da")).as(f.name())
                    .isEqualTo("16fd2706-8baf-433b-82eb-8c7fada847da");
            assertThat(n.normalizeReceiptId("0118Z-0122I")).as(f.name()).isEqualTo("0118Z-0122I");
            assertThat(n.normalizeReceiptId("")).as(f.name()).isEmpty();
        }
        assertThat(MessageIdNormalizer.of(MessageIdFormat.BOTH_DECIMAL).normalizeReceiptId("١٢٣"))
                .as("non-ASCII digits are not a number").isEqualTo("١٢٣");
    }

    @Test
    void asIsChangesNothing() {
        MessageIdNormalizer n = MessageIdNormalizer.of(MessageIdFormat.AS_IS);

        assertThat(n.normalizeSubmitId("000ab")).isEqualTo("000ab");
        assertThat(n.candidates("000ab")).containsExactly("000ab");
    }

    @Test
    void autoFindsAHexSubmitIdFromADecimalReceiptId() {
        MessageIdNormalizer n = MessageIdNormalizer.of(MessageIdFormat.AUTO);
        String stored = n.normalizeSubmitId(HEX_ID);

        assertThat(stored).isEqualTo("A1B2C");
        assertThat(n.candidates(DECIMAL_ID)).containsExactly("662316", "A1B2C", "6693654").contains(stored);
    }

    @Test
    void autoFindsADecimalSubmitIdFromAHexReceiptId() {
        MessageIdNormalizer n = MessageIdNormalizer.of(MessageIdFormat.AUTO);

        assertThat(n.candidates("0a1b2c")).containsExactly("A1B2C", "662316").contains(n.normalizeSubmitId(DECIMAL_ID));
    }

    @Test
    void autoMatchesTheSameIdWrittenAlikeFirst() {
        MessageIdNormalizer n = MessageIdNormalizer.of(MessageIdFormat.AUTO);

        assertThat(n.candidates("00123").get(0)).isEqualTo(n.normalizeSubmitId("123"));
        assertThat(n.normalizeReceiptId("00123")).isEqualTo("123");
        assertThat(n.candidates("abc-1")).containsExactly("abc-1");
    }

    @Test
    void kannelMsgIdTypes() {
        assertThat(MessageIdFormat.fromKannelMsgIdType(0)).isEqualTo(MessageIdFormat.BOTH_DECIMAL);
        assertThat(MessageIdFormat.fromKannelMsgIdType(1)).isEqualTo(MessageIdFormat.SUBMIT_HEX_RECEIPT_DECIMAL);
        assertThat(MessageIdFormat.fromKannelMsgIdType(2)).isEqualTo(MessageIdFormat.SUBMIT_DECIMAL_RECEIPT_HEX);
        assertThat(MessageIdFormat.fromKannelMsgIdType(3)).isEqualTo(MessageIdFormat.BOTH_HEX);
        assertThatThrownBy(() -> MessageIdFormat.fromKannelMsgIdType(4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("msg-id-type");
    }
}
