package io.ujumbe.pdu;

import java.util.Locale;
import java.util.Optional;

/**
 * The message_state values of SMPP 3.4 (section 5.2.28), as carried by query_sm_resp and by the
 * message_state TLV of a delivery receipt, with the short names receipts use in their text form
 * ({@code DELIVRD}, {@code UNDELIV} …).
 */
public enum MessageState {
    SCHEDULED(0, "SCHEDUL", false),
    ENROUTE(1, "ENROUTE", false),
    DELIVERED(2, "DELIVRD", true),
    EXPIRED(3, "EXPIRED", true),
    DELETED(4, "DELETED", true),
    UNDELIVERABLE(5, "UNDELIV", true),
    ACCEPTED(6, "ACCEPTD", true),
    UNKNOWN(7, "UNKNOWN", true),
    REJECTED(8, "REJECTD", true),
    /** SMPP 5.0: the message was skipped by the SMSC (e.g. a broadcast area not served). */
    SKIPPED(9, "SKIPPED", true);

    private final int value;
    private final String receiptName;
    private final boolean finalState;

    MessageState(int value, String receiptName, boolean finalState) {
        this.value = value;
        this.receiptName = receiptName;
        this.finalState = finalState;
    }

    /** The one-octet value on the wire. */
    public int value() {
        return value;
    }

    /** The seven-letter name a text receipt's {@code stat:} field uses. */
    public String receiptName() {
        return receiptName;
    }

    /** True when the SMSC will not change this state again. */
    public boolean isFinal() {
        return finalState;
    }

    /** The state with this wire value, or empty for an unassigned value. */
    public static Optional<MessageState> of(int value) {
        for (MessageState s : values()) {
            if (s.value == value) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** The state whose receipt name (case-insensitive, e.g. {@code delivrd}) is given, or empty. */
    public static Optional<MessageState> ofReceiptName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.trim().toUpperCase(Locale.ROOT);
        for (MessageState s : values()) {
            if (s.receiptName.equals(n) || s.name().equals(n)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
