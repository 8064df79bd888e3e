package io.ujumbe.client;

import java.time.Duration;
import java.util.Objects;

/**
 * What a {@link RetryPolicy} decided about a failed attempt: send again after {@code delay}, or
 * give up. {@code reason} says why, in words fit for a log line or the failure the application is
 * told about.
 *
 * @param retry whether to send again
 * @param delay how long to wait before sending again; zero when giving up
 * @param reason why, never empty
 */
public record RetryDecision(boolean retry, Duration delay, String reason) {

    public RetryDecision {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative, was " + delay);
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("reason must not be empty");
        }
    }

    /** Do not send again. */
    public static RetryDecision giveUp(String reason) {
        return new RetryDecision(false, Duration.ZERO, reason);
    }

    /** Send again after {@code delay}. */
    public static RetryDecision retryAfter(Duration delay, String reason) {
        return new RetryDecision(true, delay, reason);
    }
}
