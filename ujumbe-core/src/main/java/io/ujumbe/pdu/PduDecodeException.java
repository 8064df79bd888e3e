package io.ujumbe.pdu;

import java.util.Optional;

/**
 * A frame could not be decoded into a PDU. Carries what a session needs to answer the peer:
 * the command_id and sequence_number read from the header (when readable) and the
 * {@link #status()} to reply with (in the matching response, or in a generic_nack when the
 * command is unknown or the header is unreadable).
 */
public class PduDecodeException extends SmppException {

    private final int commandIdValue;
    private final int sequenceNumber;
    private final String field;
    private final CommandStatus status;

    /**
     * @param commandIdValue the raw command_id (0 when the header was unreadable)
     * @param sequenceNumber the sequence_number, or -1 when the header was unreadable
     * @param field          the offending field, e.g. {@code submit_sm.source_addr}
     * @param status         the command_status a session should answer with
     * @param message        a readable description that never contains a password
     */
    public PduDecodeException(int commandIdValue, int sequenceNumber, String field,
                              CommandStatus status, String message) {
        super(message);
        this.commandIdValue = commandIdValue;
        this.sequenceNumber = sequenceNumber;
        this.field = field;
        this.status = status;
    }

    /** The command_id read from the header, known or not (0 when the header was unreadable). */
    public int commandIdValue() {
        return commandIdValue;
    }

    /** The command, when the command_id is one SMPP 3.4 defines. */
    public Optional<CommandId> commandId() {
        return CommandId.of(commandIdValue);
    }

    /** The sequence_number from the header, or -1 when the header itself was unreadable. */
    public int sequenceNumber() {
        return sequenceNumber;
    }

    /** The field that could not be read, e.g. {@code submit_sm.source_addr} or {@code header}. */
    public String field() {
        return field;
    }

    /** The command_status a session should send back for this frame. */
    public CommandStatus status() {
        return status;
    }
}
