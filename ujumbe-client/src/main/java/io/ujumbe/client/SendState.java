package io.ujumbe.client;

/**
 * How far a failed message got, over all its attempts: whether the SMSC can have it. An application
 * that resends failed messages on its own must resend only {@link #NOT_SENT} ones (and may resend
 * {@link #REJECTED} ones), or it duplicates messages the SMSC took.
 *
 * <p>The states are ordered from "certainly not at the SMSC" to "certainly partly at the SMSC";
 * {@link #and(SendState)} keeps the later of two, which is how the attempts of one message combine.
 */
public enum SendState {
    /** No byte of any attempt left this process: the SMSC cannot have the message. Safe to resend. */
    NOT_SENT,
    /**
     * Every attempt that reached the SMSC was answered with an error status: the SMSC refused it
     * and does not have it.
     */
    REJECTED,
    /**
     * At least one attempt was written to the connection and never answered (response timeout, the
     * connection lost, the client stopped): the SMSC may have taken it. Resending may duplicate.
     */
    SENT_NO_ANSWER,
    /** Some parts of a long message were accepted by the SMSC, others not: the recipient may get a fragment. */
    PARTLY_ACCEPTED;

    /** The combination of two attempts' states: the one that says more may be at the SMSC. */
    public SendState and(SendState other) {
        return other == null || compareTo(other) >= 0 ? this : other;
    }

    /** True when the SMSC may have (part of) the message. */
    public boolean mayHaveReachedSmsc() {
        return this == SENT_NO_ANSWER || this == PARTLY_ACCEPTED;
    }
}
