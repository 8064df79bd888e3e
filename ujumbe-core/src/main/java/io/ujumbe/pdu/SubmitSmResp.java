package io.ujumbe.pdu;

import java.util.Objects;

/**
 * The answer to a {@link SubmitSm}: the SMSC's message id when accepted, which later delivery receipts refer to.
 *
 * @param commandStatus  the result
 * @param sequenceNumber the request's sequence number
 * @param messageId      the SMSC's message id (at most 64 characters; "" when absent, e.g. in
 *                       error responses sent with a header only)
 * @param tlvs           optional parameters
 */
public record SubmitSmResp(CommandStatus commandStatus, int sequenceNumber, String messageId, Tlvs tlvs)
        implements PduResponse {

    /** @throws NullPointerException when a component is null */
    public SubmitSmResp {
        Objects.requireNonNull(commandStatus, "commandStatus");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(tlvs, "tlvs");
    }

    /** A submit_sm_resp without optional parameters. */
    public SubmitSmResp(CommandStatus commandStatus, int sequenceNumber, String messageId) {
        this(commandStatus, sequenceNumber, messageId, Tlvs.EMPTY);
    }

    @Override
    public CommandId commandId() {
        return CommandId.SUBMIT_SM_RESP;
    }

    @Override
    public SubmitSmResp withSequenceNumber(int sequenceNumber) {
        return new SubmitSmResp(commandStatus, sequenceNumber, messageId, tlvs);
    }

    void validate() {
        Check.cString("submit_sm_resp", "message_id", messageId, Check.MESSAGE_ID);
    }

    /** One line, e.g. {@code SubmitSmResp{seq=7, status=ESME_ROK, messageId=0a1b}}. */
    @Override
    public String toString() {
        StringBuilder sb = ToStrings.response("SubmitSmResp", commandStatus, sequenceNumber);
        sb.append(", messageId=").append(ToStrings.safe(messageId));
        return ToStrings.end(sb, tlvs);
    }
}
