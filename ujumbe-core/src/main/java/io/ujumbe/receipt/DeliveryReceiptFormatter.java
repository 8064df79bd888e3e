package io.ujumbe.receipt;

import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes a {@link DeliveryReceipt} in the text form of SMPP 3.4 Appendix B, as an SMSC puts it
 * into a deliver_sm: {@code id:… sub:001 dlvrd:001 submit date:YYMMDDhhmm done date:YYMMDDhhmm
 * stat:DELIVRD err:000 Text:…}. Counts and numeric errors are zero-padded to three digits, dates
 * written YYMMDDhhmm or, if configured, YYMMDDhhmmss, the text cut to its first 20 characters.
 * The stat is written as the receipt holds it, so a simulator can also imitate vendor statuses.
 * Fields the receipt lacks are left out rather than invented; a date that is not a real date is
 * written as received.
 *
 * <p>{@link DeliveryReceiptParser#parse(String)} reads back what this writes: for a receipt whose
 * dates are in this formatter's form and whose text has no surrounding blanks and at most 20
 * characters, {@code parse(format(r))} equals {@code r}. Immutable and thread-safe.
 */
public final class DeliveryReceiptFormatter {

    /** The spec's limit for the text field. */
    public static final int TEXT_LENGTH = 20;

    private static final DeliveryReceiptFormatter MINUTES = new DeliveryReceiptFormatter(false);
    private static final DeliveryReceiptFormatter SECONDS = new DeliveryReceiptFormatter(true);

    private final boolean withSeconds;

    private DeliveryReceiptFormatter(boolean withSeconds) {
        this.withSeconds = withSeconds;
    }

    /** Dates as YYMMDDhhmm, the form of the specification. */
    public static DeliveryReceiptFormatter standard() {
        return MINUTES;
    }

    /** Dates as YYMMDDhhmmss, as many SMSCs write them. */
    public static DeliveryReceiptFormatter withSeconds() {
        return SECONDS;
    }

    /** True when dates are written with seconds. */
    public boolean includesSeconds() {
        return withSeconds;
    }

    /** The receipt as text. */
    public String format(DeliveryReceipt receipt) {
        Objects.requireNonNull(receipt, "receipt");
        StringBuilder sb = new StringBuilder(160).append("id:").append(receipt.messageId());
        receipt.submitted().ifPresent(n -> sb.append(" sub:").append(pad3(Integer.toString(n))));
        receipt.delivered().ifPresent(n -> sb.append(" dlvrd:").append(pad3(Integer.toString(n))));
        appendDate(sb, " submit date:", receipt.submitDate(), receipt.submitDateText());
        appendDate(sb, " done date:", receipt.doneDate(), receipt.doneDateText());
        if (!receipt.stat().isEmpty()) {
            sb.append(" stat:").append(receipt.stat());
        }
        if (!receipt.err().isEmpty()) {
            String err = receipt.err();
            sb.append(" err:").append(err.chars().allMatch(c -> c >= '0' && c <= '9') ? pad3(err) : err);
        }
        return sb.append(" Text:").append(firstCodePoints(receipt.text(), TEXT_LENGTH)).toString();
    }

    /** A date as this formatter writes it. */
    public String formatDate(LocalDateTime date) {
        return ReceiptDates.format(Objects.requireNonNull(date, "date"), withSeconds);
    }

    private void appendDate(StringBuilder sb, String key, Optional<LocalDateTime> date, String asReceived) {
        if (date.isPresent()) {
            sb.append(key).append(formatDate(date.get()));
        } else if (!asReceived.isEmpty()) {
            sb.append(key).append(asReceived);
        }
    }

    private static String pad3(String digits) {
        return digits.length() >= 3 ? digits : "0".repeat(3 - digits.length()) + digits;
    }

    /** The first {@code n} characters, never cutting a surrogate pair in half. */
    private static String firstCodePoints(String s, int n) {
        if (s.codePointCount(0, s.length()) <= n) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, n));
    }

    @Override
    public String toString() {
        return "DeliveryReceiptFormatter{" + (withSeconds ? "YYMMDDhhmmss" : "YYMMDDhhmm") + '}';
    }
}
