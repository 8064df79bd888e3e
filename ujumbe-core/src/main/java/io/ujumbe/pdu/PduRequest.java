package io.ujumbe.pdu;

/** A PDU that asks the peer to do something; each type knows how to build its response. */
public interface PduRequest extends Pdu {

    /** Requests always carry ESME_ROK: the specification requires a NULL command_status. */
    @Override
    default CommandStatus commandStatus() {
        return CommandStatus.ESME_ROK;
    }

    /**
     * The matching response with the same sequence number, this status and an empty or default
     * body (message_id "" …); generic_nack is never the answer here.
     */
    PduResponse createResponse(CommandStatus status);

    @Override
    PduRequest withSequenceNumber(int sequenceNumber);
}
