package io.ujumbe.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ujumbe.pdu.MessageState;
import io.ujumbe.pdu.NetworkErrorCode;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class DeliveryReceiptTest {

    @Test
    void messageIdIsRequired() {
        assertThatThrownBy(() -> DeliveryReceipt.builder().build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("messageId");
        assertThatThrownBy(() -> DeliveryReceipt.builder().messageId(" ").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("messageId");
    }

    @Test
    void countsMustNotBeNegative() {
        assertThatThrownBy(() -> DeliveryReceipt.builder().submitted(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("submitted");
    }

    @Test
    void datesOutsideTwoDigitYearsAreRefused() {
        assertThatThrownBy(() -> DeliveryReceipt.builder().doneDate(LocalDateTime.of(1999, 12, 31, 23, 59)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2000..2099");
    }

    @Test
    void stateAndOutcomeAreDerivedFromTheStat() {
        DeliveryReceipt r = DeliveryReceipt.builder().messageId("1").stat("EXPIRED").build();

        assertThat(r.messageState()).contains(MessageState.EXPIRED);
        assertThat(r.outcome()).isEqualTo(ReceiptOutcome.FAILED);
    }

    @Test
    void statIsDerivedFromTheState() {
        DeliveryReceipt r = DeliveryReceipt.builder().messageId("1").messageState(MessageState.ENROUTE).build();

        assertThat(r.stat()).isEqualTo("ENROUTE");
        assertThat(r.outcome()).isEqualTo(ReceiptOutcome.PENDING);
    }

    @Test
    void dateGivenAsDateIsWrittenWithSecondsOnlyWhenItHasThem() {
        DeliveryReceipt r = DeliveryReceipt.builder().messageId("1")
                .submitDate(LocalDateTime.of(2024, 2, 29, 23, 59)).doneDate(LocalDateTime.of(2024, 3, 1, 0, 0, 7, 999))
                .build();

        assertThat(r.submitDateText()).isEqualTo("2402292359");
        assertThat(r.doneDateText()).isEqualTo("240301000007");
        assertThat(r.doneDate()).contains(LocalDateTime.of(2024, 3, 1, 0, 0, 7));
    }

    @Test
    void toStringDoesNotShowTheMessageText() {
        DeliveryReceipt r = DeliveryReceipt.builder().messageId("42").stat("DELIVRD").text("Your OTP is 918273").build();

        assertThat(r.toString()).contains("42").contains("DELIVRD").contains("textLength=18").doesNotContain("918273");
    }

    @Test
    void toBuilderCopiesEverything() {
        DeliveryReceipt r = DeliveryReceipt.builder().messageId("1").alternateMessageId("01").submitted(1).delivered(0)
                .submitDate("2301151230").doneDate("bad").stat("UNDELIV").err("069").text("t")
                .networkErrorCode(new NetworkErrorCode(3, 1)).outcome(ReceiptOutcome.PENDING).build();

        assertThat(r.toBuilder().build()).isEqualTo(r).hasSameHashCodeAs(r);
        assertThat(r.toBuilder().noSubmitted().build()).isNotEqualTo(r);
        assertThat(r.outcome()).as("an explicit outcome wins").isEqualTo(ReceiptOutcome.PENDING);
    }
}
