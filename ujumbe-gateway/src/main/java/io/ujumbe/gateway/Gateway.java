package io.ujumbe.gateway;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ujumbe.gateway.redis.RedisGatewayState;
import io.ujumbe.http.HttpException;
import io.ujumbe.http.HttpRequest;
import io.ujumbe.http.HttpServer;
import io.ujumbe.http.HttpServerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The ujumbe SMS gateway: an HTTP API (the JSON API plus Kannel- and Jasmin-compatible endpoints)
 * in front of several SMSC connectors, each an SMPP client the gateway owns, with routing and
 * failover, interceptors, signed at-least-once delivery-report and inbound webhooks, and state in
 * memory or shared through Redis.
 *
 * <pre>{@code
 * Gateway gw = Gateway.builder(GatewayConfig.builder()
 *         .addConnector(ConnectorConfig.builder("sim").host("127.0.0.1").port(2775)
 *                 .systemId("acme").password("secret").build())
 *         .addRoute(RouteConfig.toConnector("default", "sim"))
 *         .addUser(UserConfig.builder("shop").apiKey("k-shop-123").build())
 *         .build()).start();
 * }</pre>
 *
 * Other doors (an SMPP front) submit through {@link #messageService()} and read
 * {@link #statusStore()}; consoles read {@link #connectors()}.
 */
public final class Gateway implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);

    private final GatewayState state;
    private final MeterRegistry registry;
    private final Supplier<String> metricsScrape;
    private final List<Interceptor<GatewayMessage>> extraMt;
    private final List<Interceptor<InboundSms>> extraMo;
    private final ConfigStore configStore;
    private final AtomicReference<Snapshot> snapshot = new AtomicReference<>();
    private final Map<String, Connector> connectors = new ConcurrentHashMap<>();
    private final WebhookDispatcher webhooks;
    private final MessageFlow flow;
    private final Admission admission;
    private final ExecutorService slow;
    private final ScheduledExecutorService maintenance;
    private final HttpServer http;
    private final io.ujumbe.gateway.smpp.SmppFront smppFront;
    private volatile boolean stopping;
    private boolean stopped;

    private Gateway(Builder b) {
        GatewayConfig config = b.config;
        this.registry = b.registry != null ? b.registry : new SimpleMeterRegistry();
        this.metricsScrape = b.metricsScrape != null ? b.metricsScrape : () -> "";
        this.extraMt = List.copyOf(b.mt);
        this.extraMo = List.copyOf(b.mo);
        this.state = b.state != null ? b.state : config.redisUri().isPresent()
                ? RedisGatewayState.open(config) : new InMemoryGatewayState(config.messageTtl());
        this.configStore = b.configStore != null ? b.configStore
                : state instanceof RedisGatewayState ? ((RedisGatewayState) state).configStore()
                : config.adminStore().map(f -> (ConfigStore) new FileConfigStore(f)).orElse(ConfigStore.none());
        try {
            GatewayConfig effective = configStore.load().map(d -> d.applyTo(config)).orElse(config);
            snapshot.set(Snapshot.of(effective, extraMt, extraMo));
            this.webhooks = new WebhookDispatcher(state.callbackQueue(), state.statusStore(), effective, this::secretOf, registry);
            this.flow = new MessageFlow(state, connectors, snapshot::get, webhooks);
            this.admission = new Admission(flow, state, snapshot::get);
            for (ConnectorConfig c : effective.connectors()) {
                connectors.put(c.name(), new Connector(c, state, registry, flow));
            }
            Gauge.builder("ujumbe.gateway.callbacks.pending", state.callbackQueue(), q -> q.pending()).register(registry);
            this.slow = Executors.newFixedThreadPool(2, WebhookDispatcher.daemon("ujumbe-gateway-slow"));
            this.maintenance = Executors.newSingleThreadScheduledExecutor(WebhookDispatcher.daemon("ujumbe-gateway-maint"));
            connectors.values().forEach(Connector::start);
            webhooks.start();
            maintenance.scheduleWithFixedDelay(this::moveQueuesOfDeadConnectors, 1, 1, TimeUnit.SECONDS);
            if (configStore.shared()) {
                maintenance.scheduleWithFixedDelay(this::reloadSharedConfig, 2, 2, TimeUnit.SECONDS);
            }
            this.http = HttpServer.start(HttpServerConfig.builder().name("gateway-http").host(effective.httpHost())
                    .port(effective.httpPort()).ioThreads(effective.ioThreads())
                    .maxRequestBytes(effective.maxRequestBytes()).build(), new GatewayApi(this).router(slow));
        } catch (RuntimeException e) {
            connectors.values().forEach(c -> c.stop(Duration.ZERO));
            state.close();
            throw e;
        }
        this.smppFront = startSmppFront(config);
        LOG.atInfo().addKeyValue("port", http.port()).addKeyValue("connectors", connectors.keySet())
                .addKeyValue("state", state.durable() ? "redis" : "memory").log("gateway started");
    }

    /** The SMPP front door, when configured; receipts and MO for its users flow to it. */
    private io.ujumbe.gateway.smpp.SmppFront startSmppFront(GatewayConfig config) {
        if (config.smppFront().isEmpty()) {
            return null;
        }
        try {
            io.ujumbe.gateway.smpp.SmppFront front = io.ujumbe.gateway.smpp.SmppFront.start(this, config.smppFront().get());
            flow.doors(front);
            return front;
        } catch (RuntimeException e) {
            http.close();
            webhooks.stop(Duration.ZERO);
            webhooks.close();
            maintenance.shutdownNow();
            slow.shutdownNow();
            connectors.values().forEach(c -> c.stop(Duration.ZERO));
            state.close();
            throw e;
        }
    }

    /** @return the SMPP front door, when the configuration has one */
    public Optional<io.ujumbe.gateway.smpp.SmppFront> smppFront() {
        return Optional.ofNullable(smppFront);
    }

    /**
     * A builder for a gateway of this configuration.
     *
     * @param config the configuration
     * @return the builder
     */
    public static Builder builder(GatewayConfig config) {
        return new Builder(config);
    }

    /** @return the HTTP port listened on */
    public int port() {
        return http.port();
    }

    /** @return the configuration in force (after admin changes) */
    public GatewayConfig config() {
        return snapshot.get().config();
    }

    /** @return the one way in for MT messages, for other doors (an SMPP front) */
    public MessageService messageService() {
        return flow;
    }

    /**
     * Takes messages from another door (an SMPP front) as the HTTP API does: the user's allowed
     * senders, rate limit and quota, then the {@link #messageService()}.
     *
     * @param user the authenticated user (see {@link #authenticator()})
     * @param messages the messages, ids given
     * @return one result per message; fails with an {@link HttpException} of status 403
     *         ({@code sender_not_allowed}, {@code quota_exhausted}) or 429 ({@code rate_limited})
     */
    public java.util.concurrent.CompletionStage<List<SubmitResult>> admit(UserConfig user, List<GatewayMessage> messages) {
        try {
            return admission.admitResults(user, messages);
        } catch (HttpException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** @return the users' authenticator in force (API keys, passwords) */
    public Authenticator authenticator() {
        return snapshot.get().authenticator();
    }

    /** @return the status store */
    public StatusStore statusStore() {
        return state.statusStore();
    }

    /** @return the connectors by name (a live view) */
    public Map<String, Connector> connectors() {
        return java.util.Collections.unmodifiableMap(connectors);
    }

    /** @return the state (stores and queues) */
    public GatewayState state() {
        return state;
    }

    /** @return the metrics registry */
    public MeterRegistry meterRegistry() {
        return registry;
    }

    /**
     * Puts a changed configuration in force without a restart: users, routes, MO routes and rules
     * are swapped at once; connectors that are new are started, removed ones stopped, changed ones
     * replaced, and those that did not change keep their binds. HTTP settings apply at the next start.
     *
     * @param next the new configuration
     */
    public synchronized void apply(GatewayConfig next) {
        Objects.requireNonNull(next, "config");
        Map<String, ConnectorConfig> wanted = new LinkedHashMap<>();
        next.connectors().forEach(c -> wanted.put(c.name(), c));
        for (ConnectorConfig c : wanted.values()) {
            Connector old = connectors.get(c.name());
            if (old == null) {
                Connector added = new Connector(c, state, registry, flow);
                connectors.put(c.name(), added);
                added.start();
                LOG.atInfo().addKeyValue("connector", c.name()).log("connector added");
            } else if (!old.config().equals(c)) {
                Connector replaced = new Connector(c, state, registry, flow);
                connectors.put(c.name(), replaced);
                replaced.start();
                old.stop(Duration.ofSeconds(5));
                LOG.atInfo().addKeyValue("connector", c.name()).log("connector changed: rebound");
            }
        }
        for (String name : new ArrayList<>(connectors.keySet())) {
            if (!wanted.containsKey(name)) {
                Connector removed = connectors.remove(name);
                removed.stop(Duration.ofSeconds(5));
                LOG.atInfo().addKeyValue("connector", name).log("connector removed");
            }
        }
        snapshot.set(Snapshot.of(next, extraMt, extraMo));
    }

    /** Saves the dynamic parts of the configuration in force to the store (Redis, or the store file). */
    void persist() {
        configStore.save(DynamicConfig.of(config()));
    }

    Snapshot snapshot() {
        return snapshot.get();
    }

    Admission admission() {
        return admission;
    }

    WebhookDispatcher webhooks() {
        return webhooks;
    }

    Supplier<String> metricsScrape() {
        return metricsScrape;
    }

    boolean stopping() {
        return stopping;
    }

    String secretOf(String user) {
        Snapshot s = snapshot.get();
        Optional<UserConfig> u = s.authenticator().user(user);
        return u.flatMap(UserConfig::webhookSecret).orElse(s.config().webhookSecret().orElse(null));
    }

    /** Any user, or the admin, may read the connectors. */
    void authenticateUserOrAdmin(HttpRequest request) {
        if (isAdmin(request)) {
            return;
        }
        snapshot.get().authenticator().authenticate(request);
    }

    boolean isAdmin(HttpRequest request) {
        GatewayConfig c = snapshot.get().config();
        if (c.adminUser().isEmpty()) {
            return false;
        }
        String auth = request.header("Authorization").orElse("");
        if (!auth.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String decoded;
        try {
            decoded = new String(java.util.Base64.getDecoder().decode(auth.substring(6).trim()),
                    java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = decoded.indexOf(':');
        return colon > 0 && decoded.substring(0, colon).equals(c.adminUser().get())
                && Secrets.verifyPassword(decoded.substring(colon + 1), c.adminPasswordHash().orElse(""));
    }

    void requireAdmin(HttpRequest request) {
        if (snapshot.get().config().adminUser().isEmpty()) {
            throw new HttpException(403, "admin_disabled", "the admin API is off: configure admin.user and admin.password", null);
        }
        if (!isAdmin(request)) {
            throw new HttpException(401, "unauthorized", "the admin API needs the admin's basic credentials", "Authorization");
        }
    }

    /** Puts in force what another gateway on the same store changed through its admin API. */
    private void reloadSharedConfig() {
        try {
            Optional<DynamicConfig> stored = configStore.load();
            if (stored.isPresent() && !stored.get().equals(DynamicConfig.of(config()))) {
                LOG.atInfo().log("the shared configuration changed: applying it");
                apply(stored.get().applyTo(config()));
            }
        } catch (RuntimeException e) {
            LOG.atWarn().log("cannot reload the shared configuration: {}", e.toString());
        }
    }

    /** A connector without a bound session for longer than failoverAfter hands its queue on. */
    private void moveQueuesOfDeadConnectors() {
        try {
            Duration after = snapshot.get().config().failoverAfter();
            int maxFailures = snapshot.get().config().maxConsecutiveFailures();
            for (Connector c : connectors.values()) {
                if (stopping || c.outbox().durable() || c.queueDepth() == 0 || c.downFor().compareTo(after) < 0) {
                    continue;
                }
                boolean another = connectors.values().stream().anyMatch(o -> o != c && o.healthy(maxFailures));
                if (another) {
                    LOG.atWarn().addKeyValue("connector", c.name()).addKeyValue("queued", c.queueDepth())
                            .addKeyValue("downFor", c.downFor().toString()).log("connector down: moving its queue on");
                    c.recycle();
                }
            }
        } catch (RuntimeException e) {
            LOG.atWarn().log("queue failover check failed: {}", e.toString());
        }
    }

    /**
     * Stops taking requests (503 from /health), waits up to {@code drain} for queued messages to be
     * sent and callbacks made (in memory; with Redis they stay for the other gateways), unbinds and
     * closes.
     *
     * @param drain how long to wait
     */
    public synchronized void stop(Duration drain) {
        if (stopped) {
            return;
        }
        stopped = true;
        stopping = true;
        if (smppFront != null) {
            // Downstream ESMEs submit no more; receipts that arrive while draining are queued for them.
            smppFront.close();
        }
        long deadline = System.nanoTime() + drain.toNanos();
        if (!state.durable()) {
            while (connectors.values().stream().anyMatch(c -> c.queueDepth() > 0 && c.boundSessions() > 0)
                    && System.nanoTime() - deadline < 0) {
                sleep(20);
            }
        }
        flow.closing();
        List<CompletableFuture<Void>> stops = new ArrayList<>();
        for (Connector c : connectors.values()) {
            Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
            stops.add(c.stop(left.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : left));
        }
        try {
            CompletableFuture.allOf(stops.toArray(new CompletableFuture<?>[0])).get(drain.toMillis() + 5000, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            LOG.atWarn().log("connectors did not stop in time: {}", e.toString());
        }
        if (!state.durable()) {
            webhooks.drain(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        }
        http.close();
        Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
        webhooks.stop(left.compareTo(config().webhookTimeout()) < 0 ? left : config().webhookTimeout());
        webhooks.close();
        maintenance.shutdownNow();
        slow.shutdownNow();
        state.close();
        LOG.atInfo().addKeyValue("pendingCallbacks", state.callbackQueue().pending()).log("gateway stopped");
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(5));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Builds and starts a {@link Gateway}. */
    public static final class Builder {
        private final GatewayConfig config;
        private MeterRegistry registry;
        private Supplier<String> metricsScrape;
        private GatewayState state;
        private ConfigStore configStore;
        private final List<Interceptor<GatewayMessage>> mt = new ArrayList<>();
        private final List<Interceptor<InboundSms>> mo = new ArrayList<>();

        private Builder(GatewayConfig config) {
            this.config = Objects.requireNonNull(config, "config");
        }

        /** @param r where the gateway's and its clients' meters go @return this builder */
        public Builder meterRegistry(MeterRegistry r) { this.registry = r; return this; }

        /** @param scrape what {@code GET /metrics} answers (Prometheus text) @return this builder */
        public Builder metricsScrape(Supplier<String> scrape) { this.metricsScrape = scrape; return this; }

        /** @param s the state to use instead of the configuration's (memory or Redis) @return this builder */
        public Builder state(GatewayState s) { this.state = s; return this; }

        /** @param s where admin changes are persisted @return this builder */
        public Builder configStore(ConfigStore s) { this.configStore = s; return this; }

        /** @param i an MT interceptor, run before the rules' @return this builder */
        public Builder addMtInterceptor(Interceptor<GatewayMessage> i) { mt.add(Objects.requireNonNull(i)); return this; }

        /** @param i an MO interceptor, run before the rules' @return this builder */
        public Builder addMoInterceptor(Interceptor<InboundSms> i) { mo.add(Objects.requireNonNull(i)); return this; }

        /**
         * Starts the connectors, the webhooks and the HTTP server. Blocks until the port is bound.
         *
         * @return the running gateway
         */
        public Gateway start() {
            return new Gateway(this);
        }
    }

}
