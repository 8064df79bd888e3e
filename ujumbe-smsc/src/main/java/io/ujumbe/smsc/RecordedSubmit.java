package io.ujumbe.smsc;

import io.ujumbe.pdu.PduRequest;

/**
 * One accepted submission as {@link SmscRecord} keeps it: the raw user data and references to
 * what the simulator already holds, turned into a {@link ReceivedSubmit} (decoding the text) only
 * when someone reads the record. Decoding every submission's text on the I/O thread took 8 % of
 * that thread at peak, for records that are mostly never read.
 */
final class RecordedSubmit {
    private final String sessionId;
    private final String systemId;
    private final StoredMessage message;
    private final byte[] payload;
    private final int partNumber;
    private final int totalParts;
    private final int reference;
    private final PduRequest pdu;
    /** Built on first read; a race builds two equal values, which is harmless. */
    private ReceivedSubmit received;

    /**
     * @param payload the user data without any header; not copied, so the caller must not change it
     */
    RecordedSubmit(String sessionId, String systemId, StoredMessage message, byte[] payload, int partNumber,
                   int totalParts, int reference, PduRequest pdu) {
        this.sessionId = sessionId;
        this.systemId = systemId;
        this.message = message;
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
            StoredMessage m = message;
            r = new ReceivedSubmit(sessionId, systemId, m.messageId(), m.source.address(),
                    m.firstDestination().address(), m.dataCoding, MessageCenter.decode(m.dataCoding, payload, true),
                    partNumber, totalParts, reference, m.submittedAt(), pdu);
            received = r;
        }
        return r;
    }
}
