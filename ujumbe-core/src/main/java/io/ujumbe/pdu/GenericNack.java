package io.ujumbe.pdu;

import java.util.Objects;

/**
 * The answer to a frame the peer could not understand (unknown command, bad length …); its command_status says why.
 *
 * @param commandStatus  the result
 * @param sequenceNumber the request's sequence number
 * @param tlvs           optional parameters (none are defined for this command; kept if received)
 */
public record GenericNack(CommandStatus commandStatus, int sequenceNumber, Tlvs tlvs) implements PduResponse {

    /** @throws NullPointerException when a component is null */
    public GenericNack {
        Objects.requireNonNull(commandStatus, "commandStatus");
        Objects.requireNonNull(tlvs, "tlvs");
    }

    /** A generic_nack without optional parameters. */
    public GenericNack(CommandStatus commandStatus, int sequenceNumber) {
        this(commandStatus, sequenceNumber, Tlvs.EMPTY);
    }

    @Override
    public CommandId commandId() {
        return CommandId.GENERIC_NACK;
    }

    @Override
    public GenericNack withSequenceNumber(int sequenceNumber) {
        return new GenericNack(commandStatus, sequenceNumber, tlvs);
    }

    /** One line, e.g. {@code GenericNack{seq=7, status=ESME_ROK}}. */
    @Override
    public String toString() {
        return ToStrings.end(ToStrings.response("GenericNack", commandStatus, sequenceNumber), tlvs);
    }
}
