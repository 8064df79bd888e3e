package io.ujumbe.pdu;

import java.util.Optional;

/**
 * The command_id of every SMPP 3.4 PDU. Responses have bit 31 set; {@link #response()} and
 * {@link #request()} pair each request with its response.
 */
public enum CommandId {
    GENERIC_NACK(0x80000000),
    BIND_RECEIVER(0x00000001),
    BIND_RECEIVER_RESP(0x80000001),
    BIND_TRANSMITTER(0x00000002),
    BIND_TRANSMITTER_RESP(0x80000002),
    QUERY_SM(0x00000003),
    QUERY_SM_RESP(0x80000003),
    SUBMIT_SM(0x00000004),
    SUBMIT_SM_RESP(0x80000004),
    DELIVER_SM(0x00000005),
    DELIVER_SM_RESP(0x80000005),
    UNBIND(0x00000006),
    UNBIND_RESP(0x80000006),
    REPLACE_SM(0x00000007),
    REPLACE_SM_RESP(0x80000007),
    CANCEL_SM(0x00000008),
    CANCEL_SM_RESP(0x80000008),
    BIND_TRANSCEIVER(0x00000009),
    BIND_TRANSCEIVER_RESP(0x80000009),
    OUTBIND(0x0000000B),
    ENQUIRE_LINK(0x00000015),
    ENQUIRE_LINK_RESP(0x80000015),
    SUBMIT_MULTI(0x00000021),
    SUBMIT_MULTI_RESP(0x80000021),
    ALERT_NOTIFICATION(0x00000102),
    DATA_SM(0x00000103),
    DATA_SM_RESP(0x80000103);

    private static final int RESPONSE_BIT = 0x80000000;

    private final int id;
    private final String smppName;

    CommandId(int id) {
        this.id = id;
        this.smppName = name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The 32-bit command_id as written on the wire. */
    public int id() {
        return id;
    }

    /** True for responses (bit 31 set), including generic_nack. */
    public boolean isResponse() {
        return (id & RESPONSE_BIT) != 0;
    }

    /**
     * True for PDUs that expect a response: every request except outbind and alert_notification,
     * which the specification defines without one.
     */
    public boolean expectsResponse() {
        return !isResponse() && this != OUTBIND && this != ALERT_NOTIFICATION;
    }

    /** The response to this request, if the specification defines one. */
    public Optional<CommandId> response() {
        if (!expectsResponse()) {
            return Optional.empty();
        }
        return of(id | RESPONSE_BIT);
    }

    /** The request this response answers; empty for generic_nack and for requests. */
    public Optional<CommandId> request() {
        if (!isResponse() || this == GENERIC_NACK) {
            return Optional.empty();
        }
        return of(id & ~RESPONSE_BIT);
    }

    /** The SMPP name, e.g. {@code submit_sm_resp}. */
    public String smppName() {
        return smppName;
    }

    /** The command with this id, or empty when the id is not an SMPP 3.4 command. */
    public static Optional<CommandId> of(int id) {
        CommandId c = lookup(id);
        return Optional.ofNullable(c);
    }

    /** Like {@link #of(int)} without the Optional, for hot paths: null when unknown. */
    public static CommandId lookup(int id) {
        if ((id & RESPONSE_BIT) == 0) {
            return byLowId(id, false);
        }
        if (id == RESPONSE_BIT) {
            return GENERIC_NACK;
        }
        return byLowId(id & ~RESPONSE_BIT, true);
    }

    private static CommandId byLowId(int low, boolean response) {
        switch (low) {
            case 0x01: return response ? BIND_RECEIVER_RESP : BIND_RECEIVER;
            case 0x02: return response ? BIND_TRANSMITTER_RESP : BIND_TRANSMITTER;
            case 0x03: return response ? QUERY_SM_RESP : QUERY_SM;
            case 0x04: return response ? SUBMIT_SM_RESP : SUBMIT_SM;
            case 0x05: return response ? DELIVER_SM_RESP : DELIVER_SM;
            case 0x06: return response ? UNBIND_RESP : UNBIND;
            case 0x07: return response ? REPLACE_SM_RESP : REPLACE_SM;
            case 0x08: return response ? CANCEL_SM_RESP : CANCEL_SM;
            case 0x09: return response ? BIND_TRANSCEIVER_RESP : BIND_TRANSCEIVER;
            case 0x0B: return response ? null : OUTBIND;
            case 0x15: return response ? ENQUIRE_LINK_RESP : ENQUIRE_LINK;
            case 0x21: return response ? SUBMIT_MULTI_RESP : SUBMIT_MULTI;
            case 0x102: return response ? null : ALERT_NOTIFICATION;
            case 0x103: return response ? DATA_SM_RESP : DATA_SM;
            default: return null;
        }
    }
}
