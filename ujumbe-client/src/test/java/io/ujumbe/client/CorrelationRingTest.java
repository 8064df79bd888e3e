package io.ujumbe.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

/**
 * The ring's index keeps consecutive ids together (see {@code CorrelationRing.home}). A home that
 * keeps locality invites clustering, where linear probing degrades to a scan: these tests fill
 * the ring with the id shapes SMSCs give, several at once, and bound the longest run of occupied
 * positions a probe may have to walk.
 */
class CorrelationRingTest {
    private static final Correlation C = new Correlation("c", Map.of(), 1, 1, Instant.EPOCH);
    private static final int SIZE = 200_000;

    @Test
    void sequentialHexIdsFromOneSmscLeaveOnlyShortRuns() {
        assertThat(fill(n -> Long.toHexString(0x1F0000L + n).toUpperCase())).isLessThan(48);
    }

    @Test
    void sequentialDecimalIdsFromOneSmscLeaveOnlyShortRuns() {
        assertThat(fill(n -> Long.toString(80_000_000L + n))).isLessThan(48);
    }

    @Test
    void randomUuidsLeaveOnlyShortRuns() {
        assertThat(fill(n -> UUID.randomUUID().toString())).isLessThan(48);
    }

    @Test
    void eightSmscsCountingOverTheSameRangesAtOnceLeaveOnlyShortRuns() {
        // Eight interleaved counters, decimal and hex, whose hash codes are one apart: ids that a
        // home keeping hash neighbours together would pile into the same few positions.
        LongFunction<String> ids = n -> {
            long k = n / 8 + 1_000_000;
            int smsc = (int) (n % 8);
            return (smsc < 4 ? Long.toString(k) : Long.toHexString(k).toUpperCase()) + "-" + smsc;
        };
        assertThat(fill(ids)).isLessThan(48);
    }

    @Test
    void runsStayShortWhileTheRingEvictsLapAfterLap() {
        CorrelationRing ring = new CorrelationRing(SIZE);
        int longest = 0;
        for (long n = 0; n < 6L * SIZE; n++) {
            String id = Long.toHexString(0xA00000L + n).toUpperCase();
            ring.remove(id);
            ring.add(id, C, n);
            if (n % SIZE == SIZE - 1) {
                longest = Math.max(longest, ring.longestRun());
            }
        }
        assertThat(ring.live).isEqualTo(SIZE);
        assertThat(longest).isLessThan(48);
    }

    private static int fill(LongFunction<String> ids) {
        CorrelationRing ring = new CorrelationRing(SIZE);
        String[] put = new String[SIZE];
        for (int n = 0; n < SIZE; n++) {
            put[n] = ids.apply(n);
            ring.remove(put[n]);
            ring.add(put[n], C, n);
        }
        assertThat(ring.live).isEqualTo(SIZE);
        for (int n = 0; n < SIZE; n += 997) {
            assertThat(ring.find(put[n])).isGreaterThanOrEqualTo(0);
        }
        return ring.longestRun();
    }
}
