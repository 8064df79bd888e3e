package io.ujumbe.gateway;

import io.ujumbe.client.ClientStoppedException;
import io.ujumbe.client.InboundMessage;
import io.ujumbe.client.MessageOutcome;
import io.ujumbe.client.OutboundMessage;
import io.ujumbe.client.ReceiptEvent;
import io.ujumbe.pdu.RegisteredDelivery;
import io.ujumbe.pdu.DeliverSm;
import io.ujumbe.receipt.DeliveryReceipt;
import io.ujumbe.receipt.DeliveryReceiptFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The path of every message through the gateway: MT messages through interceptors and the router to
 * a connector ({@link MessageService}); their outcomes and receipts back into the status store and
 * out as callbacks; failover to the route's next connector when one gives no answer; inbound SMS
 * through the MO interceptors to the MO route's URL. Everything here runs on I/O threads and only
 * chains asynchronous steps.
 */
final class MessageFlow implements MessageService, Connector.Events {
    private static final Logger LOG = LoggerFactory.getLogger(MessageFlow.class);
    static final String ROUTE = "gw.route";
    static final String TRIED = "gw.tried";

    private final GatewayState state;
    private final Map<String, Connector> connectors;
    private final Supplier<Snapshot> snapshot;
    private final WebhookDispatcher webhooks;
    private volatile boolean closing;
    private volatile DoorEvents doors = DoorEvents.NONE;

    MessageFlow(GatewayState state, Map<String, Connector> connectors, Supplier<Snapshot> snapshot, WebhookDispatcher webhooks) {
        this.state = state;
        this.connectors = connectors;
        this.snapshot = snapshot;
        this.webhooks = webhooks;
    }

    void closing() {
        closing = true;
    }

    /** Who else hears reports and inbound SMS (the SMPP front). */
    void doors(DoorEvents d) {
        doors = d == null ? DoorEvents.NONE : d;
    }

    // ---- MT in ----------------------------------------------------------------------------------

    @Override
    public CompletionStage<List<SubmitResult>> submit(List<GatewayMessage> messages) {
        Snapshot s = snapshot.get();
        List<CompletableFuture<SubmitResult>> results = new ArrayList<>(messages.size());
        for (GatewayMessage m : messages) {
            results.add(submitOne(s, m).toCompletableFuture());
        }
        return CompletableFuture.allOf(results.toArray(new CompletableFuture<?>[0])).thenApply(v -> {
            List<SubmitResult> out = new ArrayList<>(results.size());
            for (CompletableFuture<SubmitResult> f : results) {
                out.add(f.join());
            }
            return out;
        });
    }

    private CompletionStage<SubmitResult> submitOne(Snapshot s, GatewayMessage original) {
        long now = System.currentTimeMillis();
        InterceptResult<GatewayMessage> r;
        try {
            r = Interceptor.run(s.mtInterceptors(), original);
        } catch (RuntimeException e) {
            LOG.atWarn().addKeyValue("id", original.id()).log("an MT interceptor failed: {}", e.toString());
            r = InterceptResult.reject("interceptor_error", "an interceptor failed");
        }
        if (r.rejected()) {
            return refuse(original, List.of(), now, r.status(), r.reason() == null ? r.status() : r.reason());
        }
        GatewayMessage m = r.message();
        List<String> route = s.router().candidates(m);
        if (route.isEmpty()) {
            return refuse(m, route, now, "no_route", "no route matches this message");
        }
        Connector target = choose(route, Set.of(), s.config().maxConsecutiveFailures());
        if (target == null) {
            return refuse(m, route, now, "no_connector", "the route's connectors are not configured");
        }
        MessageRecord record = MessageRecord.of(m, route, now);
        OutboundMessage out;
        try {
            out = toOutbound(m, route, target.name());
        } catch (IllegalArgumentException e) {
            return refuse(m, route, now, "invalid", e.getMessage());
        }
        return state.statusStore().create(record, MessageEvent.of("queued", now, target.name(), null))
                .thenCompose(v -> target.offer(out))
                .handle((v, err) -> {
                    if (err == null) {
                        return new SubmitResult(m.id(), m.to(), "queued", null, null);
                    }
                    String why = String.valueOf(cause(err).getMessage());
                    LOG.atWarn().addKeyValue("id", m.id()).addKeyValue("connector", target.name())
                            .log("cannot queue a message: {}", why);
                    state.statusStore().append(m.id(), new MessageEvent("failed", System.currentTimeMillis(),
                            target.name(), List.of(), 0, null, "queue_failed", why));
                    return new SubmitResult(m.id(), m.to(), "failed", "queue_failed", why);
                });
    }

    private CompletionStage<SubmitResult> refuse(GatewayMessage m, List<String> route, long now, String code, String why) {
        MessageRecord record = MessageRecord.of(m, route, now);
        MessageEvent failed = new MessageEvent("failed", now, null, List.of(), 0, null, code, why);
        return state.statusStore().create(record, failed).handle((v, err) -> {
            report(record, new DeliveryReport("smsc", "rejected", code, code, null, null, null, null, null, null, null, now));
            return new SubmitResult(m.id(), m.to(), "failed", code, why);
        });
    }

    /** The first healthy connector of the route not yet tried, else the first not tried that exists. */
    private Connector choose(List<String> route, Set<String> tried, int maxFailures) {
        Connector fallback = null;
        for (String name : route) {
            if (tried.contains(name)) {
                continue;
            }
            Connector c = connectors.get(name);
            if (c == null) {
                continue;
            }
            if (c.healthy(maxFailures)) {
                return c;
            }
            if (fallback == null) {
                fallback = c;
            }
        }
        return fallback;
    }

    static OutboundMessage toOutbound(GatewayMessage m, List<String> route, String tried) {
        OutboundMessage.Builder b = OutboundMessage.builder().correlationId(m.id()).to(m.to());
        if (m.from() != null && !m.from().isEmpty()) {
            b.from(m.from());
        }
        if (m.text() != null) {
            b.text(m.text());
        } else {
            b.payload(m.payload(), m.dataCoding());
            if (m.rawPart()) {
                b.rawPart(m.udhi());
            }
        }
        for (io.ujumbe.pdu.Tlv t : m.tlvs()) {
            b.addTlv(t);
        }
        if (m.encoding() != null) {
            b.encoding(m.encoding());
        }
        if (m.multipart() != null) {
            b.multipartMode(m.multipart());
        }
        if (m.validity() != null) {
            b.validity(m.validity());
        }
        if (m.scheduleAt() != null) {
            Duration d = Duration.between(Instant.now(), m.scheduleAt());
            if (!d.isNegative() && !d.isZero()) {
                b.scheduleAfter(d);
            }
        }
        b.priority(m.priority());
        b.registeredDelivery(m.receipt() ? RegisteredDelivery.RECEIPT : RegisteredDelivery.NONE);
        Map<String, String> meta = new HashMap<>();
        meta.put(ROUTE, String.join(",", route));
        meta.put(TRIED, tried);
        b.metadata(meta);
        return b.build();
    }

    // ---- outcomes and receipts --------------------------------------------------------------------

    @Override
    public void onOutcome(Connector connector, MessageOutcome outcome, boolean retired) {
        String id = outcome.correlationId();
        long now = System.currentTimeMillis();
        if (outcome instanceof MessageOutcome.Accepted) {
            MessageOutcome.Accepted a = (MessageOutcome.Accepted) outcome;
            state.statusStore().append(id, new MessageEvent("accepted", now, connector.name(), a.messageIds(),
                    a.attempts(), null, null, null)).thenRun(() -> reportById(id,
                    new DeliveryReport("smsc", "accepted", "ESME_ROK", null, a.messageId(), connector.name(),
                            null, null, null, null, null, now)));
            return;
        }
        MessageOutcome.Failed f = (MessageOutcome.Failed) outcome;
        if (f.status() == null && !closing && failover(connector, f, now)) {
            return;
        }
        if (retired && f.status() == null && !closing) {
            // The connector's client was replaced (its queue moved on) and no other connector of the
            // route can take this message: it waits for this connector's fresh client instead.
            Connector current = connectors.get(connector.name());
            if (current != null) {
                current.offer(f.message());
                return;
            }
        }
        String code = f.status() != null ? f.status().name() : f.cause() instanceof ClientStoppedException ? "stopped" : "no_answer";
        String error = f.status() != null ? Integer.toString(f.status().code()) : code;
        state.statusStore().append(id, new MessageEvent("failed", now, connector.name(), List.of(), f.attempts(),
                code, error, f.reason())).thenRun(() -> reportById(id,
                new DeliveryReport("smsc", "rejected", code, error, null, connector.name(), null, null, null, null, null, now)));
    }

    /** Sends a message the SMSC never answered through the route's next connector, if there is one. */
    private boolean failover(Connector from, MessageOutcome.Failed f, long now) {
        Map<String, String> meta = f.message().metadata();
        String routeText = meta.get(ROUTE);
        if (routeText == null) {
            return false;
        }
        List<String> route = Arrays.asList(routeText.split(","));
        Set<String> tried = new LinkedHashSet<>(Arrays.asList(meta.getOrDefault(TRIED, "").split(",")));
        tried.add(from.name());
        Connector next = choose(route, tried, snapshot.get().config().maxConsecutiveFailures());
        if (next == null) {
            return false;
        }
        Map<String, String> newMeta = new HashMap<>(meta);
        newMeta.put(TRIED, String.join(",", tried));
        OutboundMessage again = f.message().toBuilder().metadata(newMeta).build();
        String id = f.correlationId();
        LOG.atInfo().addKeyValue("id", id).addKeyValue("from", from.name()).addKeyValue("to", next.name())
                .addKeyValue("reason", f.reason()).log("failover to the route's next connector");
        state.statusStore().append(id, new MessageEvent("failover", now, next.name(), List.of(), f.attempts(), null,
                null, from.name() + ": " + f.reason()));
        next.offer(again).whenComplete((v, err) -> {
            if (err != null) {
                state.statusStore().append(id, new MessageEvent("failed", System.currentTimeMillis(), next.name(),
                        List.of(), 0, null, "queue_failed", String.valueOf(err.getMessage())));
            }
        });
        return true;
    }

    @Override
    public CompletionStage<Void> onReceipt(Connector connector, ReceiptEvent event) {
        Optional<String> id = event.correlationId();
        DeliveryReceipt r = event.receipt();
        if (id.isEmpty()) {
            LOG.atWarn().addKeyValue("connector", connector.name()).addKeyValue("messageId", r.messageId())
                    .log("receipt for a message the gateway does not know; acknowledged and dropped");
            return CompletableFuture.completedFuture(null);
        }
        long now = System.currentTimeMillis();
        String stat = r.stat();
        MessageEvent e = new MessageEvent("receipt", now, connector.name(), List.of(r.messageId()), 0, stat,
                r.err(), null);
        DeliveryReport report = new DeliveryReport("terminal", ReceiptStatuses.callbackStatus(stat), stat, r.err(),
                r.messageId(), connector.name(), receiptText(event),
                r.submitted().isPresent() ? Integer.toString(r.submitted().getAsInt()) : null,
                r.delivered().isPresent() ? Integer.toString(r.delivered().getAsInt()) : null,
                r.submitDateText(), r.doneDateText(), now);
        // The SMSC hears the receipt is taken only once it is stored and its callback queued.
        return state.statusStore().append(id.get(), e).thenCompose(v -> reportByIdStage(id.get(), report));
    }

    /** The receipt as the SMSC wrote it (Kannel's %A), or as the standard format has it when it came in TLVs only. */
    private static String receiptText(ReceiptEvent event) {
        if (event.pdu() instanceof DeliverSm) {
            byte[] sm = ((DeliverSm) event.pdu()).shortMessage();
            if (sm.length > 0) {
                return new String(sm, java.nio.charset.StandardCharsets.ISO_8859_1);
            }
        }
        return DeliveryReceiptFormatter.standard().format(event.receipt());
    }

    @Override
    public CompletionStage<Void> onInbound(Connector connector, InboundMessage message) {
        Snapshot s = snapshot.get();
        InboundSms sms = new InboundSms(Ids.uuid(), message.source().address(),
                message.destination().address(), message.text(), message.dataCoding(), message.parts(),
                connector.name(), System.currentTimeMillis(), Set.of());
        InterceptResult<InboundSms> r;
        try {
            r = Interceptor.run(s.moInterceptors(), sms);
        } catch (RuntimeException e) {
            LOG.atWarn().addKeyValue("id", sms.id()).log("an MO interceptor failed: {}", e.toString());
            r = InterceptResult.proceed(sms);
        }
        if (r.rejected()) {
            LOG.atInfo().addKeyValue("id", sms.id()).addKeyValue("status", r.status()).log("inbound SMS stopped by an interceptor");
            return CompletableFuture.completedFuture(null);
        }
        InboundSms m = r.message();
        for (MoRouteConfig route : s.config().moRoutes()) {
            if (route.matches(m.to(), m.text(), m.tags())) {
                if (route.smppUser().isPresent()) {
                    return doors.onInbound(route.smppUser().get(), m, message.payload());
                }
                return webhooks.enqueue(Callbacks.forInbound(m, route));
            }
        }
        LOG.atWarn().addKeyValue("id", m.id()).addKeyValue("to", m.to()).addKeyValue("connector", connector.name())
                .log("inbound SMS matches no MO route; acknowledged and dropped");
        return CompletableFuture.completedFuture(null);
    }

    private void reportById(String id, DeliveryReport report) {
        reportByIdStage(id, report).whenComplete((v, err) -> {
            if (err != null) {
                LOG.atWarn().addKeyValue("id", id).log("cannot queue a delivery report: {}", err.toString());
            }
        });
    }

    private CompletionStage<Void> reportByIdStage(String id, DeliveryReport report) {
        return state.statusStore().find(id).thenCompose(view -> {
            if (view.isEmpty()) {
                return CompletableFuture.completedFuture(null);
            }
            CompletionStage<Void> relayed;
            try {
                relayed = doors.onReport(view.get(), report);
            } catch (RuntimeException e) {
                relayed = CompletableFuture.failedFuture(e);
            }
            CompletionStage<Void> called = reportStage(view.get().record(), report);
            return relayed.thenCombine(called, (a, b) -> null);
        });
    }

    private void report(MessageRecord record, DeliveryReport report) {
        reportStage(record, report);
    }

    private CompletionStage<Void> reportStage(MessageRecord record, DeliveryReport report) {
        if (!Callbacks.wanted(record, report)) {
            return CompletableFuture.completedFuture(null);
        }
        return webhooks.enqueue(Callbacks.forReport(record, report));
    }

    static Throwable cause(Throwable t) {
        while ((t instanceof java.util.concurrent.CompletionException || t instanceof java.util.concurrent.ExecutionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    @Override
    public CompletionStage<Optional<MessageView>> find(String id) {
        return state.statusStore().find(id);
    }
}
