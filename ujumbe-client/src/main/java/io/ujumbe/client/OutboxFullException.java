package io.ujumbe.client;

import io.ujumbe.pdu.SmppException;

/** The outbox is at capacity: the application is producing faster than the account may send. */
public class OutboxFullException extends SmppException {
    private static final long serialVersionUID = 1L;

    public OutboxFullException(String message) {
        super(message);
    }
}
