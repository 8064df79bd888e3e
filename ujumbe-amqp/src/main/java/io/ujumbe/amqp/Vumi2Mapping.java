package io.ujumbe.amqp;

import io.ujumbe.client.InboundMessage;
import io.ujumbe.client.OutboundMessage;
import io.ujumbe.client.TextEncoding;
import io.ujumbe.pdu.Address;
import io.ujumbe.pdu.DataSm;
import io.ujumbe.pdu.DeliverSm;
import io.ujumbe.pdu.Pdu;
import io.ujumbe.pdu.Tlv;
import io.ujumbe.pdu.TlvTag;
import io.ujumbe.pdu.Tlvs;
import io.ujumbe.text.SmsCharset;

import java.nio.charset.Charset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Between vumi's messages and ujumbe's: an outbound {@link UserMessage} becomes an
 * {@link OutboundMessage} with the submit_sm settings of the configuration, an
 * {@link InboundMessage} becomes an inbound {@link UserMessage}.
 *
 * <p>USSD, as vumi's SMPP transport did it: an outbound "ussd" message carries ussd_service_op
 * (0x02 USSR request for new and resume, 0x11 PSSR response for close) and its_session_info (the
 * session number from the inbound message's {@code transport_metadata.session_info}, the end-of-session
 * bit set on close). An inbound deliver_sm with ussd_service_op is "ussd": PSSR indication (0x01) or
 * PSSD indication (0x00) is a new session, the end-of-session bit of its_session_info closes it,
 * anything else (USSR confirm 0x12 …) resumes it.
 */
final class Vumi2Mapping {
    /** Metadata key linking an outbound message to its broker delivery. */
    static final String ENTRY_KEY = "amqpEntry";
    static final int PSSD_INDICATION = 0x00;
    static final int PSSR_INDICATION = 0x01;
    static final int USSR_REQUEST = 0x02;
    static final int PSSR_RESPONSE = 0x11;
    static final int USSR_CONFIRM = 0x12;

    private final Vumi2TransportConfig config;
    private final Map<Integer, SmsCharset> overrides = new LinkedHashMap<>();

    Vumi2Mapping(Vumi2TransportConfig config) {
        this.config = config;
        config.dataCodingOverrides().forEach((coding, codec) ->
                overrides.put(coding.value(), Codecs.forName(codec).orElseThrow()));
    }

    /** The message to send for vumi message {@code m}, linked to broker entry {@code entryId}. */
    OutboundMessage toOutbound(UserMessage m, String entryId) {
        OutboundMessage.Builder b = OutboundMessage.builder()
                .correlationId(m.messageId())
                .putMetadata(ENTRY_KEY, entryId)
                .to(new Address(config.destTon(), config.destNpi(), m.toAddr()))
                .registeredDelivery(config.registeredDelivery())
                .multipartMode(config.multipartHandling().mode())
                .serviceType(config.serviceType());
        if (!m.fromAddr().isEmpty()) {
            b.from(new Address(config.sourceTon(), config.sourceNpi(), m.fromAddr()));
        }
        String text = m.content().orElse("");
        switch (config.dataCoding()) {
            case JIS:
                // vumi2 writes JIS (data_coding 5) with Python's iso2022_jp codec.
                b.payload(text.getBytes(Charset.forName("ISO-2022-JP")), VumiDataCoding.JIS.value());
                break;
            default:
                b.text(text).encoding(encoding(config.dataCoding()));
        }
        if (m.isUssd()) {
            SessionEvent e = m.sessionEvent().orElse(SessionEvent.RESUME);
            int session = sessionNumber(m.transportMetadata());
            int op = e == SessionEvent.CLOSE ? PSSR_RESPONSE : USSR_REQUEST;
            int info = (session & 0xFF) << 8 | (e == SessionEvent.CLOSE ? 1 : 0);
            b.addTlv(Tlv.ofInt8(TlvTag.USSD_SERVICE_OP.tag(), op));
            b.addTlv(Tlv.ofInt16(TlvTag.ITS_SESSION_INFO.tag(), info));
        }
        return b.build();
    }

    /** The vumi message for an outbound message offered through the Java API. */
    UserMessage fromOutbound(OutboundMessage m) {
        return UserMessage.builder()
                .messageId(m.correlationId())
                .toAddr(m.destination().address())
                .fromAddr(m.source() == null ? "" : m.source().address())
                .transportName(config.transportName())
                .transportType("sms")
                .content(m.text() != null ? m.text() : "")
                .build();
    }

    private static TextEncoding encoding(VumiDataCoding c) {
        switch (c) {
            case IA5_ASCII:
                return TextEncoding.IA5;
            case LATIN_1:
                return TextEncoding.LATIN1;
            case CYRILLIC:
                return TextEncoding.CYRILLIC;
            case ISO_8859_8:
                return TextEncoding.HEBREW;
            case UCS2:
                return TextEncoding.UCS2;
            default:
                return TextEncoding.GSM7;
        }
    }

    @SuppressWarnings("unchecked")
    private static int sessionNumber(Map<String, Object> transportMetadata) {
        Object info = transportMetadata.get("session_info");
        if (info instanceof Map) {
            Object n = ((Map<String, Object>) info).get("session_number");
            if (n instanceof Number) {
                return ((Number) n).intValue();
            }
        }
        return 0;
    }

    /** The inbound vumi message for an MO (reassembled) the client received. */
    UserMessage toInbound(InboundMessage m) {
        UserMessage.Builder b = UserMessage.builder()
                .toAddr(m.destination().address())
                .fromAddr(m.source().address())
                .transportName(config.transportName())
                .content(text(m));
        Optional<Tlvs> tlvs = tlvs(m.pdu());
        Optional<Tlv> op = tlvs.flatMap(t -> t.get(TlvTag.USSD_SERVICE_OP));
        if (op.isEmpty()) {
            return b.transportType("sms").build();
        }
        int service = intValue(op.get());
        Optional<Tlv> info = tlvs.flatMap(t -> t.get(TlvTag.ITS_SESSION_INFO));
        int sessionInfo = info.map(Vumi2Mapping::intValue).orElse(0);
        boolean end = info.isPresent() && (sessionInfo & 1) == 1;
        SessionEvent e = end ? SessionEvent.CLOSE
                : service == PSSR_INDICATION || service == PSSD_INDICATION ? SessionEvent.NEW : SessionEvent.RESUME;
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("ussd_service_op", String.format("%02x", service));
        session.put("session_number", sessionInfo >> 8 & 0xFF);
        session.put("sequence_number", sessionInfo >> 1 & 0x7F);
        return b.transportType("ussd").sessionEvent(e).transportMetadata(Map.of("session_info", session)).build();
    }

    /** A TLV's unsigned value; 0 when it is empty or too long (a broken TLV must not lose the message). */
    private static int intValue(Tlv t) {
        try {
            return (int) t.longValue();
        } catch (IllegalStateException e) {
            return 0;
        }
    }

    private String text(InboundMessage m) {
        SmsCharset override = overrides.get(m.dataCoding());
        if (override == null) {
            return m.text();
        }
        return override.decode(m.payload());
    }

    static Optional<Tlvs> tlvs(Pdu pdu) {
        if (pdu instanceof DeliverSm) {
            return Optional.of(((DeliverSm) pdu).tlvs());
        }
        if (pdu instanceof DataSm) {
            return Optional.of(((DataSm) pdu).tlvs());
        }
        return Optional.empty();
    }
}
