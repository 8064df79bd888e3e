package io.ujumbe.session;

import io.ujumbe.pdu.SmppException;

/** A request that the session's current bind state does not allow (for example submit_sm on a receiver bind). */
public class InvalidSessionStateException extends SmppException {
    private static final long serialVersionUID = 1L;

    public InvalidSessionStateException(String message) {
        super(message);
    }

    public InvalidSessionStateException(String message, Throwable cause) {
        super(message, cause);
    }
}
