package io.ujumbe.text;

/**
 * Thrown when an inbound part's concatenation data cannot be used: a total of 0 parts, a sequence
 * number of 0 or above the total, SAR values out of their TLV ranges, or a data_coding differing
 * from the other parts of the same message. The part is not stored; nothing else is affected.
 */
public final class InvalidPartException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidPartException(String message) {
        super(message);
    }
}
