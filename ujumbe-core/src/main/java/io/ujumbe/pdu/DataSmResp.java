package io.ujumbe.pdu;

import java.util.Objects;

/**
 * The answer to a {@link DataSm}: the SMSC's message id, and optional parameters such as delivery_failure_reason.
 *
 * @param commandStatus  the result
 * @param sequenceNumber the request's sequence number
 * @param messageId      the SMSC's message id (at most 64 characters; "" when absent, e.g. in
 *                       error responses sent with a header only)
 * @param tlvs           optional parameters
 */
public record DataSmResp(CommandStatus commandStatus, int sequenceNumber, String messageId, Tlvs tlvs)
        implements PduResponse {

    /** @throws NullPointerException when a component is null */
    public DataSmResp {
        Objects.requireNonNull(commandStatus, "commandStatus");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(tlvs, "tlvs");
    }

    /** A data_sm_resp without optional parameters. */
    public DataSmResp(CommandStatus commandStatus, int sequenceNumber, String messageId) {
        this(commandStatus, sequenceNumber, messageId, Tlvs.EMPTY);
    }

    @Override
    public CommandId commandId() {
        return CommandId.DATA_SM_RESP;
    }

    @Override
    public DataSmResp withSequenceNumber(int sequenceNumber) {
        return new DataSmResp(commandStatus, sequenceNumber, messageId, tlvs);
    }

    void validate() {
        Check.cString("data_sm_resp", "message_id", messageId, Check.MESSAGE_ID);
    }

    /** One line, e.g. {@code DataSmResp{seq=7, status=ESME_ROK, messageId=0a1b}}. */
    @Override
    public String toString() {
        StringBuilder sb = ToStrings.response("DataSmResp", commandStatus, sequenceNumber);
        sb.append(", messageId=").append(ToStrings.safe(messageId));
        return ToStrings.end(sb, tlvs);
    }
}
