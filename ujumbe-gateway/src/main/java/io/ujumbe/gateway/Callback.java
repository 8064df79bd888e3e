package io.ujumbe.gateway;

import java.util.Objects;

/**
 * One webhook call waiting to be made (a delivery report or an inbound SMS): where, how, what, and
 * how it has fared. The signing secret is not in it: it is looked up by {@link #user()} when the call
 * is made, so a callback queue in Redis holds no secret.
 *
 * @param id unique id of this callback (also sent as X-Ujumbe-Callback-Id, for receivers to drop repeats)
 * @param url the URL (for GET, with its query already in it)
 * @param method GET or POST
 * @param contentType the body's type for POST, or null
 * @param body the body for POST, or ""
 * @param user whose secret signs it, or null for the gateway's
 * @param messageId the message it reports on, or null
 * @param createdAt when it was made, epoch milliseconds
 * @param attempts attempts made so far
 * @param dueAt when it is next due, epoch milliseconds
 */
public record Callback(String id, String url, String method, String contentType, String body, String user,
                       String messageId, long createdAt, int attempts, long dueAt) {
    /** Checks the fields. */
    public Callback {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(method, "method");
        body = body == null ? "" : body;
    }

    /**
     * This callback after one more failed attempt.
     *
     * @param nextDue when it is due again
     * @return the copy
     */
    public Callback retried(long nextDue) {
        return new Callback(id, url, method, contentType, body, user, messageId, createdAt, attempts + 1, nextDue);
    }

    /**
     * This callback put off without an attempt (its receiver is busy).
     *
     * @param nextDue when it is due again
     * @return the copy
     */
    public Callback postponed(long nextDue) {
        return new Callback(id, url, method, contentType, body, user, messageId, createdAt, attempts, nextDue);
    }
}
