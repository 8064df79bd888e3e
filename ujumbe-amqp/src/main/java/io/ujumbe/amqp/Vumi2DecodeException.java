package io.ujumbe.amqp;

/**
 * A vumi message or event that cannot be read: not JSON, not an object, or a field of the wrong type
 * or value. The message names the field.
 */
public final class Vumi2DecodeException extends RuntimeException {
    /** An exception with its explanation (which names the field). */
    public Vumi2DecodeException(String message) {
        super(message);
    }

    /** An exception with its explanation and the parser's error. */
    public Vumi2DecodeException(String message, Throwable cause) {
        super(message, cause);
    }
}
