package io.ujumbe.client;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * A {@link ThrottleHandler} that pauses sending while too large a share of the SMSC's responses
 * are throttles, with naz's three thresholds ({@code SimpleThrottleHandler}): responses are
 * counted in a sampling window of {@code samplingPeriod}; once the window holds at least
 * {@code sampleSize} responses and more than {@code denyRequestAt} percent of them are throttles,
 * sending pauses.
 *
 * <p>Unlike naz it does not then wait for the sampling window to end (180 s by default: one
 * throttled burst cost minutes). It logs a WARN with the share it saw and how long it waits,
 * pauses for {@code throttleWait} (1 s by default), then lets one request through as a probe.
 * When the probe is answered without a throttle, the counts start afresh and sending resumes;
 * when it is throttled too, the pause doubles, up to {@code maxThrottleWait} (30 s), and another
 * probe follows. A probe left unanswered for a whole pause is replaced by another.
 *
 * <p>Defaults: a 180 s sampling period, a sample of 50, deny above 1 % (naz's), a first pause of
 * 1 s doubling up to 30 s. Thread-safe: several sessions report to one handler.
 */
public final class PercentageThrottleHandler implements ThrottleHandler {
    private static final Logger LOG = LoggerFactory.getLogger(PercentageThrottleHandler.class);

    private final long samplingPeriodNanos;
    private final Duration samplingPeriod;
    private final int sampleSize;
    private final double denyRequestAt;
    private final Duration throttleWait;
    private final Duration maxThrottleWait;
    private final LongSupplier nanoTime;
    private static final LongSupplier SYSTEM_CLOCK = System::nanoTime;

    // Guarded by this: the counts, the window start and the pause change together.
    private long throttled;
    private long notThrottled;
    private long windowStart;
    private boolean paused;
    private long pausedUntil;
    private boolean probeOutstanding;
    private long probeSentAt;
    private long currentWaitNanos;
    private long pauses;

    private PercentageThrottleHandler(Builder b) {
        this.samplingPeriod = b.samplingPeriod;
        this.samplingPeriodNanos = b.samplingPeriod.toNanos();
        this.sampleSize = b.sampleSize;
        this.denyRequestAt = b.denyRequestAt;
        this.throttleWait = b.throttleWait;
        this.maxThrottleWait = b.maxThrottleWait.compareTo(b.throttleWait) < 0 ? b.throttleWait : b.maxThrottleWait;
        this.nanoTime = b.nanoTime;
        this.windowStart = nanoTime.getAsLong();
        this.currentWaitNanos = throttleWait.toNanos();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A handler with the defaults. */
    public static PercentageThrottleHandler withDefaults() {
        return builder().build();
    }

    @Override
    public synchronized void onThrottled() {
        long now = nanoTime.getAsLong();
        rollWindow(now);
        throttled++;
        if (paused && probeOutstanding) {
            // The probe was throttled too: wait longer before the next one.
            probeOutstanding = false;
            currentWaitNanos = Math.min(currentWaitNanos * 2, maxThrottleWait.toNanos());
            pausedUntil = now + currentWaitNanos;
            LOG.atWarn().addKeyValue("pauseMs", currentWaitNanos / 1_000_000)
                    .log("SMSC still throttling: the probe was throttled too; sending stays paused for "
                            + currentWaitNanos / 1_000_000 + " ms, then another probe");
        }
    }

    @Override
    public void onNotThrottled() {
        onNotThrottled(nanoTime.getAsLong());
    }

    /**
     * {@link #onNotThrottled()} at a time the caller read from {@code System.nanoTime()}: the
     * dispatcher reads the clock once per burst of answers and hands it here when this handler
     * runs on the system clock ({@link #onSystemClock()}).
     */
    synchronized void onNotThrottled(long now) {
        rollWindow(now);
        notThrottled++;
        if (paused && probeOutstanding) {
            paused = false;
            probeOutstanding = false;
            currentWaitNanos = throttleWait.toNanos();
            throttled = 0;
            notThrottled = 0;
            windowStart = now;
            LOG.atInfo().log("SMSC throttling over: the probe was accepted; sending resumes");
        }
    }

    @Override
    public boolean allowRequest() {
        return allowRequest(nanoTime.getAsLong());
    }

    /** {@link #allowRequest()} at a time the caller read from {@code System.nanoTime()} (see {@link #onNotThrottled(long)}). */
    synchronized boolean allowRequest(long now) {
        if (!paused) {
            rollWindow(now);
            if (!shouldDeny()) {
                return true;
            }
            pause(now);
            return false;
        }
        if (probeOutstanding ? now - probeSentAt < currentWaitNanos : now - pausedUntil < 0) {
            return false;
        }
        // The pause is over (or the last probe was never answered): let one request through.
        probeOutstanding = true;
        probeSentAt = now;
        return true;
    }

    /** How long until {@link #allowRequest()} may say yes again: the rest of the pause. */
    @Override
    public synchronized Duration throttleDelay() {
        if (!paused) {
            return Duration.ofNanos(currentWaitNanos);
        }
        long now = nanoTime.getAsLong();
        long left = probeOutstanding ? probeSentAt + currentWaitNanos - now : pausedUntil - now;
        return Duration.ofNanos(Math.max(1_000_000L, left));
    }

    /** True while sending is paused (waiting for the pause to end or for a probe's answer). */
    public synchronized boolean paused() {
        return paused;
    }

    /** How many times sending was paused since this handler was built, for metrics and tests. */
    public synchronized long pauses() {
        return pauses;
    }

    /**
     * The percentage (0–100) of throttles among the responses in the current window, or 0 while the
     * window holds fewer than {@code sampleSize} responses (too few to judge).
     */
    public synchronized double percentThrottled() {
        rollWindow(nanoTime.getAsLong());
        return percentThrottledInWindow();
    }

    /** Throttle responses counted in the current window. */
    public synchronized long throttledResponses() {
        rollWindow(nanoTime.getAsLong());
        return throttled;
    }

    /** Other responses counted in the current window. */
    public synchronized long notThrottledResponses() {
        rollWindow(nanoTime.getAsLong());
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

    /**
     * True when it runs on {@code System.nanoTime()} (no clock of a test's): a reading of that
     * clock taken by the caller may then stand in for its own.
     */
    boolean onSystemClock() {
        return nanoTime == SYSTEM_CLOCK;
    }

    /** The first pause after the threshold is crossed. */
    public Duration throttleWait() {
        return throttleWait;
    }

    /** The longest pause, reached by doubling while probes keep being throttled. */
    public Duration maxThrottleWait() {
        return maxThrottleWait;
    }

    @Override
    public String toString() {
        return "PercentageThrottleHandler[samplingPeriod=" + samplingPeriod + ", sampleSize=" + sampleSize
                + ", denyRequestAt=" + denyRequestAt + "%, throttleWait=" + throttleWait
                + ", maxThrottleWait=" + maxThrottleWait + "]";
    }

    private boolean shouldDeny() {
        return percentThrottledInWindow() > denyRequestAt;
    }

    private void pause(long now) {
        paused = true;
        probeOutstanding = false;
        pauses++;
        pausedUntil = now + currentWaitNanos;
        long total = throttled + notThrottled;
        double share = percentThrottledInWindow();
        LOG.atWarn().addKeyValue("throttledPercent", String.format(Locale.ROOT, "%.1f", share))
                .addKeyValue("throttled", throttled).addKeyValue("responses", total)
                .addKeyValue("denyRequestAt", denyRequestAt).addKeyValue("pauseMs", currentWaitNanos / 1_000_000)
                .log(String.format(Locale.ROOT, "SMSC throttling: %d of the last %d responses (%.1f %%, above %s %%) "
                                + "were throttles; sending paused for %d ms, then one probe",
                        throttled, total, share, stripZero(denyRequestAt), currentWaitNanos / 1_000_000));
    }

    private static String stripZero(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private void rollWindow(long now) {
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
        private Duration throttleWait = Duration.ofSeconds(1);
        private Duration maxThrottleWait = Duration.ofSeconds(30);
        private LongSupplier nanoTime = SYSTEM_CLOCK;

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
         * The percentage of throttles above which sending pauses. From 0 to 100 (0 pauses at the
         * first throttle once the sample is large enough); default 1.0.
         */
        public Builder denyRequestAt(double percent) {
            if (!(percent >= 0 && percent <= 100)) {
                throw new IllegalArgumentException("denyRequestAt must be a percentage from 0 to 100, was " + percent);
            }
            this.denyRequestAt = percent;
            return this;
        }

        /** The first pause before a probe. Positive, at most 1 hour; default 1 s. */
        public Builder throttleWait(Duration throttleWait) {
            if (throttleWait == null || throttleWait.isNegative() || throttleWait.isZero()
                    || throttleWait.compareTo(Duration.ofHours(1)) > 0) {
                throw new IllegalArgumentException(
                        "throttleWait must be a positive duration of at most 1 hour, was " + throttleWait);
            }
            this.throttleWait = throttleWait;
            return this;
        }

        /**
         * The longest pause, reached by doubling while probes are throttled. Positive, at most 1
         * hour; default 30 s; never less than {@link #throttleWait}.
         */
        public Builder maxThrottleWait(Duration maxThrottleWait) {
            if (maxThrottleWait == null || maxThrottleWait.isNegative() || maxThrottleWait.isZero()
                    || maxThrottleWait.compareTo(Duration.ofHours(1)) > 0) {
                throw new IllegalArgumentException(
                        "maxThrottleWait must be a positive duration of at most 1 hour, was " + maxThrottleWait);
            }
            this.maxThrottleWait = maxThrottleWait;
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
