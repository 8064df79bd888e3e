package io.ujumbe.gateway.smpp;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Gauge;
import io.ujumbe.gateway.DeliveryReport;
import io.ujumbe.gateway.DoorEvents;
import io.ujumbe.gateway.Gateway;
import io.ujumbe.gateway.InboundSms;
import io.ujumbe.gateway.MessageRecord;
import io.ujumbe.gateway.MessageView;
import io.ujumbe.gateway.UserConfig;
import io.ujumbe.pdu.Bind;
import io.ujumbe.pdu.BindResp;
import io.ujumbe.pdu.CommandStatus;
import io.ujumbe.pdu.DeliverSm;
import io.ujumbe.pdu.Tlv;
import io.ujumbe.pdu.Tlvs;
import io.ujumbe.session.SessionConfig;
import io.ujumbe.session.SmppServer;
import io.ujumbe.session.SmppSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The gateway's SMPP front door: downstream ESMEs bind with a user's {@code systemId} and password
 * (transmitter, receiver, transceiver; up to the user's {@code smppMaxBinds} at once) and submit as
 * if the gateway were their SMSC. Each submission is answered with the gateway's own message id once
 * the gateway has recorded and queued it (allowed senders, rate limit and quota as for HTTP), then
 * routed upstream like any message. When a message's status becomes final, a deliver_sm receipt
 * carrying that same id (text {@code id:} and receipted_message_id) goes to one of the user's
 * receiver or transceiver binds, round robin, or waits in a {@link DeliveryQueue} (bounded, with a
 * time to live, in Redis when the gateway's state is) until one binds. Inbound SMS routed to
 * {@code smpp:<user>} travel the same way.
 */
public final class SmppFront implements DoorEvents, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SmppFront.class);
    /** The system_id the gateway answers binds with. */
    public static final String SYSTEM_ID = "ujumbe-gateway";
    private static final Duration CLOSE_AFTER_REJECT = Duration.ofMillis(100);
    private static final int DRAIN_BATCH = 100;

    private final Gateway gateway;
    private final SmppFrontConfig config;
    private final DeliveryQueue queue;
    private final FrontMetrics metrics;
    private final Map<String, List<FrontSession>> binds = new ConcurrentHashMap<>();
    private final Map<String, AtomicBoolean> draining = new ConcurrentHashMap<>();
    private final Map<String, AtomicBoolean> drainAgain = new ConcurrentHashMap<>();
    private final Map<String, Long> queuedNow = new ConcurrentHashMap<>();
    private final Cache<String, Boolean> relayed = Caffeine.newBuilder().expireAfterWrite(Duration.ofHours(6))
            .maximumSize(2_000_000).build();
    private final AtomicInteger roundRobin = new AtomicInteger();
    private final ExecutorService passwords;
    private final ScheduledExecutorService timer;
    private final SmppServer plain;
    private final SmppServer tls;
    private volatile boolean closed;

    private SmppFront(Gateway gateway, SmppFrontConfig config) {
        this.gateway = gateway;
        this.config = config;
        this.metrics = new FrontMetrics(gateway.meterRegistry());
        this.queue = gateway.state().deliveryQueue(config.maxQueuedPerUser());
        // PBKDF2 takes milliseconds: never on an event loop.
        this.passwords = Executors.newFixedThreadPool(1, daemon("ujumbe-gateway-smpp-auth"));
        this.timer = Executors.newSingleThreadScheduledExecutor(daemon("ujumbe-gateway-smpp"));
        SessionConfig sessions = SessionConfig.builder().windowSize(config.deliverWindow())
                .responseTimeout(config.responseTimeout()).enquireLinkInterval(config.enquireLinkInterval())
                .handlerErrorStatus(CommandStatus.ESME_RSYSERR).putLogMetadata("door", "smpp-front").build();
        SmppServer p = null;
        try {
            p = config.port() >= 0 ? SmppServer.start(config.host(), config.port(), config.ioThreads(), sessions,
                    s -> new FrontSession(this, s)) : null;
            this.tls = config.tlsPort() >= 0 ? SmppServer.start(config.host(), config.tlsPort(), config.ioThreads(),
                    sessions.toBuilder().tls(config.tls().orElseThrow()).build(), s -> new FrontSession(this, s)) : null;
        } catch (RuntimeException e) {
            if (p != null) {
                p.close(Duration.ofSeconds(1));
            }
            passwords.shutdownNow();
            timer.shutdownNow();
            throw e;
        }
        this.plain = p;
        timer.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
        Gauge.builder("ujumbe.gateway.smpp.sessions", binds, b -> b.values().stream().mapToInt(List::size).sum())
                .description("downstream binds").register(gateway.meterRegistry());
        LOG.atInfo().addKeyValue("port", port()).addKeyValue("tlsPort", tlsPort())
                .addKeyValue("queue", queue.durable() ? "redis" : "memory").log("SMPP front listening");
    }

    /**
     * Starts the front of a gateway (the gateway does this itself when its configuration has an
     * {@code smpp} section).
     *
     * @param gateway the gateway whose users bind and whose flow takes the messages
     * @param config the listener
     * @return the running front
     * @throws IllegalStateException when a port cannot be bound
     */
    public static SmppFront start(Gateway gateway, SmppFrontConfig config) {
        return new SmppFront(gateway, config);
    }

    /** @return the plain port listened on, or -1 */
    public int port() {
        return plain == null ? -1 : plain.port();
    }

    /** @return the TLS port listened on, or -1 */
    public int tlsPort() {
        return tls == null ? -1 : tls.port();
    }

    /**
     * @param user a user's name
     * @return how many binds it holds now
     */
    public int binds(String user) {
        List<FrontSession> l = binds.get(user);
        return l == null ? 0 : l.size();
    }

    /**
     * How many receipts and inbound SMS wait for a user (read from the queue, so asynchronous).
     *
     * @param user the user's name
     * @return the count
     */
    public CompletionStage<Long> queued(String user) {
        return queue.size(user);
    }

    /** @return what /health shows of the front: ports, binds per user, counts, queued per user */
    public Map<String, Object> health() {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("port", port());
        if (tls != null) {
            h.put("tlsPort", tlsPort());
        }
        Map<String, Object> perUser = new LinkedHashMap<>();
        binds.forEach((u, l) -> {
            if (!l.isEmpty()) {
                perUser.put(u, Map.of("binds", l.size(), "receivers", l.stream().filter(FrontSession::receiver).count()));
            }
        });
        h.put("binds", perUser);
        h.put("submits", (long) metrics.submits.count());
        h.put("accepted", (long) metrics.accepted.count());
        h.put("throttled", (long) metrics.throttled.count());
        h.put("rejected", metrics.rejectedTotal());
        h.put("receiptsDelivered", (long) metrics.receiptsSent.count());
        h.put("inboundDelivered", (long) metrics.moSent.count());
        Map<String, Long> q = new LinkedHashMap<>();
        queuedNow.forEach((u, n) -> {
            if (n > 0) {
                q.put(u, n);
            }
        });
        h.put("queued", q);
        h.put("dropped", (long) (metrics.expired.count() + metrics.dropped.count()));
        return h;
    }

    Gateway gateway() {
        return gateway;
    }

    FrontMetrics metrics() {
        return metrics;
    }

    // ---- binds --------------------------------------------------------------------------------------

    /**
     * ESME_RINVPASWD for an unknown system_id as for a wrong password, so that the answer does not
     * tell which system_ids exist (the log does); ESME_RBINDFAIL when the user holds its
     * smppMaxBinds already.
     */
    CompletionStage<BindResp> bind(FrontSession fs, Bind bind) {
        var auth = gateway.authenticator();
        CompletableFuture<Optional<UserConfig>> checked;
        try {
            checked = CompletableFuture.supplyAsync(() -> auth.smpp(bind.systemId(), bind.password()), passwords);
        } catch (RejectedExecutionException e) {
            checked = CompletableFuture.completedFuture(Optional.empty());
        }
        return checked.handle((user, err) -> {
            SmppSession s = fs.session();
            if (err != null || user.isEmpty()) {
                String why = err != null ? "error: " + err : auth.knowsSystemId(bind.systemId()) ? "wrong password" : "unknown system_id";
                return reject(s, bind, CommandStatus.ESME_RINVPASWD, why);
            }
            UserConfig u = user.get();
            List<FrontSession> list = binds.computeIfAbsent(u.name(), n -> {
                Gauge.builder("ujumbe.gateway.smpp.bound", () -> binds(n)).tag("user", n)
                        .description("binds a user holds").register(gateway.meterRegistry());
                return new CopyOnWriteArrayList<>();
            });
            synchronized (list) {
                if (list.size() >= u.smppMaxBinds()) {
                    return reject(s, bind, CommandStatus.ESME_RBINDFAIL, "the user holds its " + u.smppMaxBinds() + " binds");
                }
                fs.bound(u);
                list.add(fs);
            }
            metrics.bindsAccepted.increment();
            LOG.atInfo().addKeyValue("session", s.id()).addKeyValue("user", u.name()).addKeyValue("bindType", bind.type())
                    .addKeyValue("remote", String.valueOf(s.remoteAddress())).log("downstream bind accepted");
            return new BindResp(bind.type(), CommandStatus.ESME_ROK, bind.sequenceNumber(), SYSTEM_ID,
                    Tlvs.of(Tlv.scInterfaceVersion(Bind.SMPP_34)));
        });
    }

    private BindResp reject(SmppSession s, Bind bind, CommandStatus status, String why) {
        metrics.bindsRejected.increment();
        LOG.atWarn().addKeyValue("session", s.id()).addKeyValue("systemId", bind.systemId())
                .addKeyValue("status", status.name()).addKeyValue("remote", String.valueOf(s.remoteAddress()))
                .log("downstream bind refused: {}", why);
        try {
            // The ESME gets time to read its bind_resp before the connection closes.
            timer.schedule(() -> s.close("bind refused: " + status.name()), CLOSE_AFTER_REJECT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            s.close("bind refused");
        }
        return new BindResp(bind.type(), status, bind.sequenceNumber(), SYSTEM_ID);
    }

    void onBound(FrontSession fs) {
        if (fs.receiver()) {
            // Not inline: this runs before the bind_resp is written, and queued receipts must follow it.
            drainSoon(fs.user().name());
        }
    }

    void onUnbound(FrontSession fs) {
        UserConfig u = fs.user();
        if (u == null) {
            return;
        }
        List<FrontSession> list = binds.get(u.name());
        if (list != null) {
            synchronized (list) {
                list.remove(fs);
            }
        }
    }

    // ---- receipts and inbound out -------------------------------------------------------------------

    @Override
    public CompletionStage<Void> onReport(MessageView view, DeliveryReport report) {
        MessageRecord r = view.record();
        if (!FrontPdus.fromFront(r) || !FrontPdus.wantsReceipt(r, view.status())) {
            return CompletableFuture.completedFuture(null);
        }
        if (relayed.asMap().putIfAbsent(r.id(), Boolean.TRUE) != null) {
            // A long message's other parts, or a receipt repeated upstream: one receipt per id.
            return CompletableFuture.completedFuture(null);
        }
        DeliverSm pdu = FrontPdus.receipt(view, report);
        return deliver(r.user(), QueuedDelivery.of("receipt", r.id(), System.currentTimeMillis(), pdu));
    }

    @Override
    public CompletionStage<Void> onInbound(String user, InboundSms sms, byte[] payload) {
        if (gateway.authenticator().user(user).isEmpty()) {
            LOG.atWarn().addKeyValue("user", user).addKeyValue("id", sms.id())
                    .log("an MO route names smpp:{} but there is no such user; queued for it anyway", user);
        }
        return deliver(user, QueuedDelivery.of("mo", sms.id(), System.currentTimeMillis(), FrontPdus.inbound(sms, payload)));
    }

    /**
     * Hands a receipt or MO on without holding the upstream SMSC for the downstream's answer (its
     * window to us would fill behind a slow receiver, and the SMSC give up on its receipts): with a
     * durable queue it is queued first (so a crash loses nothing) and drained at once; in memory it
     * is sent now to one of the user's receivers, round robin, and queued if none takes it.
     */
    private CompletionStage<Void> deliver(String user, QueuedDelivery d) {
        if (queue.durable()) {
            return enqueue(user, d).thenRun(() -> drainSoon(user));
        }
        send(user, d);
        return CompletableFuture.completedFuture(null);
    }

    /** Sends to one of the user's receivers; completes once it is taken, queued again or dropped. */
    private CompletionStage<Void> send(String user, QueuedDelivery d) {
        FrontSession target = pick(user);
        if (target == null || closed) {
            return enqueue(user, d);
        }
        DeliverSm pdu;
        try {
            pdu = d.deliverSm();
        } catch (RuntimeException e) {
            LOG.atWarn().addKeyValue("user", user).addKeyValue("id", d.messageId()).log("a delivery cannot be read, dropped: {}", e.toString());
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<io.ujumbe.pdu.PduResponse> sent;
        try {
            sent = target.session().send(pdu);
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        return sent.handle((resp, err) -> {
            if (err == null && resp.commandStatus().isOk()) {
                (d.kind().equals("mo") ? metrics.moSent : metrics.receiptsSent).increment();
                return CompletableFuture.<Void>completedFuture(null);
            }
            if (err == null && permanent(resp.commandStatus())) {
                metrics.rejected("deliver_" + resp.commandStatus().name());
                LOG.atWarn().addKeyValue("user", user).addKeyValue("id", d.messageId()).addKeyValue("kind", d.kind())
                        .addKeyValue("status", resp.commandStatus().name()).log("the downstream refused a delivery for good; dropped");
                return CompletableFuture.<Void>completedFuture(null);
            }
            LOG.atDebug().addKeyValue("user", user).addKeyValue("id", d.messageId())
                    .log("delivery not taken ({}); queued", err != null ? err.toString() : resp.commandStatus().name());
            return enqueue(user, d);
        }).thenCompose(x -> x);
    }

    private static boolean permanent(CommandStatus s) {
        return s == CommandStatus.ESME_RX_P_APPN || s == CommandStatus.ESME_RX_R_APPN;
    }

    private CompletionStage<Void> enqueue(String user, QueuedDelivery d) {
        metrics.queued.increment();
        return queue.add(user, d).thenAccept(dropped -> {
            if (dropped > 0) {
                metrics.dropped.increment(dropped);
                LOG.atWarn().addKeyValue("user", user).addKeyValue("dropped", dropped)
                        .log("the user's delivery queue is full: its oldest entries were dropped");
            }
            queuedNow.merge(user, 1L, Long::sum);
        });
    }

    private FrontSession pick(String user) {
        List<FrontSession> list = binds.get(user);
        if (list == null || list.isEmpty()) {
            return null;
        }
        int n = list.size();
        int start = Math.floorMod(roundRobin.getAndIncrement(), n);
        for (int i = 0; i < n; i++) {
            FrontSession fs;
            try {
                fs = list.get((start + i) % n);
            } catch (IndexOutOfBoundsException e) {
                return null;
            }
            if (fs.receiver() && fs.session().state().canReceive() && fs.session().windowAvailable() > 0) {
                return fs;
            }
        }
        return null;
    }

    private int receiverRoom(String user) {
        List<FrontSession> list = binds.get(user);
        if (list == null) {
            return 0;
        }
        int room = 0;
        for (FrontSession fs : list) {
            if (fs.receiver() && fs.session().state().canReceive()) {
                room += fs.session().windowAvailable();
            }
        }
        return room;
    }

    void drainSoon(String user) {
        try {
            timer.execute(() -> drain(user));
        } catch (RejectedExecutionException e) {
            // Closing: the queue keeps them.
        }
    }

    private void drain(String user) {
        AtomicBoolean flag = draining.computeIfAbsent(user, u -> new AtomicBoolean());
        AtomicBoolean again = drainAgain.computeIfAbsent(user, u -> new AtomicBoolean());
        int room = receiverRoom(user);
        if (closed || room <= 0) {
            return;
        }
        if (!flag.compareAndSet(false, true)) {
            // A drain is under way: it looks again when it ends, for what was queued meanwhile.
            again.set(true);
            return;
        }
        again.set(false);
        int batch = Math.min(room, DRAIN_BATCH);
        queue.take(user, batch).whenComplete((list, err) -> {
            if (err != null) {
                flag.set(false);
                LOG.atWarn().addKeyValue("user", user).log("cannot read the delivery queue: {}", err.toString());
                return;
            }
            long now = System.currentTimeMillis();
            long ttl = config.queuedTtl().toMillis();
            List<CompletableFuture<Void>> sends = new ArrayList<>();
            for (QueuedDelivery d : list) {
                if (now - d.queuedAt() > ttl) {
                    metrics.expired.increment();
                    LOG.atWarn().addKeyValue("user", user).addKeyValue("id", d.messageId()).addKeyValue("kind", d.kind())
                            .log("a queued delivery outlived its time to live; dropped");
                    continue;
                }
                sends.add(send(user, d).toCompletableFuture());
            }
            queuedNow.merge(user, -(long) list.size(), (a, b) -> Math.max(0, a + b));
            CompletableFuture.allOf(sends.toArray(new CompletableFuture<?>[0])).whenComplete((v, e) -> {
                flag.set(false);
                if ((list.size() == batch || again.getAndSet(false)) && receiverRoom(user) > 0) {
                    drainSoon(user);
                }
            });
        });
    }

    /** Every second: drain the users with a receiver bound, refresh the queued counts /health shows. */
    private void tick() {
        try {
            for (String user : binds.keySet()) {
                if (receiverRoom(user) > 0) {
                    drain(user);
                }
            }
            for (UserConfig u : gateway.config().users()) {
                if (u.systemId().isPresent()) {
                    queue.size(u.name()).whenComplete((n, e) -> {
                        if (e == null) {
                            queuedNow.put(u.name(), n);
                        }
                    });
                }
            }
        } catch (RuntimeException e) {
            LOG.atWarn().log("SMPP front maintenance failed: {}", e.toString());
        }
    }

    /** Stops listening and closes every downstream session; what waits stays queued (in Redis, for the next start). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (plain != null) {
            plain.close(Duration.ofSeconds(2));
        }
        if (tls != null) {
            tls.close(Duration.ofSeconds(2));
        }
        timer.shutdownNow();
        passwords.shutdownNow();
        LOG.atInfo().log("SMPP front closed");
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
