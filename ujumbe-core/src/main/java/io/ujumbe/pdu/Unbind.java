package io.ujumbe.pdu;

import java.util.Objects;

/**
 * An unbind request: either side asks to close the session cleanly.
 *
 * @param sequenceNumber the sequence number
 * @param tlvs           optional parameters (none are defined for this command; kept if received)
 */
public record Unbind(int sequenceNumber, Tlvs tlvs) implements PduRequest {

    /** @throws NullPointerException when tlvs is null */
    public Unbind {
        Objects.requireNonNull(tlvs, "tlvs");
    }

    /** An unbind with this sequence number and no optional parameters. */
    public Unbind(int sequenceNumber) {
        this(sequenceNumber, Tlvs.EMPTY);
    }

    @Override
    public CommandId commandId() {
        return CommandId.UNBIND;
    }

    @Override
    public Unbind withSequenceNumber(int sequenceNumber) {
        return new Unbind(sequenceNumber, tlvs);
    }

    @Override
    public UnbindResp createResponse(CommandStatus status) {
        return new UnbindResp(status, sequenceNumber);
    }

    /** One line, e.g. {@code Unbind{seq=7}}. */
    @Override
    public String toString() {
        return ToStrings.end(ToStrings.request("Unbind", sequenceNumber), tlvs);
    }
}
