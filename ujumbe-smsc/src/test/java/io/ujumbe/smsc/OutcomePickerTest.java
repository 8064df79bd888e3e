package io.ujumbe.smsc;

import io.ujumbe.pdu.MessageState;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class OutcomePickerTest {

    @Test
    void sameSeedGivesTheSameDraws() {
        Map<MessageState, Double> weights = SmscConfig.builder()
                .receiptOutcomes(Map.of(MessageState.DELIVERED, 90.0, MessageState.UNDELIVERABLE, 6.0,
                        MessageState.EXPIRED, 4.0)).build().receiptOutcomes();
        assertThat(draws(weights, 1)).isEqualTo(draws(weights, 1)).isNotEqualTo(draws(weights, 2));
        long delivered = draws(weights, 1).stream().filter(s -> s == MessageState.DELIVERED).count();
        assertThat(delivered).isBetween(8_800L, 9_200L);
    }

    @Test
    void firstMatchingRuleWins() {
        OutcomePicker p = new OutcomePicker(List.of(
                ReceiptRule.forPrefix("2547", MessageState.REJECTED).withErrorCode(5),
                ReceiptRule.forPrefix("254", MessageState.EXPIRED)), Map.of(MessageState.DELIVERED, 1.0), new Random(1));
        assertThat(p.pick("254711")).isEqualTo(new OutcomePicker.Outcome(MessageState.REJECTED, 5));
        assertThat(p.pick("254811")).isEqualTo(new OutcomePicker.Outcome(MessageState.EXPIRED, 1));
        assertThat(p.pick("1555")).isEqualTo(new OutcomePicker.Outcome(MessageState.DELIVERED, 0));
    }

    @Test
    void aSingleStateIsPickedWithoutDrawing() {
        int[] draws = {0};
        Random counting = new Random(1) {
            @Override
            protected int next(int bits) {
                draws[0]++;
                return super.next(bits);
            }
        };
        OutcomePicker p = new OutcomePicker(List.of(), Map.of(MessageState.UNDELIVERABLE, 1.0), counting);
        for (int i = 0; i < 100; i++) {
            assertThat(p.pick("254700000000")).isEqualTo(new OutcomePicker.Outcome(MessageState.UNDELIVERABLE, 1));
        }
        assertThat(draws[0]).isZero();
    }

    private static List<MessageState> draws(Map<MessageState, Double> weights, long seed) {
        OutcomePicker p = new OutcomePicker(List.of(), weights, new Random(seed));
        List<MessageState> out = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            out.add(p.pick("254700000000").state());
        }
        return out;
    }
}
