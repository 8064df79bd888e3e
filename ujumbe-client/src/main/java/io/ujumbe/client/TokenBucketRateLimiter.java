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
 * is one message every two seconds). The bucket starts full. Backed by Bucket4j; lock-free.
 *
 * <pre>{@code
 * RateLimiter limiter = TokenBucketRateLimiter.builder().permitsPerSecond(35).build();
 * }</pre>
 */
public final class TokenBucketRateLimiter implements RateLimiter {

    /** Bucket4j cannot refill faster than one token per nanosecond. */
    private static final double MAX_PERMITS_PER_SECOND = 1e9;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final double permitsPerSecond;
    private final long burst;
    private final Bucket bucket;

    private TokenBucketRateLimiter(Builder b) {
        this.permitsPerSecond = b.permitsPerSecond;
        this.burst = b.burst > 0 ? b.burst : Math.max(1L, (long) Math.ceil(b.permitsPerSecond));
        // Bucket4j wants a whole number of tokens per period; take the smallest whole number of
        // tokens at least the rate and stretch the period to match (0.5/s → 1 token per 2 s,
        // 35.5/s → 36 tokens per 1.014 s).
        long refillTokens = Math.max(1L, (long) Math.ceil(permitsPerSecond));
        long refillNanos = Math.max(1L, Math.round(refillTokens * (double) NANOS_PER_SECOND / permitsPerSecond));
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
                        .refillGreedy(refillTokens, Duration.ofNanos(refillNanos)))
                .withCustomTimePrecision(timeMeter)
                .build();
    }

    public static Builder builder() {
        return new Builder();
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

        /** The sustained rate, e.g. 35 or 0.5. Required; greater than 0 and at most 1e9. */
        public Builder permitsPerSecond(double permitsPerSecond) {
            if (!(permitsPerSecond > 0) || permitsPerSecond > MAX_PERMITS_PER_SECOND) {
                throw new IllegalArgumentException(
                        "permitsPerSecond must be greater than 0 and at most 1e9, was " + permitsPerSecond);
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
