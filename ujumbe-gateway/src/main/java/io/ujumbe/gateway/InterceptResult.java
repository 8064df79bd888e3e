package io.ujumbe.gateway;

import java.util.Objects;

/**
 * What an interceptor chain made of a message: passed on (possibly changed), or rejected with a
 * machine-readable status and a reason.
 *
 * @param message the message to go on with, or null when rejected
 * @param status null when passed on, else the rejection's status (e.g. {@code blocked})
 * @param reason why, for people, or null
 * @param <T> the message type
 */
public record InterceptResult<T>(T message, String status, String reason) {
    /**
     * Go on with this message.
     *
     * @param message the message
     * @param <T> its type
     * @return the result
     */
    public static <T> InterceptResult<T> proceed(T message) {
        return new InterceptResult<>(Objects.requireNonNull(message, "message"), null, null);
    }

    /**
     * Stop the message.
     *
     * @param status a short code, e.g. {@code blocked}
     * @param reason why
     * @param <T> the message type
     * @return the result
     */
    public static <T> InterceptResult<T> reject(String status, String reason) {
        return new InterceptResult<>(null, Objects.requireNonNull(status, "status"), reason);
    }

    /** @return true when the message was stopped */
    public boolean rejected() {
        return status != null;
    }
}
