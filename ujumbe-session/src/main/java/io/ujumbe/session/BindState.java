package io.ujumbe.session;

import io.ujumbe.pdu.CommandId;

/**
 * The session states of SMPP 3.4 section 2.2 and which requests each side may receive in each.
 * A request that arrives in a state that does not allow it is answered with ESME_RINVBNDSTS.
 */
public enum BindState {
    /** Connected, not yet bound. */
    OPEN,
    /** The ESME received an outbind and has not bound yet. */
    OUTBOUND,
    /** Bound as transmitter: the ESME submits. */
    BOUND_TX,
    /** Bound as receiver: the SMSC delivers. */
    BOUND_RX,
    /** Bound as transceiver: both directions. */
    BOUND_TRX,
    /** An unbind has been sent or received; only unbind_resp and the close follow. */
    UNBOUND,
    /** The connection is closed. */
    CLOSED;

    /** True in the three bound states. */
    public boolean isBound() {
        return this == BOUND_TX || this == BOUND_RX || this == BOUND_TRX;
    }

    /** True when requests can still flow in some direction. */
    public boolean isOpen() {
        return this != UNBOUND && this != CLOSED;
    }

    /** True when the ESME may send submit_sm and the other transmitter requests in this state. */
    public boolean canTransmit() {
        return this == BOUND_TX || this == BOUND_TRX;
    }

    /** True when the SMSC may deliver (deliver_sm, alert_notification) in this state. */
    public boolean canReceive() {
        return this == BOUND_RX || this == BOUND_TRX;
    }

    /**
     * Whether a session playing {@code receiver} may accept the request {@code command} in this
     * state. enquire_link is allowed whenever the session is open (SMPP 5.0 allows it before binding
     * and many SMSCs send it early); unbind only once bound.
     */
    public boolean allowsInbound(SessionRole receiver, CommandId command) {
        if (command == CommandId.ENQUIRE_LINK) {
            return isOpen();
        }
        if (command == CommandId.UNBIND) {
            return isBound() || this == OUTBOUND;
        }
        return receiver == SessionRole.SMSC ? smscMayReceive(command) : esmeMayReceive(command);
    }

    /** Whether a session playing {@code sender} may send the request {@code command} in this state. */
    public boolean allowsOutbound(SessionRole sender, CommandId command) {
        SessionRole peer = sender == SessionRole.ESME ? SessionRole.SMSC : SessionRole.ESME;
        return allowsInbound(peer, command);
    }

    private boolean smscMayReceive(CommandId command) {
        switch (command) {
            case BIND_TRANSMITTER:
            case BIND_RECEIVER:
            case BIND_TRANSCEIVER:
                return this == OPEN;
            case SUBMIT_SM:
            case SUBMIT_MULTI:
            case QUERY_SM:
            case CANCEL_SM:
            case REPLACE_SM:
                return canTransmit();
            case DATA_SM:
                return canTransmit();
            default:
                return false;
        }
    }

    private boolean esmeMayReceive(CommandId command) {
        switch (command) {
            case OUTBIND:
                return this == OPEN;
            case DELIVER_SM:
            case ALERT_NOTIFICATION:
                return canReceive();
            case DATA_SM:
                return canReceive();
            default:
                return false;
        }
    }
}
