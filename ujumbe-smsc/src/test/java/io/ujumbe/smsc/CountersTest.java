package io.ujumbe.smsc;

import io.ujumbe.pdu.MessageState;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulator's counters: messages per state, and the submission rate over ten seconds. */
class CountersTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void messagesPerStateAreThoseThatEnteredLessThoseThatLeft() throws Exception {
        Counters c = new Counters();
        Thread io = new Thread(() -> {
            for (int i = 0; i < 100_000; i++) {
                c.moved(null, MessageState.ENROUTE);
            }
        });
        io.start();
        io.join();
        Thread timer = new Thread(() -> {
            for (int i = 0; i < 60_000; i++) {
                c.moved(MessageState.ENROUTE, i % 3 == 0 ? MessageState.UNDELIVERABLE : MessageState.DELIVERED);
            }
        });
        timer.start();
        timer.join();
        assertThat(c.states()).isEqualTo(Map.of(MessageState.ENROUTE, 40_000L, MessageState.DELIVERED, 40_000L,
                MessageState.UNDELIVERABLE, 20_000L));
    }

    @Test
    void theRateIsTheEventsOfTheLastTenSecondsOverTen() {
        LongAdder total = new LongAdder();
        Counters.RateWindow w = new Counters.RateWindow(10, total);
        assertThat(w.perSecond(5 * SECOND)).isZero();
        for (long second = 100; second < 105; second++) {
            for (int i = 0; i < 50; i++) {
                total.increment();
                w.record(second * SECOND + i * 1_000_000L);
            }
        }
        assertThat(w.perSecond(104 * SECOND + SECOND / 2)).isEqualTo(25.0);
        // Seconds 103..112 in the window: the events of 103 and 104 only.
        assertThat(w.perSecond(112 * SECOND)).isEqualTo(10.0);
        assertThat(w.perSecond(120 * SECOND)).isZero();
        // After a quiet spell, a new second starts its own count.
        for (int i = 0; i < 30; i++) {
            total.increment();
            w.record(200 * SECOND + i);
        }
        assertThat(w.perSecond(200 * SECOND + 1_000)).isEqualTo(3.0);
    }

    @Test
    void theWallClockFromNanoTimeAgreesWithTheWallClock() {
        for (int i = 0; i < 1_000; i++) {
            long derived = StoredMessage.nowNanos(System.nanoTime());
            long read = StoredMessage.nowNanos();
            assertThat(Math.abs(read - derived)).isLessThanOrEqualTo(5_000_000L);
            assertThat(derived % 1_000_000L).as("to the millisecond").isZero();
        }
    }
}
