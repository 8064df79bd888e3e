package io.ujumbe.smsc;

import io.ujumbe.pdu.MessageState;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The kept middle part gives the formatter's own receipt text, whatever the id, dates, state and text. */
class ReceiptTextsTest {

    @Test
    void writesWhatTheBuilderAndFormatterWrite() {
        ReceiptTexts texts = new ReceiptTexts();
        Random random = new Random(3);
        long base = Instant.parse("2026-12-02T19:30:00Z").getEpochSecond() * 1_000_000_000L;
        String[] samples = {"", "hello", "x".repeat(20), "OTP 123456 ?? ok"};
        MessageState[] states = {MessageState.DELIVERED, MessageState.UNDELIVERABLE, MessageState.EXPIRED,
                MessageState.REJECTED, MessageState.ENROUTE, MessageState.DELETED, MessageState.UNKNOWN};
        for (int i = 0; i < 5_000; i++) {
            // Dates over a few minutes, so that entries are reused and replaced.
            long submitted = base + (long) (random.nextDouble() * 300e9);
            long done = submitted + (long) (random.nextDouble() * 90e9);
            MessageState state = states[random.nextInt(states.length)];
            int error = random.nextInt(4) == 0 ? random.nextInt(1_100) : 0;
            String id = Long.toHexString(0x10000 + random.nextInt(1 << 30)).toUpperCase();
            String text = samples[random.nextInt(samples.length)];
            assertThat(texts.format(id, submitted, done, state, error, text))
                    .isEqualTo(ReceiptTexts.full(id, submitted, done, state, error, text));
        }
        assertThat(texts.format("1F4A", base, base + 61_000_000_000L, MessageState.DELIVERED, 0, "hi"))
                .isEqualTo("id:1F4A sub:001 dlvrd:001 submit date:2612021930 done date:2612021931 stat:DELIVRD err:000 Text:hi");
    }
}
