package io.ujumbe.pdu;

import java.util.Objects;

/**
 * A query_sm: the ESME asks the SMSC for the state of a message it submitted.
 *
 * @param sequenceNumber the sequence number
 * @param messageId      the SMSC's message id from submit_sm_resp (at most 64 characters)
 * @param sourceAddress  the source address the message was submitted with (at most 20 characters)
 * @param tlvs           optional parameters (none are defined for query_sm; kept if received)
 */
public record QuerySm(int sequenceNumber, String messageId, Address sourceAddress, Tlvs tlvs)
        implements PduRequest {

    /** @throws NullPointerException when a component is null */
    public QuerySm {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(sourceAddress, "sourceAddress");
        Objects.requireNonNull(tlvs, "tlvs");
    }

    /** A query_sm without optional parameters. */
    public QuerySm(int sequenceNumber, String messageId, Address sourceAddress) {
        this(sequenceNumber, messageId, sourceAddress, Tlvs.EMPTY);
    }

    @Override
    public CommandId commandId() {
        return CommandId.QUERY_SM;
    }

    @Override
    public QuerySm withSequenceNumber(int sequenceNumber) {
        return new QuerySm(sequenceNumber, messageId, sourceAddress, tlvs);
    }

    @Override
    public QuerySmResp createResponse(CommandStatus status) {
        return new QuerySmResp(status, sequenceNumber, messageId, "", 0, 0);
    }

    void validate() {
        Check.cString("query_sm", "message_id", messageId, Check.MESSAGE_ID);
        Check.address("query_sm", "source_addr", sourceAddress, Check.ADDR_21);
    }

    /** One line, e.g. {@code QuerySm{seq=7, messageId=0a1b, source=1:1:2547…}}. */
    @Override
    public String toString() {
        StringBuilder sb = ToStrings.request("QuerySm", sequenceNumber);
        sb.append(", messageId=").append(ToStrings.safe(messageId)).append(", source=").append(sourceAddress);
        return ToStrings.end(sb, tlvs);
    }
}
