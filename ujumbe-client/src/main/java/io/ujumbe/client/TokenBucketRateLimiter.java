package io.ujumbe.client;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * A {@link RateLimiter} that holds a bucket of up to {@code burst} tokens, refilled smoothly at
 * {@code permitsPerSecond}: at 35 per second a token comes back every 1/35 s, not 35 at once each
 * second, so after a burst the client sends evenly spaced. Fractional rates work (0.5 per second
 * is one message every two seconds). The bucket starts full. The wait returned is exact: after
 * waiting that long the permits are there. Backed by Bucket4j; lock-free.
 *
 * <pre>{@code
 * RateLimiter limiter = TokenBucketRateLimiter.builder().permitsPerSecond(35).build();
 * }</pre>
 */
public final class TokenBucketRateLimiter implements RateLimiter {

    /** Far above any SMSC's rate, and low enough that whole-nanosecond periods stay accurate. */
    private static final double MAX_PERMITS_PER_SECOND = 1e6;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final double permitsPerSecond;
    private final long burst;
    private final Bucket bucket;

    private TokenBucketRateLimiter(Builder b) {
        this.permitsPerSecond = b.permitsPerSecond;
        this.burst = b.burst > 0 ? b.burst : Math.max(1L, (long) Math.ceil(b.permitsPerSecond));
        long nanosPerPermit = nanosPerPermit(permitsPerSecond);
        LongSupplier nanoTime = b.nanoTime;
        TimeMeter timeMeter = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return nanoTime.getAsLong();
            }

            @Override
            public boolean isWallClockBased() {
                return false;
            }
        };
        this.bucket = Bucket.builder()
                .addLimit(limit -> limit.capacity(burst)
                        .refillGreedy(1, Duration.ofNanos(nanosPerPermit)))
                .withCustomTimePrecision(timeMeter)
                .build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * One permit every this many nanoseconds, rounded up. A whole number keeps Bucket4j's waits
     * exact (with a fractional period it rounds the wait down, and a caller that waits exactly
     * that long is refused again); rounding up means the rate is never exceeded, and is slower by
     * less than a nanosecond per permit (at 35/s by 15 parts per billion, at 300,000/s by 0.02 %).
     */
    private static long nanosPerPermit(double permitsPerSecond) {
        double exact = NANOS_PER_SECOND / permitsPerSecond;
        long rounded = Math.round(exact);
        // Tolerate floating-point noise so that 10/s is 100 ms, not 100 ms + 1 ns.
        return Math.abs(exact - rounded) < 1e-6 ? rounded : (long) Math.ceil(exact);
    }

    @Override
    public long tryAcquire(int permits) {
        if (permits < 1 || permits > burst) {
            // More than the burst can never be available at once; waiting would be forever.
            throw new IllegalArgumentException(
                    "permits must be between 1 and the burst capacity " + burst + ", was " + permits);
        }
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(permits);
        return probe.isConsumed() ? 0L : Math.max(1L, probe.getNanosToWaitForRefill());
    }

    /** The refill rate in permits per second. */
    public double permitsPerSecond() {
        return permitsPerSecond;
    }

    /** How many permits may be taken at once after a quiet spell. */
    public long burst() {
        return burst;
    }

    /** The permits available now, for metrics. */
    public long availablePermits() {
        return bucket.getAvailableTokens();
    }

    @Override
    public String toString() {
        return "TokenBucketRateLimiter[permitsPerSecond=" + permitsPerSecond + ", burst=" + burst + "]";
    }

    /** Settings of a {@link TokenBucketRateLimiter}; only {@link #permitsPerSecond} is required. */
    public static final class Builder {
        private double permitsPerSecond = Double.NaN;
        private long burst;
        private LongSupplier nanoTime = System::nanoTime;

        private Builder() {
        }

        /** The sustained rate, e.g. 35 or 0.5. Required; greater than 0 and at most 1,000,000. */
        public Builder permitsPerSecond(double permitsPerSecond) {
            if (!(permitsPerSecond > 0) || permitsPerSecond > MAX_PERMITS_PER_SECOND) {
                throw new IllegalArgumentException(
                        "permitsPerSecond must be greater than 0 and at most 1000000, was " + permitsPerSecond);
            }
            this.permitsPerSecond = permitsPerSecond;
            return this;
        }

        /**
         * The bucket's capacity: how many permits may go at once after a quiet spell. Default
         * {@code max(1, ceil(permitsPerSecond))}, one second's worth.
         */
        public Builder burst(long burst) {
            if (burst < 1) {
                throw new IllegalArgumentException("burst must be at least 1, was " + burst);
            }
            this.burst = burst;
            return this;
        }

        /** The monotonic clock, in nanoseconds; {@code System::nanoTime} unless testing. */
        public Builder nanoTime(LongSupplier nanoTime) {
            this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
            return this;
        }

        /** @throws IllegalStateException if {@link #permitsPerSecond} was not set */
        public TokenBucketRateLimiter build() {
            if (Double.isNaN(permitsPerSecond)) {
                throw new IllegalStateException("permitsPerSecond must be set");
            }
            return new TokenBucketRateLimiter(this);
        }
    }
}
