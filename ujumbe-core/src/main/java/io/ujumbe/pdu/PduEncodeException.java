package io.ujumbe.pdu;

/**
 * A PDU, or a value in it, breaks a limit of the SMPP specification (a system_id over 15
 * characters, a short_message over 254 octets …) and so cannot be built or written. The message
 * names the field and the limit; it never contains a password.
 */
public class PduEncodeException extends SmppException {

    private final String field;

    /**
     * @param field   the field in the form {@code submit_sm.source_addr}
     * @param message what is wrong, naming the field and its limit
     */
    public PduEncodeException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The offending field, e.g. {@code bind.system_id}. */
    public String field() {
        return field;
    }
}
