package io.ujumbe.smsc;

import io.ujumbe.pdu.Address;
import io.ujumbe.pdu.PduRequest;

/**
 * One accepted submission as {@link SmscRecord} keeps it: the raw user data and what the
 * simulator already made for it, turned into a {@link ReceivedSubmit} (decoding the text) only
 * when someone reads the record. Decoding every submission's text on the I/O thread took 8 % of
 * that thread at peak, for records that are mostly never read.
 */
final class RecordedSubmit {
    private final String sessionId;
    private final String systemId;
    private final String messageId;
    private final Address source;
    private final Address destination;
    private final int dataCoding;
    private final long submittedAtNanos;
    private final byte[] payload;
    private final int partNumber;
    private final int totalParts;
    private final int reference;
    private final PduRequest pdu;
    /** Built on first read; a race builds two equal values, which is harmless. */
    private ReceivedSubmit received;

    /**
     * @param destination the message's (first) destination
     * @param payload the user data without any header; not copied, so the caller must not change it
     */
    RecordedSubmit(String sessionId, String systemId, StoredMessage message, Address destination, byte[] payload,
                   int partNumber, int totalParts, int reference, PduRequest pdu) {
        this.sessionId = sessionId;
        this.systemId = systemId;
        // Copied: the message's row is reused once it has left the table (see MessageRows).
        this.messageId = message.messageId();
        this.source = message.source();
        this.destination = destination;
        this.dataCoding = message.dataCoding();
        this.submittedAtNanos = message.submittedAtNanos();
        this.payload = payload;
        this.partNumber = partNumber;
        this.totalParts = totalParts;
        this.reference = reference;
        this.pdu = pdu;
    }

    String systemId() {
        return systemId;
    }

    ReceivedSubmit toReceivedSubmit() {
        ReceivedSubmit r = received;
        if (r == null) {
            r = new ReceivedSubmit(sessionId, systemId, messageId, source.address(), destination.address(), dataCoding,
                    MessageCenter.decode(dataCoding, payload, true), partNumber, totalParts, reference,
                    StoredMessage.instant(submittedAtNanos), pdu);
            received = r;
        }
        return r;
    }
}
