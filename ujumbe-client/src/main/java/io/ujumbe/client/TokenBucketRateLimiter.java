package io.ujumbe.client;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * A {@link RateLimiter} that keeps an SMPP account's contract: <b>never more than
 * {@code permitsPerSecond} permits in any one-second window</b> (sliding, not per calendar
 * second), so an SMSC that enforces the rate never answers ESME_RTHROTTLED because of this
 * client.
 *
 * <p>Permits come from a bucket of up to {@code burst} tokens refilled smoothly at
 * {@code permitsPerSecond}: at 35 per second a token comes back every 1/35 s, not 35 at once each
 * second. The bucket starts with one token (the first message goes at once, the second 1/35 s
 * later), not full: a full bucket sends twice the rate in its first second. The default burst is
 * 1, which spaces permits evenly: a caller woken a little late may only catch up the time it lost
 * (up to 20 ms' worth of permits), so that it reaches the rate rather than falling short by each
 * timer's lateness. A larger burst lets up to that many go back to back after a quiet spell. The
 * one-second cap holds whatever the burst (permits are counted in 1 ms slots over the last
 * second, 4 KB whatever the rate), so a burst is paid for by a gap later in the same second.
 *
 * <p>Fractional rates work (0.5 per second is one permit every two seconds; 35.5 per second is
 * never 36 in one second). The wait returned is exact: after waiting that long the permits are
 * there. SMPP 5.0 congestion_state reports ({@link #onCongestion(int)}) slow the rate in
 * proportion. Thread-safe (one short lock per call); backed by Bucket4j.
 *
 * <pre>{@code
 * RateLimiter limiter = TokenBucketRateLimiter.builder().permitsPerSecond(35).build();
 * }</pre>
 */
public final class TokenBucketRateLimiter implements RateLimiter {

    /** Far above any SMSC's rate, and low enough that whole-nanosecond periods stay accurate. */
    private static final double MAX_PERMITS_PER_SECOND = 1e6;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    /** Under full congestion the rate falls to this share, never to zero: the SMSC's next answers must come. */
    static final double CONGESTION_FLOOR = 0.1;

    /** A congestion level not repeated by any response for this long no longer applies. */
    static final long CONGESTION_MEMORY_NANOS = 10 * NANOS_PER_SECOND;

    /** The one-second cap is kept in slots of 1 ms; 1,001 of them cover any one-second window. */
    private static final long SLOT_NANOS = 1_000_000L;
    private static final int SLOTS = 1001;

    /**
     * A caller woken late (a timer fires a little after the wait it was given) may catch up this
     * much lost time at once, so that the rate is reached, not missed by each wake's lateness;
     * the one-second cap still holds.
     */
    private static final double CATCH_UP_SECONDS = 0.02;

    private final double permitsPerSecond;
    private final long burst;
    private final long capacity;
    private final long nanosPerPermit;
    private final Bucket bucket;
    private final LongSupplier nanoTime;
    /** Most permits in any one-second window. */
    private final int perSecondCap;
    /** Permits granted per 1 ms slot, a ring indexed by slot number modulo {@link #SLOTS}. */
    private final int[] slots = new int[SLOTS];
    private long currentSlot = Long.MIN_VALUE;
    private int inWindow;

    // Guarded by this.
    private int congestion;
    private long congestionReportedAt;
    private long lastPermitAt;
    private boolean anyPermit;

    private TokenBucketRateLimiter(Builder b) {
        this.permitsPerSecond = b.permitsPerSecond;
        this.burst = b.burst;
        this.nanosPerPermit = nanosPerPermit(permitsPerSecond);
        this.nanoTime = b.nanoTime;
        this.perSecondCap = (int) Math.max(1, Math.floor(permitsPerSecond + 1e-9));
        this.capacity = Math.min(perSecondCap, Math.max(burst, (long) Math.ceil(permitsPerSecond * CATCH_UP_SECONDS)));
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
                .addLimit(limit -> limit.capacity(capacity)
                        .refillGreedy(1, Duration.ofNanos(nanosPerPermit))
                        .initialTokens(1))
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
    public synchronized long tryAcquire(int permits) {
        if (permits < 1 || permits > capacity) {
            // More than the bucket holds (or one second's worth) can never be available at once.
            throw new IllegalArgumentException("permits must be between 1 and the burst capacity "
                    + capacity + ", was " + permits);
        }
        long now = nanoTime.getAsLong();
        long wait = Math.max(windowWait(now, permits), congestionWait(now));
        if (wait > 0) {
            // The whole wait: the bucket may need longer still (at 0.5/s, 2 s against the cap's 1 s).
            return Math.max(wait, bucket.estimateAbilityToConsume(permits).getNanosToWaitForRefill());
        }
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(permits);
        if (!probe.isConsumed()) {
            return Math.max(1L, probe.getNanosToWaitForRefill());
        }
        record(now, permits);
        return 0L;
    }

    /**
     * How long until {@code permits} more fit into the one-second window ending now. Counted in
     * 1 ms slots over the last 1,001 of them (a little more than one second, so rounding to
     * slots can only hold back, never let through too many).
     */
    private long windowWait(long now, int permits) {
        advance(Math.floorDiv(now, SLOT_NANOS));
        if (inWindow + permits <= perSecondCap) {
            return 0;
        }
        // The oldest slots leave first: find the one whose leaving makes room.
        int mustLeave = inWindow + permits - perSecondCap;
        for (long slot = currentSlot - SLOTS + 1; slot <= currentSlot; slot++) {
            mustLeave -= slots[(int) Math.floorMod(slot, (long) SLOTS)];
            if (mustLeave <= 0) {
                return Math.max(1, (slot + SLOTS) * SLOT_NANOS - now);
            }
        }
        throw new IllegalStateException("unreachable: permits " + permits + " exceed the cap " + perSecondCap);
    }

    /** Moves the window to {@code slot}, dropping the counts of the slots that left it. */
    private void advance(long slot) {
        if (currentSlot == Long.MIN_VALUE || slot - currentSlot >= SLOTS) {
            java.util.Arrays.fill(slots, 0);
            inWindow = 0;
        } else {
            for (long s = currentSlot + 1; s <= slot; s++) {
                int i = (int) Math.floorMod(s, (long) SLOTS);
                inWindow -= slots[i];
                slots[i] = 0;
            }
        }
        if (currentSlot == Long.MIN_VALUE || slot > currentSlot) {
            currentSlot = slot;
        }
    }

    private void record(long now, int permits) {
        lastPermitAt = now;
        anyPermit = true;
        slots[(int) Math.floorMod(currentSlot, (long) SLOTS)] += permits;
        inWindow += permits;
    }

    /** While the SMSC reports congestion, permits are spaced by the reduced rate. */
    private long congestionWait(long now) {
        if (congestion == 0 || !anyPermit) {
            return 0;
        }
        if (now - congestionReportedAt > CONGESTION_MEMORY_NANOS) {
            congestion = 0;
            return 0;
        }
        long spacing = (long) Math.ceil(nanosPerPermit / congestionFactor(congestion));
        return Math.max(0, lastPermitAt + spacing - now);
    }

    private static double congestionFactor(int congestion) {
        return Math.max(CONGESTION_FLOOR, 1.0 - congestion / 100.0);
    }

    /**
     * Slows the rate to {@code permitsPerSecond × (1 − percent/100)}, but never below 10 % of it,
     * until a lower level is reported; 0 restores the full rate. A level not reported again within
     * 10 s lapses (the SMSC stopped saying it is congested).
     */
    @Override
    public synchronized void onCongestion(int percent) {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("congestion_state must be 0..100, was " + percent);
        }
        congestion = percent;
        congestionReportedAt = nanoTime.getAsLong();
    }

    /** The rate now in force: {@link #permitsPerSecond()} reduced by any congestion the SMSC reported. */
    public synchronized double effectivePermitsPerSecond() {
        if (congestion == 0 || nanoTime.getAsLong() - congestionReportedAt > CONGESTION_MEMORY_NANOS) {
            return permitsPerSecond;
        }
        return permitsPerSecond * congestionFactor(congestion);
    }

    /** The refill rate in permits per second. */
    public double permitsPerSecond() {
        return permitsPerSecond;
    }

    /** How many permits may be taken back to back after a quiet spell. */
    public long burst() {
        return burst;
    }

    /** The permits in the bucket now, for metrics (the one-second cap may still hold some back). */
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
        private long burst = 1;
        private LongSupplier nanoTime = System::nanoTime;

        private Builder() {
        }

        /** The contracted rate, e.g. 35 or 0.5. Required; greater than 0 and at most 1,000,000. */
        public Builder permitsPerSecond(double permitsPerSecond) {
            if (!(permitsPerSecond > 0) || permitsPerSecond > MAX_PERMITS_PER_SECOND) {
                throw new IllegalArgumentException(
                        "permitsPerSecond must be greater than 0 and at most 1000000, was " + permitsPerSecond);
            }
            this.permitsPerSecond = permitsPerSecond;
            return this;
        }

        /**
         * How many permits may go back to back after a quiet spell. Default 1: every permit
         * evenly spaced. At most 1,000,000. Whatever the burst, no one-second window ever holds
         * more than {@code permitsPerSecond} permits; a burst above that is capped by it.
         */
        public Builder burst(long burst) {
            if (burst < 1 || burst > 1_000_000) {
                throw new IllegalArgumentException("burst must be between 1 and 1000000, was " + burst);
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
