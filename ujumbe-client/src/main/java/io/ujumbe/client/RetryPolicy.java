package io.ujumbe.client;

import io.ujumbe.pdu.CommandStatus;

/**
 * Decides whether a message whose submit failed is sent again, and when. The client asks after an
 * error status from the SMSC and after a failure with no status (a response timeout, a closed
 * connection); a decision to give up becomes the message's terminal failure. Implementations must
 * be thread-safe and must not block.
 *
 * <p>The default implementation is {@link ExponentialRetryPolicy}.
 */
public interface RetryPolicy {

    /**
     * Decides after the SMSC answered with an error status.
     *
     * @param status the response's command_status
     * @param attempt attempts made so far: 1 after the first send
     */
    RetryDecision onStatus(CommandStatus status, int attempt);

    /**
     * Decides after an attempt failed without a status: a response timeout, a closed connection, …
     *
     * @param cause what went wrong
     * @param attempt attempts made so far: 1 after the first send
     */
    RetryDecision onException(Throwable cause, int attempt);
}
