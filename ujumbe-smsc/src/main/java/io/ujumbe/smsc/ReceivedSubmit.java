package io.ujumbe.smsc;

import io.ujumbe.pdu.PduRequest;

import java.time.Instant;
import java.util.Objects;

/**
 * One accepted submission (a submit_sm, submit_multi or data_sm, which may be one part of a
 * concatenated message) as the simulator recorded it.
 *
 * @param sessionId     the session it came on
 * @param systemId      the system_id that session is bound with
 * @param messageId     the id the simulator assigned
 * @param source        the source address digits or text
 * @param destination   the (first) destination address
 * @param dataCoding    the data_coding
 * @param text          the user data decoded by its data_coding, without a UDH (empty when binary)
 * @param partNumber    the part's sequence number, 1 when not concatenated
 * @param totalParts    the number of parts, 1 when not concatenated
 * @param reference     the concatenation reference, -1 when not concatenated
 * @param receivedAt    when it was accepted
 * @param pdu           the PDU itself
 */
public record ReceivedSubmit(String sessionId, String systemId, String messageId, String source, String destination,
                             int dataCoding, String text, int partNumber, int totalParts, int reference,
                             Instant receivedAt, PduRequest pdu) {

    /** @throws NullPointerException when a component is null */
    public ReceivedSubmit {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(systemId, "systemId");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(pdu, "pdu");
    }

    /** True when this is one part of a concatenated message. */
    public boolean isPart() {
        return reference >= 0;
    }
}
