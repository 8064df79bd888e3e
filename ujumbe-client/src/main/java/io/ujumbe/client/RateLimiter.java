package io.ujumbe.client;

/**
 * Decides when the client may send its next message, so that it keeps to the rate its SMPP
 * account allows (say 35 or 500 messages per second). It never blocks or sleeps: it answers how
 * long to wait and leaves the waiting to the caller, which schedules rather than sleeps.
 * Thread-safe.
 *
 * <p>The default implementation is {@link TokenBucketRateLimiter}.
 */
public interface RateLimiter {

    /**
     * Takes {@code permits} tokens if they are available and returns 0; otherwise takes nothing
     * and returns the nanoseconds to wait until they would be available.
     *
     * @param permits how many tokens to take, at least 1 (one per PDU sent)
     * @throws IllegalArgumentException if {@code permits} is less than 1, or more than this limiter
     *     could ever hand out at once
     */
    long tryAcquire(int permits);

    /**
     * The SMSC reported its congestion (SMPP 5.0 congestion_state, 0 idle .. 100 congested) in a
     * response. A limiter may slow down in proportion; the default ignores it (an unlimited
     * limiter has no rate to scale).
     *
     * @param percent the reported level, 0..100
     */
    default void onCongestion(int percent) {
    }

    /** A limiter that always allows, for SMSCs that impose no rate or throttle on their own. */
    static RateLimiter unlimited() {
        return permits -> {
            if (permits < 1) {
                throw new IllegalArgumentException("permits must be at least 1, was " + permits);
            }
            return 0L;
        };
    }
}
