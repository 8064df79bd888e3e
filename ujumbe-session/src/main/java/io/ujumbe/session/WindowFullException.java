package io.ujumbe.session;

import io.ujumbe.pdu.SmppException;

/** The session's window of outstanding requests is full; wait for {@link SessionHandler#onWindowAvailable} before sending more. */
public class WindowFullException extends SmppException {
    private static final long serialVersionUID = 1L;

    public WindowFullException(String message) {
        super(message);
    }

    public WindowFullException(String message, Throwable cause) {
        super(message, cause);
    }
}
