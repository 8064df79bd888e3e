package io.ujumbe.session;

import io.ujumbe.pdu.SmppException;

/** The peer answered a request with a response of the wrong type for its sequence number. */
public class UnexpectedResponseException extends SmppException {
    private static final long serialVersionUID = 1L;

    public UnexpectedResponseException(String message) {
        super(message);
    }

    public UnexpectedResponseException(String message, Throwable cause) {
        super(message, cause);
    }
}
