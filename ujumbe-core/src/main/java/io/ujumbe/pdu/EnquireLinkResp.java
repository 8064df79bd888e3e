package io.ujumbe.pdu;

import java.util.Objects;

/**
 * The answer to an {@link EnquireLink}.
 *
 * @param commandStatus  the result
 * @param sequenceNumber the request's sequence number
 * @param tlvs           optional parameters (none are defined for this command; kept if received)
 */
public record EnquireLinkResp(CommandStatus commandStatus, int sequenceNumber, Tlvs tlvs) implements PduResponse {

    /** @throws NullPointerException when a component is null */
    public EnquireLinkResp {
        Objects.requireNonNull(commandStatus, "commandStatus");
        Objects.requireNonNull(tlvs, "tlvs");
    }

    /** An enquire_link_resp without optional parameters. */
    public EnquireLinkResp(CommandStatus commandStatus, int sequenceNumber) {
        this(commandStatus, sequenceNumber, Tlvs.EMPTY);
    }

    @Override
    public CommandId commandId() {
        return CommandId.ENQUIRE_LINK_RESP;
    }

    @Override
    public EnquireLinkResp withSequenceNumber(int sequenceNumber) {
        return new EnquireLinkResp(commandStatus, sequenceNumber, tlvs);
    }

    /** One line, e.g. {@code EnquireLinkResp{seq=7, status=ESME_ROK}}. */
    @Override
    public String toString() {
        return ToStrings.end(ToStrings.response("EnquireLinkResp", commandStatus, sequenceNumber), tlvs);
    }
}
