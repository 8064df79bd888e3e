package io.ujumbe.session;

import io.ujumbe.pdu.SmppException;

/** The peer did not answer a request within its response timeout. The request may or may not have been processed by the peer. */
public class ResponseTimeoutException extends SmppException {
    private static final long serialVersionUID = 1L;

    public ResponseTimeoutException(String message) {
        super(message);
    }

    public ResponseTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
