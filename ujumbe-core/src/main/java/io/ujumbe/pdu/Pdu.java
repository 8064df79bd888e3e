package io.ujumbe.pdu;

/**
 * One SMPP protocol data unit: the header's command, status and sequence number, the body (in
 * each type's own components) and the optional parameters. Every implementation is immutable.
 */
public interface Pdu {

    /** The command_id, e.g. {@link CommandId#SUBMIT_SM}. */
    CommandId commandId();

    /** The command_status: the response's result; {@link CommandStatus#ESME_ROK} for requests. */
    CommandStatus commandStatus();

    /** The sequence_number that pairs a request with its response. */
    int sequenceNumber();

    /** The optional parameters, {@link Tlvs#EMPTY} when there are none (never null). */
    Tlvs tlvs();

    /** This PDU with another sequence number; the session assigns it just before sending. */
    Pdu withSequenceNumber(int sequenceNumber);
}
