package io.ujumbe.client;

import io.ujumbe.pdu.Address;
import io.ujumbe.pdu.Pdu;

import java.util.Objects;

/**
 * A mobile-originated SMS that reached the client (deliver_sm or data_sm that is not a receipt),
 * reassembled when it came in parts, with its text decoded from its data_coding.
 *
 * @param text       the decoded text ("" when the content is binary and not text)
 * @param payload    the raw user data, UDHs removed, parts joined
 * @param dataCoding the data_coding it came with
 * @param parts      how many PDUs carried it
 * @param pdu        the PDU that completed it (its TLVs, service_type …)
 */
public record InboundMessage(Address source, Address destination, String text, byte[] payload, int dataCoding,
                             int parts, Pdu pdu, String sessionId) {
    public InboundMessage {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        payload = payload.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public String toString() {
        return "InboundMessage{from=" + source.address() + ", to=" + destination.address() + ", parts=" + parts
                + ", dc=0x" + Integer.toHexString(dataCoding) + ", text=" + text.length() + " chars}";
    }
}
