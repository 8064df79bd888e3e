package io.ujumbe.pdu;

import java.util.Objects;

/**
 * The answer to a {@link ReplaceSm}.
 *
 * @param commandStatus  the result
 * @param sequenceNumber the request's sequence number
 * @param tlvs           optional parameters (none are defined for this command; kept if received)
 */
public record ReplaceSmResp(CommandStatus commandStatus, int sequenceNumber, Tlvs tlvs) implements PduResponse {

    /** @throws NullPointerException when a component is null */
    public ReplaceSmResp {
        Objects.requireNonNull(commandStatus, "commandStatus");
        Objects.requireNonNull(tlvs, "tlvs");
    }

    /** A replace_sm_resp without optional parameters. */
    public ReplaceSmResp(CommandStatus commandStatus, int sequenceNumber) {
        this(commandStatus, sequenceNumber, Tlvs.EMPTY);
    }

    @Override
    public CommandId commandId() {
        return CommandId.REPLACE_SM_RESP;
    }

    @Override
    public ReplaceSmResp withSequenceNumber(int sequenceNumber) {
        return new ReplaceSmResp(commandStatus, sequenceNumber, tlvs);
    }

    /** One line, e.g. {@code ReplaceSmResp{seq=7, status=ESME_ROK}}. */
    @Override
    public String toString() {
        return ToStrings.end(ToStrings.response("ReplaceSmResp", commandStatus, sequenceNumber), tlvs);
    }
}
