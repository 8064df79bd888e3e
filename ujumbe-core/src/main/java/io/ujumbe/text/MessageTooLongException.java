package io.ujumbe.text;

/**
 * Thrown when a text cannot be sent the way the {@link MessageSplitter} is configured: it does not
 * fit one short message in {@link MultipartMode#SHORT_MESSAGE_ONLY}, exceeds the 65,535 octets of a
 * message_payload TLV, or needs more parts than the configured maximum.
 */
public final class MessageTooLongException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public MessageTooLongException(String message) {
        super(message);
    }
}
