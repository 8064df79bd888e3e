package io.ujumbe.smsc;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.ujumbe.pdu.DeliverSm;
import io.ujumbe.pdu.MessageState;
import io.ujumbe.session.SessionConfig;
import io.ujumbe.session.SmppServer;
import io.ujumbe.session.SmppSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * An SMSC to develop and test ESMEs against: it accepts binds for its accounts, answers
 * submissions with message ids, keeps each message's state for query_sm, cancel_sm and
 * replace_sm, sends delivery receipts with outcomes from rules or a seeded distribution, injects
 * faults (throttling, errors, latency, lost responses, disconnects, unbinds), sends MO messages,
 * and serves statistics over HTTP. Start one with {@link #start(SmscConfig)}; {@link #close()}
 * stops it.
 *
 * <pre>{@code
 * try (SmscSimulator smsc = SmscSimulator.start(SmscConfig.builder().port(0)
 *         .account(SmscAccount.allowingAll("acme", "secret")).build())) {
 *     // point a client at 127.0.0.1:smsc.port(), then inspect smsc.record()
 * }
 * }</pre>
 */
public final class SmscSimulator implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SmscSimulator.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(2);
    /** How long {@link #close()} waits for the sessions' unbind_resp. */
    static final Duration UNBIND_WAIT = Duration.ofSeconds(2);

    private final SmscConfig config;
    private final SmscRecord record;
    private final Counters counters = new Counters();
    private final Set<SmppSession> sessions = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer;
    private final Deliveries deliveries;
    private final MessageCenter center;
    private final Random random;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicLong moNumbers = new AtomicLong();
    private final AtomicReference<FaultConfig> faults;
    private SmppServer server;
    private SmppServer tlsServer;
    private HttpApi http;

    private SmscSimulator(SmscConfig config) {
        this.config = config;
        this.record = new SmscRecord(config.messageIds(), config.recordLimit());
        this.faults = new AtomicReference<>(config.faults());
        this.random = new Random(config.randomSeed());
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ujumbe-smsc-timer");
            t.setDaemon(true);
            return t;
        });
        this.deliveries = new Deliveries(timer, sessions, counters, record, config.moStoreLimit());
        this.center = new MessageCenter(config, record, counters, deliveries,
                new OutcomePicker(config.receiptRules(), config.receiptOutcomes(), random), timer);
    }

    /**
     * Starts listening (SMPP, and TLS and HTTP when configured) and returns once every socket is
     * bound.
     *
     * @throws IllegalStateException when a port cannot be bound (nothing is left running)
     */
    public static SmscSimulator start(SmscConfig config) {
        Objects.requireNonNull(config, "config");
        SmscSimulator smsc = new SmscSimulator(config);
        try {
            smsc.listen();
        } catch (RuntimeException e) {
            smsc.close();
            throw e;
        }
        return smsc;
    }

    private void listen() {
        if (config.meterRegistry() != null) {
            bindTo(config.meterRegistry());
        }
        server = SmppServer.start(config.host(), config.port(), config.ioThreads(), config.session(), this::handler);
        if (config.tlsPort() >= 0) {
            SessionConfig tls = config.session().toBuilder().tls(config.tls()).build();
            tlsServer = SmppServer.start(config.host(), config.tlsPort(), config.ioThreads(), tls, this::handler);
        }
        if (config.httpPort() >= 0) {
            http = HttpApi.start(config.host(), config.httpPort(), this);
        }
        if (config.accounts().isEmpty()) {
            log.atWarn().setMessage("no accounts configured: any system_id and password will be accepted").log();
        }
        log.atInfo().setMessage("SMSC simulator listening").addKeyValue("host", config.host())
                .addKeyValue("port", port()).addKeyValue("tlsPort", tlsPort()).addKeyValue("httpPort", httpPort())
                .addKeyValue("accounts", config.accounts().size()).addKeyValue("messageIds", config.messageIds())
                .addKeyValue("receiptDelay", config.receiptDelay()).addKeyValue("faults", config.faults()).log();
    }

    private SmscSessionHandler handler(SmppSession session) {
        return new SmscSessionHandler(config, center, deliveries, counters, record, sessions, timer, random, session, faults::get);
    }

    /** The SMPP port bound. */
    public int port() {
        return server.port();
    }

    /** The TLS port bound, or -1 when TLS is off. */
    public int tlsPort() {
        return tlsServer == null ? -1 : tlsServer.port();
    }

    /** The HTTP port bound, or -1 when HTTP is off. */
    public int httpPort() {
        return http == null ? -1 : http.port();
    }

    public SmscConfig config() {
        return config;
    }

    /** What the simulator received and sent. */
    public SmscRecord record() {
        return record;
    }

    /** The sessions connected now. */
    public List<SmppSession> sessions() {
        return List.copyOf(sessions);
    }

    /**
     * Queues an MO (inbound SMS) for delivery and answers at once, never waiting for the ESME:
     * the returned stage is already complete when this returns, with the {@link MoTicket} (whose
     * {@link MoTicket#delivered()} completes once the ESME acknowledged every part), or failed
     * with an {@link IllegalStateException} when the MO store is full. A text too long for one
     * SMS goes in parts with 8-bit UDH concatenation, all parts to the same session.
     *
     * <p>Store and forward: when no receiver or transceiver of the account ({@code systemId};
     * any account when null) is bound, the MO is stored and sent when one binds, for up to
     * {@link SmscConfig#moStoreTtl()} and at most {@link SmscConfig#moStoreLimit()} parts in
     * all. A part the ESME refuses, or whose connection drops, is sent again (see the delivery
     * rules in the README); one answered ESME_ROK is never sent twice.
     *
     * <p>Addresses go out as an SMSC would write them: {@code +} and digits, or 9 or more digits,
     * as TON international / NPI ISDN (the {@code +} dropped); 8 or fewer digits (a short code
     * such as {@code 12345}) as TON unknown / NPI ISDN; anything else as an alphanumeric
     * sender (TON 5, NPI unknown).
     *
     * @param request the MO
     * @return a completed stage: the ticket, or the reason it was not queued
     */
    public CompletionStage<MoTicket> queueMo(MoRequest request) {
        Objects.requireNonNull(request, "request");
        List<DeliverSm> parts;
        try {
            parts = center.moParts(request.from(), request.to(), request.text(), request.coding());
        } catch (RuntimeException e) {
            // Text the asked coding cannot carry (GSM 03.38 lacks the character).
            return CompletableFuture.failedFuture(new IllegalArgumentException("the text cannot be sent as "
                    + request.coding() + ": " + e.getMessage(), e));
        }
        String id = "mo-" + moNumbers.incrementAndGet();
        String account = request.systemId();
        SmppSession target = deliveries.receiver(account);
        boolean waiting = target == null;
        if (waiting && !deliveries.moStoreHasRoom(parts.size())) {
            log.atWarn().setMessage("MO refused: the store is full").addKeyValue("mo", id)
                    .addKeyValue("systemId", account == null ? "*" : account)
                    .addKeyValue("moStoreLimit", config.moStoreLimit()).log();
            return CompletableFuture.failedFuture(new IllegalStateException("the MO store is full ("
                    + config.moStoreLimit() + " parts wait for a receiver); bind a receiver or raise moStoreLimit"));
        }
        List<CompletableFuture<Void>> done = new ArrayList<>(parts.size());
        for (DeliverSm part : parts) {
            Deliveries.Delivery d = new Deliveries.Delivery(account, target == null ? null : target.id(), part,
                    DeliveryRecord.Kind.MO, id, true, config.moStoreTtl());
            done.add(d.done);
            deliveries.send(d);
        }
        log.atInfo().setMessage(waiting ? "MO stored until a receiver binds" : "MO queued").addKeyValue("mo", id)
                .addKeyValue("systemId", account == null ? "*" : account).addKeyValue("parts", parts.size()).log();
        CompletableFuture<Void> delivered = CompletableFuture.allOf(done.toArray(CompletableFuture<?>[]::new));
        return CompletableFuture.completedFuture(new MoTicket(id, parts.size(), waiting, delivered));
    }

    /**
     * Sends an MO to a receiver or transceiver session of any account; see
     * {@link #queueMo(MoRequest)} (this is it, waiting for the delivery). Completes when the
     * ESME has acknowledged every part; fails when the store is full, the MO expired before a
     * receiver bound, or a part was refused every time.
     *
     * @throws IllegalArgumentException when {@code from} or {@code to} is blank or {@code text} null
     */
    public CompletableFuture<Void> injectMo(String from, String to, String text) {
        return injectMo(from, to, text, null);
    }

    /** Like {@link #injectMo(String, String, String)}, to a session of {@code systemId} (null = any). */
    public CompletableFuture<Void> injectMo(String from, String to, String text, String systemId) {
        return queueMo(new MoRequest(from, to, text, systemId)).toCompletableFuture()
                .thenCompose(MoTicket::delivered).toCompletableFuture();
    }

    /** The fault settings submissions meet now (the configuration's, until changed). */
    public FaultConfig faults() {
        return faults.get();
    }

    /**
     * Changes the fault settings at run time: every session's next submission meets them.
     *
     * @param settings the new settings
     */
    public void faults(FaultConfig settings) {
        FaultConfig previous = faults.getAndSet(Objects.requireNonNull(settings, "settings"));
        log.atInfo().setMessage("fault settings changed").addKeyValue("from", previous).addKeyValue("to", settings).log();
    }

    /** The weights final receipt states are drawn with now (receipt rules still come first). */
    public Map<MessageState, Double> receiptOutcomes() {
        return center.outcomeWeights();
    }

    /**
     * Changes the weights final receipt states are drawn with, for messages submitted from now on.
     *
     * @param weights state to weight; checked and normalised as {@link SmscConfig.Builder#receiptOutcomes} does
     * @throws IllegalArgumentException for a weight that is negative or a sum of 0
     */
    public void receiptOutcomes(Map<MessageState, Double> weights) {
        Map<MessageState, Double> checked = SmscConfig.builder().receiptOutcomes(weights).build().receiptOutcomes();
        center.outcomeWeights(checked, new OutcomePicker(config.receiptRules(), checked, random));
        log.atInfo().setMessage("receipt outcomes changed").addKeyValue("weights", checked).log();
    }

    /**
     * A session connected now.
     *
     * @param sessionId its id
     * @return the session, if still connected
     */
    public Optional<SmppSession> session(String sessionId) {
        for (SmppSession s : sessions) {
            if (s.id().equals(sessionId)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** The deliver_sm traffic, for the tests of this package. */
    Deliveries deliveries() {
        return deliveries;
    }

    /** A snapshot of the counters. */
    public SmscStats stats() {
        return new SmscStats(sessions.size(), bound(sessions), counters.bindsAccepted.sum(), counters.bindsRejected.sum(),
                counters.submits.sum(), counters.submitRate(), counters.states(), counters.receiptsSent.sum(),
                deliveries.pending(), counters.moSent.sum(), counters.faults());
    }

    /**
     * Registers the simulator's meters with a Micrometer registry, under the names {@code GET /metrics}
     * uses (in Prometheus form): {@code ujumbe.smsc.sessions}, {@code .bound_sessions},
     * {@code .binds{result=accepted|rejected}}, {@code .submits}, {@code .submit_rate},
     * {@code .messages{state}}, {@code .receipts.sent}, {@code .receipts.pending}, {@code .mo.sent},
     * {@code .faults{fault}}. A registry given in {@link SmscConfig.Builder#metrics} is bound at start.
     */
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("ujumbe.smsc.sessions", sessions, Set::size).description("Connections open.").register(registry);
        Gauge.builder("ujumbe.smsc.bound_sessions", sessions, SmscSimulator::bound).description("Connections bound.")
                .register(registry);
        FunctionCounter.builder("ujumbe.smsc.binds", counters.bindsAccepted, LongAdder::sum)
                .description("Bind requests answered, by result.").tag("result", "accepted").register(registry);
        FunctionCounter.builder("ujumbe.smsc.binds", counters.bindsRejected, LongAdder::sum)
                .description("Bind requests answered, by result.").tag("result", "rejected").register(registry);
        FunctionCounter.builder("ujumbe.smsc.submits", counters.submits, LongAdder::sum)
                .description("Submissions accepted (each part counts).").register(registry);
        Gauge.builder("ujumbe.smsc.submit_rate", counters, Counters::submitRate)
                .description("Submissions accepted per second over the last 10 s.").register(registry);
        for (MessageState st : MessageState.values()) {
            Gauge.builder("ujumbe.smsc.messages", counters, c -> c.states().getOrDefault(st, 0L))
                    .description("Messages held, by state.").tag("state", st.name()).register(registry);
        }
        FunctionCounter.builder("ujumbe.smsc.receipts.sent", counters.receiptsSent, LongAdder::sum)
                .description("Receipts acknowledged by ESMEs.").register(registry);
        Gauge.builder("ujumbe.smsc.receipts.pending", deliveries, Deliveries::pending)
                .description("Receipts waiting for a receiver or a retry.").register(registry);
        FunctionCounter.builder("ujumbe.smsc.mo.sent", counters.moSent, LongAdder::sum)
                .description("MO parts acknowledged by ESMEs.").register(registry);
        for (String fault : counters.faults().keySet()) {
            FunctionCounter.builder("ujumbe.smsc.faults", counters, c -> c.faults().get(fault))
                    .description("Faults injected, by kind.").tag("fault", fault).register(registry);
        }
    }

    /**
     * What {@code GET /metrics} serves: the text of the registry given in
     * {@link SmscConfig.Builder#metrics} (Prometheus text, with the JVM and process metrics in the
     * {@code ujumbe smsc} command), else the simulator's own counters in the Prometheus text format.
     */
    public String metricsText() {
        return config.metricsText() != null ? config.metricsText().get() : StatsText.of(stats());
    }

    /** The content type of {@link #metricsText()}: Prometheus text format 0.0.4. */
    public String metricsContentType() {
        return StatsText.CONTENT_TYPE;
    }

    private static int bound(Set<SmppSession> sessions) {
        int n = 0;
        for (SmppSession s : sessions) {
            if (s.state().isBound()) {
                n++;
            }
        }
        return n;
    }

    /**
     * Sends unbind to every bound session and waits, at most {@link #UNBIND_WAIT} in all, for
     * their unbind_resp (each session then closes itself), so that ESMEs hear a clean unbind
     * rather than a dropped connection. Never called on a session's I/O thread.
     */
    private void unbindSessions() {
        List<CompletableFuture<Void>> unbinding = new ArrayList<>();
        for (SmppSession s : sessions) {
            if (s.state().isBound()) {
                unbinding.add(s.unbind());
            }
        }
        if (unbinding.isEmpty()) {
            return;
        }
        log.atInfo().setMessage("unbinding sessions").addKeyValue("sessions", unbinding.size()).log();
        try {
            CompletableFuture.allOf(unbinding.toArray(CompletableFuture<?>[]::new))
                    .get(UNBIND_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            log.atInfo().setMessage("not every session answered unbind in time; closing them").log();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Unbinds every bound session (waiting at most {@link #UNBIND_WAIT} for the answers), stops
     * listening, closes every session and stops the timers. Safe to call twice.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        unbindSessions();
        if (http != null) {
            http.close();
        }
        if (tlsServer != null) {
            tlsServer.close(CLOSE_TIMEOUT);
        }
        if (server != null) {
            server.close(CLOSE_TIMEOUT);
        }
        timer.shutdownNow();
        log.atInfo().setMessage("SMSC simulator stopped").addKeyValue("submits", counters.submits.sum())
                .addKeyValue("receiptsSent", counters.receiptsSent.sum()).log();
    }
}
