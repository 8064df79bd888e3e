package io.ujumbe.pdu;

/**
 * The base of every exception the library throws on purpose. Unchecked: callers catch it where
 * they can do something about it, not on every call.
 */
public class SmppException extends RuntimeException {

    /** An exception with a message that names what went wrong. */
    public SmppException(String message) {
        super(message);
    }

    /** An exception with a message and the underlying cause. */
    public SmppException(String message, Throwable cause) {
        super(message, cause);
    }
}
