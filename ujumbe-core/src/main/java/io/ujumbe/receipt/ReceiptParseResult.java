package io.ujumbe.receipt;

import java.util.Objects;
import java.util.Optional;

/**
 * The answer of {@link DeliveryReceiptParser#analyse}: a receipt, or why the input is not one.
 * Parsing never throws on bad input; a caller that only wants the receipt uses
 * {@link #receipt()}, one that must decide what to do with a PDU (treat it as MO, log it) reads
 * {@link #rejection()} and {@link #detail()}.
 */
public final class ReceiptParseResult {

    /** Why an input was not accepted as a receipt. */
    public enum Rejection {
        /** Nothing in the input looks like a receipt (e.g. an ordinary MO text). */
        NOT_A_RECEIPT,
        /** The input looks like a receipt (stat:, dates, counts …) but names no message id. */
        MISSING_MESSAGE_ID
    }

    private final DeliveryReceipt receipt;
    private final Rejection rejection;
    private final String detail;

    private ReceiptParseResult(DeliveryReceipt receipt, Rejection rejection, String detail) {
        this.receipt = receipt;
        this.rejection = rejection;
        this.detail = detail;
    }

    /** A successful parse. */
    public static ReceiptParseResult parsed(DeliveryReceipt receipt) {
        return new ReceiptParseResult(Objects.requireNonNull(receipt, "receipt"), null, "");
    }

    /** A rejected input, with a sentence saying why. */
    public static ReceiptParseResult rejected(Rejection rejection, String detail) {
        return new ReceiptParseResult(null, Objects.requireNonNull(rejection, "rejection"),
                Objects.requireNonNull(detail, "detail"));
    }

    /** True when the input was a receipt. */
    public boolean isReceipt() {
        return receipt != null;
    }

    /** The receipt, or empty when the input was rejected. */
    public Optional<DeliveryReceipt> receipt() {
        return Optional.ofNullable(receipt);
    }

    /** Why the input was rejected, or empty for a receipt. */
    public Optional<Rejection> rejection() {
        return Optional.ofNullable(rejection);
    }

    /** For a rejection, a sentence naming what was missing; empty for a receipt. */
    public String detail() {
        return detail;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReceiptParseResult r
                && Objects.equals(receipt, r.receipt)
                && rejection == r.rejection
                && detail.equals(r.detail);
    }

    @Override
    public int hashCode() {
        return Objects.hash(receipt, rejection, detail);
    }

    @Override
    public String toString() {
        return receipt != null ? "Parsed[" + receipt + ']' : "Rejected[" + rejection + ": " + detail + ']';
    }
}
