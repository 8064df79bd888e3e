package io.ujumbe.gateway;

import io.micrometer.core.instrument.MeterRegistry;
import io.ujumbe.client.ClientConfig;
import io.ujumbe.client.ClientListener;
import io.ujumbe.client.InboundMessage;
import io.ujumbe.client.MessageOutcome;
import io.ujumbe.client.OutboundMessage;
import io.ujumbe.client.Outbox;
import io.ujumbe.client.ReceiptEvent;
import io.ujumbe.client.SmppClient;
import io.ujumbe.session.BindState;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One named SMSC account of the gateway: the SMPP client it owns (its own binds, window, rate and
 * TLS), its queue, and what routing needs to know of its health: whether a bind is up, since when
 * none is, and how many submissions in a row failed without an SMSC answer.
 */
public final class Connector implements AutoCloseable {
    /** What the gateway hears from a connector's client. Called on the client's I/O thread. */
    interface Events {
        /**
         * @param retired true when the outcome comes from a client this connector replaced
         *                ({@link #recycle()}): its unsent messages fail with "client stopped"
         */
        void onOutcome(Connector connector, MessageOutcome outcome, boolean retired);

        CompletionStage<Void> onReceipt(Connector connector, ReceiptEvent receipt);

        CompletionStage<Void> onInbound(Connector connector, InboundMessage message);
    }

    private final ConnectorConfig config;
    private final GatewayState state;
    private final MeterRegistry registry;
    private final Events events;
    private volatile SmppClient client;
    private volatile Listener listener;
    private volatile Outbox outbox;
    private final AtomicInteger consecutiveFailures = new AtomicInteger();
    private final AtomicLong unboundSince = new AtomicLong(System.nanoTime());
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong receipts = new AtomicLong();
    private final AtomicLong inbound = new AtomicLong();
    private final AtomicLong offered = new AtomicLong();
    private final long startedAt = System.nanoTime();
    private volatile long lastFailureAt;

    Connector(ConnectorConfig config, GatewayState state, MeterRegistry registry, Events events) {
        this.config = config;
        this.state = state;
        this.registry = registry;
        this.events = events;
        this.outbox = state.outbox(config);
        this.client = newClient(outbox);
    }

    private SmppClient newClient(Outbox queue) {
        listener = new Listener(events);
        ClientConfig.Builder b = config.clientBuilder().outbox(queue).meterRegistry(registry)
                .addListener(listener);
        state.correlationStore(config).ifPresent(b::correlationStore);
        return SmppClient.create(b.build());
    }

    /**
     * Moves what waits for this dead connector on: the client is replaced by a fresh one (which keeps
     * trying to bind) and the old one stopped, which fails its unsent in-memory messages with "client
     * stopped"; the gateway sends those through the route's other connectors. A durable (Redis)
     * queue keeps its messages for whichever gateway has this connector bound.
     *
     * @return done when the old client has stopped
     */
    CompletableFuture<Void> recycle() {
        SmppClient old = client;
        listener.retired = true;
        Outbox fresh = outbox.durable() ? outbox : state.outbox(config);
        SmppClient next = newClient(fresh);
        outbox = fresh;
        client = next;
        consecutiveFailures.set(0);
        unboundSince.set(System.nanoTime());
        next.start().exceptionally(e -> null);
        return old.stop(Duration.ofMillis(500));
    }

    /** Connects and binds; returns at once (the client keeps reconnecting). */
    void start() {
        client.start().exceptionally(e -> null);
    }

    /** @return the configuration */
    public ConnectorConfig config() {
        return config;
    }

    /** @return the name */
    public String name() {
        return config.name();
    }

    /** @return binds bound now */
    public int boundSessions() {
        return client.boundSessions();
    }

    /** @return messages waiting in this connector's queue (or being sent) */
    public long queueDepth() {
        return outbox.size();
    }

    /**
     * Whether routing should choose this connector now: a bind is up and it has not failed
     * {@code maxFailures} times in a row lately.
     *
     * @param maxFailures failures in a row that take it out of rotation for 30 s
     * @return true when usable
     */
    public boolean healthy(int maxFailures) {
        if (client.boundSessions() == 0) {
            return false;
        }
        return consecutiveFailures.get() < maxFailures || System.nanoTime() - lastFailureAt > Duration.ofSeconds(30).toNanos();
    }

    /**
     * How long no bind has been up.
     *
     * @return the time, zero while a bind is up
     */
    public Duration downFor() {
        if (client.boundSessions() > 0) {
            return Duration.ZERO;
        }
        long since = unboundSince.get();
        return since == 0 ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - since);
    }

    /** @return the client's sessions now (for the console: each bind's state) */
    java.util.List<io.ujumbe.session.SmppSession> sessions() {
        return client.sessions();
    }

    /** @return the running totals: offered, accepted, failed, receipts, inbound (for the console's rates) */
    long[] counts() {
        return new long[] {offered.get(), accepted.get(), failed.get(), receipts.get(), inbound.get()};
    }

    /** @return the outbox, for moving a dead connector's queue elsewhere */
    Outbox outbox() {
        return outbox;
    }

    /**
     * Queues a message; its outcome comes to the gateway's listener.
     *
     * @param message the message
     * @return done when queued (fails when the queue is full)
     */
    CompletionStage<Void> offer(OutboundMessage message) {
        offered.incrementAndGet();
        return outbox.offer(message);
    }

    /** @return this connector's figures, as {@code GET /v1/connectors} shows them */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", config.name());
        m.put("host", config.host());
        m.put("port", config.port());
        m.put("systemId", config.systemId());
        m.put("binds", config.binds());
        m.put("boundSessions", client.boundSessions());
        m.put("queueDepth", outbox.size());
        m.put("healthy", client.boundSessions() > 0 && consecutiveFailures.get() == 0);
        m.put("offered", offered.get());
        m.put("accepted", accepted.get());
        m.put("failed", failed.get());
        m.put("receipts", receipts.get());
        m.put("inbound", inbound.get());
        m.put("consecutiveFailures", consecutiveFailures.get());
        double seconds = Math.max(1e-3, (System.nanoTime() - startedAt) / 1e9);
        m.put("acceptedPerSecond", Math.round(accepted.get() / seconds * 100) / 100.0);
        m.put("ratePerSecond", config.ratePerSecond());
        return m;
    }

    /**
     * Stops the client: waits for requests in flight, unbinds.
     *
     * @param timeout how long to wait
     * @return done when stopped
     */
    CompletableFuture<Void> stop(Duration timeout) {
        return client.stop(timeout);
    }

    @Override
    public void close() {
        client.close();
    }

    private final class Listener implements ClientListener {
        private final Events events;
        volatile boolean retired;

        Listener(Events events) {
            this.events = events;
        }

        @Override
        public void onOutcome(MessageOutcome outcome) {
            if (outcome.isAccepted()) {
                accepted.incrementAndGet();
                consecutiveFailures.set(0);
            } else {
                failed.incrementAndGet();
                MessageOutcome.Failed f = (MessageOutcome.Failed) outcome;
                if (f.status() == null) {
                    // No SMSC answer (timeout, connection lost): a sign of a sick connector.
                    consecutiveFailures.incrementAndGet();
                    lastFailureAt = System.nanoTime();
                }
            }
            events.onOutcome(Connector.this, outcome, retired);
        }

        @Override
        public CompletionStage<Void> onReceipt(ReceiptEvent receipt) {
            receipts.incrementAndGet();
            return events.onReceipt(Connector.this, receipt);
        }

        @Override
        public CompletionStage<Void> onInboundMessage(InboundMessage message) {
            inbound.incrementAndGet();
            return events.onInbound(Connector.this, message);
        }

        @Override
        public void onBindStateChanged(String sessionId, BindState from, BindState to) {
            if (client.boundSessions() == 0) {
                unboundSince.compareAndSet(0, System.nanoTime());
            } else {
                unboundSince.set(0);
            }
        }
    }
}
