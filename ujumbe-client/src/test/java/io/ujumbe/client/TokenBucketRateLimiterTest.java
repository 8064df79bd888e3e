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

    @Test
    void allowsTheBurstThenTellsHowLongToWait() {
        TokenBucketRateLimiter limiter = limiter(10);

        for (int i = 0; i < 10; i++) {
            assertThat(limiter.tryAcquire(1)).as("permit %d of the burst", i + 1).isZero();
        }
        assertThat(limiter.tryAcquire(1)).isEqualTo(100 * MS);

        clock.addAndGet(40 * MS);
        assertThat(limiter.tryAcquire(1)).isEqualTo(60 * MS);

        clock.addAndGet(60 * MS);
        assertThat(limiter.tryAcquire(1)).isZero();
        assertThat(limiter.tryAcquire(1)).isEqualTo(100 * MS);
    }

    @Test
    void aDeniedRequestTakesNothing() {
        TokenBucketRateLimiter limiter = TokenBucketRateLimiter.builder()
                .permitsPerSecond(10).burst(2).nanoTime(clock::get).build();

        assertThat(limiter.tryAcquire(2)).isZero();
        assertThat(limiter.tryAcquire(2)).isEqualTo(200 * MS);
        // Had the denied request taken its tokens, this would wait longer.
        assertThat(limiter.tryAcquire(1)).isEqualTo(100 * MS);

        clock.addAndGet(100 * MS);
        assertThat(limiter.tryAcquire(1)).isZero();
    }

    @Test
    void defaultBurstIsOneSecondsWorth() {
        assertThat(limiter(35).burst()).isEqualTo(35);
        assertThat(limiter(35.5).burst()).isEqualTo(36);
        assertThat(limiter(0.5).burst()).isEqualTo(1);
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
        TokenBucketRateLimiter limiter = limiter(35);
        assertThat(drain(limiter)).isEqualTo(35);

        // 100 ms at 35/s is 3.5 tokens: an interval refill would give 0 (or 35) here.
        clock.addAndGet(100 * MS);
        assertThat(drain(limiter)).isEqualTo(3);

        // One permit per 28,571,429 ns (1/35 s rounded up, so the rate is never exceeded): the
        // 35th permit after the drain comes 15 ns after the full second.
        clock.addAndGet(900 * MS);
        assertThat(drain(limiter)).isEqualTo(31);
        clock.addAndGet(15);
        assertThat(drain(limiter)).isEqualTo(1);
    }

    @Test
    void neverHoldsMoreThanTheBurst() {
        TokenBucketRateLimiter limiter = TokenBucketRateLimiter.builder()
                .permitsPerSecond(35).burst(5).nanoTime(clock::get).build();
        drain(limiter);

        clock.addAndGet(10 * SECOND);

        assertThat(limiter.availablePermits()).isEqualTo(5);
        assertThat(drain(limiter)).isEqualTo(5);
    }

    @Test
    void burstOfOneSpacesEveryPermit() {
        TokenBucketRateLimiter limiter = TokenBucketRateLimiter.builder()
                .permitsPerSecond(35).burst(1).nanoTime(clock::get).build();

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

    /** Takes single permits until refused; returns how many were taken. */
    private static int drain(RateLimiter limiter) {
        int taken = 0;
        while (limiter.tryAcquire(1) == 0) {
            taken++;
        }
        return taken;
    }
}
