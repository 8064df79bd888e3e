package io.ujumbe.pdu;

/** A PDU that answers a request (or, for generic_nack, a frame that could not be understood). */
public interface PduResponse extends Pdu {

    @Override
    PduResponse withSequenceNumber(int sequenceNumber);
}
