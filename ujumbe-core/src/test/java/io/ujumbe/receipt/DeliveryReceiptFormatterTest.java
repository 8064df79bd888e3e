package io.ujumbe.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import io.ujumbe.pdu.MessageState;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class DeliveryReceiptFormatterTest {

    private static final LocalDateTime SUBMITTED = LocalDateTime.of(2023, 1, 15, 12, 30, 5);
    private static final LocalDateTime DONE = LocalDateTime.of(2023, 1, 15, 12, 31, 59);

    private static DeliveryReceipt.Builder full() {
        return DeliveryReceipt.builder().messageId("12345").submitted(1).delivered(1)
                .submitDate(SUBMITTED).doneDate(DONE).messageState(MessageState.DELIVERED).err("0")
                .text("Your code is 123456. Do not share it.");
    }

    @Test
    void standardForm() {
        assertThat(DeliveryReceiptFormatter.standard().format(full().build())).isEqualTo(
                "id:12345 sub:001 dlvrd:001 submit date:2301151230 done date:2301151231 stat:DELIVRD err:000 "
                        + "Text:Your code is 123456.");
    }

    @Test
    void shortErrorIsPaddedToThreeDigits() {
        assertThat(DeliveryReceiptFormatter.standard().format(full().err("5").build())).contains(" err:005 ");
    }

    @Test
    void withSeconds() {
        DeliveryReceiptFormatter f = DeliveryReceiptFormatter.withSeconds();

        assertThat(f.includesSeconds()).isTrue();
        assertThat(f.format(full().build())).contains(" submit date:230115123005 done date:230115123159 ");
        assertThat(f.formatDate(LocalDateTime.of(2009, 5, 20, 7, 8, 9))).isEqualTo("090520070809");
        assertThat(DeliveryReceiptFormatter.standard().formatDate(LocalDateTime.of(2009, 5, 20, 7, 8, 9)))
                .isEqualTo("0905200708");
    }

    @Test
    void absentFieldsAreLeftOutAndTextIsAlwaysWritten() {
        DeliveryReceipt r = DeliveryReceipt.builder().messageId("abc").stat("ENROUTE").build();

        assertThat(DeliveryReceiptFormatter.standard().format(r)).isEqualTo("id:abc stat:ENROUTE Text:");
    }

    @Test
    void vendorStatAndNonNumericErrAreWrittenAsGiven() {
        DeliveryReceipt r = DeliveryReceipt.builder().messageId("1").stat("FAILED").err("E12").build();

        assertThat(DeliveryReceiptFormatter.standard().format(r)).isEqualTo("id:1 stat:FAILED err:E12 Text:");
    }

    @Test
    void largeCountsAndErrorsAreNotCut() {
        DeliveryReceipt r = DeliveryReceipt.builder().messageId("1").submitted(1234).delivered(7).err("1234").build();

        assertThat(DeliveryReceiptFormatter.standard().format(r)).isEqualTo("id:1 sub:1234 dlvrd:007 err:1234 Text:");
    }

    @Test
    void unparseableDateIsWrittenAsReceived() {
        DeliveryReceipt r = DeliveryReceipt.builder().messageId("1").doneDate("000000000000").build();

        assertThat(DeliveryReceiptFormatter.withSeconds().format(r)).isEqualTo("id:1 done date:000000000000 Text:");
    }

    @Test
    void textIsCutAtTwentyCharactersWithoutSplittingASurrogatePair() {
        String emoji = "\uD83D\uDE00"; // one character, two UTF-16 units
        DeliveryReceipt r = DeliveryReceipt.builder().messageId("1").text("x".repeat(19) + emoji + "tail").build();

        String text = DeliveryReceiptFormatter.standard().format(r).substring("id:1 Text:".length());

        assertThat(text).isEqualTo("x".repeat(19) + emoji);
    }

    @Test
    void parserReadsBackTheStandardForm() {
        DeliveryReceipt r = full().err("000").text("Hello").build();

        assertThat(DeliveryReceiptParser.standard().parse(DeliveryReceiptFormatter.withSeconds().format(r)))
                .contains(r);
    }
}
