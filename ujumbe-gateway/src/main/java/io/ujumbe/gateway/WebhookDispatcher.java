package io.ujumbe.gateway;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Makes the callbacks of a {@link CallbackQueue}: at-least-once, signed, never one receiver holding
 * up another. Each attempt is an asynchronous JDK HttpClient call with a timeout; a non-2xx answer
 * or a timeout is retried with doubling delays until {@link GatewayConfig#webhookRetryFor()} has
 * passed since the callback was made. At most {@link GatewayConfig#webhookMaxPerUrl()} calls are in
 * flight to one host and port: the others for it wait in the queue while other hosts' calls go on.
 *
 * <p>Signature: {@code X-Ujumbe-Timestamp} is the Unix time in seconds, and
 * {@code X-Ujumbe-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + signed)>}, where
 * {@code signed} is the raw body of a POST and the full URL of a GET.
 *
 * <p>Each attempt is added to its message's timeline as a {@code callback} event, and the last attempt
 * of each callback is remembered a while for the console.
 */
final class WebhookDispatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final int BATCH = 256;

    private final CallbackQueue queue;
    private final GatewayConfig config;
    private final Function<String, String> secretOfUser;
    private final StatusStore timeline;
    private final Cache<String, LastAttempt> lastAttempts = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofHours(1)).build();
    private final HttpClient http;
    private final ExecutorService httpExecutor;
    private final ScheduledExecutorService ticker;
    private final Map<String, Host> hosts = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean polling = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final Counter delivered;
    private final Counter failedAttempts;
    private final Counter givenUp;
    private final Timer latency;
    private volatile boolean closed;

    WebhookDispatcher(CallbackQueue queue, StatusStore timeline, GatewayConfig config,
                      Function<String, String> secretOfUser, MeterRegistry registry) {
        this.queue = queue;
        this.timeline = timeline;
        this.config = config;
        this.secretOfUser = secretOfUser;
        this.httpExecutor = Executors.newFixedThreadPool(2, daemon("ujumbe-webhook-http"));
        this.http = HttpClient.newBuilder().connectTimeout(config.webhookTimeout()).executor(httpExecutor)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.ticker = Executors.newSingleThreadScheduledExecutor(daemon("ujumbe-webhook-tick"));
        this.delivered = Counter.builder("ujumbe.gateway.callbacks").tag("result", "delivered").register(registry);
        this.failedAttempts = Counter.builder("ujumbe.gateway.callbacks").tag("result", "failed_attempt").register(registry);
        this.givenUp = Counter.builder("ujumbe.gateway.callbacks").tag("result", "given_up").register(registry);
        this.latency = Timer.builder("ujumbe.gateway.callback.latency")
                .description("from the event to the receiver's 2xx, retries included")
                .publishPercentiles(0.5, 0.99).register(registry);
    }

    void start() {
        if (java.util.concurrent.ForkJoinPool.getCommonPoolParallelism() < 2) {
            // The JDK HttpClient then starts a thread for every callback it completes (see GatewayCommand).
            LOG.atWarn().log("the common ForkJoinPool has one thread: webhook calls will each start a thread; "
                    + "run with -Djava.util.concurrent.ForkJoinPool.common.parallelism=2 or more");
        }
        ticker.scheduleWithFixedDelay(this::poll, 100, 100, TimeUnit.MILLISECONDS);
    }

    /** Stores a callback and makes it soon. */
    CompletionStage<Void> enqueue(Callback callback) {
        return queue.add(callback).thenRun(this::wake);
    }

    /** @return calls in flight now */
    int inFlight() {
        return inFlight.get();
    }

    /** @return the latency timer (from event to 2xx), for benchmarks and /metrics */
    Timer latency() {
        return latency;
    }

    private void wake() {
        if (!closed) {
            ticker.execute(this::poll);
        }
    }

    private void poll() {
        if (closed) {
            return;
        }
        if (!polling.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        again.set(false);
        // Claimed callbacks may wait here behind a busy receiver: the lease covers that wait.
        long lease = Math.max(30_000, config.webhookTimeout().toMillis() * 3);
        queue.claimDue(BATCH, lease).whenComplete((list, err) -> {
            try {
                if (err != null) {
                    LOG.atWarn().log("cannot read the callback queue: {}", err.toString());
                    return;
                }
                for (Callback cb : list) {
                    dispatch(cb);
                }
            } finally {
                polling.set(false);
                if ((list != null && list.size() == BATCH) || again.get()) {
                    wake();
                }
            }
        });
    }

    private void dispatch(Callback cb) {
        URI uri;
        try {
            uri = URI.create(cb.url());
        } catch (IllegalArgumentException e) {
            LOG.atWarn().addKeyValue("callbackId", cb.id()).addKeyValue("messageId", cb.messageId())
                    .log("callback URL is not valid; dropped: {}", e.getMessage());
            givenUp.increment();
            queue.done(cb);
            return;
        }
        Host host = hosts.computeIfAbsent(uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort(), h -> new Host());
        if (host.busy.incrementAndGet() > config.webhookMaxPerUrl()) {
            host.busy.decrementAndGet();
            // This receiver has enough calls open: its callbacks wait for one to end, the others go on.
            if (host.backlog.size() < config.webhookMaxPerUrl() * 64L) {
                host.backlog.add(cb);
            } else {
                queue.reschedule(cb.postponed(System.currentTimeMillis() + 1000));
            }
            return;
        }
        send(cb, uri, host);
    }

    private void send(Callback cb, URI uri, Host host) {
        inFlight.incrementAndGet();
        long ts = System.currentTimeMillis() / 1000;
        String signed = cb.method().equals("GET") ? cb.url() : cb.body();
        String secret = secretOfUser.apply(cb.user());
        HttpRequest.Builder rb = HttpRequest.newBuilder(uri).timeout(config.webhookTimeout())
                .header("User-Agent", "ujumbe-gateway")
                .header("X-Ujumbe-Callback-Id", cb.id())
                .header("X-Ujumbe-Timestamp", Long.toString(ts))
                .header("X-Ujumbe-Attempt", Integer.toString(cb.attempts() + 1));
        if (secret != null) {
            rb.header("X-Ujumbe-Signature", "sha256=" + Secrets.hmacSha256Hex(secret,
                    (ts + "." + signed).getBytes(StandardCharsets.UTF_8)));
        }
        if (cb.method().equals("GET")) {
            rb.GET();
        } else {
            rb.header("Content-Type", cb.contentType() == null ? "application/json" : cb.contentType())
                    .POST(HttpRequest.BodyPublishers.ofString(cb.body()));
        }
        HttpRequest request;
        try {
            request = rb.build();
        } catch (IllegalArgumentException e) {
            release(host);
            inFlight.decrementAndGet();
            givenUp.increment();
            LOG.atWarn().addKeyValue("callbackId", cb.id()).log("callback cannot be made; dropped: {}", e.getMessage());
            queue.done(cb);
            return;
        }
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((resp, err) -> {
            inFlight.decrementAndGet();
            boolean ok = err == null && resp.statusCode() / 100 == 2;
            attempted(cb, ok, err != null ? err.getClass().getSimpleName() + ": " + err.getMessage()
                    : "HTTP " + resp.statusCode());
            if (ok) {
                delivered.increment();
                latency.record(Duration.ofMillis(Math.max(0, System.currentTimeMillis() - cb.createdAt())));
                queue.done(cb);
            } else {
                retry(cb, err != null ? err.toString() : "HTTP " + resp.statusCode());
            }
            release(host);
        });
    }

    /**
     * What the console and the timeline show of an attempt: the URL without its query (which may
     * carry a receiver's token), the result, never the body or the signature.
     */
    private void attempted(Callback cb, boolean ok, String result) {
        long now = System.currentTimeMillis();
        lastAttempts.put(cb.id(), new LastAttempt(now, cb.attempts() + 1, ok, result));
        if (timeline != null && cb.messageId() != null) {
            timeline.append(cb.messageId(), new MessageEvent("callback", now, null, List.of(), cb.attempts() + 1,
                    ok ? "delivered" : "failed", ok ? null : result, cb.method() + " " + withoutQuery(cb.url()) + ": " + result));
        }
    }

    /**
     * @param callbackId a callback's id
     * @return its last attempt made by this gateway, when remembered
     */
    Optional<LastAttempt> lastAttempt(String callbackId) {
        return Optional.ofNullable(lastAttempts.getIfPresent(callbackId));
    }

    /**
     * @param url a callback URL
     * @return the URL without its query and user info (they may carry a receiver's token)
     */
    static String withoutQuery(String url) {
        try {
            URI u = URI.create(url);
            return u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort())
                    + (u.getRawPath() == null ? "" : u.getRawPath());
        } catch (IllegalArgumentException e) {
            return "(not a valid URL)";
        }
    }

    /**
     * One attempt at a callback.
     *
     * @param at when it ended, epoch milliseconds
     * @param attempt its number, from 1
     * @param ok whether the receiver answered 2xx
     * @param result "HTTP 200", "HTTP 500", or the error
     */
    record LastAttempt(long at, int attempt, boolean ok, String result) {
    }

    /** A call to this host ended: its next waiting callback takes the slot, else the queue is polled. */
    private void release(Host host) {
        Callback next = closed ? null : host.backlog.poll();
        if (next != null) {
            send(next, URI.create(next.url()), host);
            return;
        }
        host.busy.decrementAndGet();
        // A callback may have joined the backlog between the poll and the decrement.
        Callback late = host.backlog.peek();
        if (late != null && host.busy.incrementAndGet() <= config.webhookMaxPerUrl()) {
            Callback taken = host.backlog.poll();
            if (taken != null) {
                send(taken, URI.create(taken.url()), host);
                return;
            }
            host.busy.decrementAndGet();
        } else if (late != null) {
            host.busy.decrementAndGet();
        }
        wake();
    }

    /** Calls in flight to one host and port, and the callbacks waiting for one of them to end. */
    private static final class Host {
        final AtomicInteger busy = new AtomicInteger();
        final java.util.concurrent.ConcurrentLinkedQueue<Callback> backlog = new java.util.concurrent.ConcurrentLinkedQueue<>();
    }

    private void retry(Callback cb, String why) {
        failedAttempts.increment();
        long now = System.currentTimeMillis();
        long delay = Math.min(config.webhookMaxBackoff().toMillis(),
                config.webhookInitialBackoff().toMillis() << Math.min(20, cb.attempts()));
        if (now + delay > cb.createdAt() + config.webhookRetryFor().toMillis()) {
            givenUp.increment();
            LOG.atWarn().addKeyValue("callbackId", cb.id()).addKeyValue("messageId", cb.messageId())
                    .addKeyValue("attempts", cb.attempts() + 1).addKeyValue("lastError", why)
                    .log("callback given up: its retry time has passed");
            queue.done(cb);
            return;
        }
        LOG.atDebug().addKeyValue("callbackId", cb.id()).addKeyValue("attempt", cb.attempts() + 1)
                .addKeyValue("retryInMs", delay).log("callback failed: {}", why);
        queue.reschedule(cb.retried(now + delay));
    }

    /** Waits up to {@code timeout} for the queue to empty (used on shutdown with an in-memory queue). */
    void drain(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while ((queue.pending() > 0 || inFlight.get() > 0) && System.nanoTime() - deadline < 0) {
            wake();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Stops taking callbacks: those waiting behind a busy receiver go back to the queue, due now (so
     * another gateway on the same Redis, or the next run, makes them without waiting for their lease),
     * and calls in flight get up to {@code wait} to finish and record their result.
     */
    void stop(Duration wait) {
        closed = true;
        long now = System.currentTimeMillis();
        for (Host h : hosts.values()) {
            Callback cb;
            while ((cb = h.backlog.poll()) != null) {
                queue.reschedule(cb.postponed(now));
            }
        }
        long deadline = System.nanoTime() + wait.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() - deadline < 0) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        ticker.shutdownNow();
        httpExecutor.shutdownNow();
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    static List<String> headerNames() {
        return List.of("X-Ujumbe-Signature", "X-Ujumbe-Timestamp", "X-Ujumbe-Callback-Id", "X-Ujumbe-Attempt");
    }
}
