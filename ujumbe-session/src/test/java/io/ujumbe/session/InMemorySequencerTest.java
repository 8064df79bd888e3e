package io.ujumbe.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class InMemorySequencerTest {

    private static final int THREADS = 8;
    private static final int CALLS_PER_THREAD = 100_000;

    @Test
    void startsAtOneAndCountsUp() {
        InMemorySequencer sequencer = new InMemorySequencer();

        assertThat(sequencer.next()).isEqualTo(1);
        assertThat(sequencer.next()).isEqualTo(2);
        assertThat(sequencer.next()).isEqualTo(3);
    }

    @Test
    void startsAtTheGivenValue() {
        assertThat(new InMemorySequencer(42).next()).isEqualTo(42);
    }

    @Test
    void wrapsFromMaxToOneNeverZeroOrNegative() {
        InMemorySequencer sequencer = new InMemorySequencer(0x7FFFFFFE);

        assertThat(sequencer.next()).isEqualTo(0x7FFFFFFE);
        assertThat(sequencer.next()).isEqualTo(0x7FFFFFFF);
        assertThat(sequencer.next()).isEqualTo(1);
        assertThat(sequencer.next()).isEqualTo(2);
    }

    @Test
    void rejectsAStartOutsideTheRange() {
        assertThatThrownBy(() -> new InMemorySequencer(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("first sequence number");
        assertThatThrownBy(() -> new InMemorySequencer(-5))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void concurrentCallersGetDistinctPositiveValues() throws Exception {
        long[] all = hammer(new InMemorySequencer());

        assertThat(all[0]).isEqualTo(1);
        assertThat(all[all.length - 1]).isEqualTo(THREADS * CALLS_PER_THREAD);
        assertDistinctAndPositive(all);
    }

    @Test
    void concurrentCallersAcrossTheWrapGetDistinctPositiveValues() throws Exception {
        // Half the calls land before the wrap and half after, so racing threads cross it.
        long[] all = hammer(new InMemorySequencer(InMemorySequencer.MAX - THREADS * CALLS_PER_THREAD / 2 + 1));

        assertDistinctAndPositive(all);
        assertThat(all[0]).isEqualTo(1);
        assertThat(all[all.length - 1]).isEqualTo(InMemorySequencer.MAX);
    }

    private static void assertDistinctAndPositive(long[] sorted) {
        assertThat(sorted).hasSize(THREADS * CALLS_PER_THREAD);
        assertThat(sorted[0]).isPositive();
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] == sorted[i - 1]) {
                throw new AssertionError("sequence number handed out twice: " + sorted[i]);
            }
        }
    }

    /** Every value handed out by THREADS threads making CALLS_PER_THREAD calls each, sorted. */
    private static long[] hammer(Sequencer sequencer) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<int[]>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                Callable<int[]> task = () -> {
                    start.await();
                    int[] values = new int[CALLS_PER_THREAD];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = sequencer.next();
                    }
                    return values;
                };
                results.add(pool.submit(task));
            }
            start.countDown();
            long[] all = new long[THREADS * CALLS_PER_THREAD];
            int n = 0;
            for (Future<int[]> f : results) {
                for (int v : f.get()) {
                    all[n++] = v;
                }
            }
            Arrays.sort(all);
            return all;
        } finally {
            pool.shutdownNow();
        }
    }
}
