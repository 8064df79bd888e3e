package io.ujumbe.receipt;

import io.ujumbe.pdu.MessageState;
import io.ujumbe.pdu.NetworkErrorCode;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A delivery receipt: which message it is about ({@link #messageId()}), what the SMSC said
 * ({@link #stat()}, {@link #messageState()}, {@link #err()}, {@link #networkErrorCode()}) and what
 * that means ({@link #outcome()}), with the counts, dates and text of SMPP 3.4 Appendix B.
 *
 * <p>Dates are kept both as received ({@link #submitDateText()}) and, when they are real dates,
 * parsed ({@link #submitDate()}); two-digit years are taken as 20YY. Absent text fields are empty
 * strings, absent numbers and dates are empty optionals.
 *
 * <p>Immutable; obtain one from {@link DeliveryReceiptParser} or {@link #builder()}.
 */
public final class DeliveryReceipt {

    private final String messageId;
    private final String alternateMessageId;
    private final Integer submitted;
    private final Integer delivered;
    private final String submitDateText;
    private final LocalDateTime submitDate;
    private final String doneDateText;
    private final LocalDateTime doneDate;
    private final String stat;
    private final MessageState messageState;
    private final String err;
    private final String text;
    private final NetworkErrorCode networkErrorCode;
    private final ReceiptOutcome outcome;

    private DeliveryReceipt(Builder b) {
        this.messageId = b.messageId;
        this.alternateMessageId = b.alternateMessageId;
        this.submitted = b.submitted;
        this.delivered = b.delivered;
        this.submitDateText = b.submitDateText;
        this.submitDate = ReceiptDates.parse(b.submitDateText).orElse(null);
        this.doneDateText = b.doneDateText;
        this.doneDate = ReceiptDates.parse(b.doneDateText).orElse(null);
        this.messageState = b.messageState != null
                ? b.messageState
                : MessageState.ofReceiptName(b.stat).orElse(null);
        this.stat = b.stat.isEmpty() && messageState != null ? messageState.receiptName() : b.stat;
        this.err = b.err;
        this.text = b.text;
        this.networkErrorCode = b.networkErrorCode;
        if (b.outcome != null) {
            this.outcome = b.outcome;
        } else {
            ReceiptStatusMapping defaults = ReceiptStatusMapping.defaults();
            this.outcome = messageState != null ? defaults.outcomeOf(messageState) : defaults.outcomeOf(stat);
        }
    }

    /** A builder; {@link Builder#messageId(String)} is the only required field. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this receipt's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.messageId = messageId;
        b.alternateMessageId = alternateMessageId;
        b.submitted = submitted;
        b.delivered = delivered;
        b.submitDateText = submitDateText;
        b.doneDateText = doneDateText;
        b.stat = stat;
        b.messageState = messageState;
        b.err = err;
        b.text = text;
        b.networkErrorCode = networkErrorCode;
        b.outcome = outcome;
        return b;
    }

    /**
     * The id of the message this receipt is about, as the SMSC wrote it: from the
     * receipted_message_id TLV when present, else from the text's {@code id:} field. Normalise it
     * with a {@link MessageIdNormalizer} before matching it to a submit_sm_resp id.
     */
    public String messageId() {
        return messageId;
    }

    /**
     * The text's {@code id:} when the receipted_message_id TLV was used as {@link #messageId()}
     * and the text named a different id (some SMSCs write another form of the id there).
     */
    public Optional<String> alternateMessageId() {
        return Optional.ofNullable(alternateMessageId);
    }

    /** {@code sub:}, the number of short messages originally submitted. */
    public OptionalInt submitted() {
        return submitted == null ? OptionalInt.empty() : OptionalInt.of(submitted);
    }

    /** {@code dlvrd:}, the number of short messages delivered. */
    public OptionalInt delivered() {
        return delivered == null ? OptionalInt.empty() : OptionalInt.of(delivered);
    }

    /** {@code submit date:} as received, or an empty string. */
    public String submitDateText() {
        return submitDateText;
    }

    /** {@code submit date:} as a date, when it is one. The SMSC's time zone is not known. */
    public Optional<LocalDateTime> submitDate() {
        return Optional.ofNullable(submitDate);
    }

    /** {@code done date:} as received, or an empty string. */
    public String doneDateText() {
        return doneDateText;
    }

    /** {@code done date:} as a date, when it is one. The SMSC's time zone is not known. */
    public Optional<LocalDateTime> doneDate() {
        return Optional.ofNullable(doneDate);
    }

    /**
     * The status as the SMSC wrote it in the text ({@code DELIVRD}, or a vendor word such as
     * {@code FAILED}); for a receipt without text, the receipt name of its message_state TLV; an
     * empty string when there is neither.
     */
    public String stat() {
        return stat;
    }

    /**
     * The SMPP message state: from the message_state TLV when present (it wins over the text),
     * else from {@link #stat()} when that names a standard state; empty for vendor statuses.
     */
    public Optional<MessageState> messageState() {
        return Optional.ofNullable(messageState);
    }

    /** {@code err:} as received (usually three digits); empty when absent or {@code err:null}. */
    public String err() {
        return err;
    }

    /**
     * The text after {@code Text:}, normally the first 20 characters of the original message,
     * kept whole as received; an empty string when absent.
     */
    public String text() {
        return text;
    }

    /** The network_error_code TLV, when the SMSC sent one. */
    public Optional<NetworkErrorCode> networkErrorCode() {
        return Optional.ofNullable(networkErrorCode);
    }

    /** What this receipt means for the message, decided by a {@link ReceiptStatusMapping}. */
    public ReceiptOutcome outcome() {
        return outcome;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeliveryReceipt r
                && messageId.equals(r.messageId)
                && Objects.equals(alternateMessageId, r.alternateMessageId)
                && Objects.equals(submitted, r.submitted)
                && Objects.equals(delivered, r.delivered)
                && submitDateText.equals(r.submitDateText)
                && doneDateText.equals(r.doneDateText)
                && stat.equals(r.stat)
                && messageState == r.messageState
                && err.equals(r.err)
                && text.equals(r.text)
                && Objects.equals(networkErrorCode, r.networkErrorCode)
                && outcome == r.outcome;
    }

    @Override
    public int hashCode() {
        return Objects.hash(messageId, alternateMessageId, submitted, delivered, submitDateText,
                doneDateText, stat, messageState, err, text, networkErrorCode, outcome);
    }

    /**
     * Shows every field except the text, of which only the length is shown: it is the start of
     * the user's message and may hold a one-time password, which must not reach the logs.
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("DeliveryReceipt{id=").append(messageId);
        if (alternateMessageId != null) {
            sb.append(", alternateId=").append(alternateMessageId);
        }
        sb.append(", outcome=").append(outcome).append(", stat=").append(stat);
        if (messageState != null) {
            sb.append(", state=").append(messageState);
        }
        if (!err.isEmpty()) {
            sb.append(", err=").append(err);
        }
        if (networkErrorCode != null) {
            sb.append(", networkError=").append(networkErrorCode);
        }
        if (submitted != null) {
            sb.append(", sub=").append(submitted);
        }
        if (delivered != null) {
            sb.append(", dlvrd=").append(delivered);
        }
        if (!submitDateText.isEmpty()) {
            sb.append(", submitDate=").append(submitDateText);
        }
        if (!doneDateText.isEmpty()) {
            sb.append(", doneDate=").append(doneDateText);
        }
        return sb.append(", textLength=").append(text.length()).append('}').toString();
    }

    /** Builds a {@link DeliveryReceipt}. Not thread-safe. */
    public static final class Builder {
        private String messageId;
        private String alternateMessageId;
        private Integer submitted;
        private Integer delivered;
        private String submitDateText = "";
        private String doneDateText = "";
        private String stat = "";
        private MessageState messageState;
        private String err = "";
        private String text = "";
        private NetworkErrorCode networkErrorCode;
        private ReceiptOutcome outcome;

        private Builder() {
        }

        /** Required, not blank. */
        public Builder messageId(String messageId) {
            this.messageId = Objects.requireNonNull(messageId, "messageId");
            return this;
        }

        /** See {@link DeliveryReceipt#alternateMessageId()}; null or blank clears it. */
        public Builder alternateMessageId(String alternateMessageId) {
            this.alternateMessageId = blankToNull(alternateMessageId);
            return this;
        }

        /** {@code sub:}; at least 0. */
        public Builder submitted(int submitted) {
            this.submitted = requireCount(submitted, "submitted");
            return this;
        }

        /** {@code dlvrd:}; at least 0. */
        public Builder delivered(int delivered) {
            this.delivered = requireCount(delivered, "delivered");
            return this;
        }

        /** Clears {@code sub:}. */
        public Builder noSubmitted() {
            this.submitted = null;
            return this;
        }

        /** Clears {@code dlvrd:}. */
        public Builder noDelivered() {
            this.delivered = null;
            return this;
        }

        /** {@code submit date:} as written in a receipt; parsed when it is a date, kept in any case. */
        public Builder submitDate(String text) {
            this.submitDateText = nullToEmpty(text).trim();
            return this;
        }

        /**
         * {@code submit date:}, written YYMMDDhhmm, or YYMMDDhhmmss when it has seconds.
         *
         * @throws IllegalArgumentException if the year is not 2000..2099
         */
        public Builder submitDate(LocalDateTime date) {
            this.submitDateText = dateText(Objects.requireNonNull(date, "submitDate"));
            return this;
        }

        /** {@code done date:} as written in a receipt; parsed when it is a date, kept in any case. */
        public Builder doneDate(String text) {
            this.doneDateText = nullToEmpty(text).trim();
            return this;
        }

        /**
         * {@code done date:}, written YYMMDDhhmm, or YYMMDDhhmmss when it has seconds.
         *
         * @throws IllegalArgumentException if the year is not 2000..2099
         */
        public Builder doneDate(LocalDateTime date) {
            this.doneDateText = dateText(Objects.requireNonNull(date, "doneDate"));
            return this;
        }

        /**
         * {@code stat:} as written; when no {@link #messageState(MessageState)} is given, the state
         * is derived from it (standard names and long names such as {@code DELIVERED}).
         */
        public Builder stat(String stat) {
            this.stat = nullToEmpty(stat).trim();
            return this;
        }

        /** The message state; when no stat is given, the stat becomes its receipt name. */
        public Builder messageState(MessageState messageState) {
            this.messageState = messageState;
            return this;
        }

        /** {@code err:}; {@code null} and the word {@code null} (any case) mean none. */
        public Builder err(String err) {
            String e = nullToEmpty(err).trim();
            this.err = e.toLowerCase(Locale.ROOT).equals("null") ? "" : e;
            return this;
        }

        /** The {@code Text:} field. */
        public Builder text(String text) {
            this.text = nullToEmpty(text);
            return this;
        }

        /** The network_error_code TLV, or null for none. */
        public Builder networkErrorCode(NetworkErrorCode networkErrorCode) {
            this.networkErrorCode = networkErrorCode;
            return this;
        }

        /**
         * The outcome; when not given, it is derived from the message state, else the stat, with
         * {@link ReceiptStatusMapping#defaults()}.
         */
        public Builder outcome(ReceiptOutcome outcome) {
            this.outcome = outcome;
            return this;
        }

        /** @throws IllegalStateException if the message id is missing or blank */
        public DeliveryReceipt build() {
            if (messageId == null || messageId.isBlank()) {
                throw new IllegalStateException("DeliveryReceipt.messageId is required and must not be blank");
            }
            return new DeliveryReceipt(this);
        }

        private static Integer requireCount(int n, String field) {
            if (n < 0) {
                throw new IllegalArgumentException("DeliveryReceipt." + field + " must be >= 0, was " + n);
            }
            return n;
        }

        private static String dateText(LocalDateTime date) {
            if (date.getYear() < 2000 || date.getYear() > 2099) {
                // Receipts write two-digit years, read back as 20YY; anything else would not round-trip.
                throw new IllegalArgumentException(
                        "DeliveryReceipt dates must be in the years 2000..2099, was " + date);
            }
            LocalDateTime t = date.truncatedTo(ChronoUnit.SECONDS);
            return ReceiptDates.format(t, t.getSecond() != 0);
        }

        private static String nullToEmpty(String s) {
            return s == null ? "" : s;
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s;
        }
    }
}
