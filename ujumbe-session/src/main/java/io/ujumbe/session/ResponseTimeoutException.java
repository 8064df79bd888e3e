package io.ujumbe.session;

import io.ujumbe.pdu.SmppException;

/** The peer did not answer a request within its response timeout. The request may or may not have been processed by the peer. */
public class ResponseTimeoutException extends SmppException {
    private static final long serialVersionUID = 1L;

    private final int sequenceNumber;

    public ResponseTimeoutException(String message) {
        this(message, -1);
    }

    /**
     * A timeout of the request sent with {@code sequenceNumber}, so that the sender can recognise
     * the late answer the session drops (the simulator does, so as not to deliver twice).
     */
    public ResponseTimeoutException(String message, int sequenceNumber) {
        super(message);
        this.sequenceNumber = sequenceNumber;
    }

    public ResponseTimeoutException(String message, Throwable cause) {
        super(message, cause);
        this.sequenceNumber = -1;
    }

    /** The sequence number the unanswered request was sent with, or -1 when unknown. */
    public int sequenceNumber() {
        return sequenceNumber;
    }
}
