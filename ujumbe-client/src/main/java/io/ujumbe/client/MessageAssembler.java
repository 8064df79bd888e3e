package io.ujumbe.client;

import io.ujumbe.pdu.DataCoding;
import io.ujumbe.pdu.EsmClass;
import io.ujumbe.pdu.SubmitSm;
import io.ujumbe.pdu.Tlv;
import io.ujumbe.text.Alphabet;
import io.ujumbe.text.EncodedText;
import io.ujumbe.text.EncodingErrorMode;
import io.ujumbe.text.EncodingOptions;
import io.ujumbe.text.MessagePart;
import io.ujumbe.text.MessageSplitter;
import io.ujumbe.text.MultipartMode;
import io.ujumbe.text.SmsCharsetRegistry;
import io.ujumbe.text.TextEncoder;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Turns an {@link OutboundMessage} into the submit_sm PDUs that carry it: encodes the text (the
 * cheapest encoding for AUTO), splits it in the message's or the client's multipart mode, and fills
 * each PDU's fields from the message and the client's defaults. Throws a clear unchecked exception
 * for text that cannot be encoded or does not fit.
 */
final class MessageAssembler {
    private final ClientConfig config;
    private final Map<TextEncoding, TextEncoder> encoders = new EnumMap<>(TextEncoding.class);
    private final Map<MultipartMode, MessageSplitter> splitters = new EnumMap<>(MultipartMode.class);
    /** No concatenation reference drawn yet (or none needed: the message is one part). */
    static final int NO_REFERENCE = -1;
    /** The reference of the last {@link #assemble} (one thread uses an assembler: the dispatcher's). */
    private int lastReference = NO_REFERENCE;

    MessageAssembler(ClientConfig config, SmsCharsetRegistry charsets) {
        this.config = config;
        EncodingOptions base = EncodingOptions.builder()
                .registry(charsets)
                .allowedLanguages(config.nationalLanguages())
                .errorMode(EncodingErrorMode.STRICT)
                .build();
        for (TextEncoding e : TextEncoding.values()) {
            encoders.put(e, new TextEncoder(e == TextEncoding.AUTO ? base
                    : base.toBuilder().forcedDataCoding(e.dataCoding()).build()));
        }
        for (MultipartMode mode : MultipartMode.values()) {
            splitters.put(mode, MessageSplitter.builder().mode(mode).build());
        }
    }

    /**
     * The parts of {@code m}. {@code reference} is the concatenation reference of an earlier
     * attempt, or {@link #NO_REFERENCE}: then one is drawn from {@code references} only if the text
     * needs more than one part (most messages do not, and the draw is a per-destination lookup).
     * The reference used is left in {@link #lastReference()}.
     */
    List<SubmitSm> assemble(OutboundMessage m, int reference, ConcatenationReferences references) {
        if (m.rawPart()) {
            // Cut by someone else (a gateway relays its downstream's part): sent as it came.
            SubmitSm.Builder b = fields(m).esmClass(EsmClass.DEFAULT.withUdhi(m.udhi()))
                    .dataCoding(DataCoding.of(m.payloadDataCoding())).shortMessage(m.payload());
            for (Tlv t : m.tlvs()) {
                b.tlv(t);
            }
            lastReference = NO_REFERENCE;
            return List.of(b.build());
        }
        EncodedText encoded = m.isBinary()
                ? EncodedText.of(m.payload(), m.payloadDataCoding(), Alphabet.OCTET)
                : encoders.get(m.encoding()).encode(m.text());
        MultipartMode mode = m.multipartMode() != null ? m.multipartMode() : config.multipartMode();
        MessageSplitter splitter = splitters.get(mode);
        if (reference == NO_REFERENCE) {
            reference = splitter.fitsOnePart(encoded) ? NO_REFERENCE : references.next(m.destination().address());
        }
        lastReference = reference;
        int ref = reference == NO_REFERENCE ? 0 : mode == MultipartMode.UDH_8BIT ? reference & 0xFF : reference & 0xFFFF;
        List<MessagePart> parts = splitter.split(encoded, ref);
        List<SubmitSm> pdus = new ArrayList<>(parts.size());
        for (MessagePart part : parts) {
            SubmitSm.Builder b = fields(m)
                    .esmClass(EsmClass.DEFAULT.withUdhi(part.udhi()))
                    .dataCoding(DataCoding.of(part.dataCoding()));
            if (part.inMessagePayload()) {
                b.shortMessage(new byte[0]).tlv(Tlv.messagePayload(part.messagePayload()));
            } else {
                b.shortMessage(part.shortMessage());
            }
            if (part.sarReference().isPresent()) {
                b.tlv(Tlv.sarMsgRefNum(part.sarReference().getAsInt()))
                        .tlv(Tlv.sarTotalSegments(part.sarTotal().getAsInt()))
                        .tlv(Tlv.sarSegmentSeqnum(part.sarSequence().getAsInt()));
            }
            for (Tlv t : m.tlvs()) {
                b.tlv(t);
            }
            pdus.add(b.build());
        }
        return pdus;
    }

    /** The concatenation reference the last {@link #assemble} used, or {@link #NO_REFERENCE}. */
    int lastReference() {
        return lastReference;
    }

    private SubmitSm.Builder fields(OutboundMessage m) {
        return SubmitSm.builder()
                .serviceType(m.serviceType())
                .sourceAddress(m.source() != null ? m.source() : config.defaultSource())
                .destinationAddress(m.destination())
                .protocolId(m.protocolId())
                .priorityFlag(m.priority())
                .scheduleDeliveryTime(m.scheduleDeliveryTime())
                .validityPeriod(m.validityPeriod())
                .registeredDelivery(m.registeredDelivery() != null ? m.registeredDelivery()
                        : config.defaultRegisteredDelivery());
    }
}
