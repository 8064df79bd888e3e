package io.ujumbe.client;

import io.ujumbe.pdu.Address;
import io.ujumbe.pdu.AlertNotification;
import io.ujumbe.pdu.CommandStatus;
import io.ujumbe.pdu.DataSm;
import io.ujumbe.pdu.DeliverSm;
import io.ujumbe.pdu.EsmClass;
import io.ujumbe.pdu.PduRequest;
import io.ujumbe.pdu.PduResponse;
import io.ujumbe.pdu.Tlvs;
import io.ujumbe.receipt.DeliveryReceipt;
import io.ujumbe.receipt.DeliveryReceiptParser;
import io.ujumbe.receipt.ReceiptParseResult;
import io.ujumbe.session.SmppSession;
import io.ujumbe.text.GsmCharset;
import io.ujumbe.text.InboundPart;
import io.ujumbe.text.InvalidPartException;
import io.ujumbe.text.ReassembledMessage;
import io.ujumbe.text.ReassemblyResult;
import io.ujumbe.text.ReassemblyStore;
import io.ujumbe.text.SmsCharset;
import io.ujumbe.text.SmsCharsetRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Handles what the SMSC sends the client: deliver_sm and data_sm carrying a delivery receipt (matched
 * to the original message) or an inbound SMS (reassembled when in parts). The response goes back only
 * when every listener's stage has completed; a failed listener makes it an error response, so the
 * SMSC delivers again and nothing is lost.
 */
final class InboundHandler {
    private static final Logger LOG = LoggerFactory.getLogger(InboundHandler.class);
    private final ClientLog log;

    private final ClientConfig config;
    private final Correlator correlator;
    private final ReassemblyStore store;
    private final SmsCharsetRegistry charsets;
    private final DeliveryReceiptParser receipts;
    private final ClientMetrics metrics;

    InboundHandler(ClientConfig config, Correlator correlator, ReassemblyStore store, SmsCharsetRegistry charsets,
                   DeliveryReceiptParser receipts, ClientMetrics metrics) {
        this.config = config;
        this.log = new ClientLog(LOG, config);
        this.correlator = correlator;
        this.store = store;
        this.charsets = charsets;
        this.receipts = receipts;
        this.metrics = metrics;
    }

    CompletionStage<PduResponse> onRequest(SmppSession session, PduRequest request) {
        if (request instanceof DeliverSm) {
            DeliverSm d = (DeliverSm) request;
            byte[] data = d.tlvs().messagePayload().orElse(d.shortMessage());
            return onMessage(session, request, d.sourceAddress(), d.destinationAddress(), d.esmClass(),
                    d.dataCoding().value(), data, d.tlvs());
        }
        if (request instanceof DataSm) {
            DataSm d = (DataSm) request;
            byte[] data = d.tlvs().messagePayload().orElse(new byte[0]);
            return onMessage(session, request, d.sourceAddress(), d.destinationAddress(), d.esmClass(),
                    d.dataCoding().value(), data, d.tlvs());
        }
        log.info(session.id())
                .addKeyValue("pdu", request).log("request from the SMSC noted; nothing to do with it");
        return CompletableFuture.completedFuture(request.commandId().expectsResponse()
                ? request.createResponse(CommandStatus.ESME_ROK) : null);
    }

    /** An alert_notification (no response): logged and handed to every listener. */
    void onAlert(SmppSession session, AlertNotification alert) {
        log.info(session.id())
                .addKeyValue("source", alert.sourceAddress().address()).log("alert_notification");
        for (ClientListener l : config.listeners()) {
            try {
                l.onAlertNotification(session.id(), alert);
            } catch (RuntimeException e) {
                log.warn(session.id()).setCause(e).log("listener onAlertNotification threw");
            }
        }
    }

    private CompletionStage<PduResponse> onMessage(SmppSession session, PduRequest request, Address source,
                                                   Address destination, EsmClass esm, int dataCoding, byte[] data,
                                                   Tlvs tlvs) {
        ReceiptParseResult r = request instanceof DeliverSm
                ? receipts.analyse((DeliverSm) request) : receipts.analyse((DataSm) request);
        if (r.isReceipt()) {
            return onReceipt(session, request, r.receipt().get());
        }
        boolean flagged = esm.isDeliveryReceipt() || esm.isIntermediateNotification() || esm.isSmeAck();
        if (flagged) {
            log.warn(session.id()).addKeyValue("reason", r.detail())
                    .addKeyValue("pdu", request)
                    .log("PDU flagged as a receipt could not be read as one; handing it on as an inbound message");
        }
        return onInbound(session, request, source, destination, esm, dataCoding, data, tlvs);
    }

    private CompletionStage<PduResponse> onReceipt(SmppSession session, PduRequest request, DeliveryReceipt receipt) {
        metrics.receipt(receipt.messageState().map(Enum::name).orElse(receipt.stat().isEmpty() ? "UNKNOWN" : receipt.stat()));
        return correlator.find(receipt.messageId(), receipt.alternateMessageId()).thenCompose(correlation -> {
            if (correlation.isEmpty()) {
                log.info(session.id()).addKeyValue("messageId", receipt.messageId())
                        .log("receipt for an unknown message_id (expired, sent by another client, or never ours)");
            }
            ReceiptEvent event = new ReceiptEvent(receipt, correlation, request, session.id());
            return notifyAll(l -> l.onReceipt(event));
        }).handle((v, err) -> respond(session.id(), request, err, "receipt"));
    }

    private CompletionStage<PduResponse> onInbound(SmppSession session, PduRequest request, Address source,
                                                   Address destination, EsmClass esm, int dataCoding, byte[] data,
                                                   Tlvs tlvs) {
        InboundPart part;
        try {
            InboundPart.Builder b = InboundPart.builder().source(source.address()).destination(destination.address())
                    .dataCoding(dataCoding).userData(data).udhi(esm.isUdhi());
            OptionalInt ref = tlvs.sarMsgRefNum();
            OptionalInt total = tlvs.sarTotalSegments();
            OptionalInt seq = tlvs.sarSegmentSeqnum();
            if (ref.isPresent() && total.isPresent() && seq.isPresent()) {
                b.sar(ref.getAsInt(), total.getAsInt(), seq.getAsInt());
            }
            part = b.build();
        } catch (RuntimeException e) {
            return deliverAsReceived(session, request, source, destination, dataCoding, data, e);
        }
        if (part.concatenation().isEmpty() || part.concatenation().get().total() == 1) {
            return deliver(request, message(session, request, source, destination,
                    ReassembledMessage.join(List.of(part), null)));
        }
        CompletionStage<ReassemblyResult> offered;
        try {
            offered = store.offer(part);
        } catch (RuntimeException e) {
            offered = CompletableFuture.failedFuture(e);
        }
        return offered.handle((result, err) -> {
            if (err == null) {
                return onStored(session, request, source, destination, result);
            }
            Throwable cause = err instanceof java.util.concurrent.CompletionException && err.getCause() != null
                    ? err.getCause() : err;
            if (cause instanceof InvalidPartException) {
                return deliverAsReceived(session, request, source, destination, dataCoding, data, cause);
            }
            // Nothing was stored (the store is unreachable): the SMSC must send this part again.
            metrics.inboundFailed.increment();
            log.warn(session.id()).addKeyValue("status", config.inboundErrorStatus().name())
                    .addKeyValue("error", String.valueOf(cause))
                    .log("inbound part could not be stored for reassembly; answering with an error so the SMSC delivers again");
            return CompletableFuture.completedFuture(request.createResponse(config.inboundErrorStatus()));
        }).thenCompose(Function.identity());
    }

    private CompletionStage<PduResponse> onStored(SmppSession session, PduRequest request, Address source,
                                                  Address destination, ReassemblyResult result) {
        switch (result.status()) {
            case INCOMPLETE:
                // A part of a longer message: kept (until the application has the whole) and acknowledged.
                return CompletableFuture.completedFuture(request.createResponse(CommandStatus.ESME_ROK));
            case IN_DELIVERY:
                log.info(session.id())
                        .log("part of a message being delivered elsewhere; answering with an error so the SMSC tries again");
                return CompletableFuture.completedFuture(request.createResponse(config.inboundErrorStatus()));
            default:
                break;
        }
        ReassembledMessage whole = result.message().orElseThrow();
        InboundMessage m = message(session, request, source, destination, whole);
        metrics.inbound.increment();
        return notifyAll(l -> l.onInboundMessage(m)).handle((v, err) -> {
            CompletionStage<Void> reported;
            try {
                reported = err == null ? store.delivered(whole) : store.notDelivered(whole);
            } catch (RuntimeException e) {
                reported = CompletableFuture.failedFuture(e);
            }
            return reported.handle((x, storeErr) -> {
                if (storeErr != null) {
                    log.warn(session.id()).addKeyValue("error", String.valueOf(storeErr))
                            .log(err == null ? "reassembly store could not drop a delivered message's parts; they expire"
                                    : "reassembly store could not release a message the listener failed on");
                }
                return respond(session.id(), request, err, "inbound message");
            });
        }).thenCompose(Function.identity());
    }

    private InboundMessage message(SmppSession session, PduRequest request, Address source, Address destination,
                                   ReassembledMessage r) {
        byte[] payload = r.payload();
        String text = decode(r.dataCoding(), payload, r.lockingShift().orElse(null), r.singleShift().orElse(null));
        return new InboundMessage(source, destination, text, payload, r.dataCoding(), r.partCount(), request,
                session.id());
    }

    private CompletionStage<PduResponse> deliverAsReceived(SmppSession session, PduRequest request, Address source,
                                                           Address destination, int dataCoding, byte[] data,
                                                           Throwable e) {
        // A broken UDH or SAR set must not lose the message: hand it on whole, as received.
        log.warn(session.id()).addKeyValue("error", e.getMessage())
                .log("inbound part could not be reassembled; delivering it as a single message");
        InboundMessage m = new InboundMessage(source, destination, decode(dataCoding, data, null, null), data,
                dataCoding, 1, request, session.id());
        return deliver(request, m);
    }

    private CompletionStage<PduResponse> deliver(PduRequest request, InboundMessage m) {
        metrics.inbound.increment();
        return notifyAll(l -> l.onInboundMessage(m))
                .handle((v, err) -> respond(m.sessionId(), request, err, "inbound message"));
    }

    private String decode(int dataCoding, byte[] payload, io.ujumbe.text.NationalLanguage locking,
                          io.ujumbe.text.NationalLanguage single) {
        Optional<SmsCharset> cs = charsets.forDataCoding(dataCoding);
        if (cs.isEmpty()) {
            return "";
        }
        SmsCharset charset = cs.get();
        if (charset instanceof GsmCharset && (locking != null || single != null)) {
            charset = GsmCharset.of(locking, single);
        }
        return charset.decode(payload);
    }

    private PduResponse respond(String sessionId, PduRequest request, Throwable err, String what) {
        if (err == null) {
            return request.createResponse(CommandStatus.ESME_ROK);
        }
        metrics.inboundFailed.increment();
        log.warn(sessionId).addKeyValue("status", config.inboundErrorStatus().name())
                .setCause(err).log(what + " listener failed; answering with an error so the SMSC delivers again");
        return request.createResponse(config.inboundErrorStatus());
    }

    private CompletableFuture<Void> notifyAll(Function<ClientListener, CompletionStage<Void>> call) {
        List<CompletableFuture<Void>> stages = new ArrayList<>();
        for (ClientListener l : config.listeners()) {
            try {
                CompletionStage<Void> s = call.apply(l);
                stages.add(s == null ? CompletableFuture.completedFuture(null) : s.toCompletableFuture());
            } catch (RuntimeException e) {
                stages.add(CompletableFuture.failedFuture(e));
            }
        }
        return CompletableFuture.allOf(stages.toArray(new CompletableFuture<?>[0]));
    }
}
