package io.ujumbe.pdu;

import java.util.Objects;

/**
 * The answer to a {@link DeliverSm}. The message_id is unused by SMPP 3.4 and normally empty.
 *
 * @param commandStatus  the result
 * @param sequenceNumber the request's sequence number
 * @param messageId      the SMSC's message id (at most 64 characters; "" when absent, e.g. in
 *                       error responses sent with a header only)
 * @param tlvs           optional parameters
 */
public record DeliverSmResp(CommandStatus commandStatus, int sequenceNumber, String messageId, Tlvs tlvs)
        implements PduResponse {

    /** @throws NullPointerException when a component is null */
    public DeliverSmResp {
        Objects.requireNonNull(commandStatus, "commandStatus");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(tlvs, "tlvs");
    }

    /** A deliver_sm_resp without optional parameters. */
    public DeliverSmResp(CommandStatus commandStatus, int sequenceNumber, String messageId) {
        this(commandStatus, sequenceNumber, messageId, Tlvs.EMPTY);
    }

    @Override
    public CommandId commandId() {
        return CommandId.DELIVER_SM_RESP;
    }

    @Override
    public DeliverSmResp withSequenceNumber(int sequenceNumber) {
        return new DeliverSmResp(commandStatus, sequenceNumber, messageId, tlvs);
    }

    void validate() {
        Check.cString("deliver_sm_resp", "message_id", messageId, Check.MESSAGE_ID);
    }

    /** One line, e.g. {@code DeliverSmResp{seq=7, status=ESME_ROK, messageId=0a1b}}. */
    @Override
    public String toString() {
        StringBuilder sb = ToStrings.response("DeliverSmResp", commandStatus, sequenceNumber);
        sb.append(", messageId=").append(ToStrings.safe(messageId));
        return ToStrings.end(sb, tlvs);
    }
}
