package io.ujumbe.client;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * A {@link ThrottleHandler} that denies requests while too large a share of the SMSC's responses
 * are throttles (naz's {@code SimpleThrottleHandler}). Responses are counted in a sampling window
 * of {@code samplingPeriod}; once the window holds at least {@code sampleSize} responses and more
 * than {@code denyRequestAt} percent of them are throttles, {@link #allowRequest()} returns false.
 * When the sampling period has elapsed the counts start again from zero, so a throttling spell
 * holds sending for at most about one period; meanwhile successful responses (from requests
 * already in flight, or other binds) bring the share back down.
 *
 * <p>Defaults, as naz: a 180 s sampling period, a sample of 50, deny above 1 %, and ask again
 * after 3 s.
 */
public final class PercentageThrottleHandler implements ThrottleHandler {

    private final long samplingPeriodNanos;
    private final Duration samplingPeriod;
    private final int sampleSize;
    private final double denyRequestAt;
    private final Duration throttleWait;
    private final LongSupplier nanoTime;

    // Guarded by this: the two counts and the window start must change together.
    private long throttled;
    private long notThrottled;
    private long windowStart;

    private PercentageThrottleHandler(Builder b) {
        this.samplingPeriod = b.samplingPeriod;
        this.samplingPeriodNanos = b.samplingPeriod.toNanos();
        this.sampleSize = b.sampleSize;
        this.denyRequestAt = b.denyRequestAt;
        this.throttleWait = b.throttleWait;
        this.nanoTime = b.nanoTime;
        this.windowStart = nanoTime.getAsLong();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A handler with naz's defaults. */
    public static PercentageThrottleHandler withDefaults() {
        return builder().build();
    }

    @Override
    public synchronized void onThrottled() {
        rollWindow();
        throttled++;
    }

    @Override
    public synchronized void onNotThrottled() {
        rollWindow();
        notThrottled++;
    }

    @Override
    public synchronized boolean allowRequest() {
        rollWindow();
        return percentThrottledInWindow() <= denyRequestAt;
    }

    @Override
    public Duration throttleDelay() {
        return throttleWait;
    }

    /**
     * The percentage (0–100) of throttles among the responses in the current window, or 0 while the
     * window holds fewer than {@code sampleSize} responses (too few to judge).
     */
    public synchronized double percentThrottled() {
        rollWindow();
        return percentThrottledInWindow();
    }

    /** Throttle responses counted in the current window. */
    public synchronized long throttledResponses() {
        rollWindow();
        return throttled;
    }

    /** Other responses counted in the current window. */
    public synchronized long notThrottledResponses() {
        rollWindow();
        return notThrottled;
    }

    public Duration samplingPeriod() {
        return samplingPeriod;
    }

    public int sampleSize() {
        return sampleSize;
    }

    public double denyRequestAt() {
        return denyRequestAt;
    }

    @Override
    public String toString() {
        return "PercentageThrottleHandler[samplingPeriod=" + samplingPeriod + ", sampleSize=" + sampleSize
                + ", denyRequestAt=" + denyRequestAt + "%, throttleWait=" + throttleWait + "]";
    }

    private void rollWindow() {
        long now = nanoTime.getAsLong();
        // Subtraction, not comparison of raw values: nanoTime may be negative or overflow.
        if (now - windowStart > samplingPeriodNanos) {
            throttled = 0;
            notThrottled = 0;
            windowStart = now;
        }
    }

    private double percentThrottledInWindow() {
        long total = throttled + notThrottled;
        if (total < sampleSize) {
            return 0.0;
        }
        return throttled * 100.0 / total;
    }

    /** Settings of a {@link PercentageThrottleHandler}; every one has a default. */
    public static final class Builder {
        private Duration samplingPeriod = Duration.ofSeconds(180);
        private int sampleSize = 50;
        private double denyRequestAt = 1.0;
        private Duration throttleWait = Duration.ofSeconds(3);
        private LongSupplier nanoTime = System::nanoTime;

        private Builder() {
        }

        /** The window over which responses are counted. Positive, at most 365 days; default 180 s. */
        public Builder samplingPeriod(Duration samplingPeriod) {
            if (samplingPeriod == null || samplingPeriod.isNegative() || samplingPeriod.isZero()
                    || samplingPeriod.compareTo(Duration.ofDays(365)) > 0) {
                throw new IllegalArgumentException(
                        "samplingPeriod must be a positive duration of at most 365 days, was " + samplingPeriod);
            }
            this.samplingPeriod = samplingPeriod;
            return this;
        }

        /** The fewest responses in a window on which to judge. At least 1; default 50. */
        public Builder sampleSize(int sampleSize) {
            if (sampleSize < 1) {
                throw new IllegalArgumentException("sampleSize must be at least 1, was " + sampleSize);
            }
            this.sampleSize = sampleSize;
            return this;
        }

        /**
         * The percentage of throttles above which requests are denied. From 0 to 100 (0 denies at
         * the first throttle once the sample is large enough); default 1.0.
         */
        public Builder denyRequestAt(double percent) {
            if (!(percent >= 0 && percent <= 100)) {
                throw new IllegalArgumentException("denyRequestAt must be a percentage from 0 to 100, was " + percent);
            }
            this.denyRequestAt = percent;
            return this;
        }

        /** How long to wait after a denial before asking again. Positive; default 3 s. */
        public Builder throttleWait(Duration throttleWait) {
            if (throttleWait == null || throttleWait.isNegative() || throttleWait.isZero()) {
                throw new IllegalArgumentException("throttleWait must be a positive duration, was " + throttleWait);
            }
            this.throttleWait = throttleWait;
            return this;
        }

        /** The monotonic clock, in nanoseconds; {@code System::nanoTime} unless testing. */
        public Builder nanoTime(LongSupplier nanoTime) {
            this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
            return this;
        }

        public PercentageThrottleHandler build() {
            return new PercentageThrottleHandler(this);
        }
    }
}
