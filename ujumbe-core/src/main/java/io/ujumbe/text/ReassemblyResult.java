package io.ujumbe.text;

import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link ReassemblyStore} did with a part: kept it while others are missing, completed the
 * message (which this caller now delivers), or kept it while another caller is delivering the
 * complete message. Immutable.
 */
public final class ReassemblyResult {
    /** The state of the part's message after the offer. */
    public enum Status {
        /** Stored; parts are still missing. Answer the SMSC at once. */
        INCOMPLETE,
        /** The message is whole and this caller delivers it, then reports back to the store. */
        COMPLETE,
        /**
         * The message is whole and another caller (maybe another process) is delivering it. Answer
         * the SMSC with a transient error: if that delivery fails or its process died, the SMSC's
         * next copy of this part completes the message here.
         */
        IN_DELIVERY
    }

    private static final ReassemblyResult INCOMPLETE = new ReassemblyResult(Status.INCOMPLETE, null);
    private static final ReassemblyResult IN_DELIVERY = new ReassemblyResult(Status.IN_DELIVERY, null);

    private final Status status;
    private final ReassembledMessage message;

    private ReassemblyResult(Status status, ReassembledMessage message) {
        this.status = status;
        this.message = message;
    }

    /** Stored, parts still missing. */
    public static ReassemblyResult incomplete() {
        return INCOMPLETE;
    }

    /** Whole, being delivered elsewhere. */
    public static ReassemblyResult inDelivery() {
        return IN_DELIVERY;
    }

    /** Whole, for this caller to deliver. */
    public static ReassemblyResult complete(ReassembledMessage message) {
        return new ReassemblyResult(Status.COMPLETE, Objects.requireNonNull(message, "message"));
    }

    public Status status() {
        return status;
    }

    /** The whole message when {@link Status#COMPLETE}, else empty. */
    public Optional<ReassembledMessage> message() {
        return Optional.ofNullable(message);
    }

    @Override
    public String toString() {
        return "ReassemblyResult{" + status + (message != null ? ", " + message : "") + '}';
    }
}
