package io.ujumbe.pdu;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Converts between SMPP 3.4 frames and {@link Pdu}s. A frame is one whole PDU: the 16-octet
 * header (command_length, command_id, command_status, sequence_number), the body and the optional
 * parameters; splitting a byte stream into frames is the transport's job.
 *
 * <p>Decoding never trusts a length from the wire: every length is checked against the frame
 * before anything is read or allocated, and any malformed input ends in a
 * {@link PduDecodeException} carrying the status the peer should get. Encoding writes straight
 * into the caller's buffer. Instances hold no mutable state and are safe to share between threads.
 */
public final class PduCodec {

    /** A strict codec ({@link CodecOptions#STRICT}). */
    public static final PduCodec DEFAULT = new PduCodec(CodecOptions.STRICT);

    /** The length of the header every PDU starts with. */
    public static final int HEADER_LENGTH = 16;

    private static final byte[] NO_OCTETS = new byte[0];
    private static final Tlv[] NO_TLVS = new Tlv[0];

    private final CodecOptions options;
    private final boolean strict;

    /** A codec with these options. */
    public PduCodec(CodecOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.strict = options.strictLengths();
    }

    /** The options this codec was made with. */
    public CodecOptions options() {
        return options;
    }

    // ---------------------------------------------------------------------------------- decode

    /**
     * Decodes exactly one PDU; command_length must equal {@code frame.length}.
     *
     * @throws PduDecodeException when the frame is not a valid PDU
     */
    public Pdu decode(byte[] frame) {
        return decode(frame, 0, frame.length);
    }

    /**
     * Decodes exactly one PDU from the octets between the buffer's position and limit. The
     * buffer's position is left unchanged and the buffer is not retained.
     *
     * @throws PduDecodeException when the frame is not a valid PDU
     */
    public Pdu decode(ByteBuffer frame) {
        int length = frame.remaining();
        if (frame.hasArray()) {
            return decode(frame.array(), frame.arrayOffset() + frame.position(), length);
        }
        byte[] copy = new byte[length];
        frame.duplicate().get(copy);
        return decode(copy, 0, length);
    }

    private Pdu decode(byte[] b, int offset, int length) {
        if (length < HEADER_LENGTH) {
            int id = length >= 8 ? readInt(b, offset + 4) : 0;
            throw new PduDecodeException(id, -1, "header", CommandStatus.ESME_RINVCMDLEN,
                    "frame of " + length + " octets is shorter than the 16-octet header");
        }
        int commandLength = readInt(b, offset);
        int commandIdValue = readInt(b, offset + 4);
        int statusCode = readInt(b, offset + 8);
        int sequenceNumber = readInt(b, offset + 12);
        CommandId commandId = CommandId.lookup(commandIdValue);
        if (commandLength != length) {
            String name = commandId != null ? commandId.smppName() : Hex.intString(commandIdValue);
            throw new PduDecodeException(commandIdValue, sequenceNumber, name + ".command_length",
                    CommandStatus.ESME_RINVCMDLEN, name + " seq=" + sequenceNumber + ": command_length "
                    + Integer.toUnsignedString(commandLength) + " does not match the frame's " + length + " octets");
        }
        if (commandId == null) {
            throw new PduDecodeException(commandIdValue, sequenceNumber, "header.command_id",
                    CommandStatus.ESME_RINVCMDID, "unknown command_id " + Hex.intString(commandIdValue)
                    + " seq=" + sequenceNumber);
        }
        Reader r = new Reader(b, offset + HEADER_LENGTH, offset + length, commandId, sequenceNumber, strict);
        CommandStatus status = commandId.isResponse() ? CommandStatus.of(statusCode) : CommandStatus.ESME_ROK;
        boolean headerOnly = length == HEADER_LENGTH;
        switch (commandId) {
            case GENERIC_NACK:
                return new GenericNack(status, sequenceNumber, r.tlvs());
            case BIND_RECEIVER:
            case BIND_TRANSMITTER:
            case BIND_TRANSCEIVER:
                return decodeBind(r, commandId, sequenceNumber);
            case BIND_RECEIVER_RESP:
            case BIND_TRANSMITTER_RESP:
            case BIND_TRANSCEIVER_RESP: {
                String systemId = headerOnly ? "" : r.cString("system_id", Check.SYSTEM_ID, CommandStatus.ESME_RINVSYSID);
                return new BindResp(BindType.of(commandId), status, sequenceNumber, systemId, r.tlvs());
            }
            case OUTBIND: {
                String systemId = r.cString("system_id", Check.SYSTEM_ID, CommandStatus.ESME_RINVSYSID);
                String password = r.cString("password", Check.PASSWORD, CommandStatus.ESME_RINVPASWD);
                return new Outbind(sequenceNumber, systemId, password, r.tlvs());
            }
            case UNBIND:
                return new Unbind(sequenceNumber, r.tlvs());
            case UNBIND_RESP:
                return new UnbindResp(status, sequenceNumber, r.tlvs());
            case ENQUIRE_LINK:
                return new EnquireLink(sequenceNumber, r.tlvs());
            case ENQUIRE_LINK_RESP:
                return new EnquireLinkResp(status, sequenceNumber, r.tlvs());
            case SUBMIT_SM:
            case DELIVER_SM:
                return decodeShortMessage(r, commandId, sequenceNumber);
            case SUBMIT_SM_RESP: {
                String id = headerOnly ? "" : r.messageId();
                return new SubmitSmResp(status, sequenceNumber, id, r.tlvs());
            }
            case DELIVER_SM_RESP: {
                String id = headerOnly ? "" : r.messageId();
                return new DeliverSmResp(status, sequenceNumber, id, r.tlvs());
            }
            case DATA_SM:
                return decodeDataSm(r, sequenceNumber);
            case DATA_SM_RESP: {
                String id = headerOnly ? "" : r.messageId();
                return new DataSmResp(status, sequenceNumber, id, r.tlvs());
            }
            case SUBMIT_MULTI:
                return decodeSubmitMulti(r, sequenceNumber);
            case SUBMIT_MULTI_RESP:
                return decodeSubmitMultiResp(r, status, sequenceNumber, headerOnly);
            case QUERY_SM: {
                String id = r.messageId();
                Address source = r.address("source_addr", Check.ADDR_21, CommandStatus.ESME_RINVSRCADR);
                return new QuerySm(sequenceNumber, id, source, r.tlvs());
            }
            case QUERY_SM_RESP: {
                if (headerOnly) {
                    return new QuerySmResp(status, sequenceNumber, "", "", 0, 0, Tlvs.EMPTY);
                }
                String id = r.messageId();
                String finalDate = r.time("final_date", CommandStatus.ESME_RUNKNOWNERR);
                int state = r.u8("message_state");
                int error = r.u8("error_code");
                return new QuerySmResp(status, sequenceNumber, id, finalDate, state, error, r.tlvs());
            }
            case CANCEL_SM: {
                String serviceType = r.cString("service_type", Check.SERVICE_TYPE, CommandStatus.ESME_RINVSERTYP);
                String id = r.messageId();
                Address source = r.address("source_addr", Check.ADDR_21, CommandStatus.ESME_RINVSRCADR);
                Address dest = r.address("destination_addr", Check.ADDR_21, CommandStatus.ESME_RINVDSTADR);
                return new CancelSm(sequenceNumber, serviceType, id, source, dest, r.tlvs());
            }
            case CANCEL_SM_RESP:
                return new CancelSmResp(status, sequenceNumber, r.tlvs());
            case REPLACE_SM: {
                String id = r.messageId();
                Address source = r.address("source_addr", Check.ADDR_21, CommandStatus.ESME_RINVSRCADR);
                String schedule = r.time("schedule_delivery_time", CommandStatus.ESME_RINVSCHED);
                String validity = r.time("validity_period", CommandStatus.ESME_RINVEXPIRY);
                RegisteredDelivery rd = RegisteredDelivery.of(r.u8("registered_delivery"));
                int defaultMsgId = r.u8("sm_default_msg_id");
                byte[] sm = r.shortMessage();
                return new ReplaceSm(sequenceNumber, id, source, schedule, validity, rd, defaultMsgId, sm, r.tlvs());
            }
            case REPLACE_SM_RESP:
                return new ReplaceSmResp(status, sequenceNumber, r.tlvs());
            case ALERT_NOTIFICATION: {
                Address source = r.address("source_addr", Check.ADDR_65, CommandStatus.ESME_RINVSRCADR);
                Address esme = r.address("esme_addr", Check.ADDR_65, CommandStatus.ESME_RUNKNOWNERR);
                return new AlertNotification(sequenceNumber, source, esme, r.tlvs());
            }
            default:
                // Every CommandId is handled above; this keeps the compiler and future enum values honest.
                throw r.fail("header.command_id", CommandStatus.ESME_RINVCMDID, "command is not supported");
        }
    }

    private static Pdu decodeBind(Reader r, CommandId commandId, int sequenceNumber) {
        String systemId = r.cString("system_id", Check.SYSTEM_ID, CommandStatus.ESME_RINVSYSID);
        String password = r.cString("password", Check.PASSWORD, CommandStatus.ESME_RINVPASWD);
        String systemType = r.cString("system_type", Check.SYSTEM_TYPE, CommandStatus.ESME_RINVSYSTYP);
        int version = r.u8("interface_version");
        Address range = r.address("address_range", Check.ADDRESS_RANGE, CommandStatus.ESME_RUNKNOWNERR);
        return new Bind(BindType.of(commandId), sequenceNumber, systemId, password, systemType, version, range,
                r.tlvs());
    }

    private static Pdu decodeShortMessage(Reader r, CommandId commandId, int sequenceNumber) {
        String serviceType = r.cString("service_type", Check.SERVICE_TYPE, CommandStatus.ESME_RINVSERTYP);
        Address source = r.address("source_addr", Check.ADDR_21, CommandStatus.ESME_RINVSRCADR);
        Address dest = r.address("destination_addr", Check.ADDR_21, CommandStatus.ESME_RINVDSTADR);
        EsmClass esm = EsmClass.of(r.u8("esm_class"));
        int protocolId = r.u8("protocol_id");
        int priority = r.u8("priority_flag");
        String schedule = r.time("schedule_delivery_time", CommandStatus.ESME_RINVSCHED);
        String validity = r.time("validity_period", CommandStatus.ESME_RINVEXPIRY);
        RegisteredDelivery rd = RegisteredDelivery.of(r.u8("registered_delivery"));
        int replace = r.u8("replace_if_present_flag");
        DataCoding dc = DataCoding.of(r.u8("data_coding"));
        int defaultMsgId = r.u8("sm_default_msg_id");
        byte[] sm = r.shortMessage();
        Tlvs tlvs = r.tlvs();
        if (commandId == CommandId.SUBMIT_SM) {
            return new SubmitSm(sequenceNumber, serviceType, source, dest, esm, protocolId, priority, schedule,
                    validity, rd, replace, dc, defaultMsgId, sm, tlvs);
        }
        return new DeliverSm(sequenceNumber, serviceType, source, dest, esm, protocolId, priority, schedule,
                validity, rd, replace, dc, defaultMsgId, sm, tlvs);
    }

    private static Pdu decodeDataSm(Reader r, int sequenceNumber) {
        String serviceType = r.cString("service_type", Check.SERVICE_TYPE, CommandStatus.ESME_RINVSERTYP);
        Address source = r.address("source_addr", Check.ADDR_65, CommandStatus.ESME_RINVSRCADR);
        Address dest = r.address("destination_addr", Check.ADDR_65, CommandStatus.ESME_RINVDSTADR);
        EsmClass esm = EsmClass.of(r.u8("esm_class"));
        RegisteredDelivery rd = RegisteredDelivery.of(r.u8("registered_delivery"));
        DataCoding dc = DataCoding.of(r.u8("data_coding"));
        return new DataSm(sequenceNumber, serviceType, source, dest, esm, rd, dc, r.tlvs());
    }

    private Pdu decodeSubmitMulti(Reader r, int sequenceNumber) {
        String serviceType = r.cString("service_type", Check.SERVICE_TYPE, CommandStatus.ESME_RINVSERTYP);
        Address source = r.address("source_addr", Check.ADDR_21, CommandStatus.ESME_RINVSRCADR);
        int count = r.u8("number_of_dests");
        if (strict && count > Check.MAX_DESTINATIONS) {
            throw r.fail("number_of_dests", CommandStatus.ESME_RINVNUMDESTS,
                    "number_of_dests " + count + " is over the limit of 254");
        }
        List<DestinationAddress> dests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int flag = r.u8("dest_flag");
            if (flag == DestinationAddress.SME_ADDRESS) {
                dests.add(DestinationAddress.sme(
                        r.address("destination_addr", Check.ADDR_21, CommandStatus.ESME_RINVDSTADR)));
            } else if (flag == DestinationAddress.DISTRIBUTION_LIST) {
                dests.add(DestinationAddress.distributionList(
                        r.cString("dl_name", Check.DL_NAME, CommandStatus.ESME_RINVDLNAME)));
            } else {
                throw r.fail("dest_flag", CommandStatus.ESME_RINVDESTFLAG,
                        "dest_flag " + flag + " of destination " + (i + 1) + " is neither 1 (SME) nor 2 (list)");
            }
        }
        EsmClass esm = EsmClass.of(r.u8("esm_class"));
        int protocolId = r.u8("protocol_id");
        int priority = r.u8("priority_flag");
        String schedule = r.time("schedule_delivery_time", CommandStatus.ESME_RINVSCHED);
        String validity = r.time("validity_period", CommandStatus.ESME_RINVEXPIRY);
        RegisteredDelivery rd = RegisteredDelivery.of(r.u8("registered_delivery"));
        int replace = r.u8("replace_if_present_flag");
        DataCoding dc = DataCoding.of(r.u8("data_coding"));
        int defaultMsgId = r.u8("sm_default_msg_id");
        byte[] sm = r.shortMessage();
        return new SubmitMulti(sequenceNumber, serviceType, source, dests, esm, protocolId, priority, schedule,
                validity, rd, replace, dc, defaultMsgId, sm, r.tlvs());
    }

    private static Pdu decodeSubmitMultiResp(Reader r, CommandStatus status, int sequenceNumber, boolean headerOnly) {
        if (headerOnly) {
            return new SubmitMultiResp(status, sequenceNumber, "", List.of(), Tlvs.EMPTY);
        }
        String id = r.messageId();
        int count = r.u8("no_unsuccess");
        List<UnsuccessSme> failed = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Address address = r.address("unsuccess_sme.destination_addr", Check.ADDR_21,
                    CommandStatus.ESME_RINVDSTADR);
            CommandStatus error = CommandStatus.of(r.u32("unsuccess_sme.error_status_code"));
            failed.add(new UnsuccessSme(address, error));
        }
        return new SubmitMultiResp(status, sequenceNumber, id, failed, r.tlvs());
    }

    private static int readInt(byte[] b, int i) {
        return ((b[i] & 0xFF) << 24) | ((b[i + 1] & 0xFF) << 16) | ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
    }

    /** A cursor over one frame's body that turns every overrun into a {@link PduDecodeException}. */
    private static final class Reader {
        private final byte[] b;
        private final int end;
        private final CommandId command;
        private final int sequenceNumber;
        private final boolean strict;
        private int pos;

        Reader(byte[] b, int pos, int end, CommandId command, int sequenceNumber, boolean strict) {
            this.b = b;
            this.pos = pos;
            this.end = end;
            this.command = command;
            this.sequenceNumber = sequenceNumber;
            this.strict = strict;
        }

        PduDecodeException fail(String field, CommandStatus status, String problem) {
            String name = command.smppName();
            return new PduDecodeException(command.id(), sequenceNumber, name + "." + field, status,
                    name + " seq=" + sequenceNumber + ": " + problem);
        }

        private PduDecodeException truncated(String field) {
            return fail(field, CommandStatus.ESME_RINVCMDLEN, "body ends before " + field);
        }

        int u8(String field) {
            if (pos >= end) {
                throw truncated(field);
            }
            return b[pos++] & 0xFF;
        }

        int u32(String field) {
            if (end - pos < 4) {
                throw truncated(field);
            }
            int v = readInt(b, pos);
            pos += 4;
            return v;
        }

        /**
         * A C-octet string of at most {@code max} octets including the NUL. Too long is the field's
         * own error; running into the end of the body is a length error.
         */
        String cString(String field, int max, CommandStatus overLongStatus) {
            int limit = strict ? Math.min(end, pos + max) : end;
            int i = pos;
            while (i < limit && b[i] != 0) {
                i++;
            }
            if (i == limit) {
                if (strict && end - pos >= max) {
                    throw fail(field, overLongStatus, field + " has no NUL terminator within " + max + " octets");
                }
                throw fail(field, CommandStatus.ESME_RINVCMDLEN,
                        field + " has no NUL terminator before the end of the body");
            }
            String s = i == pos ? "" : new String(b, pos, i - pos, StandardCharsets.ISO_8859_1);
            pos = i + 1;
            return s;
        }

        /** A time field: a C-octet string that is empty or exactly 16 characters. */
        String time(String field, CommandStatus status) {
            String s = cString(field, Check.TIME, status);
            if (strict && !s.isEmpty() && s.length() != Check.TIME - 1) {
                throw fail(field, status, field + " must be empty or 16 characters, was " + s.length());
            }
            return s;
        }

        String messageId() {
            return cString("message_id", Check.MESSAGE_ID, CommandStatus.ESME_RINVMSGID);
        }

        Address address(String field, int max, CommandStatus status) {
            if (end - pos < 2) {
                throw truncated(field + " (its TON and NPI)");
            }
            int ton = b[pos] & 0xFF;
            int npi = b[pos + 1] & 0xFF;
            pos += 2;
            String address = cString(field, max, status);
            return new Address(TypeOfNumber.of(ton), NumberingPlan.of(npi), address);
        }

        byte[] shortMessage() {
            int length = u8("sm_length");
            if (length > Check.SHORT_MESSAGE) {
                throw fail("sm_length", CommandStatus.ESME_RINVMSGLEN,
                        "sm_length " + length + " is over the limit of 254");
            }
            if (length > end - pos) {
                throw fail("short_message", CommandStatus.ESME_RINVMSGLEN,
                        "sm_length " + length + " runs past the body (" + (end - pos) + " octets left)");
            }
            if (length == 0) {
                return NO_OCTETS;
            }
            byte[] sm = new byte[length];
            System.arraycopy(b, pos, sm, 0, length);
            pos += length;
            return sm;
        }

        Tlvs tlvs() {
            if (pos == end) {
                return Tlvs.EMPTY;
            }
            List<Tlv> list = new ArrayList<>(4);
            while (pos < end) {
                if (end - pos < 4) {
                    throw fail("tlv", CommandStatus.ESME_RINVCMDLEN, (end - pos)
                            + " trailing octets are not a whole TLV (a TLV header needs 4)");
                }
                int tag = ((b[pos] & 0xFF) << 8) | (b[pos + 1] & 0xFF);
                int length = ((b[pos + 2] & 0xFF) << 8) | (b[pos + 3] & 0xFF);
                pos += 4;
                TlvTag known = TlvTag.lookup(tag);
                if (length > end - pos) {
                    String field = tlvName(known, tag);
                    throw fail(field, CommandStatus.ESME_RINVOPTPARSTREAM, "TLV " + field + " length " + length
                            + " runs past the body (" + (end - pos) + " octets left)");
                }
                if (strict && known != null && !known.allowsLength(length)) {
                    String field = tlvName(known, tag);
                    throw fail(field, CommandStatus.ESME_RINVPARLEN, "TLV " + field + " has length " + length
                            + ", allowed " + known.minLength() + ".." + known.maxLength());
                }
                byte[] value = length == 0 ? NO_OCTETS : new byte[length];
                System.arraycopy(b, pos, value, 0, length);
                pos += length;
                list.add(Tlv.wrap(tag, value));
            }
            return Tlvs.wrap(list.toArray(NO_TLVS));
        }
    }

    private static String tlvName(TlvTag known, int tag) {
        return known != null ? known.smppName() : "tlv_" + Hex.shortString(tag);
    }

    // ---------------------------------------------------------------------------------- encode

    /**
     * The number of octets {@link #encode(Pdu, ByteBuffer)} writes for this PDU (its
     * command_length).
     *
     * @throws PduEncodeException when the PDU type is not one of this package's
     */
    public int encodedLength(Pdu pdu) {
        return HEADER_LENGTH + bodyLength(pdu) + pdu.tlvs().encodedLength();
    }

    /**
     * Encodes the PDU into a new array of exactly {@link #encodedLength(Pdu)} octets.
     *
     * @throws PduEncodeException when a value breaks the specification's limits (strict) or
     *                            cannot be represented on the wire
     */
    public byte[] encode(Pdu pdu) {
        byte[] frame = new byte[encodedLength(pdu)];
        encode(pdu, ByteBuffer.wrap(frame));
        return frame;
    }

    /**
     * Writes the PDU at the buffer's position, exactly {@link #encodedLength(Pdu)} octets, and
     * advances the position past them. The buffer's byte order is not used (SMPP is big-endian)
     * and is left as it was. On failure the position is left where it was.
     *
     * @throws PduEncodeException       when a value breaks the specification's limits (strict) or
     *                                  cannot be represented on the wire
     * @throws IllegalArgumentException when the buffer has too little room
     */
    public void encode(Pdu pdu, ByteBuffer out) {
        if (strict) {
            validate(pdu);
        }
        int length = encodedLength(pdu);
        if (out.remaining() < length) {
            throw new IllegalArgumentException("buffer has " + out.remaining() + " octets left, "
                    + pdu.commandId().smppName() + " needs " + length);
        }
        int start = out.position();
        ByteOrder order = out.order();
        out.order(ByteOrder.BIG_ENDIAN);
        boolean done = false;
        try {
            out.putInt(length);
            out.putInt(pdu.commandId().id());
            out.putInt(pdu.commandStatus().code());
            out.putInt(pdu.sequenceNumber());
            writeBody(pdu, out);
            Tlvs tlvs = pdu.tlvs();
            for (int i = 0, n = tlvs.size(); i < n; i++) {
                Tlv t = tlvs.at(i);
                byte[] v = t.rawValue();
                out.putShort((short) t.tag());
                out.putShort((short) v.length);
                out.put(v);
            }
            done = true;
        } finally {
            out.order(order);
            if (!done) {
                out.position(start);
            }
        }
    }

    private static <T extends Pdu> T as(Pdu pdu, Class<T> type) {
        if (!type.isInstance(pdu)) {
            throw new PduEncodeException(pdu.commandId().smppName(), "cannot encode " + pdu.getClass().getName()
                    + " as " + pdu.commandId().smppName() + ": expected " + type.getName());
        }
        return type.cast(pdu);
    }

    private static void validate(Pdu pdu) {
        switch (pdu.commandId()) {
            case BIND_RECEIVER:
            case BIND_TRANSMITTER:
            case BIND_TRANSCEIVER:
                as(pdu, Bind.class).validate();
                break;
            case BIND_RECEIVER_RESP:
            case BIND_TRANSMITTER_RESP:
            case BIND_TRANSCEIVER_RESP:
                as(pdu, BindResp.class).validate();
                break;
            case OUTBIND:
                as(pdu, Outbind.class).validate();
                break;
            case SUBMIT_SM:
                as(pdu, SubmitSm.class).validate();
                break;
            case DELIVER_SM:
                as(pdu, DeliverSm.class).validate();
                break;
            case SUBMIT_SM_RESP:
                as(pdu, SubmitSmResp.class).validate();
                break;
            case DELIVER_SM_RESP:
                as(pdu, DeliverSmResp.class).validate();
                break;
            case DATA_SM:
                as(pdu, DataSm.class).validate();
                break;
            case DATA_SM_RESP:
                as(pdu, DataSmResp.class).validate();
                break;
            case SUBMIT_MULTI:
                as(pdu, SubmitMulti.class).validate();
                break;
            case SUBMIT_MULTI_RESP:
                as(pdu, SubmitMultiResp.class).validate();
                break;
            case QUERY_SM:
                as(pdu, QuerySm.class).validate();
                break;
            case QUERY_SM_RESP:
                as(pdu, QuerySmResp.class).validate();
                break;
            case CANCEL_SM:
                as(pdu, CancelSm.class).validate();
                break;
            case REPLACE_SM:
                as(pdu, ReplaceSm.class).validate();
                break;
            case ALERT_NOTIFICATION:
                as(pdu, AlertNotification.class).validate();
                break;
            default:
                break;
        }
    }

    private static int cLen(String s) {
        return s.length() + 1;
    }

    private static int addrLen(Address a) {
        return 2 + a.address().length() + 1;
    }

    private static int bodyLength(Pdu pdu) {
        switch (pdu.commandId()) {
            case GENERIC_NACK:
            case UNBIND:
            case UNBIND_RESP:
            case ENQUIRE_LINK:
            case ENQUIRE_LINK_RESP:
            case CANCEL_SM_RESP:
            case REPLACE_SM_RESP:
                return 0;
            case BIND_RECEIVER:
            case BIND_TRANSMITTER:
            case BIND_TRANSCEIVER: {
                Bind p = as(pdu, Bind.class);
                return cLen(p.systemId()) + cLen(p.password()) + cLen(p.systemType()) + 1 + addrLen(p.addressRange());
            }
            case BIND_RECEIVER_RESP:
            case BIND_TRANSMITTER_RESP:
            case BIND_TRANSCEIVER_RESP:
                return cLen(as(pdu, BindResp.class).systemId());
            case OUTBIND: {
                Outbind p = as(pdu, Outbind.class);
                return cLen(p.systemId()) + cLen(p.password());
            }
            case SUBMIT_SM:
                return smBodyLength(as(pdu, SubmitSm.class));
            case DELIVER_SM:
                return smBodyLength(as(pdu, DeliverSm.class));
            case SUBMIT_SM_RESP:
                return cLen(as(pdu, SubmitSmResp.class).messageId());
            case DELIVER_SM_RESP:
                return cLen(as(pdu, DeliverSmResp.class).messageId());
            case DATA_SM: {
                DataSm p = as(pdu, DataSm.class);
                return cLen(p.serviceType()) + addrLen(p.sourceAddress()) + addrLen(p.destinationAddress()) + 3;
            }
            case DATA_SM_RESP:
                return cLen(as(pdu, DataSmResp.class).messageId());
            case SUBMIT_MULTI: {
                SubmitMulti p = as(pdu, SubmitMulti.class);
                int n = cLen(p.serviceType()) + addrLen(p.sourceAddress()) + 1;
                for (DestinationAddress d : p.destinations()) {
                    n += 1 + (d.isDistributionList() ? cLen(d.distributionListName()) : addrLen(d.address()));
                }
                return n + smTailLength(p);
            }
            case SUBMIT_MULTI_RESP: {
                SubmitMultiResp p = as(pdu, SubmitMultiResp.class);
                int n = cLen(p.messageId()) + 1;
                for (UnsuccessSme u : p.unsuccessSmes()) {
                    n += addrLen(u.address()) + 4;
                }
                return n;
            }
            case QUERY_SM: {
                QuerySm p = as(pdu, QuerySm.class);
                return cLen(p.messageId()) + addrLen(p.sourceAddress());
            }
            case QUERY_SM_RESP: {
                QuerySmResp p = as(pdu, QuerySmResp.class);
                return cLen(p.messageId()) + cLen(p.finalDate()) + 2;
            }
            case CANCEL_SM: {
                CancelSm p = as(pdu, CancelSm.class);
                return cLen(p.serviceType()) + cLen(p.messageId()) + addrLen(p.sourceAddress())
                        + addrLen(p.destinationAddress());
            }
            case REPLACE_SM: {
                ReplaceSm p = as(pdu, ReplaceSm.class);
                return cLen(p.messageId()) + addrLen(p.sourceAddress()) + cLen(p.scheduleDeliveryTime())
                        + cLen(p.validityPeriod()) + 3 + p.shortMessageLength();
            }
            case ALERT_NOTIFICATION: {
                AlertNotification p = as(pdu, AlertNotification.class);
                return addrLen(p.sourceAddress()) + addrLen(p.esmeAddress());
            }
            default:
                throw new PduEncodeException(pdu.commandId().smppName(),
                        "cannot encode " + pdu.commandId().smppName());
        }
    }

    private static int smBodyLength(SingleDestinationRequest p) {
        return cLen(p.serviceType()) + addrLen(p.sourceAddress()) + addrLen(p.destinationAddress()) + smTailLength(p);
    }

    /** esm_class to short_message, as written by {@link #putSmTail}. */
    private static int smTailLength(MessageRequest p) {
        return 3 + cLen(p.scheduleDeliveryTime()) + cLen(p.validityPeriod()) + 5 + p.shortMessageLength();
    }

    private static void writeBody(Pdu pdu, ByteBuffer out) {
        switch (pdu.commandId()) {
            case BIND_RECEIVER:
            case BIND_TRANSMITTER:
            case BIND_TRANSCEIVER: {
                Bind p = (Bind) pdu;
                String cmd = p.commandId().smppName();
                putCString(out, p.systemId(), cmd, "system_id");
                putCString(out, p.password(), cmd, "password");
                putCString(out, p.systemType(), cmd, "system_type");
                out.put((byte) p.interfaceVersion());
                putAddress(out, p.addressRange(), cmd, "address_range");
                break;
            }
            case BIND_RECEIVER_RESP:
            case BIND_TRANSMITTER_RESP:
            case BIND_TRANSCEIVER_RESP: {
                BindResp p = (BindResp) pdu;
                putCString(out, p.systemId(), p.commandId().smppName(), "system_id");
                break;
            }
            case OUTBIND: {
                Outbind p = (Outbind) pdu;
                putCString(out, p.systemId(), "outbind", "system_id");
                putCString(out, p.password(), "outbind", "password");
                break;
            }
            case SUBMIT_SM:
            case DELIVER_SM: {
                SingleDestinationRequest p = (SingleDestinationRequest) pdu;
                String cmd = p.commandId().smppName();
                putCString(out, p.serviceType(), cmd, "service_type");
                putAddress(out, p.sourceAddress(), cmd, "source_addr");
                putAddress(out, p.destinationAddress(), cmd, "destination_addr");
                putSmTail(out, p);
                break;
            }
            case SUBMIT_SM_RESP:
                putCString(out, ((SubmitSmResp) pdu).messageId(), "submit_sm_resp", "message_id");
                break;
            case DELIVER_SM_RESP:
                putCString(out, ((DeliverSmResp) pdu).messageId(), "deliver_sm_resp", "message_id");
                break;
            case DATA_SM: {
                DataSm p = (DataSm) pdu;
                putCString(out, p.serviceType(), "data_sm", "service_type");
                putAddress(out, p.sourceAddress(), "data_sm", "source_addr");
                putAddress(out, p.destinationAddress(), "data_sm", "destination_addr");
                out.put((byte) p.esmClass().value());
                out.put((byte) p.registeredDelivery().value());
                out.put((byte) p.dataCoding().value());
                break;
            }
            case DATA_SM_RESP:
                putCString(out, ((DataSmResp) pdu).messageId(), "data_sm_resp", "message_id");
                break;
            case SUBMIT_MULTI: {
                SubmitMulti p = (SubmitMulti) pdu;
                putCString(out, p.serviceType(), "submit_multi", "service_type");
                putAddress(out, p.sourceAddress(), "submit_multi", "source_addr");
                out.put((byte) p.destinations().size());
                for (DestinationAddress d : p.destinations()) {
                    out.put((byte) d.destFlag());
                    if (d.isDistributionList()) {
                        putCString(out, d.distributionListName(), "submit_multi", "dl_name");
                    } else {
                        putAddress(out, d.address(), "submit_multi", "destination_addr");
                    }
                }
                putSmTail(out, p);
                break;
            }
            case SUBMIT_MULTI_RESP: {
                SubmitMultiResp p = (SubmitMultiResp) pdu;
                putCString(out, p.messageId(), "submit_multi_resp", "message_id");
                out.put((byte) p.unsuccessSmes().size());
                for (UnsuccessSme u : p.unsuccessSmes()) {
                    putAddress(out, u.address(), "submit_multi_resp", "destination_addr");
                    out.putInt(u.errorStatusCode().code());
                }
                break;
            }
            case QUERY_SM: {
                QuerySm p = (QuerySm) pdu;
                putCString(out, p.messageId(), "query_sm", "message_id");
                putAddress(out, p.sourceAddress(), "query_sm", "source_addr");
                break;
            }
            case QUERY_SM_RESP: {
                QuerySmResp p = (QuerySmResp) pdu;
                putCString(out, p.messageId(), "query_sm_resp", "message_id");
                putCString(out, p.finalDate(), "query_sm_resp", "final_date");
                out.put((byte) p.messageState());
                out.put((byte) p.errorCode());
                break;
            }
            case CANCEL_SM: {
                CancelSm p = (CancelSm) pdu;
                putCString(out, p.serviceType(), "cancel_sm", "service_type");
                putCString(out, p.messageId(), "cancel_sm", "message_id");
                putAddress(out, p.sourceAddress(), "cancel_sm", "source_addr");
                putAddress(out, p.destinationAddress(), "cancel_sm", "destination_addr");
                break;
            }
            case REPLACE_SM: {
                ReplaceSm p = (ReplaceSm) pdu;
                putCString(out, p.messageId(), "replace_sm", "message_id");
                putAddress(out, p.sourceAddress(), "replace_sm", "source_addr");
                putCString(out, p.scheduleDeliveryTime(), "replace_sm", "schedule_delivery_time");
                putCString(out, p.validityPeriod(), "replace_sm", "validity_period");
                out.put((byte) p.registeredDelivery().value());
                out.put((byte) p.smDefaultMsgId());
                putShortMessage(out, "replace_sm", p.rawShortMessage());
                break;
            }
            case ALERT_NOTIFICATION: {
                AlertNotification p = (AlertNotification) pdu;
                putAddress(out, p.sourceAddress(), "alert_notification", "source_addr");
                putAddress(out, p.esmeAddress(), "alert_notification", "esme_addr");
                break;
            }
            default:
                break;
        }
    }

    /** esm_class to short_message: the part of the body that submit_sm, deliver_sm and submit_multi share. */
    private static void putSmTail(ByteBuffer out, MessageRequest p) {
        String cmd = p.commandId().smppName();
        out.put((byte) p.esmClass().value());
        out.put((byte) p.protocolId());
        out.put((byte) p.priorityFlag());
        putCString(out, p.scheduleDeliveryTime(), cmd, "schedule_delivery_time");
        putCString(out, p.validityPeriod(), cmd, "validity_period");
        out.put((byte) p.registeredDelivery().value());
        out.put((byte) p.replaceIfPresent());
        out.put((byte) p.dataCoding().value());
        out.put((byte) p.smDefaultMsgId());
        putShortMessage(out, cmd, p.rawShortMessage());
    }

    private static void putShortMessage(ByteBuffer out, String cmd, byte[] sm) {
        if (sm.length > 255) {
            throw new PduEncodeException(cmd + ".short_message", cmd
                    + ".short_message of " + sm.length + " octets does not fit sm_length (one octet)");
        }
        out.put((byte) sm.length);
        out.put(sm);
    }

    private static void putAddress(ByteBuffer out, Address a, String cmd, String field) {
        out.put((byte) a.ton().value());
        out.put((byte) a.npi().value());
        putCString(out, a.address(), cmd, field);
    }

    private static void putCString(ByteBuffer out, String s, String cmd, String field) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c == 0 || c > 0xFF) {
                throw new PduEncodeException(cmd + "." + field, cmd + "." + field
                        + " must be ASCII/Latin-1 without NUL; character " + i + " is not");
            }
            out.put((byte) c);
        }
        out.put((byte) 0);
    }
}
