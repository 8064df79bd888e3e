package io.ujumbe.redis;

import io.ujumbe.pdu.SmppException;

/**
 * A retry was refused because the message reached the outbox's maximum attempts: it was moved to
 * the dead-letter stream instead, and the client reports it failed with this as the reason.
 */
public class DeadLetteredException extends SmppException {
    private static final long serialVersionUID = 1L;

    public DeadLetteredException(String message) {
        super(message);
    }
}
