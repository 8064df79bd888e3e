package io.ujumbe.session;

import io.ujumbe.pdu.SmppException;

/** A request failed because its session closed (or was never open) before a response arrived; the request may be retried on another session. */
public class SessionClosedException extends SmppException {
    private static final long serialVersionUID = 1L;

    public SessionClosedException(String message) {
        super(message);
    }

    public SessionClosedException(String message, Throwable cause) {
        super(message, cause);
    }
}
