package io.ujumbe.process;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A warm-up sends its count, then batches until its time has passed. */
class WarmUpTest {
    @Test
    void theCountAloneWhenNoTimeIsGiven() throws Exception {
        List<Integer> batches = new ArrayList<>();
        assertThat(WarmUp.run(500, 0, batches::add)).isEqualTo(500);
        assertThat(batches).containsExactly(500);
        batches.clear();
        assertThat(WarmUp.run(0, 0, batches::add)).isZero();
        assertThat(batches).isEmpty();
    }

    @Test
    void batchesFollowTheCountUntilTheTimeHasPassed() throws Exception {
        List<Integer> batches = new ArrayList<>();
        long start = System.nanoTime();
        // Each batch "takes" 20 ms, so 0.2 s is about ten of them.
        long sent = WarmUp.run(7, 0.2, n -> {
            batches.add(n);
            Thread.sleep(20);
        });
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(200_000_000L);
        assertThat(batches.get(0)).isEqualTo(7);
        assertThat(batches.subList(1, batches.size())).isNotEmpty().allMatch(n -> n == WarmUp.BATCH);
        assertThat(sent).isEqualTo(7 + (long) (batches.size() - 1) * WarmUp.BATCH);
    }

    @Test
    void itsEndIsMarkedOnStandardErrorForScripts() throws Exception {
        java.io.PrintStream saved = System.err;
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            WarmUp.run(42, 0, n -> { });
        } finally {
            System.setErr(saved);
        }
        assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8)).startsWith(WarmUp.MEASURING + " 42 messages");
    }

    @Test
    void rejectsNegativeOrEndlessWarmUps() {
        assertThatThrownBy(() -> WarmUp.run(-1, 0, n -> { })).hasMessageContaining("0 or more");
        assertThatThrownBy(() -> WarmUp.run(0, Double.POSITIVE_INFINITY, n -> { })).hasMessageContaining("0 or more");
        assertThatThrownBy(() -> WarmUp.run(0, -2, n -> { })).hasMessageContaining("0 or more");
    }
}
