package io.ujumbe.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketRateLimiterTest {

    private static final long MS = 1_000_000L;
    private static final long SECOND = 1_000_000_000L;

    /** A fake monotonic clock, started away from zero so that nothing relies on it. */
    private final AtomicLong clock = new AtomicLong(123_456_789L);

    private TokenBucketRateLimiter limiter(double rate) {
        return TokenBucketRateLimiter.builder().permitsPerSecond(rate).nanoTime(clock::get).build();
    }

    private TokenBucketRateLimiter limiter(double rate, long burst) {
        return TokenBucketRateLimiter.builder().permitsPerSecond(rate).burst(burst).nanoTime(clock::get).build();
    }

    @Test
    void startsWithOnePermitNotAFullSecondsWorth() {
        // A bucket that starts full sends 2 x the rate in its first second (70 at 35/s): the SMSC throttles.
        TokenBucketRateLimiter limiter = limiter(35);

        assertThat(limiter.tryAcquire(1)).as("the first message goes at once").isZero();
        assertThat(limiter.tryAcquire(1)).isEqualTo(28_571_429L);
        assertThat(limiter.burst()).isEqualTo(1);
    }

    @Test
    void thirtyFivePerSecondNeverPutsMoreThanThirtyFiveInAnySecond() {
        assertSlidingWindowCap(35, 1, 35);
        assertSlidingWindowCap(35, 35, 35);
        assertSlidingWindowCap(35, 1000, 35);
        assertSlidingWindowCap(200, 1, 200);
        assertSlidingWindowCap(200, 50, 200);
        assertSlidingWindowCap(35.5, 1, 35);
        assertSlidingWindowCap(0.5, 3, 1);
    }

    @Test
    void aCallerWokenLateEveryTimeStillGetsTheRateAndNeverMore() {
        // A timer that fires 0.7 ms late: with a bucket of one token each wake lost 0.7 ms and
        // 200/s came out as 175/s (the --rate 200 progress line showed it).
        TokenBucketRateLimiter limiter = limiter(200);
        List<Long> times = new ArrayList<>();
        long end = clock.get() + 20 * SECOND;
        while (clock.get() < end) {
            long wait = limiter.tryAcquire(1);
            if (wait == 0) {
                times.add(clock.get());
            } else {
                clock.addAndGet(wait + 700_000L);
            }
        }
        assertThat(times.size()).as("permits in 20 s at 200/s").isGreaterThanOrEqualTo(3950);
        assertThat(mostInOneSecond(times)).isLessThanOrEqualTo(200);
    }

    @Test
    void aBurstGoesBackToBackAfterAQuietSpellAndIsPaidForLaterInTheSecond() {
        TokenBucketRateLimiter limiter = limiter(10, 5);
        clock.addAndGet(10 * SECOND);

        assertThat(drain(limiter)).as("the burst").isEqualTo(5);
        long t0 = clock.get();
        // Refilled at 10/s, but the second that began with the burst may hold only 5 more.
        clock.addAndGet(500 * MS);
        assertThat(drain(limiter)).isEqualTo(5);
        // Until the burst leaves the window (counted in 1 ms slots: up to 2 ms later than exact).
        assertThat(limiter.tryAcquire(1)).as("until the burst leaves the window")
                .isBetween(t0 + SECOND - clock.get(), t0 + SECOND - clock.get() + 2 * MS);
    }

    @Test
    void tellsHowLongToWaitAndWaitingThatLongIsEnough() {
        TokenBucketRateLimiter limiter = limiter(10);
        assertThat(limiter.tryAcquire(1)).isZero();
        assertThat(limiter.tryAcquire(1)).isEqualTo(100 * MS);

        clock.addAndGet(40 * MS);
        assertThat(limiter.tryAcquire(1)).isEqualTo(60 * MS);

        clock.addAndGet(60 * MS);
        assertThat(limiter.tryAcquire(1)).isZero();
        assertThat(limiter.tryAcquire(1)).isEqualTo(100 * MS);
    }

    @Test
    void aDeniedRequestTakesNothing() {
        TokenBucketRateLimiter limiter = limiter(10, 2);
        clock.addAndGet(SECOND);

        assertThat(limiter.tryAcquire(2)).isZero();
        assertThat(limiter.tryAcquire(2)).isEqualTo(200 * MS);
        // Had the denied request taken its tokens, this would wait longer.
        assertThat(limiter.tryAcquire(1)).isEqualTo(100 * MS);

        clock.addAndGet(100 * MS);
        assertThat(limiter.tryAcquire(1)).isZero();
    }

    @Test
    void waitAtThirtyFivePerSecondIsOneThirtyFifthOfASecond() {
        TokenBucketRateLimiter limiter = limiter(35);
        drain(limiter);

        // 1/35 s is 28,571,428.57 ns; rounded up so the rate is never exceeded.
        assertThat(limiter.tryAcquire(1)).isEqualTo(28_571_429L);
    }

    @Test
    void refillsSmoothlyNotAllAtOnce() {
        TokenBucketRateLimiter limiter = limiter(35, 35);
        clock.addAndGet(10 * SECOND);
        assertThat(drain(limiter)).isEqualTo(35);

        // One token per 28,571,429 ns (1/35 s rounded up): the 35th after the drain comes 15 ns
        // after the full second, not at once (an interval refill would give all 35 at once).
        // (The window counts in 1 ms slots, so the burst leaves it up to 2 ms after the full second.)
        clock.addAndGet(SECOND + 2 * MS);
        assertThat(drain(limiter)).isEqualTo(35);
        // 3.5 tokens more after 100 ms, but this second already holds 35 permits.
        clock.addAndGet(100 * MS);
        assertThat(drain(limiter)).isZero();
        assertThat(limiter.tryAcquire(1)).isBetween(900 * MS, 902 * MS);
    }

    @Test
    void neverHoldsMoreThanTheBurst() {
        TokenBucketRateLimiter limiter = limiter(35, 5);
        drain(limiter);

        clock.addAndGet(10 * SECOND);

        assertThat(limiter.availablePermits()).isEqualTo(5);
        assertThat(drain(limiter)).isEqualTo(5);
    }

    @Test
    void burstOfOneSpacesEveryPermit() {
        TokenBucketRateLimiter limiter = limiter(35, 1);

        assertThat(limiter.tryAcquire(1)).isZero();
        long wait = limiter.tryAcquire(1);
        assertThat(wait).isCloseTo(SECOND / 35, within(1L));

        // Waiting exactly as long as told must be enough.
        clock.addAndGet(wait - 1);
        assertThat(limiter.tryAcquire(1)).isEqualTo(1L);
        clock.addAndGet(1);
        assertThat(limiter.tryAcquire(1)).isZero();
        assertThat(limiter.tryAcquire(1)).isPositive();
    }

    @Test
    void halfAPermitPerSecondIsOneEveryTwoSeconds() {
        TokenBucketRateLimiter limiter = limiter(0.5);

        assertThat(limiter.tryAcquire(1)).isZero();
        assertThat(limiter.tryAcquire(1)).isEqualTo(2 * SECOND);

        clock.addAndGet(1500 * MS);
        assertThat(limiter.tryAcquire(1)).isEqualTo(500 * MS);

        clock.addAndGet(500 * MS);
        assertThat(limiter.tryAcquire(1)).isZero();
        assertThat(limiter.tryAcquire(1)).isEqualTo(2 * SECOND);
    }

    @Test
    void congestionSlowsTheRateInProportionAndRecovers() {
        TokenBucketRateLimiter limiter = limiter(100);
        assertThat(limiter.tryAcquire(1)).isZero();

        limiter.onCongestion(50);
        assertThat(limiter.effectivePermitsPerSecond()).isEqualTo(50.0);
        assertThat(limiter.tryAcquire(1)).as("1/50 s after the last permit").isEqualTo(20 * MS);
        assertThat(permitsIn(limiter, 10 * SECOND)).isBetween(499, 501);

        limiter.onCongestion(100);
        assertThat(limiter.effectivePermitsPerSecond()).as("never below 10 %").isEqualTo(10.0);
        assertThat(permitsIn(limiter, 5 * SECOND)).isBetween(49, 51);

        limiter.onCongestion(0);
        assertThat(limiter.effectivePermitsPerSecond()).isEqualTo(100.0);
        assertThat(permitsIn(limiter, 5 * SECOND)).isBetween(499, 501);
    }

    @Test
    void aCongestionLevelNotRepeatedLapses() {
        TokenBucketRateLimiter limiter = limiter(100);
        limiter.onCongestion(80);
        assertThat(limiter.effectivePermitsPerSecond()).isCloseTo(20.0, within(1e-9));

        clock.addAndGet(TokenBucketRateLimiter.CONGESTION_MEMORY_NANOS + 1);

        assertThat(limiter.effectivePermitsPerSecond()).isEqualTo(100.0);
        assertThat(permitsIn(limiter, SECOND)).isBetween(99, 101);
        assertThatThrownBy(() -> limiter.onCongestion(101)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eightThreadsNeverGetMoreThanRateTimesTimePlusBurst() throws Exception {
        double rate = 1000;
        int burst = 50;
        int threads = 8;
        int iterations = 20_000;
        long step = 100_000L; // 0.1 ms of fake time per attempt: 0.1 permits
        long start = clock.get();
        TokenBucketRateLimiter limiter = TokenBucketRateLimiter.builder()
                .permitsPerSecond(rate).burst(burst).nanoTime(clock::get).build();

        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long granted = 0;
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Long>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Callable<Long> task = () -> {
                    go.await();
                    long mine = 0;
                    for (int i = 0; i < iterations; i++) {
                        if (limiter.tryAcquire(1) == 0) {
                            mine++;
                        }
                        clock.addAndGet(step);
                    }
                    return mine;
                };
                results.add(pool.submit(task));
            }
            go.countDown();
            for (Future<Long> f : results) {
                granted += f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        double elapsedSeconds = (clock.get() - start) / 1e9;
        double allowed = rate * elapsedSeconds + burst;
        assertThat((double) granted).isLessThanOrEqualTo(allowed);
        // Callers try more often than tokens arrive, so nearly all of them must be handed out.
        assertThat((double) granted).isGreaterThan(0.9 * rate * elapsedSeconds);
    }

    @Test
    void rejectsPermitsOutsideOneToBurst() {
        TokenBucketRateLimiter limiter = TokenBucketRateLimiter.builder()
                .permitsPerSecond(10).burst(3).nanoTime(clock::get).build();

        assertThatThrownBy(() -> limiter.tryAcquire(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("permits");
        assertThatThrownBy(() -> limiter.tryAcquire(4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("burst capacity 3");
    }

    @Test
    void rejectsBadSettingsNamingThem() {
        assertThatThrownBy(() -> TokenBucketRateLimiter.builder().permitsPerSecond(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("permitsPerSecond");
        assertThatThrownBy(() -> TokenBucketRateLimiter.builder().permitsPerSecond(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("permitsPerSecond");
        assertThatThrownBy(() -> TokenBucketRateLimiter.builder().permitsPerSecond(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("permitsPerSecond");
        assertThatThrownBy(() -> TokenBucketRateLimiter.builder().burst(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("burst");
        assertThatThrownBy(() -> TokenBucketRateLimiter.builder().burst(1_000_001))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("burst");
        assertThatThrownBy(() -> TokenBucketRateLimiter.builder().build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("permitsPerSecond");
    }

    @Test
    void unlimitedAlwaysAllows() {
        RateLimiter unlimited = RateLimiter.unlimited();

        for (int i = 0; i < 1000; i++) {
            assertThat(unlimited.tryAcquire(100)).isZero();
        }
        assertThatThrownBy(() -> unlimited.tryAcquire(0)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Asks for a permit whenever told to (waiting exactly as long as told, as the client does)
     * for 20 s of fake time and checks that no one-second window [t, t + 1 s) holds more than
     * {@code cap} permits, and that the limiter is not much slower than the cap.
     */
    private void assertSlidingWindowCap(double rate, long burst, int cap) {
        clock.set(777_000_000L);
        TokenBucketRateLimiter limiter = limiter(rate, burst);
        clock.addAndGet(5 * SECOND); // a quiet spell first: the bucket is as full as the burst lets it be
        List<Long> times = new ArrayList<>();
        long end = clock.get() + 20 * SECOND;
        while (clock.get() < end) {
            long wait = limiter.tryAcquire(1);
            if (wait == 0) {
                times.add(clock.get());
            } else {
                clock.addAndGet(wait);
            }
        }
        int worst = mostInOneSecond(times);
        assertThat(worst).as("most permits in one second at %s/s with burst %d", rate, burst).isLessThanOrEqualTo(cap);
        assertThat((double) times.size()).as("permits in 20 s").isGreaterThanOrEqualTo(Math.min(rate, cap) * 20 - 1);
    }

    /** The most of {@code times} (ascending) within any [t, t + 1 s). */
    private static int mostInOneSecond(List<Long> times) {
        int worst = 0;
        for (int i = 0, j = 0; i < times.size(); i++) {
            while (times.get(i) - times.get(j) >= SECOND) {
                j++;
            }
            worst = Math.max(worst, i - j + 1);
        }
        return worst;
    }

    /** Takes every permit offered over {@code nanos} of fake time, waiting as told. */
    private int permitsIn(RateLimiter limiter, long nanos) {
        long end = clock.get() + nanos;
        int n = 0;
        while (clock.get() < end) {
            long wait = limiter.tryAcquire(1);
            if (wait == 0) {
                n++;
            } else {
                clock.addAndGet(wait);
            }
        }
        return n;
    }

    /** Takes single permits until refused; returns how many were taken. */
    private static int drain(RateLimiter limiter) {
        int taken = 0;
        while (limiter.tryAcquire(1) == 0) {
            taken++;
        }
        return taken;
    }
}
