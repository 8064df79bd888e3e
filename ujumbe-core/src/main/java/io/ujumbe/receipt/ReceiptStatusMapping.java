package io.ujumbe.receipt;

import io.ujumbe.pdu.MessageState;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Maps the status an SMSC writes in a receipt ({@code stat:DELIVRD}, vendor words such as
 * {@code FAILED} or {@code ACK}, {@code NACK/0x0b/…}) to a {@link ReceiptOutcome}. Lookups ignore
 * case and surrounding spaces; a status with a {@code /} that is not mapped as a whole is looked
 * up by the part before the first {@code /}, so {@code NACK/0x00000045/Invalid} maps as
 * {@code NACK}.
 *
 * <p>The {@linkplain #defaults() defaults}: DELIVRD, DELIVERED → DELIVERED; ENROUTE, ACCEPTD,
 * ACK, BUFFRED, SCHEDUL (and their long forms) → PENDING; UNDELIV, EXPIRED, DELETED, REJECTD,
 * UNKNOWN, FAILED, NACK, SKIPPED (and long forms) → FAILED. A status that is not mapped, or an
 * absent one, gets {@link #unknownStatusOutcome()}, {@link ReceiptOutcome#UNKNOWN} by default: the
 * receipt claims neither delivery nor failure (calling an unrecognised word FAILED, as Kannel does,
 * reported as failed messages that a vendor's own success word described), and it is final, so the
 * message does not wait for a receipt that never comes (vumi2 calls it pending). The SMSC's own
 * word stays on {@link DeliveryReceipt#stat()}, for the application or a mapping added later.
 *
 * <p>Immutable and thread-safe; build variants with {@link #toBuilder()}.
 */
public final class ReceiptStatusMapping {

    private static final ReceiptStatusMapping DEFAULTS = defaultBuilder().build();

    private final Map<String, ReceiptOutcome> outcomes;
    private final ReceiptOutcome unknownStatusOutcome;

    private ReceiptStatusMapping(Builder builder) {
        this.outcomes = Collections.unmodifiableMap(new LinkedHashMap<>(builder.outcomes));
        this.unknownStatusOutcome = builder.unknownStatusOutcome;
    }

    /** The default mapping described in the class comment. */
    public static ReceiptStatusMapping defaults() {
        return DEFAULTS;
    }

    /** A builder with no statuses mapped and UNKNOWN for unknown statuses. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from this mapping. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.outcomes.putAll(outcomes);
        b.unknownStatusOutcome = unknownStatusOutcome;
        return b;
    }

    /** The outcome mapped for this status, or empty when it is not mapped. */
    public Optional<ReceiptOutcome> lookup(String status) {
        if (status == null) {
            return Optional.empty();
        }
        String key = normalise(status);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        ReceiptOutcome outcome = outcomes.get(key);
        if (outcome == null) {
            int slash = key.indexOf('/');
            if (slash > 0) {
                outcome = outcomes.get(key.substring(0, slash).trim());
            }
        }
        return Optional.ofNullable(outcome);
    }

    /** The outcome for this status; {@link #unknownStatusOutcome()} when unmapped, null or blank. */
    public ReceiptOutcome outcomeOf(String status) {
        return lookup(status).orElse(unknownStatusOutcome);
    }

    /** The outcome for a message_state, looked up by its receipt name (e.g. {@code DELIVRD}). */
    public ReceiptOutcome outcomeOf(MessageState state) {
        Objects.requireNonNull(state, "state");
        return lookup(state.receiptName()).or(() -> lookup(state.name())).orElse(unknownStatusOutcome);
    }

    /** The outcome given to statuses this mapping does not know. */
    public ReceiptOutcome unknownStatusOutcome() {
        return unknownStatusOutcome;
    }

    /** The mapped statuses (upper-case) and their outcomes, in insertion order. */
    public Map<String, ReceiptOutcome> asMap() {
        return outcomes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReceiptStatusMapping other
                && outcomes.equals(other.outcomes)
                && unknownStatusOutcome == other.unknownStatusOutcome;
    }

    @Override
    public int hashCode() {
        return Objects.hash(outcomes, unknownStatusOutcome);
    }

    @Override
    public String toString() {
        return "ReceiptStatusMapping" + outcomes + " unknown=" + unknownStatusOutcome;
    }

    private static String normalise(String status) {
        return status.trim().toUpperCase(Locale.ROOT);
    }

    private static Builder defaultBuilder() {
        Builder b = new Builder();
        for (String s : new String[] {"DELIVRD", "DELIVERED"}) {
            b.map(s, ReceiptOutcome.DELIVERED);
        }
        for (String s : new String[] {"ENROUTE", "ACCEPTD", "ACCEPTED", "ACK", "ACKED", "BUFFRED",
                "BUFFERED", "SCHEDUL", "SCHEDULED"}) {
            b.map(s, ReceiptOutcome.PENDING);
        }
        for (String s : new String[] {"UNDELIV", "UNDELIVERABLE", "UNDELIVERED", "EXPIRED", "DELETED",
                "REJECTD", "REJECTED", "UNKNOWN", "FAILED", "NACK", "SKIPPED"}) {
            b.map(s, ReceiptOutcome.FAILED);
        }
        return b;
    }

    /** Builds a {@link ReceiptStatusMapping}. Not thread-safe. */
    public static final class Builder {
        private final Map<String, ReceiptOutcome> outcomes = new LinkedHashMap<>();
        private ReceiptOutcome unknownStatusOutcome = ReceiptOutcome.UNKNOWN;

        private Builder() {
        }

        /** Maps a status (case-insensitive) to an outcome, replacing any earlier mapping. */
        public Builder map(String status, ReceiptOutcome outcome) {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(outcome, "outcome");
            String key = normalise(status);
            if (key.isEmpty()) {
                throw new IllegalArgumentException("receipt status to map must not be blank");
            }
            outcomes.put(key, outcome);
            return this;
        }

        /** Maps every entry of {@code mapping}, e.g. one read from a configuration file. */
        public Builder mapAll(Map<String, ReceiptOutcome> mapping) {
            Objects.requireNonNull(mapping, "mapping").forEach(this::map);
            return this;
        }

        /** Removes the mapping of a status, so that it falls to the unknown-status outcome. */
        public Builder unmap(String status) {
            outcomes.remove(normalise(Objects.requireNonNull(status, "status")));
            return this;
        }

        /** The outcome for statuses that are not mapped (default UNKNOWN). */
        public Builder unknownStatusOutcome(ReceiptOutcome outcome) {
            this.unknownStatusOutcome = Objects.requireNonNull(outcome, "unknownStatusOutcome");
            return this;
        }

        public ReceiptStatusMapping build() {
            return new ReceiptStatusMapping(this);
        }
    }
}
