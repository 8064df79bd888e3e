package io.ujumbe.pdu;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Converts between SMPP 3.4 frames and {@link Pdu}s. A frame is one whole PDU: the 16-octet
 * header (command_length, command_id, command_status, sequence_number), the body and the optional
 * parameters; splitting a byte stream into frames is the transport's job.
 *
 * <p>Decoding never trusts a length from the wire: every length is checked against the frame
 * before anything is read or allocated, and any malformed input ends in a
 * {@link PduDecodeException} carrying the status the peer should get. Encoding checks and writes
 * each field in one pass, straight into the caller's array (or a buffer's); a direct buffer is
 * written through a per-thread array and one bulk copy, and decoded the same way. Instances hold no
 * other state and are safe to share between threads.
 */
public final class PduCodec {

    /** A strict codec ({@link CodecOptions#STRICT}). */
    public static final PduCodec DEFAULT = new PduCodec(CodecOptions.STRICT);

    /** The length of the header every PDU starts with. */
    public static final int HEADER_LENGTH = 16;

    private static final byte[] NO_OCTETS = new byte[0];
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final int SCRATCH_LIMIT = 64 * 1024;
    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[512]);

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
        return decodeFrame(frame, 0, frame.length);
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
        // The decoded PDU copies out every value, so a per-thread array can carry the frame.
        byte[] copy = scratch(length);
        frame.get(frame.position(), copy, 0, length);
        return decode(copy, 0, length);
    }

    /**
     * Decodes exactly one PDU from {@code length} octets of the array from {@code offset}. The
     * array is not retained: the PDU holds copies of what it needs.
     *
     * @throws PduDecodeException        when the frame is not a valid PDU
     * @throws IndexOutOfBoundsException when the range is outside the array
     */
    public Pdu decode(byte[] frame, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, frame.length);
        return decodeFrame(frame, offset, length);
    }

    private Pdu decodeFrame(byte[] b, int offset, int length) {
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
                    validity, rd, replace, dc, defaultMsgId, sm, tlvs, false);
        }
        return new DeliverSm(sequenceNumber, serviceType, source, dest, esm, protocolId, priority, schedule,
                validity, rd, replace, dc, defaultMsgId, sm, tlvs, false);
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
        return (int) INT.get(b, i);
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
            return decodeFailure(command, sequenceNumber, field, status, problem);
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
            int i = indexOfNul(b, pos, limit);
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

        /**
         * The TLVs up to the end of the body. The loop is a static method of its own, given the
         * fields rather than this reader: too big to inline, it would otherwise make every
         * Reader escape and cost an allocation per decode.
         */
        Tlvs tlvs() {
            if (pos == end) {
                return Tlvs.EMPTY;
            }
            Tlvs tlvs = readTlvs(b, pos, end, command, sequenceNumber, strict);
            pos = end;
            return tlvs;
        }
    }

    private static Tlvs readTlvs(byte[] b, int pos, int end, CommandId command, int sequenceNumber, boolean strict) {
        // Count the headers first so that the array is allocated once at its size; the checks come below.
        int headers = 0;
        for (int p = pos; end - p >= 4; p += 4 + (((b[p + 2] & 0xFF) << 8) | (b[p + 3] & 0xFF))) {
            headers++;
        }
        Tlv[] list = new Tlv[headers];
        int count = 0;
        while (pos < end) {
            if (end - pos < 4) {
                throw decodeFailure(command, sequenceNumber, "tlv", CommandStatus.ESME_RINVCMDLEN, (end - pos)
                        + " trailing octets are not a whole TLV (a TLV header needs 4)");
            }
            int tag = ((b[pos] & 0xFF) << 8) | (b[pos + 1] & 0xFF);
            int length = ((b[pos + 2] & 0xFF) << 8) | (b[pos + 3] & 0xFF);
            pos += 4;
            TlvTag known = TlvTag.lookup(tag);
            if (length > end - pos) {
                String field = tlvName(known, tag);
                throw decodeFailure(command, sequenceNumber, field, CommandStatus.ESME_RINVOPTPARSTREAM, "TLV "
                        + field + " length " + length + " runs past the body (" + (end - pos) + " octets left)");
            }
            if (strict && known != null && !known.allowsLength(length)) {
                String field = tlvName(known, tag);
                throw decodeFailure(command, sequenceNumber, field, CommandStatus.ESME_RINVPARLEN, "TLV " + field
                        + " has length " + length + ", allowed " + known.minLength() + ".." + known.maxLength());
            }
            byte[] value = length == 0 ? NO_OCTETS : Arrays.copyOfRange(b, pos, pos + length);
            pos += length;
            list[count++] = Tlv.wrap(tag, value);
        }
        return Tlvs.wrap(list);
    }

    private static PduDecodeException decodeFailure(CommandId command, int sequenceNumber, String field,
                                                    CommandStatus status, String problem) {
        String name = command.smppName();
        return new PduDecodeException(command.id(), sequenceNumber, name + "." + field, status,
                name + " seq=" + sequenceNumber + ": " + problem);
    }

    /**
     * The index of the first NUL in {@code b[from, limit)}, or {@code limit} when there is none.
     * Eight octets at a time with the has-zero-byte test: read little-endian, the lowest flagged
     * octet is the first NUL (the test's false positives only ever follow a real one). Octets past
     * {@code limit} may be read while the array has them, but never count.
     */
    static int indexOfNul(byte[] b, int from, int limit) {
        int i = from;
        while (i < limit) {
            if (b.length - i < 8) {
                while (i < limit && b[i] != 0) {
                    i++;
                }
                return i;
            }
            long v = (long) LONG_LE.get(b, i);
            long zeros = (v - 0x0101010101010101L) & ~v & 0x8080808080808080L;
            if (zeros != 0) {
                return Math.min(i + (Long.numberOfTrailingZeros(zeros) >>> 3), limit);
            }
            i += 8;
        }
        return limit;
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
        if (pdu instanceof ShortMessageRequest) {
            ShortMessageRequest m = (ShortMessageRequest) pdu;
            int length = m.cachedEncodedLength();
            if (length == 0) {
                length = computeEncodedLength(pdu);
                m.cacheEncodedLength(length);
            }
            return length;
        }
        return computeEncodedLength(pdu);
    }

    private static int computeEncodedLength(Pdu pdu) {
        return HEADER_LENGTH + bodyLength(pdu) + pdu.tlvs().encodedLength();
    }

    /**
     * Encodes the PDU into a new array of exactly {@link #encodedLength(Pdu)} octets.
     *
     * @throws PduEncodeException when a value breaks the specification's limits (strict) or
     *                            cannot be represented on the wire
     */
    public byte[] encode(Pdu pdu) {
        int length = encodedLength(pdu);
        byte[] frame = new byte[length];
        write(pdu, length, frame, 0);
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
        int length = encodedLength(pdu);
        int position = out.position();
        checkRoom(pdu, out.limit() - position, length);
        if (out.hasArray()) {
            write(pdu, length, out.array(), out.arrayOffset() + position);
            out.position(position + length);
        } else {
            // One bulk copy into a direct buffer beats a bounds-checked put per octet.
            byte[] frame = scratch(length);
            write(pdu, length, frame, 0);
            out.put(frame, 0, length);
        }
    }

    /**
     * Writes the PDU into {@code out[offset, offset + length)}, exactly
     * {@link #encodedLength(Pdu)} octets from {@code offset}, and returns how many it wrote. On
     * failure octets in that range may have been overwritten, none outside it.
     *
     * @throws PduEncodeException        when a value breaks the specification's limits (strict) or
     *                                   cannot be represented on the wire
     * @throws IllegalArgumentException  when the PDU needs more than {@code length} octets
     * @throws IndexOutOfBoundsException when the range is outside the array
     */
    public int encode(Pdu pdu, byte[] out, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, out.length);
        int needed = encodedLength(pdu);
        checkRoom(pdu, length, needed);
        write(pdu, needed, out, offset);
        return needed;
    }

    private void checkRoom(Pdu pdu, int room, int length) {
        if (room < length) {
            if (strict) {
                // A bad PDU is the caller's first problem; report it before the buffer's size.
                validate(pdu);
            }
            throw new IllegalArgumentException("buffer has " + room + " octets left, "
                    + pdu.commandId().smppName() + " needs " + length);
        }
    }

    /** Writes the whole PDU, whose length the caller computed and made room for. */
    private void write(Pdu pdu, int length, byte[] a, int start) {
        INT.set(a, start, length);
        INT.set(a, start + 4, pdu.commandId().id());
        INT.set(a, start + 8, pdu.commandStatus().code());
        INT.set(a, start + 12, pdu.sequenceNumber());
        int p = writeBody(pdu, a, start + HEADER_LENGTH);
        Tlvs tlvs = pdu.tlvs();
        for (int i = 0, n = tlvs.size(); i < n; i++) {
            Tlv t = tlvs.at(i);
            byte[] v = t.rawValue();
            SHORT.set(a, p, (short) t.tag());
            SHORT.set(a, p + 2, (short) v.length);
            System.arraycopy(v, 0, a, p + 4, v.length);
            p += 4 + v.length;
        }
        if (p - start != length) {
            // bodyLength and writeBody disagree: a bug here, never the caller's; better loud than a bad frame.
            throw new IllegalStateException(pdu.commandId().smppName() + ": wrote " + (p - start)
                    + " octets, expected " + length);
        }
    }

    /**
     * The array that frames go through when the caller's buffer has none of its own. One per
     * thread, since the codec is shared; frames over the limit get a temporary array instead so
     * that a rare huge PDU does not pin memory.
     */
    private static byte[] scratch(int length) {
        if (length > SCRATCH_LIMIT) {
            return new byte[length];
        }
        byte[] s = SCRATCH.get();
        if (s.length < length) {
            s = new byte[Math.min(SCRATCH_LIMIT, Math.max(length, 2 * s.length))];
            SCRATCH.set(s);
        }
        return s;
    }

    private static <T extends Pdu> T as(Pdu pdu, Class<T> type) {
        if (!type.isInstance(pdu)) {
            throw new PduEncodeException(pdu.commandId().smppName(), "cannot encode " + pdu.getClass().getName()
                    + " as " + pdu.commandId().smppName() + ": expected " + type.getName());
        }
        return type.cast(pdu);
    }

    /**
     * The strict checks, on their own. Encoding makes the same checks as it writes, in the same
     * order, so this only runs to report a bad PDU before a too-small buffer.
     */
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

    /**
     * Writes the body from {@code p} and returns the position after it. The strict checks are made
     * here, field by field in wire order as {@link #validate} makes them, so that every string is
     * read once: its length checked, then each character checked as it is written.
     */
    private int writeBody(Pdu pdu, byte[] a, int p) {
        switch (pdu.commandId()) {
            case BIND_RECEIVER:
            case BIND_TRANSMITTER:
            case BIND_TRANSCEIVER: {
                Bind b = (Bind) pdu;
                String cmd = b.commandId().smppName();
                p = cString(a, p, b.systemId(), cmd, "system_id", Check.SYSTEM_ID);
                p = cString(a, p, b.password(), cmd, "password", Check.PASSWORD);
                p = cString(a, p, b.systemType(), cmd, "system_type", Check.SYSTEM_TYPE);
                a[p++] = (byte) b.interfaceVersion();
                return address(a, p, b.addressRange(), cmd, "address_range", Check.ADDRESS_RANGE);
            }
            case BIND_RECEIVER_RESP:
            case BIND_TRANSMITTER_RESP:
            case BIND_TRANSCEIVER_RESP: {
                BindResp b = (BindResp) pdu;
                return cString(a, p, b.systemId(), b.commandId().smppName(), "system_id", Check.SYSTEM_ID);
            }
            case OUTBIND: {
                Outbind o = (Outbind) pdu;
                p = cString(a, p, o.systemId(), "outbind", "system_id", Check.SYSTEM_ID);
                return cString(a, p, o.password(), "outbind", "password", Check.PASSWORD);
            }
            case SUBMIT_SM:
            case DELIVER_SM: {
                SingleDestinationRequest m = (SingleDestinationRequest) pdu;
                if (m.checked()) {
                    return writeChecked(m, a, p);
                }
                String cmd = m.commandId().smppName();
                p = cString(a, p, m.serviceType(), cmd, "service_type", Check.SERVICE_TYPE);
                p = address(a, p, m.sourceAddress(), cmd, "source_addr", Check.ADDR_21);
                p = address(a, p, m.destinationAddress(), cmd, "destination_addr", Check.ADDR_21);
                return smTail(a, p, m, cmd);
            }
            case SUBMIT_SM_RESP:
                return messageId(a, p, ((SubmitSmResp) pdu).messageId(), "submit_sm_resp");
            case DELIVER_SM_RESP:
                return messageId(a, p, ((DeliverSmResp) pdu).messageId(), "deliver_sm_resp");
            case DATA_SM: {
                DataSm d = (DataSm) pdu;
                p = cString(a, p, d.serviceType(), "data_sm", "service_type", Check.SERVICE_TYPE);
                p = address(a, p, d.sourceAddress(), "data_sm", "source_addr", Check.ADDR_65);
                p = address(a, p, d.destinationAddress(), "data_sm", "destination_addr", Check.ADDR_65);
                a[p] = (byte) d.esmClass().value();
                a[p + 1] = (byte) d.registeredDelivery().value();
                a[p + 2] = (byte) d.dataCoding().value();
                return p + 3;
            }
            case DATA_SM_RESP:
                return messageId(a, p, ((DataSmResp) pdu).messageId(), "data_sm_resp");
            case SUBMIT_MULTI: {
                SubmitMulti m = (SubmitMulti) pdu;
                p = cString(a, p, m.serviceType(), "submit_multi", "service_type", Check.SERVICE_TYPE);
                p = address(a, p, m.sourceAddress(), "submit_multi", "source_addr", Check.ADDR_21);
                List<DestinationAddress> dests = m.destinations();
                int limit = strict ? Check.MAX_DESTINATIONS : 255;
                if (dests.size() > limit) {
                    throw new PduEncodeException("submit_multi.number_of_dests",
                            "submit_multi.number_of_dests must be at most " + limit + ", was " + dests.size());
                }
                a[p++] = (byte) dests.size();
                for (DestinationAddress d : dests) {
                    a[p++] = (byte) d.destFlag();
                    p = d.isDistributionList()
                            ? cString(a, p, d.distributionListName(), "submit_multi", "dl_name", Check.DL_NAME)
                            : address(a, p, d.address(), "submit_multi", "destination_addr", Check.ADDR_21);
                }
                return smTail(a, p, m, "submit_multi");
            }
            case SUBMIT_MULTI_RESP: {
                SubmitMultiResp r = (SubmitMultiResp) pdu;
                p = messageId(a, p, r.messageId(), "submit_multi_resp");
                List<UnsuccessSme> failed = r.unsuccessSmes();
                if (failed.size() > 255) {
                    throw new PduEncodeException("submit_multi_resp.no_unsuccess",
                            "submit_multi_resp.no_unsuccess must be at most 255, was " + failed.size());
                }
                a[p++] = (byte) failed.size();
                for (UnsuccessSme u : failed) {
                    p = address(a, p, u.address(), "submit_multi_resp", "unsuccess_sme.destination_addr",
                            Check.ADDR_21);
                    INT.set(a, p, u.errorStatusCode().code());
                    p += 4;
                }
                return p;
            }
            case QUERY_SM: {
                QuerySm q = (QuerySm) pdu;
                p = messageId(a, p, q.messageId(), "query_sm");
                return address(a, p, q.sourceAddress(), "query_sm", "source_addr", Check.ADDR_21);
            }
            case QUERY_SM_RESP: {
                QuerySmResp q = (QuerySmResp) pdu;
                p = messageId(a, p, q.messageId(), "query_sm_resp");
                p = time(a, p, q.finalDate(), "query_sm_resp", "final_date");
                a[p] = (byte) q.messageState();
                a[p + 1] = (byte) q.errorCode();
                return p + 2;
            }
            case CANCEL_SM: {
                CancelSm c = (CancelSm) pdu;
                p = cString(a, p, c.serviceType(), "cancel_sm", "service_type", Check.SERVICE_TYPE);
                p = messageId(a, p, c.messageId(), "cancel_sm");
                p = address(a, p, c.sourceAddress(), "cancel_sm", "source_addr", Check.ADDR_21);
                return address(a, p, c.destinationAddress(), "cancel_sm", "destination_addr", Check.ADDR_21);
            }
            case REPLACE_SM: {
                ReplaceSm r = (ReplaceSm) pdu;
                p = messageId(a, p, r.messageId(), "replace_sm");
                p = address(a, p, r.sourceAddress(), "replace_sm", "source_addr", Check.ADDR_21);
                p = time(a, p, r.scheduleDeliveryTime(), "replace_sm", "schedule_delivery_time");
                p = time(a, p, r.validityPeriod(), "replace_sm", "validity_period");
                a[p] = (byte) r.registeredDelivery().value();
                a[p + 1] = (byte) r.smDefaultMsgId();
                return shortMessage(a, p + 2, r.rawShortMessage(), "replace_sm");
            }
            case ALERT_NOTIFICATION: {
                AlertNotification n = (AlertNotification) pdu;
                p = address(a, p, n.sourceAddress(), "alert_notification", "source_addr", Check.ADDR_65);
                return address(a, p, n.esmeAddress(), "alert_notification", "esme_addr", Check.ADDR_65);
            }
            default:
                // Header-only PDUs (enquire_link, unbind, generic_nack …) have no body.
                return p;
        }
    }

    /**
     * The body of a submit_sm or deliver_sm whose builder checked every field (the usual case):
     * the same octets as the checking path, with the strings copied in bulk.
     */
    private static int writeChecked(SingleDestinationRequest m, byte[] a, int p) {
        p = copy(a, p, m.serviceType());
        Address source = m.sourceAddress();
        a[p] = (byte) source.ton().value();
        a[p + 1] = (byte) source.npi().value();
        p = copy(a, p + 2, source.address());
        Address dest = m.destinationAddress();
        a[p] = (byte) dest.ton().value();
        a[p + 1] = (byte) dest.npi().value();
        p = copy(a, p + 2, dest.address());
        a[p] = (byte) m.esmClass().value();
        a[p + 1] = (byte) m.protocolId();
        a[p + 2] = (byte) m.priorityFlag();
        p = copy(a, p + 3, m.scheduleDeliveryTime());
        p = copy(a, p, m.validityPeriod());
        a[p] = (byte) m.registeredDelivery().value();
        a[p + 1] = (byte) m.replaceIfPresent();
        a[p + 2] = (byte) m.dataCoding().value();
        a[p + 3] = (byte) m.smDefaultMsgId();
        byte[] sm = m.rawShortMessage();
        a[p + 4] = (byte) sm.length;
        System.arraycopy(sm, 0, a, p + 5, sm.length);
        return p + 5 + sm.length;
    }

    /**
     * A string known to be Latin-1 without NUL, and its NUL. The deprecated getBytes is exactly
     * right for such a string (one octet per character) and is a plain array copy.
     */
    @SuppressWarnings("deprecation")
    private static int copy(byte[] a, int p, String s) {
        int n = s.length();
        if (n != 0) {
            // Most optional strings are empty: skip the call and its bounds checks for them.
            s.getBytes(0, n, a, p);
        }
        a[p + n] = 0;
        return p + n + 1;
    }

    /** esm_class to short_message: the part of the body that submit_sm, deliver_sm and submit_multi share. */
    private int smTail(byte[] a, int p, MessageRequest m, String cmd) {
        a[p] = (byte) m.esmClass().value();
        a[p + 1] = (byte) m.protocolId();
        a[p + 2] = (byte) m.priorityFlag();
        p = time(a, p + 3, m.scheduleDeliveryTime(), cmd, "schedule_delivery_time");
        p = time(a, p, m.validityPeriod(), cmd, "validity_period");
        a[p] = (byte) m.registeredDelivery().value();
        a[p + 1] = (byte) m.replaceIfPresent();
        a[p + 2] = (byte) m.dataCoding().value();
        a[p + 3] = (byte) m.smDefaultMsgId();
        return shortMessage(a, p + 4, m.rawShortMessage(), cmd);
    }

    private int shortMessage(byte[] a, int p, byte[] sm, String cmd) {
        if (strict) {
            Check.shortMessage(cmd, sm);
        } else if (sm.length > 255) {
            throw new PduEncodeException(cmd + ".short_message", cmd
                    + ".short_message of " + sm.length + " octets does not fit sm_length (one octet)");
        }
        a[p] = (byte) sm.length;
        System.arraycopy(sm, 0, a, p + 1, sm.length);
        return p + 1 + sm.length;
    }

    private int messageId(byte[] a, int p, String id, String cmd) {
        return cString(a, p, id, cmd, "message_id", Check.MESSAGE_ID);
    }

    private int time(byte[] a, int p, String s, String cmd, String field) {
        if (strict) {
            Check.timeLength(cmd, field, s);
        }
        return latin1(a, p, s, cmd, field);
    }

    private int address(byte[] a, int p, Address address, String cmd, String field, int maxOctets) {
        a[p] = (byte) address.ton().value();
        a[p + 1] = (byte) address.npi().value();
        return cString(a, p + 2, address.address(), cmd, field, maxOctets);
    }

    /** A C-octet string: its length checked (strict), then its characters and the NUL. */
    private int cString(byte[] a, int p, String s, String cmd, String field, int maxOctets) {
        if (strict) {
            Check.length(cmd, field, s, maxOctets);
        }
        return latin1(a, p, s, cmd, field);
    }

    /** The characters as octets, each checked, then the NUL; the check runs whatever the options. */
    private static int latin1(byte[] a, int p, String s, String cmd, String field) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            // One unsigned compare rejects both NUL (wraps to 0xFFFF) and anything over 0xFF.
            if ((char) (c - 1) >= 0xFF) {
                throw Check.notLatin1(cmd, field, i);
            }
            a[p + i] = (byte) c;
        }
        a[p + n] = 0;
        return p + n + 1;
    }
}
