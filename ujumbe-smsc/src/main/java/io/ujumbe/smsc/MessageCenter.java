package io.ujumbe.smsc;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.ujumbe.pdu.Address;
import io.ujumbe.pdu.CancelSm;
import io.ujumbe.pdu.CommandStatus;
import io.ujumbe.pdu.DataCoding;
import io.ujumbe.pdu.DataSm;
import io.ujumbe.pdu.DataSmResp;
import io.ujumbe.pdu.DeliverSm;
import io.ujumbe.pdu.DestinationAddress;
import io.ujumbe.pdu.EsmClass;
import io.ujumbe.pdu.MessageState;
import io.ujumbe.pdu.NetworkErrorCode;
import io.ujumbe.pdu.NumberingPlan;
import io.ujumbe.pdu.PduRequest;
import io.ujumbe.pdu.PduResponse;
import io.ujumbe.pdu.QuerySm;
import io.ujumbe.pdu.QuerySmResp;
import io.ujumbe.pdu.RegisteredDelivery;
import io.ujumbe.pdu.ReplaceSm;
import io.ujumbe.pdu.SubmitMulti;
import io.ujumbe.pdu.SubmitMultiResp;
import io.ujumbe.pdu.SubmitSm;
import io.ujumbe.pdu.SubmitSmResp;
import io.ujumbe.pdu.Tlv;
import io.ujumbe.pdu.TlvTag;
import io.ujumbe.pdu.Tlvs;
import io.ujumbe.pdu.TypeOfNumber;
import io.ujumbe.pdu.UnsuccessSme;
import io.ujumbe.receipt.DeliveryReceiptFormatter;
import io.ujumbe.session.SmppSession;
import io.ujumbe.text.CaffeineReassembler;
import io.ujumbe.text.Concatenation;
import io.ujumbe.text.InboundPart;
import io.ujumbe.text.MessagePart;
import io.ujumbe.text.MessageSplitter;
import io.ujumbe.text.MultipartMode;
import io.ujumbe.text.ReassembledMessage;
import io.ujumbe.text.SmsCharsetRegistry;
import io.ujumbe.text.TextEncoder;
import io.ujumbe.text.EncodingErrorMode;
import io.ujumbe.text.EncodingOptions;
import io.ujumbe.text.EncodedText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The message side of the simulator: accepts submissions, numbers and stores messages, moves
 * them to their final state after the receipt delay and sends the receipts asked for, answers
 * query_sm, cancel_sm and replace_sm, joins concatenated parts, and builds MO deliveries.
 * Called on the sessions' I/O threads and the timer; never blocks.
 */
final class MessageCenter {
    private static final Logger log = LoggerFactory.getLogger(MessageCenter.class);
    private static final SmsCharsetRegistry CHARSETS = SmsCharsetRegistry.defaults();
    private static final MessageState[] STATES = MessageState.values();

    private final SmscConfig config;
    private final SmscRecord record;
    private final Counters counters;
    private final Deliveries deliveries;
    /** Replaced whole when the receipt outcomes change at run time. */
    private volatile OutcomePicker outcomes;
    private volatile Map<MessageState, Double> outcomeWeights;
    /** Final states (and receipts) fall due receiptDelay after each submission; intermediate ones at half. */
    private final DelayLine<MessageRows> finishes;
    private final DelayLine<MessageRows> intermediates;
    private final ReceiptTexts receiptTexts = new ReceiptTexts();
    private final AtomicLong numbers = new AtomicLong(0x10000);
    private final AtomicInteger moReference = new AtomicInteger();
    private final CaffeineReassembler reassembler = CaffeineReassembler.builder().timeToLive(Duration.ofMinutes(10)).build();
    private final Cache<String, Map<Integer, String>> partIds = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(10)).maximumSize(100_000).build();
    private final TextEncoder encoder = TextEncoder.withDefaults();
    private static final TextEncoder GSM_ONLY = new TextEncoder(EncodingOptions.builder().ucs2Allowed(false)
            .errorMode(EncodingErrorMode.STRICT).build());
    private static final TextEncoder UCS2_ONLY = new TextEncoder(EncodingOptions.builder()
            .forcedDataCoding(TextEncoder.UCS2_DATA_CODING).build());
    private final MessageSplitter splitter = MessageSplitter.builder().mode(MultipartMode.UDH_8BIT).build();

    MessageCenter(SmscConfig config, SmscRecord record, Counters counters, Deliveries deliveries,
                  OutcomePicker outcomes, ScheduledExecutorService timer) {
        this.config = config;
        this.record = record;
        this.counters = counters;
        this.deliveries = deliveries;
        this.outcomes = outcomes;
        this.outcomeWeights = config.receiptOutcomes();
        this.finishes = new DelayLine<>(timer, config.receiptDelay(), this::finish);
        this.intermediates = new DelayLine<>(timer, config.receiptDelay().dividedBy(2), this::intermediate);
    }

    /** Answers every request other than bind; faults have been applied before this is called. */
    CompletionStage<PduResponse> handle(SmppSession session, PduRequest request) {
        return handle(session, origin(session), request);
    }

    /** The same, with what the session's messages share (see {@link SmscSessionHandler}, which keeps it). */
    CompletionStage<PduResponse> handle(SmppSession session, StoredMessage.Origin origin, PduRequest request) {
        PduResponse response;
        if (request instanceof SubmitSm p) {
            response = submitSm(session, origin, p);
        } else if (request instanceof DataSm p) {
            response = dataSm(session, origin, p);
        } else if (request instanceof SubmitMulti p) {
            response = submitMulti(session, origin, p);
        } else if (request instanceof QuerySm p) {
            response = querySm(session, p);
        } else if (request instanceof CancelSm p) {
            response = cancelSm(session, p);
        } else if (request instanceof ReplaceSm p) {
            response = replaceSm(session, p);
        } else {
            response = request.createResponse(CommandStatus.ESME_RINVCMDID);
        }
        return CompletableFuture.completedFuture(response);
    }

    /** What the messages of {@code session} share; call once it is bound. */
    StoredMessage.Origin origin(SmppSession session) {
        return new StoredMessage.Origin(session.systemId(), session.id(), config.messageIds(), config.randomSeed());
    }

    private PduResponse submitSm(SmppSession session, StoredMessage.Origin origin, SubmitSm p) {
        if (!valid(p.destinationAddress())) {
            return p.createResponse(CommandStatus.ESME_RINVDSTADR);
        }
        // The record keeps this copy; the stored message packs its own with the destination.
        byte[] userData = p.shortMessage();
        StoredMessage m = accept(session.readTimeNanos(), origin, p.sourceAddress(), List.of(p.destinationAddress()),
                p.dataCoding().value(), p.esmClass().isUdhi(), userData, p.registeredDelivery(), p.scheduleDeliveryTime());
        recordPart(session, m, p.destinationAddress(), p, p.esmClass(), userData, p.tlvs());
        return new SubmitSmResp(CommandStatus.ESME_ROK, p.sequenceNumber(), m.messageId());
    }

    private PduResponse dataSm(SmppSession session, StoredMessage.Origin origin, DataSm p) {
        if (!valid(p.destinationAddress())) {
            return p.createResponse(CommandStatus.ESME_RINVDSTADR);
        }
        byte[] payload = p.tlvs().get(TlvTag.MESSAGE_PAYLOAD).map(Tlv::value).orElse(new byte[0]);
        StoredMessage m = accept(session.readTimeNanos(), origin, p.sourceAddress(), List.of(p.destinationAddress()),
                p.dataCoding().value(), p.esmClass().isUdhi(), payload, p.registeredDelivery(), "");
        recordPart(session, m, p.destinationAddress(), p, p.esmClass(), payload,
                p.tlvs().without(TlvTag.MESSAGE_PAYLOAD.tag()));
        return new DataSmResp(CommandStatus.ESME_ROK, p.sequenceNumber(), m.messageId());
    }

    private PduResponse submitMulti(SmppSession session, StoredMessage.Origin origin, SubmitMulti p) {
        List<Address> good = new ArrayList<>();
        List<UnsuccessSme> bad = new ArrayList<>();
        for (DestinationAddress d : p.destinations()) {
            if (d.isDistributionList()) {
                bad.add(new UnsuccessSme(Address.of(d.distributionListName()), CommandStatus.ESME_RINVDLNAME));
            } else if (!valid(d.address())) {
                bad.add(new UnsuccessSme(d.address(), CommandStatus.ESME_RINVDSTADR));
            } else {
                good.add(d.address());
            }
        }
        if (good.isEmpty()) {
            return new SubmitMultiResp(CommandStatus.ESME_RINVDSTADR, p.sequenceNumber(), "", bad, Tlvs.EMPTY);
        }
        byte[] userData = p.shortMessage();
        StoredMessage m = accept(session.readTimeNanos(), origin, p.sourceAddress(), good, p.dataCoding().value(),
                p.esmClass().isUdhi(), userData, p.registeredDelivery(), p.scheduleDeliveryTime());
        recordPart(session, m, good.get(0), p, p.esmClass(), userData, p.tlvs());
        return new SubmitMultiResp(CommandStatus.ESME_ROK, p.sequenceNumber(), m.messageId(), bad, Tlvs.EMPTY);
    }

    private PduResponse querySm(SmppSession session, QuerySm p) {
        StoredMessage m = owned(session, p.messageId());
        if (m == null) {
            return p.createResponse(CommandStatus.ESME_RINVMSGID);
        }
        SimulatedMessage s = m.snapshot();
        if (s == null) {
            return p.createResponse(CommandStatus.ESME_RINVMSGID);
        }
        String finalDate = s.finalDate().map(MessageCenter::smppTime).orElse("");
        return new QuerySmResp(CommandStatus.ESME_ROK, p.sequenceNumber(), p.messageId(), finalDate,
                s.state().value(), Math.min(255, s.errorCode()));
    }

    private PduResponse cancelSm(SmppSession session, CancelSm p) {
        List<StoredMessage> targets = new ArrayList<>();
        if (!p.messageId().isEmpty()) {
            StoredMessage m = owned(session, p.messageId());
            if (m == null) {
                return p.createResponse(CommandStatus.ESME_RINVMSGID);
            }
            targets.add(m);
        } else {
            // Without an id, SMPP 3.4 cancels every pending message from this source to this destination.
            for (StoredMessage m : record.storedMessages()) {
                if (m.systemId().equals(session.systemId()) && m.source().address().equals(p.sourceAddress().address())
                        && m.isFor(p.destinationAddress().address())
                        && !m.state().isFinal()) {
                    targets.add(m);
                }
            }
        }
        int cancelled = 0;
        for (StoredMessage m : targets) {
            MessageState from = m.finish(MessageState.DELETED, 0, StoredMessage.nowNanos());
            if (from != null) {
                counters.moved(from, MessageState.DELETED);
                cancelled++;
                log.atInfo().setMessage("message cancelled").addKeyValue("session", session.id())
                        .addKeyValue("systemId", session.systemId()).addKeyValue("messageId", m.messageId()).log();
            }
        }
        return p.createResponse(cancelled > 0 ? CommandStatus.ESME_ROK : CommandStatus.ESME_RCANCELFAIL);
    }

    private PduResponse replaceSm(SmppSession session, ReplaceSm p) {
        StoredMessage m = owned(session, p.messageId());
        if (m == null) {
            return p.createResponse(CommandStatus.ESME_RINVMSGID);
        }
        if (!m.replace(p.shortMessage(), p.registeredDelivery())) {
            return p.createResponse(CommandStatus.ESME_RREPLACEFAIL);
        }
        log.atInfo().setMessage("message replaced").addKeyValue("session", session.id())
                .addKeyValue("systemId", session.systemId()).addKeyValue("messageId", m.messageId()).log();
        return p.createResponse(CommandStatus.ESME_ROK);
    }

    private StoredMessage owned(SmppSession session, String messageId) {
        StoredMessage m = record.stored(messageId);
        return m != null && m.systemId().equals(session.systemId()) ? m : null;
    }

    /**
     * {@code message} is copied into the stored message. {@code now}: the session's
     * {@link SmppSession#readTimeNanos()}, one clock reading per burst of reads for the submission
     * time, the rate and the delay lines.
     */
    private StoredMessage accept(long now, StoredMessage.Origin origin, Address source, List<Address> destinations,
                                 int dataCoding, boolean udhi, byte[] message, RegisteredDelivery rd,
                                 String scheduleDeliveryTime) {
        long n = numbers.incrementAndGet();
        MessageState initial = scheduleDeliveryTime.isEmpty() ? MessageState.ENROUTE : MessageState.SCHEDULED;
        OutcomePicker.Outcome outcome = outcomes.pick(destinations.get(0).address());
        boolean intermediate = config.intermediateReceipts() && rd.intermediate();
        // Each receipt to come pins the message's block (see MessageRows), released when it is done.
        StoredMessage m = record.store(origin, n, source, destinations, dataCoding, udhi, message,
                rd, initial, StoredMessage.nowNanos(now), outcome, intermediate ? 2 : 1);
        counters.moved(null, initial);
        counters.submitted(now);
        if (intermediate) {
            intermediates.add(m.rows(), n, now);
        }
        // The block and the number, not the message: nothing per message waits for its receipt.
        finishes.add(m.rows(), n, now);
        return m;
    }

    /** The receipt delay has passed: the message takes the final state picked when it was accepted. */
    private void finish(MessageRows rows, long number, long nowNanos) {
        StoredMessage m = record.stored(rows, number);
        int moved = m.finishDue(nowNanos);
        if (moved == MessageRows.NOT_MOVED) {
            return;
        }
        MessageState to = STATES[moved >>> 4 & 0xF];
        counters.moved(STATES[moved & 0xF], to);
        if ((moved & MessageRows.RECEIPT_DUE) == 0) {
            return; // and the pin is released
        }
        try {
            sendReceipts(m, to, m.outcome().errorCode(), nowNanos);
        } finally {
            rows.release();
        }
    }

    private void sendReceipts(StoredMessage m, MessageState state, int errorCode, long nowNanos) {
        String sessionId = m.sessionId();
        for (Address destination : m.destinations()) {
            DeliverSm pdu = receipt(m, destination, state, errorCode, nowNanos, EsmClass.TYPE_DELIVERY_RECEIPT);
            if (log.isDebugEnabled()) {
                log.atDebug().setMessage("receipt due").addKeyValue("systemId", m.systemId())
                        .addKeyValue("messageId", m.messageId()).addKeyValue("state", state).log();
            }
            deliveries.send(new Deliveries.Delivery(m.systemId(), sessionId, pdu, DeliveryRecord.Kind.RECEIPT,
                    receiptId(m), true));
        }
    }

    private void intermediate(MessageRows rows, long number, long nowNanos) {
        try {
            intermediate(record.stored(rows, number), nowNanos);
        } finally {
            rows.release();
        }
    }

    private void intermediate(StoredMessage m, long nowNanos) {
        if (m.state().isFinal()) {
            return;
        }
        String sessionId = m.sessionId();
        for (Address destination : m.destinations()) {
            DeliverSm pdu = receipt(m, destination, MessageState.ENROUTE, 0, nowNanos,
                    EsmClass.TYPE_INTERMEDIATE_NOTIFICATION);
            deliveries.send(new Deliveries.Delivery(m.systemId(), sessionId, pdu, DeliveryRecord.Kind.INTERMEDIATE,
                    receiptId(m), true));
        }
    }

    private String receiptId(StoredMessage m) {
        return config.messageIds() == MessageIdFormat.UUID || config.receiptIdFormat() == MessageIdFormat.UUID
                ? m.messageId() : config.receiptIdFormat().format(m.number, config.randomSeed());
    }

    private DeliverSm receipt(StoredMessage m, Address destination, MessageState state, int error, long atNanos,
                              int messageType) {
        String id = receiptId(m);
        // The part's own text: a concatenated part's UDH octets are no characters.
        String text = receiptTexts.format(id, m.submittedAtNanos(), atNanos, state, error,
                printable(decode(m.dataCoding(), m.textOctets(), false), DeliveryReceiptFormatter.TEXT_LENGTH));
        DeliverSm.Builder b = DeliverSm.builder()
                .sourceAddress(destination)
                .destinationAddress(m.source())
                .esmClass(EsmClass.of(messageType))
                .dataCoding(DataCoding.SMSC_DEFAULT)
                .shortMessage(text.getBytes(StandardCharsets.ISO_8859_1))
                .tlv(Tlv.receiptedMessageId(id))
                .tlv(Tlv.messageState(state));
        if (state != MessageState.DELIVERED && error != 0) {
            b.tlv(Tlv.networkErrorCode(new NetworkErrorCode(NetworkErrorCode.GSM, error)));
        }
        return b.build();
    }

    /**
     * {@code userData} is kept by the record, not copied: the caller must not change it.
     * {@code destination}: the message's (first), as decoded; kept as it is.
     */
    private void recordPart(SmppSession session, StoredMessage m, Address destination, PduRequest pdu, EsmClass esm,
                            byte[] userData, Tlvs tlvs) {
        if (!esm.isUdhi() && !hasSar(tlvs)) {
            // A message in one piece (the common case): nothing to parse, nothing to join.
            if (record.keepsEntries()) {
                record.add(new RecordedSubmit(session.id(), session.systemId(), m, destination, userData, 1, 1, -1, pdu));
            }
            return;
        }
        InboundPart part = null;
        try {
            InboundPart.Builder b = InboundPart.builder()
                    // The account is part of the key so that two accounts' parts never mix.
                    .source(session.systemId() + "\u0000" + m.source().address())
                    .destination(destination.address())
                    .dataCoding(m.dataCoding()).userData(userData).udhi(esm.isUdhi());
            Optional<Tlv> ref = tlvs.get(TlvTag.SAR_MSG_REF_NUM);
            Optional<Tlv> total = tlvs.get(TlvTag.SAR_TOTAL_SEGMENTS);
            Optional<Tlv> seq = tlvs.get(TlvTag.SAR_SEGMENT_SEQNUM);
            if (ref.isPresent() && total.isPresent() && seq.isPresent()) {
                b.sar((int) ref.get().longValue(), (int) total.get().longValue(), (int) seq.get().longValue());
            }
            part = b.build();
        } catch (RuntimeException e) {
            log.atInfo().setMessage("part not understood; recorded as a whole message").addKeyValue("session", session.id())
                    .addKeyValue("systemId", session.systemId()).addKeyValue("messageId", m.messageId())
                    .addKeyValue("reason", e.getMessage()).log();
        }
        byte[] payload = part == null ? userData : part.payload();
        Concatenation c = part == null ? null : part.concatenation().orElse(null);
        record.add(new RecordedSubmit(session.id(), session.systemId(), m, destination, payload,
                c == null ? 1 : c.sequence(), c == null ? 1 : c.total(), c == null ? -1 : c.reference(), pdu));
        if (c == null) {
            return;
        }
        String key = part.source() + "\u0000" + part.destination() + "\u0000" + c.reference() + "\u0000" + c.total();
        Map<Integer, String> ids = partIds.get(key, k -> new TreeMap<>());
        synchronized (ids) {
            ids.put(c.sequence(), m.messageId());
        }
        Optional<ReassembledMessage> joined;
        synchronized (reassembler) {
            joined = reassembler.accept(part);
        }
        if (joined.isPresent()) {
            List<String> partIdsInOrder;
            synchronized (ids) {
                partIdsInOrder = List.copyOf(ids.values());
            }
            partIds.invalidate(key);
            ReassembledMessage r = joined.get();
            record.add(new JoinedMessage(session.systemId(), m.source().address(), r.destination(), r.dataCoding(),
                    decode(r.dataCoding(), r.payload(), true), r.payload(), partIdsInOrder));
        }
    }

    /** The deliver_sm parts of an MO text, split with 8-bit UDH concatenation when it is long. */
    List<DeliverSm> moParts(String from, String to, String text) {
        return moParts(from, to, text, "auto");
    }

    /**
     * The same, encoded as asked: {@code auto}, {@code gsm} (GSM 03.38; a character it lacks is an
     * {@link IllegalArgumentException}) or {@code ucs2}.
     */
    List<DeliverSm> moParts(String from, String to, String text, String coding) {
        EncodedText encoded = switch (coding) {
            case "gsm" -> GSM_ONLY.encode(text);
            case "ucs2" -> UCS2_ONLY.encode(text);
            default -> encoder.encode(text);
        };
        List<MessagePart> parts = splitter.split(encoded, moReference.getAndIncrement() & 0xFF);
        List<DeliverSm> out = new ArrayList<>(parts.size());
        for (MessagePart part : parts) {
            out.add(DeliverSm.builder()
                    .sourceAddress(address(from))
                    .destinationAddress(address(to))
                    .esmClass(EsmClass.DEFAULT.withUdhi(part.udhi()))
                    .dataCoding(DataCoding.of(part.dataCoding()))
                    .shortMessage(part.shortMessage())
                    .build());
        }
        return out;
    }

    /** The longest all-digit address taken for a short code rather than a subscriber's number. */
    static final int SHORT_CODE_MAX_DIGITS = 8;

    /**
     * An MO address as an SMSC writes it: '+' and digits, or more digits than a short code has, is
     * an international number; a short code (12345) has TON unknown, since it is a number of no
     * country's plan (Kannel warns about a short code sent as international); anything else is
     * an alphanumeric sender id (TON 5).
     */
    static Address address(String s) {
        String t = s.trim();
        if (isNumber(t)) {
            boolean plus = t.startsWith("+");
            String digits = plus ? t.substring(1) : t;
            if (!plus && digits.length() <= SHORT_CODE_MAX_DIGITS) {
                return new Address(TypeOfNumber.UNKNOWN, NumberingPlan.ISDN, digits);
            }
            return Address.international(digits);
        }
        return Address.alphanumeric(t);
    }

    /** True when all three SAR TLVs are there: only then do they make a part. */
    private static boolean hasSar(Tlvs tlvs) {
        return !tlvs.isEmpty() && tlvs.contains(TlvTag.SAR_MSG_REF_NUM.tag())
                && tlvs.contains(TlvTag.SAR_TOTAL_SEGMENTS.tag()) && tlvs.contains(TlvTag.SAR_SEGMENT_SEQNUM.tag());
    }

    private static boolean valid(Address a) {
        if (a.isEmpty()) {
            return false;
        }
        boolean numeric = a.ton().equals(TypeOfNumber.INTERNATIONAL) || a.ton().equals(TypeOfNumber.NATIONAL);
        return !numeric || isNumber(a.address());
    }

    /** An optional '+' then 1 to 20 ASCII digits; by hand, as a regex matcher per submit_sm showed in profiles. */
    static boolean isNumber(String s) {
        int start = s.startsWith("+") ? 1 : 0;
        int digits = s.length() - start;
        if (digits < 1 || digits > 20) {
            return false;
        }
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** The text of {@code bytes} in {@code dataCoding}; "" when it has no text form or does not decode. */
    static String decode(int dataCoding, byte[] bytes, boolean quiet) {
        try {
            return CHARSETS.forDataCoding(dataCoding).map(cs -> cs.decode(bytes)).orElse("");
        } catch (RuntimeException e) {
            if (!quiet) {
                log.atDebug().setMessage("text not decodable").addKeyValue("dataCoding", dataCoding).log();
            }
            return "";
        }
    }

    /** The receipt's err: field, as %03d would write it (String.format per receipt showed in profiles). */
    static String threeDigits(int error) {
        if (error >= 0 && error < 1000) {
            return new String(new char[] {(char) ('0' + error / 100), (char) ('0' + error / 10 % 10), (char) ('0' + error % 10)});
        }
        return Integer.toString(error);
    }

    private static String printable(String text, int max) {
        StringBuilder sb = new StringBuilder(max);
        for (int i = 0; i < text.length() && sb.length() < max; i++) {
            char c = text.charAt(i);
            sb.append(c >= 0x20 && c < 0x7F ? c : '?');
        }
        return sb.toString();
    }

    static String smppTime(Instant at) {
        return QuerySmResp.finalDate(at);
    }

    /** The weights receipts' final states are drawn with now. */
    Map<MessageState, Double> outcomeWeights() {
        return outcomeWeights;
    }

    /** Draws later messages' final states with these weights (the rules still come first). */
    void outcomeWeights(Map<MessageState, Double> weights, OutcomePicker picker) {
        this.outcomeWeights = Map.copyOf(weights);
        this.outcomes = picker;
    }
}
