package io.ujumbe.receipt;

import java.util.List;

/**
 * Turns the message id of a submit_sm_resp and the id in a receipt into keys that are equal when
 * they name the same message, so that receipts can be correlated with the messages sent. Store a
 * sent message under {@link #normalizeSubmitId(String)}; look a receipt up under each of
 * {@link #candidates(String)}, in order, and take the first hit.
 *
 * <p>{@link #of(MessageIdFormat)} gives the implementation for each {@link MessageIdFormat}.
 * Implementations must be thread-safe.
 */
public interface MessageIdNormalizer {

    /** The key for the id an SMSC returned in submit_sm_resp. */
    String normalizeSubmitId(String submitId);

    /** The first (most likely) key for the id named by a receipt. */
    String normalizeReceiptId(String receiptId);

    /**
     * Every key the receipt's message may have been stored under, most likely first, without
     * repeats. Only {@link MessageIdFormat#AUTO} yields more than one.
     */
    default List<String> candidates(String receiptId) {
        return List.of(normalizeReceiptId(receiptId));
    }

    /** The normaliser for {@code format}. */
    static MessageIdNormalizer of(MessageIdFormat format) {
        return FormatMessageIdNormalizer.of(format);
    }
}
