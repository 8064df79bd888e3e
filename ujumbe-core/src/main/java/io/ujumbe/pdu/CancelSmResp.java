package io.ujumbe.pdu;

import java.util.Objects;

/**
 * The answer to a {@link CancelSm}.
 *
 * @param commandStatus  the result
 * @param sequenceNumber the request's sequence number
 * @param tlvs           optional parameters (none are defined for this command; kept if received)
 */
public record CancelSmResp(CommandStatus commandStatus, int sequenceNumber, Tlvs tlvs) implements PduResponse {

    /** @throws NullPointerException when a component is null */
    public CancelSmResp {
        Objects.requireNonNull(commandStatus, "commandStatus");
        Objects.requireNonNull(tlvs, "tlvs");
    }

    /** A cancel_sm_resp without optional parameters. */
    public CancelSmResp(CommandStatus commandStatus, int sequenceNumber) {
        this(commandStatus, sequenceNumber, Tlvs.EMPTY);
    }

    @Override
    public CommandId commandId() {
        return CommandId.CANCEL_SM_RESP;
    }

    @Override
    public CancelSmResp withSequenceNumber(int sequenceNumber) {
        return new CancelSmResp(commandStatus, sequenceNumber, tlvs);
    }

    /** One line, e.g. {@code CancelSmResp{seq=7, status=ESME_ROK}}. */
    @Override
    public String toString() {
        return ToStrings.end(ToStrings.response("CancelSmResp", commandStatus, sequenceNumber), tlvs);
    }
}
