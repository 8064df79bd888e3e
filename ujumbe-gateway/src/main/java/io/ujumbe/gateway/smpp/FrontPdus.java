package io.ujumbe.gateway.smpp;

import io.ujumbe.client.TextEncoding;
import io.ujumbe.gateway.DeliveryReport;
import io.ujumbe.gateway.GatewayMessage;
import io.ujumbe.gateway.InboundSms;
import io.ujumbe.gateway.MessageRecord;
import io.ujumbe.gateway.MessageStatus;
import io.ujumbe.gateway.MessageView;
import io.ujumbe.pdu.Address;
import io.ujumbe.pdu.DataCoding;
import io.ujumbe.pdu.DeliverSm;
import io.ujumbe.pdu.EsmClass;
import io.ujumbe.pdu.MessageState;
import io.ujumbe.pdu.NetworkErrorCode;
import io.ujumbe.pdu.RegisteredDelivery;
import io.ujumbe.pdu.Tlv;
import io.ujumbe.pdu.TlvTag;
import io.ujumbe.pdu.Tlvs;
import io.ujumbe.receipt.DeliveryReceipt;
import io.ujumbe.receipt.DeliveryReceiptFormatter;
import io.ujumbe.text.SmsCharset;
import io.ujumbe.text.SmsCharsetRegistry;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SMPP front's translations: a downstream submission into the gateway's message, a final
 * status into the deliver_sm receipt the downstream ESME expects (carrying the gateway's id, in
 * text and TLVs, whichever upstream id it had), an inbound SMS into a deliver_sm.
 */
final class FrontPdus {
    /** Metadata of a front-door message: the downstream's registered_delivery receipt bits. */
    static final String RD = "smpp.registeredDelivery";
    /** Metadata of a front-door message: the source and destination TON/NPI, to address its receipt. */
    static final String ADDRESSES = "smpp.addresses";

    private static final SmsCharsetRegistry CHARSETS = SmsCharsetRegistry.defaults();
    private static final Pattern RECEIPT_TEXT = Pattern.compile("(?i)\\btext:(.*)$");

    private FrontPdus() {
    }

    /** What a downstream PDU carries, whichever of submit_sm, data_sm and submit_multi it is. */
    record Content(Address source, EsmClass esmClass, int protocolId, int priority, String scheduleDeliveryTime,
                   String validityPeriod, RegisteredDelivery registeredDelivery, DataCoding dataCoding,
                   byte[] shortMessage, Tlvs tlvs) {
    }

    /**
     * The gateway message of one destination.
     *
     * @throws IllegalArgumentException when the content cannot be carried (the message says why)
     */
    static GatewayMessage message(String id, String user, Address destination, Content c) {
        if (destination.address().isEmpty()) {
            throw new IllegalArgumentException("destination_addr is empty");
        }
        GatewayMessage.Builder b = GatewayMessage.builder(id, user, destination.address());
        if (!c.source().address().isEmpty()) {
            b.from(c.source().address());
        }
        int dc = c.dataCoding().value();
        Optional<Tlv> payloadTlv = c.tlvs().get(TlvTag.MESSAGE_PAYLOAD);
        byte[] content = payloadTlv.isPresent() && c.shortMessage().length == 0 ? payloadTlv.get().value() : c.shortMessage();
        boolean sar = c.tlvs().contains(TlvTag.SAR_MSG_REF_NUM.tag());
        if (c.esmClass().isUdhi() || sar) {
            // A part the downstream cut: it goes upstream as the same part, UDH or SAR TLVs kept.
            if (content.length > 254) {
                throw new IllegalArgumentException("a part of a long message must fit one short_message (254 octets)");
            }
            b.rawPart(content, dc, c.esmClass().isUdhi());
            if (sar) {
                List<Tlv> tlvs = new ArrayList<>();
                for (TlvTag t : List.of(TlvTag.SAR_MSG_REF_NUM, TlvTag.SAR_TOTAL_SEGMENTS, TlvTag.SAR_SEGMENT_SEQNUM)) {
                    c.tlvs().get(t).ifPresent(tlvs::add);
                }
                b.tlvs(tlvs);
            }
        } else {
            String text = decodeText(dc, content);
            if (text != null) {
                b.text(text).encoding(encodingOf(dc));
            } else {
                b.payload(content, dc);
            }
        }
        int rdBits = c.registeredDelivery().receiptBits();
        b.receipt(rdBits != 0);
        b.priority(Math.max(0, Math.min(3, c.priority())));
        Duration validity = relativeOrAbsolute(c.validityPeriod());
        if (validity != null && !validity.isNegative() && !validity.isZero()) {
            b.validity(validity);
        }
        Duration schedule = relativeOrAbsolute(c.scheduleDeliveryTime());
        if (schedule != null && !schedule.isNegative() && !schedule.isZero()) {
            b.scheduleAt(Instant.now().plus(schedule));
        }
        Map<String, String> meta = new HashMap<>();
        meta.put(RD, Integer.toString(rdBits));
        meta.put(ADDRESSES, c.source().ton().value() + "." + c.source().npi().value() + "."
                + destination.ton().value() + "." + destination.npi().value());
        b.metadata(meta);
        return b.build();
    }

    /** The text of the SMSC-default (GSM), IA5, Latin-1 and UCS-2 codings; null for binary content. */
    private static String decodeText(int dc, byte[] bytes) {
        if (encodingOf(dc) == null) {
            return null;
        }
        Optional<SmsCharset> cs = CHARSETS.forDataCoding(dc);
        return cs.map(charset -> charset.decode(bytes)).orElse(null);
    }

    private static TextEncoding encodingOf(int dc) {
        switch (dc) {
            case 0x00:
                return TextEncoding.GSM7;
            case 0x01:
                return TextEncoding.IA5;
            case 0x03:
                return TextEncoding.LATIN1;
            case 0x08:
                return TextEncoding.UCS2;
            default:
                return null;
        }
    }

    /**
     * How long from now an SMPP time means: relative ({@code YYMMDDhhmmss000R}) or absolute
     * ({@code YYMMDDhhmmsstnnp}); null when empty or unreadable.
     */
    static Duration relativeOrAbsolute(String t) {
        if (t == null || t.length() != 16) {
            return null;
        }
        try {
            int yy = Integer.parseInt(t.substring(0, 2));
            int mo = Integer.parseInt(t.substring(2, 4));
            int dd = Integer.parseInt(t.substring(4, 6));
            int hh = Integer.parseInt(t.substring(6, 8));
            int mi = Integer.parseInt(t.substring(8, 10));
            int ss = Integer.parseInt(t.substring(10, 12));
            char p = t.charAt(15);
            if (p == 'R') {
                return Duration.ofDays(yy * 365L + mo * 30L + dd).plusHours(hh).plusMinutes(mi).plusSeconds(ss);
            }
            int quarters = Integer.parseInt(t.substring(13, 15));
            int offsetMinutes = quarters * 15 * (p == '-' ? -1 : 1);
            LocalDateTime local = LocalDateTime.of(2000 + yy, mo, dd, hh, mi, ss);
            Instant at = local.toInstant(ZoneOffset.ofTotalSeconds(offsetMinutes * 60));
            return Duration.between(Instant.now(), at);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Whether a message's status, under its registered_delivery bits, calls for a receipt now. */
    static boolean wantsReceipt(MessageRecord r, MessageStatus status) {
        String rd = r.metadata().get(RD);
        if (rd == null || !status.isFinal() || status == MessageStatus.SENT) {
            return false;
        }
        int bits = Integer.parseInt(rd);
        boolean success = status == MessageStatus.DELIVERED;
        switch (bits) {
            case 1:
                return true;
            case 2:
                return !success;
            case 3:
                return success;
            default:
                return false;
        }
    }

    /** Whether the record came in by the SMPP front. */
    static boolean fromFront(MessageRecord r) {
        return r.metadata().containsKey(RD);
    }

    /** The deliver_sm receipt of a final status, with the gateway's id in the text and in receipted_message_id. */
    static DeliverSm receipt(MessageView view, DeliveryReport report) {
        MessageRecord r = view.record();
        MessageStatus status = view.status();
        String stat;
        String err;
        if (status == MessageStatus.DELIVERED) {
            stat = "DELIVRD";
            err = "000";
        } else if (status == MessageStatus.EXPIRED) {
            stat = "EXPIRED";
            err = report.terminal() && report.errorCode() != null ? report.errorCode() : "000";
        } else if (report.terminal() && report.stat() != null) {
            stat = report.stat();
            err = report.errorCode() != null ? report.errorCode() : "000";
        } else {
            // The SMSC refused it after the gateway had answered the downstream: a rejection receipt.
            stat = "REJECTD";
            err = report.errorCode() != null && report.errorCode().matches("\\d+") ? report.errorCode() : "000";
        }
        err = threeDigits(err);
        MessageState state = MessageState.ofReceiptName(stat).orElse(status == MessageStatus.DELIVERED
                ? MessageState.DELIVERED : MessageState.UNDELIVERABLE);
        String text = "";
        if (report.terminal() && report.receiptText() != null) {
            Matcher m = RECEIPT_TEXT.matcher(report.receiptText());
            if (m.find()) {
                text = m.group(1);
            }
        }
        long doneAt = report.at();
        DeliveryReceipt receipt = DeliveryReceipt.builder().messageId(r.id()).submitted(1)
                .delivered(status == MessageStatus.DELIVERED ? 1 : 0)
                .submitDate(LocalDateTime.ofInstant(Instant.ofEpochMilli(r.createdAt()), ZoneOffset.UTC))
                .doneDate(LocalDateTime.ofInstant(Instant.ofEpochMilli(doneAt), ZoneOffset.UTC))
                .stat(stat).err(err).text(printable(text)).build();
        Address[] a = addresses(r);
        DeliverSm.Builder b = DeliverSm.builder()
                .sourceAddress(a[1])
                .destinationAddress(a[0])
                .esmClass(EsmClass.of(EsmClass.TYPE_DELIVERY_RECEIPT))
                .dataCoding(DataCoding.SMSC_DEFAULT)
                .shortMessage(DeliveryReceiptFormatter.standard().format(receipt).getBytes(StandardCharsets.ISO_8859_1))
                .tlv(Tlv.receiptedMessageId(r.id()))
                .tlv(Tlv.messageState(state));
        int code = err.matches("\\d+") ? Integer.parseInt(err) : 0;
        if (state != MessageState.DELIVERED && code > 0 && code <= 0xFFFF) {
            b.tlv(Tlv.networkErrorCode(new NetworkErrorCode(NetworkErrorCode.GSM, code)));
        }
        return b.build();
    }

    private static String threeDigits(String err) {
        if (err.matches("\\d{1,3}")) {
            return String.format("%03d", Integer.parseInt(err));
        }
        return err.length() > 3 ? err.substring(0, 3) : err;
    }

    private static String printable(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length() && out.length() < DeliveryReceiptFormatter.TEXT_LENGTH; i++) {
            char ch = s.charAt(i);
            out.append(ch >= 0x20 && ch < 0x7F ? ch : '.');
        }
        return out.toString();
    }

    /** The original source and destination addresses of a front-door message, TON/NPI kept. */
    private static Address[] addresses(MessageRecord r) {
        String[] tn = r.metadata().getOrDefault(ADDRESSES, "0.0.1.1").split("\\.");
        Address from = address(r.from() == null ? "" : r.from(), tn, 0);
        Address to = address(r.to(), tn, 2);
        return new Address[] {from, to};
    }

    private static Address address(String digits, String[] tn, int at) {
        try {
            return new Address(io.ujumbe.pdu.TypeOfNumber.of(Integer.parseInt(tn[at])),
                    io.ujumbe.pdu.NumberingPlan.of(Integer.parseInt(tn[at + 1])), digits);
        } catch (RuntimeException e) {
            return Address.of(digits);
        }
    }

    /** The deliver_sm of an inbound SMS: its own data coding, in message_payload when it does not fit short_message. */
    static DeliverSm inbound(InboundSms sms, byte[] payload) {
        DeliverSm.Builder b = DeliverSm.builder()
                .sourceAddress(sms.from().chars().allMatch(Character::isDigit) && !sms.from().isEmpty()
                        ? Address.international(sms.from()) : Address.of(sms.from()))
                .destinationAddress(Address.of(sms.to()))
                .esmClass(EsmClass.DEFAULT)
                .dataCoding(DataCoding.of(sms.dataCoding()));
        if (payload.length <= 254) {
            b.shortMessage(payload);
        } else {
            b.shortMessage(new byte[0]).tlv(Tlv.messagePayload(payload));
        }
        return b.build();
    }
}
