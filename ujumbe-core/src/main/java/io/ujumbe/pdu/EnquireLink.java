package io.ujumbe.pdu;

import java.util.Objects;

/**
 * An enquire_link request: a keep-alive probe that either side may send at any time.
 *
 * @param sequenceNumber the sequence number
 * @param tlvs           optional parameters (none are defined for this command; kept if received)
 */
public record EnquireLink(int sequenceNumber, Tlvs tlvs) implements PduRequest {

    /** @throws NullPointerException when tlvs is null */
    public EnquireLink {
        Objects.requireNonNull(tlvs, "tlvs");
    }

    /** An enquire_link with this sequence number and no optional parameters. */
    public EnquireLink(int sequenceNumber) {
        this(sequenceNumber, Tlvs.EMPTY);
    }

    @Override
    public CommandId commandId() {
        return CommandId.ENQUIRE_LINK;
    }

    @Override
    public EnquireLink withSequenceNumber(int sequenceNumber) {
        return new EnquireLink(sequenceNumber, tlvs);
    }

    @Override
    public EnquireLinkResp createResponse(CommandStatus status) {
        return new EnquireLinkResp(status, sequenceNumber);
    }

    /** One line, e.g. {@code EnquireLink{seq=7}}. */
    @Override
    public String toString() {
        return ToStrings.end(ToStrings.request("EnquireLink", sequenceNumber), tlvs);
    }
}
