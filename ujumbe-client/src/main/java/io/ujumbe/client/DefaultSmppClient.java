package io.ujumbe.client;

import io.ujumbe.pdu.Bind;
import io.ujumbe.pdu.BindResp;
import io.ujumbe.pdu.CommandStatus;
import io.ujumbe.pdu.Pdu;
import io.ujumbe.pdu.PduRequest;
import io.ujumbe.pdu.PduResponse;
import io.ujumbe.session.BindState;
import io.ujumbe.session.SessionHandler;
import io.ujumbe.session.SmppConnector;
import io.ujumbe.session.SmppSession;
import io.ujumbe.pdu.AlertNotification;
import io.ujumbe.pdu.Outbind;
import io.ujumbe.session.SmppServer;
import io.ujumbe.text.CaffeineReassembler;
import io.ujumbe.text.ReassemblyStore;
import io.ujumbe.text.SmsCharsetRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The default {@link SmppClient}: N binds kept up by {@link BindSlot}s, one {@link Dispatcher}
 * for outbound traffic, one {@link InboundHandler} for what the SMSC sends. Lifecycle and timers run
 * on one of the connector's I/O threads (the only one by default), so a request and its response
 * need no hand-off between threads; nothing scheduled there blocks.
 */
final class DefaultSmppClient implements SmppClient {
    private static final Logger LOG = LoggerFactory.getLogger(SmppClient.class);

    private enum Lifecycle { NEW, RUNNING, STOPPING, STOPPED }

    private final ClientConfig config;
    private final ClientLog log;
    private final ScheduledExecutorService scheduler;
    private final SmppConnector connector;
    private final ClientMetrics metrics;
    private final Dispatcher dispatcher;
    private final InboundHandler inbound;
    private final List<BindSlot> slots = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Listens for SMSC-initiated connections when configured; its sessions get slots of their own. */
    private volatile SmppServer outbindServer;
    private final PendingSends pending = new PendingSends();
    private final CompletableFuture<Void> firstBind = new CompletableFuture<>();
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();
    private volatile Lifecycle lifecycle = Lifecycle.NEW;
    /** Set by {@link #connect()}: the first failure before any bind is up ends the client. */
    private volatile boolean failFast;
    private volatile List<SmppSession> transmitters = List.of();

    DefaultSmppClient(ClientConfig config) {
        this.config = config;
        this.log = new ClientLog(LOG, config);
        this.connector = SmppConnector.create(config.ioThreads());
        // The dispatcher and the lifecycle run on an I/O thread of the connector: with one I/O thread
        // (the default) a submit and its response cost no thread hand-off, which at small windows is
        // most of the cost. Nothing scheduled there blocks.
        this.scheduler = connector.executor();
        this.metrics = new ClientMetrics(config.meterRegistry(), config.clientId());
        Correlator correlator = new Correlator(config.correlationStore(), config.messageIdFormat(), scheduler,
                config.receiptCorrelationWait(), config);
        SmsCharsetRegistry charsets = config.charsets();
        this.dispatcher = new Dispatcher(config, scheduler, new MessageAssembler(config, charsets), () -> transmitters,
                this::terminal, metrics, correlator);
        ReassemblyStore reassembly = config.reassemblyStore() != null ? config.reassemblyStore()
                : CaffeineReassembler.builder()
                        .timeToLive(config.reassemblyTimeout())
                        .maximumIncomplete(config.maxIncompleteMessages())
                        .evictionListener(m -> log.warn(null).addKeyValue("incomplete", m)
                                .log("incomplete multipart message dropped after its time-to-live"))
                        .build();
        this.inbound = new InboundHandler(config, correlator, reassembly, charsets, config.receiptParser(), metrics);
        for (int i = 0; i < config.binds(); i++) {
            slots.add(new BindSlot(i));
        }
        metrics.gauge("ujumbe.window.in_use", "requests awaiting a response, all binds", () -> {
            int n = 0;
            for (BindSlot s : slots) {
                SmppSession session = s.session;
                n += session == null ? 0 : session.pendingRequests();
            }
            return n;
        });
        metrics.gauge("ujumbe.binds.bound", "binds currently bound", this::boundSessions);
        metrics.gauge("ujumbe.outbox.size", "messages in the outbox not yet acknowledged", () -> config.outbox().size());
    }

    @Override
    public ClientConfig config() {
        return config;
    }

    @Override
    public Outbox outbox() {
        return config.outbox();
    }

    @Override
    public synchronized CompletableFuture<Void> connect() {
        if (lifecycle == Lifecycle.NEW) {
            failFast = true;
        }
        return start();
    }

    /**
     * {@link #connect()}: the first connect or bind failure before any bind is up fails
     * {@code firstBind} and stops the client. Runs on the scheduler thread.
     */
    private boolean failedFast(Throwable failure) {
        if (!failFast || firstBind.isDone()) {
            return false;
        }
        log.error(null).addKeyValue("error", failure.getMessage()).log("connect failed; not retrying (fail fast)");
        // Stopping first (it turns the lifecycle to STOPPING at once; the rest runs later on this
        // scheduler thread): a caller woken by the failure must find the client refusing messages.
        stop(Duration.ZERO);
        firstBind.completeExceptionally(failure);
        return true;
    }

    /** The network error under the session's wrapping, in its own words ("Connection refused"). */
    private ConnectException unreachable(Throwable err) {
        Throwable root = err;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String why = root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
        int nativeError = why.indexOf("failed with error(");
        if (nativeError >= 0 && why.lastIndexOf(": ") > nativeError) {
            why = why.substring(why.lastIndexOf(": ") + 2); // the native transport's "connect(..) failed with error(-111): "
        }
        if (root instanceof java.net.UnknownHostException) {
            why = "unknown host " + why;
        }
        ConnectException e = new ConnectException("cannot connect to the SMSC at " + config.host() + ":" + config.port()
                + ": " + why);
        e.initCause(root);
        return e;
    }

    @Override
    public synchronized CompletableFuture<Void> start() {
        if (lifecycle != Lifecycle.NEW) {
            return lifecycle == Lifecycle.RUNNING ? firstBind
                    : CompletableFuture.failedFuture(new ClientStoppedException("client " + config.clientId() + " was stopped"));
        }
        lifecycle = Lifecycle.RUNNING;
        log.info(null).addKeyValue("binds", config.binds()).addKeyValue("bindType", config.bindType())
                .log("client starting");
        for (BindSlot s : slots) {
            scheduler.execute(s::connect);
        }
        OutbindListener outbind = config.outbind();
        if (outbind != null) {
            try {
                outbindServer = SmppServer.startForOutbind(outbind.host(), outbind.port(), config.session(),
                        s -> new BindSlot(-1, true));
                log.info(null).addKeyValue("port", outbindServer.port()).log("listening for outbind");
            } catch (RuntimeException e) {
                log.error(null).addKeyValue("error", e.getMessage()).log("cannot listen for outbind");
                stop(Duration.ZERO);
                return CompletableFuture.failedFuture(e);
            }
        }
        return firstBind;
    }

    @Override
    public java.util.OptionalInt outbindPort() {
        SmppServer server = outbindServer;
        return server == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(server.port());
    }

    @Override
    public CompletableFuture<MessageOutcome> send(OutboundMessage message) {
        Lifecycle l = lifecycle;
        if (l == Lifecycle.STOPPING || l == Lifecycle.STOPPED) {
            return CompletableFuture.failedFuture(new ClientStoppedException(
                    "client " + config.clientId() + " is " + l.name().toLowerCase() + "; message " + message.correlationId() + " not taken"));
        }
        PendingSends.Pending f = pending.add(message);
        if (f == null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "a message with correlationId " + message.correlationId() + " is already in progress"));
        }
        CompletionStage<Void> offered = config.outbox().offer(message);
        if (Stages.isCompletedNormally(offered)) {
            return f; // taken at once (the in-memory outbox): no callback stage needed
        }
        offered.whenComplete((v, err) -> {
            if (err != null) {
                pending.remove(f);
                f.completeExceptionally(err instanceof java.util.concurrent.CompletionException && err.getCause() != null
                        ? err.getCause() : err);
            }
        });
        return f;
    }

    private void terminal(MessageOutcome outcome) {
        if (outcome instanceof MessageOutcome.Accepted) {
            metrics.accepted.increment();
            if (log.isDebugEnabled()) {
                // Checked first: building the event copies the log metadata, once per message.
                log.debug(null).addKeyValue("correlationId", outcome.correlationId())
                        .addKeyValue("messageIds", ((MessageOutcome.Accepted) outcome).messageIds())
                        .addKeyValue("attempts", outcome.attempts()).log("message accepted");
            }
        } else {
            MessageOutcome.Failed f = (MessageOutcome.Failed) outcome;
            metrics.failed(f.status());
            log.warn(null).addKeyValue("correlationId", outcome.correlationId())
                    .addKeyValue("status", f.status()).addKeyValue("reason", f.reason())
                    .addKeyValue("attempts", outcome.attempts()).log("message failed");
        }
        // Indexed loops on the per-message paths: no iterator per message (the lists are immutable).
        List<ClientListener> listeners = config.listeners();
        for (int i = 0; i < listeners.size(); i++) {
            ClientListener l = listeners.get(i);
            try {
                l.onOutcome(outcome);
            } catch (RuntimeException e) {
                log.warn(null).setCause(e).log("listener onOutcome threw");
            }
        }
        CompletableFuture<MessageOutcome> f = pending.remove(outcome.message());
        if (f != null) {
            f.complete(outcome);
        }
    }

    @Override
    public CompletableFuture<Void> stop(Duration timeout) {
        synchronized (this) {
            if (lifecycle == Lifecycle.STOPPING || lifecycle == Lifecycle.STOPPED) {
                return stopped;
            }
            lifecycle = Lifecycle.STOPPING;
        }
        log.info(null).addKeyValue("timeoutMs", timeout.toMillis()).log("client stopping: draining in-flight requests");
        long deadline = System.nanoTime() + timeout.toNanos();
        scheduler.execute(() -> {
            dispatcher.beginStop();
            awaitDrained(deadline);
        });
        return stopped;
    }

    /** Polls (on the scheduler, without blocking it) until nothing is in flight or the deadline passes. */
    private void awaitDrained(long deadline) {
        if (dispatcher.inFlightParts() > 0 && System.nanoTime() - deadline < 0) {
            scheduler.schedule(() -> awaitDrained(deadline), 20, TimeUnit.MILLISECONDS);
            return;
        }
        if (dispatcher.inFlightParts() > 0) {
            log.warn(null).addKeyValue("inFlight", dispatcher.inFlightParts())
                    .log("stop timeout reached with requests still in flight; they fail as the binds close");
        }
        List<CompletableFuture<Void>> closing = new ArrayList<>();
        for (BindSlot s : slots) {
            closing.add(s.shutdown());
        }
        SmppServer server = outbindServer;
        if (server != null) {
            // Off the I/O thread: closing a server waits for its event loops.
            closing.add(CompletableFuture.allOf(closing.toArray(new CompletableFuture<?>[0]))
                    .thenRunAsync(() -> server.close(Duration.ofSeconds(2)), r -> {
                        Thread t = new Thread(r, "ujumbe-outbind-close");
                        t.setDaemon(true);
                        t.start();
                    }));
        }
        CompletableFuture.allOf(closing.toArray(new CompletableFuture<?>[0]))
                .thenCompose(v -> dispatcher.failRemaining())
                .whenComplete((v, e) -> {
                    firstBind.completeExceptionally(new ClientStoppedException("client stopped"));
                    for (CompletableFuture<MessageOutcome> f : pending.drain()) {
                        f.completeExceptionally(new ClientStoppedException(
                                "client stopped; the message stays in the durable outbox"));
                    }
                    lifecycle = Lifecycle.STOPPED;
                    log.info(null).log("client stopped");
                    // Release the threads from outside them: never shut a pool down from its own thread and wait.
                    Thread t = new Thread(() -> {
                        connector.close(Duration.ofSeconds(2));
                        stopped.complete(null);
                    }, "ujumbe-client-shutdown");
                    t.setDaemon(true);
                    t.start();
                });
    }

    @Override
    public List<SmppSession> sessions() {
        List<SmppSession> out = new ArrayList<>();
        for (BindSlot s : slots) {
            if (s.session != null) {
                out.add(s.session);
            }
        }
        return out;
    }

    @Override
    public int boundSessions() {
        int n = 0;
        for (BindSlot s : slots) {
            SmppSession session = s.session;
            if (session != null && session.state().isBound()) {
                n++;
            }
        }
        return n;
    }

    private void refreshTransmitters() {
        List<SmppSession> tx = new ArrayList<>();
        for (BindSlot s : slots) {
            SmppSession session = s.session;
            if (session != null && session.state().canTransmit()) {
                tx.add(session);
            }
        }
        transmitters = List.copyOf(tx);
    }

    /**
     * One bind: connects, binds, and after any drop or failure reconnects with exponential backoff
     * and jitter. Its methods run on the scheduler thread.
     */
    private final class BindSlot implements SessionHandler {
        private final int index;
        /** A connection the SMSC opened (outbind): bound when its outbind arrives, never reconnected. */
        private final boolean accepted;
        private volatile SmppSession session;
        private int failures;
        private int rejections;
        private boolean everConnected;
        private boolean shuttingDown;

        BindSlot(int index) {
            this(index, false);
        }

        BindSlot(int index, boolean accepted) {
            this.index = index;
            this.accepted = accepted;
        }

        void connect() {
            if (lifecycle != Lifecycle.RUNNING || shuttingDown) {
                return;
            }
            if (everConnected || failures > 0) {
                metrics.reconnects.increment();
            }
            connector.connect(config.host(), config.port(), config.session(), this).whenComplete((s, err) -> {
                if (err != null) {
                    scheduler.execute(() -> onConnectFailed(err));
                } else {
                    scheduler.execute(() -> bind(s));
                }
            });
        }

        private void onConnectFailed(Throwable err) {
            if (failedFast(unreachable(err))) {
                return;
            }
            failures++;
            Duration delay = backoff();
            log.warn(null).addKeyValue("bind", index).addKeyValue("error", err.getMessage())
                    .addKeyValue("retryInMs", delay.toMillis()).log("cannot connect to the SMSC");
            bindFailed(err);
            schedule(delay);
        }

        private void bind(SmppSession s) {
            if (lifecycle != Lifecycle.RUNNING || shuttingDown) {
                s.close("client stopping");
                return;
            }
            session = s;
            everConnected = true;
            s.closeFuture().whenComplete((v, e) -> scheduler.execute(() -> onClosed(s)));
            Bind bind = Bind.builder().type(config.bindType()).systemId(config.systemId()).password(config.password())
                    .systemType(config.systemType()).interfaceVersion(config.interfaceVersion())
                    .addressRange(config.addressRange()).build();
            s.bind(bind).whenComplete((resp, err) -> scheduler.execute(() -> onBindAnswer(s, resp, err)));
        }

        private void onBindAnswer(SmppSession s, BindResp resp, Throwable err) {
            if (err != null) {
                log.warn(s.id()).addKeyValue("bind", index).addKeyValue("error", err.getMessage()).log("bind failed");
                bindFailed(err);
                s.close("bind failed: " + err.getMessage());
                failedFast(new ClientStoppedException("the SMSC at " + config.host() + ":" + config.port()
                        + " did not answer the bind: " + err.getMessage()));
                return;
            }
            if (!resp.commandStatus().isOk()) {
                rejections++;
                metrics.bindRejections.increment();
                log.error(s.id()).addKeyValue("bind", index).addKeyValue("status", resp.commandStatus().name())
                        .addKeyValue("consecutiveRejections", rejections)
                        .log("bind rejected by the SMSC: " + resp.commandStatus().description());
                for (ClientListener l : config.listeners()) {
                    try {
                        l.onBindRejected(resp.commandStatus(), rejections);
                    } catch (RuntimeException e) {
                        log.warn(s.id()).setCause(e).log("listener onBindRejected threw");
                    }
                }
                s.close("bind rejected: " + resp.commandStatus().name());
                if (failedFast(new ClientStoppedException("bind rejected by the SMSC at " + config.host() + ":"
                        + config.port() + ": " + resp.commandStatus().name() + " (" + resp.commandStatus().description() + ")"))) {
                    return;
                }
                if (config.maxBindRejections() > 0 && rejections >= config.maxBindRejections()) {
                    giveUp(resp.commandStatus());
                }
                return;
            }
            failures = 0;
            rejections = 0;
            // The session logs this bind's state change ("state changed", to BOUND_*): not logged twice.
            refreshTransmitters();
            firstBind.complete(null);
            dispatcher.wake();
        }

        private void bindFailed(Throwable err) {
            Throwable cause = err instanceof java.util.concurrent.CompletionException && err.getCause() != null
                    ? err.getCause() : err;
            for (ClientListener l : config.listeners()) {
                try {
                    l.onBindFailed(cause);
                } catch (RuntimeException e) {
                    log.warn(null).setCause(e).log("listener onBindFailed threw");
                }
            }
        }

        private void giveUp(CommandStatus status) {
            String reason = "bind rejected " + rejections + " times in a row (" + status.name() + "); giving up";
            log.error(null).addKeyValue("bind", index).log(reason);
            firstBind.completeExceptionally(new ClientStoppedException(reason));
            stop(Duration.ZERO);
        }

        private void onClosed(SmppSession s) {
            if (session == s) {
                session = null;
                refreshTransmitters();
            }
            if (accepted) {
                slots.remove(this); // the SMSC opens a new connection when it wants one
                return;
            }
            if (lifecycle != Lifecycle.RUNNING || shuttingDown) {
                return;
            }
            failures++;
            Duration delay = rejections > 0 ? config.reconnectMaxDelay() : backoff();
            log.info(s.id()).addKeyValue("bind", index).addKeyValue("retryInMs", delay.toMillis())
                    .log("connection lost; reconnecting");
            schedule(delay);
        }

        private Duration backoff() {
            long base = config.reconnectInitialDelay().toMillis();
            long max = config.reconnectMaxDelay().toMillis();
            long exp = base << Math.min(20, Math.max(0, failures - 1));
            long capped = Math.min(max, exp);
            // ±20% jitter so that several clients do not reconnect in lock-step after an SMSC restart.
            long jitter = (long) (capped * 0.2 * (ThreadLocalRandom.current().nextDouble() * 2 - 1));
            return Duration.ofMillis(Math.max(1, capped + jitter));
        }

        private void schedule(Duration delay) {
            scheduler.schedule(this::connect, delay.toMillis(), TimeUnit.MILLISECONDS);
        }

        CompletableFuture<Void> shutdown() {
            shuttingDown = true;
            SmppSession s = session;
            if (s == null) {
                return CompletableFuture.completedFuture(null);
            }
            return s.unbind().exceptionally(e -> null);
        }

        // ---- SessionHandler -------------------------------------------------------------------

        @Override
        public CompletionStage<PduResponse> onRequest(SmppSession s, PduRequest request) {
            return inbound.onRequest(s, request);
        }

        @Override
        public void onNotification(SmppSession s, Pdu pdu) {
            if (pdu instanceof Outbind) {
                scheduler.execute(() -> onOutbind(s, (Outbind) pdu));
            } else if (pdu instanceof AlertNotification) {
                inbound.onAlert(s, (AlertNotification) pdu);
            }
        }

        private void onOutbind(SmppSession s, Outbind outbind) {
            OutbindListener o = config.outbind();
            if (!accepted || o == null || !o.accepts(outbind, config)) {
                log.warn(s.id()).addKeyValue("outbindSystemId", outbind.systemId())
                        .log(accepted ? "outbind with a wrong system_id or password; closing the connection"
                                : "outbind on a connection the client opened; ignored");
                if (accepted) {
                    s.close("outbind refused: wrong system_id or password");
                }
                return;
            }
            if (lifecycle != Lifecycle.RUNNING) {
                s.close("client not running");
                return;
            }
            slots.add(this);
            log.info(s.id()).log("outbind accepted; binding on the SMSC's connection");
            bind(s);
        }

        @Override
        public void onStateChanged(SmppSession s, BindState from, BindState to) {
            if (!to.canTransmit()) {
                refreshTransmitters();
            }
            for (ClientListener l : config.listeners()) {
                try {
                    l.onBindStateChanged(s.id(), from, to);
                } catch (RuntimeException e) {
                    log.warn(s.id()).setCause(e).log("listener onBindStateChanged threw");
                }
            }
        }

        /** Only hooks look at outbound PDUs (onResponse is not used): without any, no numbered copy per submit_sm. */
        @Override
        public boolean observesOutboundPdus() {
            return !config.hooks().isEmpty();
        }

        @Override
        public void beforeSend(SmppSession s, Pdu pdu) {
            List<PduHook> hooks = config.hooks();
            for (int i = 0; i < hooks.size(); i++) {
                PduHook h = hooks.get(i);
                try {
                    h.beforeSend(s.id(), pdu);
                } catch (RuntimeException e) {
                    log.warn(s.id()).setCause(e).addKeyValue("command", pdu.commandId().smppName())
                            .log("beforeSend hook threw; the PDU is sent anyway");
                }
            }
        }

        @Override
        public void afterReceive(SmppSession s, Pdu pdu) {
            List<PduHook> hooks = config.hooks();
            for (int i = 0; i < hooks.size(); i++) {
                PduHook h = hooks.get(i);
                try {
                    h.afterReceive(s.id(), pdu);
                } catch (RuntimeException e) {
                    log.warn(s.id()).setCause(e).addKeyValue("command", pdu.commandId().smppName())
                            .log("afterReceive hook threw; the PDU is handled anyway");
                }
            }
        }

        @Override
        public void onWindowAvailable(SmppSession s) {
            dispatcher.wake();
        }
    }
}
