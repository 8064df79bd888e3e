package io.ujumbe.text;

/**
 * Thrown when the bytes at the start of a short_message (or message_payload) whose esm_class has
 * UDHI set do not form a valid user data header: a UDHL pointing past the message, an information
 * element running past the UDHL, or a known element with the wrong length.
 */
public final class MalformedUserDataHeaderException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public MalformedUserDataHeaderException(String message) {
        super(message);
    }
}
