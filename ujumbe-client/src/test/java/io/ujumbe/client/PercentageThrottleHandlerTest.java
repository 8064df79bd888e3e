package io.ujumbe.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.ujumbe.pdu.CommandStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The first four tests are naz's tests/test_throttle.py, with its settings. */
class PercentageThrottleHandlerTest {

    private static final int SAMPLE_SIZE = 12;
    private static final Duration SAMPLING_PERIOD = Duration.ofSeconds(10);

    private final AtomicLong clock = new AtomicLong(-5_000_000_000L);
    private final PercentageThrottleHandler handler = PercentageThrottleHandler.builder()
            .samplingPeriod(SAMPLING_PERIOD)
            .sampleSize(SAMPLE_SIZE)
            .denyRequestAt(1)
            .nanoTime(clock::get)
            .build();

    @Test
    void smallSampleSizeAllowsRequests() {
        repeat(SAMPLE_SIZE - 2, handler::onThrottled);

        assertThat(handler.allowRequest()).isTrue();
    }

    @Test
    void enoughSampleSizeDeniesRequests() {
        repeat(SAMPLE_SIZE * 2, handler::onThrottled);

        assertThat(handler.allowRequest()).isFalse();
    }

    @Test
    void enoughSampleSizeAndSuccessesAllowsRequests() {
        repeat(SAMPLE_SIZE, handler::onThrottled);
        repeat(SAMPLE_SIZE * 100, handler::onNotThrottled);

        assertThat(handler.allowRequest()).isTrue();
    }

    @Test
    void resetsAfterTheSamplingPeriod() {
        repeat(13, handler::onThrottled);
        repeat(25, handler::onNotThrottled);
        assertThat(handler.allowRequest()).isFalse();
        assertThat(handler.throttledResponses()).isEqualTo(13);
        assertThat(handler.notThrottledResponses()).isEqualTo(25);

        clock.addAndGet(SAMPLING_PERIOD.toNanos() * 3 / 2);

        assertThat(handler.allowRequest()).isTrue();
        assertThat(handler.throttledResponses()).isZero();
        assertThat(handler.notThrottledResponses()).isZero();
    }

    @Test
    void judgesOnceTheWindowHoldsExactlyTheSampleSize() {
        repeat(SAMPLE_SIZE - 2, handler::onNotThrottled);
        handler.onThrottled();
        assertThat(handler.allowRequest()).as("11 responses: too few to judge").isTrue();
        assertThat(handler.percentThrottled()).isZero();

        handler.onNotThrottled();
        assertThat(handler.allowRequest()).as("12 responses, 1 throttled: 8.3 %").isFalse();
        assertThat(handler.percentThrottled()).isCloseTo(100.0 / 12, within(1e-9));
    }

    @Test
    void deniesOnlyAboveTheThreshold() {
        PercentageThrottleHandler half = PercentageThrottleHandler.builder()
                .sampleSize(4).denyRequestAt(50).nanoTime(clock::get).build();
        repeat(2, half::onThrottled);
        repeat(2, half::onNotThrottled);
        assertThat(half.allowRequest()).as("exactly 50 %").isTrue();

        half.onThrottled();
        assertThat(half.allowRequest()).as("60 %").isFalse();
    }

    @Test
    void exactlyTheThresholdIsStillAllowed() {
        // 12 of 1200 is exactly 1 %: allowed, since only more than 1 % denies.
        repeat(SAMPLE_SIZE, handler::onThrottled);
        repeat(SAMPLE_SIZE * 99, handler::onNotThrottled);
        assertThat(handler.allowRequest()).isTrue();
        handler.onThrottled();
        assertThat(handler.allowRequest()).isFalse();
    }

    @Test
    void afterAShortPauseOneProbeGoesAndItsAcceptanceResumesSending() {
        repeat(SAMPLE_SIZE, handler::onThrottled);
        assertThat(handler.allowRequest()).isFalse();
        assertThat(handler.paused()).isTrue();
        assertThat(handler.throttleDelay()).isEqualTo(Duration.ofSeconds(1));

        clock.addAndGet(400_000_000L);
        assertThat(handler.allowRequest()).as("0.4 s into a 1 s pause").isFalse();
        assertThat(handler.throttleDelay()).isEqualTo(Duration.ofMillis(600));

        clock.addAndGet(600_000_000L);
        assertThat(handler.allowRequest()).as("the probe").isTrue();
        assertThat(handler.allowRequest()).as("only one probe").isFalse();

        handler.onNotThrottled();
        assertThat(handler.paused()).isFalse();
        assertThat(handler.allowRequest()).isTrue();
        assertThat(handler.throttledResponses()).as("the counts start afresh").isZero();
        // Far less than naz's whole sampling window (here 10 s, by default 180 s).
        assertThat(handler.pauses()).isEqualTo(1);
    }

    @Test
    void aThrottledProbeDoublesThePauseUpToTheMaximum() {
        PercentageThrottleHandler h = PercentageThrottleHandler.builder().sampleSize(2).denyRequestAt(10)
                .throttleWait(Duration.ofSeconds(1)).maxThrottleWait(Duration.ofSeconds(3)).nanoTime(clock::get).build();
        repeat(2, h::onThrottled);
        assertThat(h.allowRequest()).isFalse();
        long[] expectedPauses = {2_000_000_000L, 3_000_000_000L, 3_000_000_000L};
        clock.addAndGet(1_000_000_000L);
        for (long pause : expectedPauses) {
            assertThat(h.allowRequest()).as("probe").isTrue();
            h.onThrottled();
            assertThat(h.throttleDelay()).isEqualTo(Duration.ofNanos(pause));
            clock.addAndGet(pause - 1);
            assertThat(h.allowRequest()).isFalse();
            clock.addAndGet(1);
        }
        assertThat(h.allowRequest()).isTrue();
        h.onNotThrottled();
        assertThat(h.allowRequest()).isTrue();

        // The next pause starts short again.
        repeat(2, h::onThrottled);
        assertThat(h.allowRequest()).isFalse();
        assertThat(h.throttleDelay()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aProbeNeverAnsweredIsReplacedAfterAPause() {
        repeat(SAMPLE_SIZE, handler::onThrottled);
        assertThat(handler.allowRequest()).isFalse();
        clock.addAndGet(1_000_000_000L);
        assertThat(handler.allowRequest()).isTrue();

        clock.addAndGet(999_999_999L);
        assertThat(handler.allowRequest()).isFalse();
        clock.addAndGet(1);
        assertThat(handler.allowRequest()).as("a second probe").isTrue();
    }

    @Test
    void throttlesFromRequestsAlreadyInFlightDoNotExtendThePause() {
        repeat(SAMPLE_SIZE, handler::onThrottled);
        assertThat(handler.allowRequest()).isFalse();
        repeat(5, handler::onThrottled);
        assertThat(handler.throttleDelay()).isEqualTo(Duration.ofSeconds(1));
        clock.addAndGet(1_000_000_000L);
        assertThat(handler.allowRequest()).isTrue();
    }

    @Test
    void responsesAfterTheWindowEndedCountInTheNextOne() {
        repeat(SAMPLE_SIZE, handler::onNotThrottled);
        clock.addAndGet(SAMPLING_PERIOD.toNanos() + 1);

        repeat(SAMPLE_SIZE, handler::onThrottled);

        assertThat(handler.notThrottledResponses()).isZero();
        assertThat(handler.throttledResponses()).isEqualTo(SAMPLE_SIZE);
        assertThat(handler.allowRequest()).isFalse();
    }

    @Test
    void onResponseCountsThrottleStatusesAsThrottles() {
        handler.onResponse(CommandStatus.ESME_RTHROTTLED);
        handler.onResponse(CommandStatus.ESME_RMSGQFUL);
        handler.onResponse(CommandStatus.ESME_ROK);
        handler.onResponse(CommandStatus.ESME_RINVDSTADR);
        handler.onResponse(CommandStatus.ESME_RSYSERR);

        assertThat(handler.throttledResponses()).isEqualTo(2);
        assertThat(handler.notThrottledResponses()).isEqualTo(3);
    }

    @Test
    void countsEveryResponseFromConcurrentSessions() throws Exception {
        int threads = 8;
        int perThread = 10_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                boolean throttles = t % 2 == 0;
                done.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < perThread; i++) {
                        if (throttles) {
                            handler.onThrottled();
                        } else {
                            handler.onNotThrottled();
                        }
                        handler.allowRequest();
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(handler.throttledResponses()).isEqualTo(threads / 2 * perThread);
        assertThat(handler.notThrottledResponses()).isEqualTo(threads / 2 * perThread);
    }

    @Test
    void thresholdsAreNazsAndThePauseIsShort() {
        PercentageThrottleHandler defaults = PercentageThrottleHandler.withDefaults();

        assertThat(defaults.samplingPeriod()).isEqualTo(Duration.ofSeconds(180));
        assertThat(defaults.sampleSize()).isEqualTo(50);
        assertThat(defaults.denyRequestAt()).isEqualTo(1.0);
        assertThat(defaults.throttleWait()).isEqualTo(Duration.ofSeconds(1));
        assertThat(defaults.maxThrottleWait()).isEqualTo(Duration.ofSeconds(30));
        assertThat(PercentageThrottleHandler.builder().throttleWait(Duration.ofMillis(250)).build().throttleDelay())
                .isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void rejectsBadSettingsNamingThem() {
        assertThatThrownBy(() -> PercentageThrottleHandler.builder().samplingPeriod(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("samplingPeriod");
        assertThatThrownBy(() -> PercentageThrottleHandler.builder().sampleSize(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sampleSize");
        assertThatThrownBy(() -> PercentageThrottleHandler.builder().denyRequestAt(101))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("denyRequestAt");
        assertThatThrownBy(() -> PercentageThrottleHandler.builder().denyRequestAt(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("denyRequestAt");
        assertThatThrownBy(() -> PercentageThrottleHandler.builder().throttleWait(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("throttleWait");
        assertThatThrownBy(() -> PercentageThrottleHandler.builder().maxThrottleWait(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxThrottleWait");
    }

    private static void repeat(int times, Runnable action) {
        for (int i = 0; i < times; i++) {
            action.run();
        }
    }
}
