package io.ujumbe.pdu;

import java.util.List;
import java.util.Objects;

/**
 * The answer to a {@link SubmitMulti}: the message id, and the destinations that failed.
 *
 * @param commandStatus  the result
 * @param sequenceNumber the request's sequence number
 * @param messageId      the SMSC's message id (at most 64 characters; "" in header-only error responses)
 * @param unsuccessSmes  the destinations the SMSC did not accept (at most 255)
 * @param tlvs           optional parameters
 */
public record SubmitMultiResp(CommandStatus commandStatus, int sequenceNumber, String messageId,
                              List<UnsuccessSme> unsuccessSmes, Tlvs tlvs) implements PduResponse {

    /**
     * Copies the list.
     *
     * @throws NullPointerException     when a component or list element is null
     * @throws IllegalArgumentException when there are more than 255 unsuccessful destinations
     */
    public SubmitMultiResp {
        Objects.requireNonNull(commandStatus, "commandStatus");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(tlvs, "tlvs");
        unsuccessSmes = List.copyOf(unsuccessSmes);
        if (unsuccessSmes.size() > 255) {
            throw new IllegalArgumentException("submit_multi_resp.no_unsuccess must be 0..255, was "
                    + unsuccessSmes.size());
        }
    }

    /** A submit_multi_resp with no failed destinations and no optional parameters. */
    public SubmitMultiResp(CommandStatus commandStatus, int sequenceNumber, String messageId) {
        this(commandStatus, sequenceNumber, messageId, List.of(), Tlvs.EMPTY);
    }

    @Override
    public CommandId commandId() {
        return CommandId.SUBMIT_MULTI_RESP;
    }

    @Override
    public SubmitMultiResp withSequenceNumber(int sequenceNumber) {
        return new SubmitMultiResp(commandStatus, sequenceNumber, messageId, unsuccessSmes, tlvs);
    }

    void validate() {
        Check.cString("submit_multi_resp", "message_id", messageId, Check.MESSAGE_ID);
        for (UnsuccessSme u : unsuccessSmes) {
            Check.address("submit_multi_resp", "unsuccess_sme.destination_addr", u.address(), Check.ADDR_21);
        }
    }

    /** One line, e.g. {@code SubmitMultiResp{seq=7, status=ESME_ROK, messageId=0a1b, unsuccess=[1:1:2547…=ESME_RINVDSTADR]}}. */
    @Override
    public String toString() {
        StringBuilder sb = ToStrings.response("SubmitMultiResp", commandStatus, sequenceNumber);
        sb.append(", messageId=").append(ToStrings.safe(messageId));
        if (!unsuccessSmes.isEmpty()) {
            sb.append(", unsuccess=").append(unsuccessSmes);
        }
        return ToStrings.end(sb, tlvs);
    }
}
