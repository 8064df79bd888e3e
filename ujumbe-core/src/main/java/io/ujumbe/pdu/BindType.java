package io.ujumbe.pdu;

/** The three ways an ESME binds: send only, receive only, or both over one connection. */
public enum BindType {
    TRANSMITTER(CommandId.BIND_TRANSMITTER, CommandId.BIND_TRANSMITTER_RESP),
    RECEIVER(CommandId.BIND_RECEIVER, CommandId.BIND_RECEIVER_RESP),
    TRANSCEIVER(CommandId.BIND_TRANSCEIVER, CommandId.BIND_TRANSCEIVER_RESP);

    private final CommandId requestId;
    private final CommandId responseId;

    BindType(CommandId requestId, CommandId responseId) {
        this.requestId = requestId;
        this.responseId = responseId;
    }

    /** The bind request's command_id, e.g. {@link CommandId#BIND_TRANSCEIVER}. */
    public CommandId requestId() {
        return requestId;
    }

    /** The bind response's command_id, e.g. {@link CommandId#BIND_TRANSCEIVER_RESP}. */
    public CommandId responseId() {
        return responseId;
    }

    /** True when this bind may submit messages (transmitter, transceiver). */
    public boolean canTransmit() {
        return this != RECEIVER;
    }

    /** True when this bind may receive messages (receiver, transceiver). */
    public boolean canReceive() {
        return this != TRANSMITTER;
    }

    /** The bind type of a bind or bind_resp command, or null for other commands. */
    static BindType of(CommandId id) {
        switch (id) {
            case BIND_TRANSMITTER:
            case BIND_TRANSMITTER_RESP:
                return TRANSMITTER;
            case BIND_RECEIVER:
            case BIND_RECEIVER_RESP:
                return RECEIVER;
            case BIND_TRANSCEIVER:
            case BIND_TRANSCEIVER_RESP:
                return TRANSCEIVER;
            default:
                return null;
        }
    }
}
