package io.ujumbe.session;

import io.ujumbe.pdu.SmppException;

/**
 * A request failed because its session closed (or was never open) before a response arrived; the
 * request may be retried on another session. {@link #requestSent()} tells whether it may have
 * reached the peer.
 */
public class SessionClosedException extends SmppException {
    private static final long serialVersionUID = 1L;

    private final boolean requestSent;

    /** A request that may have reached the peer. */
    public SessionClosedException(String message) {
        this(message, null, true);
    }

    /** A request that may have reached the peer. */
    public SessionClosedException(String message, Throwable cause) {
        this(message, cause, true);
    }

    /**
     * @param requestSent false only when no byte of the request left this process (it was refused
     *        before the write, or its write failed), so the peer cannot have it
     */
    public SessionClosedException(String message, Throwable cause, boolean requestSent) {
        super(message, cause);
        this.requestSent = requestSent;
    }

    /**
     * False only when no byte of the request left this process: the peer cannot have taken it, and
     * sending it again duplicates nothing. True when it was written and may have been taken.
     */
    public boolean requestSent() {
        return requestSent;
    }
}
