package io.ujumbe.redis;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lettuce.core.RedisClient;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.ujumbe.client.ClientListener;
import io.ujumbe.client.Correlation;
import io.ujumbe.client.InboundMessage;
import io.ujumbe.client.MessageOutcome;
import io.ujumbe.client.ReceiptEvent;
import io.ujumbe.receipt.DeliveryReceipt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link ClientListener} that publishes what the client hears to Redis Streams, so that
 * applications in any language can consume it (XREAD or their own consumer group). Each stream
 * entry has one field, {@code event}, holding a JSON object with {@code "version":1} and
 * {@code "type"} ({@code outcome}, {@code receipt} or {@code inbound}); docs/deployment.md lists the
 * fields. Streams are trimmed approximately to {@code maxLength} entries.
 *
 * <p>At-least-once, across Redis restarts: a publish that fails (Redis down, a command timeout) is
 * tried again with a growing pause (up to 1 s) until Redis acknowledges it, so a consumer may see
 * an event twice but never misses one the client heard.
 * <ul>
 *   <li>Receipts and inbound SMS: the returned stage completes only when Redis acknowledged the
 *       XADD, and the client answers the SMSC only then. If Redis does not take it within
 *       {@link Builder#publishTimeout(Duration)} the stage fails, the SMSC is answered with an
 *       error and delivers it again later: nothing is acknowledged that is not in Redis.</li>
 *   <li>Outcomes ({@link #onOutcome} returns nothing): kept in memory and retried until Redis takes
 *       them, at most {@link Builder#maxPendingOutcomes(int)} at a time (beyond that one is dropped,
 *       logged at ERROR and counted in {@link #droppedOutcomes()}); {@link #close()} waits up to
 *       {@link Builder#closeTimeout(Duration)} for them. Outcomes still waiting when the process
 *       dies are lost: their outbox entries were already acknowledged.</li>
 * </ul>
 */
public final class RedisEventPublisher implements ClientListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RedisEventPublisher.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration MAX_RETRY_PAUSE = Duration.ofSeconds(1);

    private final String outcomes;
    private final String receipts;
    private final String inbound;
    private final long maxLength;
    private final int maxPendingOutcomes;
    private final Duration publishTimeout;
    private final Duration closeTimeout;
    private final StatefulRedisConnection<String, String> connection;
    private final RedisAsyncCommands<String, String> redis;
    private final ScheduledExecutorService retries;
    private final AtomicInteger pendingOutcomes = new AtomicInteger();
    private final AtomicLong droppedOutcomes = new AtomicLong();
    private final AtomicLong republished = new AtomicLong();
    private volatile boolean closed;

    private RedisEventPublisher(Builder b) {
        this.outcomes = b.outcomes;
        this.receipts = b.receipts;
        this.inbound = b.inbound;
        this.maxLength = b.maxLength;
        this.maxPendingOutcomes = b.maxPendingOutcomes;
        this.publishTimeout = b.publishTimeout;
        this.closeTimeout = b.closeTimeout;
        this.connection = b.client.connect();
        this.redis = connection.async();
        this.retries = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ujumbe-redis-events-retry");
            t.setDaemon(true);
            return t;
        });
    }

    public static Builder builder(RedisClient client) {
        return new Builder(client);
    }

    @Override
    public void onOutcome(MessageOutcome outcome) {
        ObjectNode o = event("outcome");
        o.put("correlationId", outcome.correlationId());
        putMap(o.putObject("metadata"), outcome.metadata());
        o.put("attempts", outcome.attempts());
        if (outcome instanceof MessageOutcome.Accepted a) {
            o.put("accepted", true);
            ArrayNode ids = o.putArray("messageIds");
            a.messageIds().forEach(ids::add);
        } else if (outcome instanceof MessageOutcome.Failed f) {
            o.put("accepted", false);
            o.put("reason", f.reason());
            o.put("sendState", f.sendState().name()); // whether the SMSC may have it: resend only NOT_SENT
            f.commandStatus().ifPresent(s -> o.put("status", s.name()).put("statusCode", s.code()));
        }
        if (pendingOutcomes.incrementAndGet() > maxPendingOutcomes) {
            pendingOutcomes.decrementAndGet();
            droppedOutcomes.incrementAndGet();
            LOG.atError().addKeyValue("correlationId", outcome.correlationId()).addKeyValue("stream", outcomes)
                    .addKeyValue("maxPendingOutcomes", maxPendingOutcomes)
                    .log("outcome dropped: this many outcomes already wait for redis to come back");
            return;
        }
        publish(outcomes, o, Long.MAX_VALUE).whenComplete((id, err) -> {
            pendingOutcomes.decrementAndGet();
            if (err != null) {
                droppedOutcomes.incrementAndGet();
                LOG.atError().addKeyValue("correlationId", outcome.correlationId()).addKeyValue("stream", outcomes)
                        .addKeyValue("error", String.valueOf(err)).log("outcome not published: the publisher closed first");
            }
        });
    }

    @Override
    public CompletionStage<Void> onReceipt(ReceiptEvent event) {
        DeliveryReceipt r = event.receipt();
        ObjectNode o = event("receipt");
        o.put("messageId", r.messageId());
        o.put("matched", event.correlation().isPresent());
        if (event.correlation().isPresent()) {
            Correlation c = event.correlation().get();
            o.put("correlationId", c.correlationId());
            putMap(o.putObject("metadata"), c.metadata());
            o.put("part", c.partNumber());
            o.put("parts", c.totalParts());
        }
        o.put("outcome", r.outcome().name());
        o.put("stat", r.stat());
        o.put("err", r.err());
        o.put("submitDate", r.submitDateText());
        o.put("doneDate", r.doneDateText());
        r.messageState().ifPresent(s -> o.put("messageState", s.name()));
        if (event.sessionId() != null) {
            o.put("sessionId", event.sessionId());
        }
        return publish(receipts, o, deadline()).thenApply(id -> null);
    }

    @Override
    public CompletionStage<Void> onInboundMessage(InboundMessage m) {
        ObjectNode o = event("inbound");
        o.put("from", m.source().address());
        o.put("to", m.destination().address());
        o.put("text", m.text());
        o.put("payloadBase64", Base64.getEncoder().encodeToString(m.payload()));
        o.put("dataCoding", m.dataCoding());
        o.put("parts", m.parts());
        if (m.sessionId() != null) {
            o.put("sessionId", m.sessionId());
        }
        return publish(inbound, o, deadline()).thenApply(id -> null);
    }

    /**
     * Waits up to the close timeout for the outcomes still waiting for Redis, then closes the
     * connection (not the RedisClient). Call it off the client's I/O threads.
     */
    @Override
    public void close() {
        long until = System.nanoTime() + closeTimeout.toNanos();
        while (pendingOutcomes.get() > 0 && System.nanoTime() - until < 0) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        closed = true;
        int left = pendingOutcomes.get();
        if (left > 0) {
            LOG.atError().addKeyValue("outcomes", left).addKeyValue("stream", outcomes)
                    .log("closing with outcomes redis has not taken");
        }
        retries.shutdownNow();
        if (connection.isOpen()) {
            connection.close();
        }
    }

    /** Outcomes published to nobody yet: waiting for Redis to take them. */
    public int pendingOutcomes() {
        return pendingOutcomes.get();
    }

    /** Outcomes given up: the buffer was full, or the publisher closed before Redis took them. */
    public long droppedOutcomes() {
        return droppedOutcomes.get();
    }

    /** Events that went in only after one or more retries (Redis was away). */
    public long republished() {
        return republished.get();
    }

    public String outcomesStream() {
        return outcomes;
    }

    public String receiptsStream() {
        return receipts;
    }

    public String inboundStream() {
        return inbound;
    }

    @Override
    public String toString() {
        return "RedisEventPublisher[outcomes=" + outcomes + ", receipts=" + receipts + ", inbound=" + inbound + "]";
    }

    private static ObjectNode event(String type) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("version", 1);
        o.put("type", type);
        o.put("at", Instant.now().toString());
        return o;
    }

    private static void putMap(ObjectNode target, Map<String, String> map) {
        map.forEach(target::put);
    }

    private long deadline() {
        return System.nanoTime() + publishTimeout.toNanos();
    }

    /** XADDs {@code event}, trying again after failures until Redis takes it or {@code deadlineNanos} passes. */
    private CompletionStage<String> publish(String stream, ObjectNode event, long deadlineNanos) {
        CompletableFuture<String> result = new CompletableFuture<>();
        attempt(stream, event.toString(), deadlineNanos, 1, result);
        return result;
    }

    private void attempt(String stream, String json, long deadlineNanos, int attempt, CompletableFuture<String> result) {
        CompletionStage<String> sent;
        try {
            sent = redis.xadd(stream, XAddArgs.Builder.maxlen(maxLength).approximateTrimming(), "event", json);
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        sent.whenComplete((id, err) -> {
            if (err == null) {
                if (attempt > 1) {
                    republished.incrementAndGet();
                    LOG.atInfo().addKeyValue("stream", stream).addKeyValue("attempts", attempt)
                            .log("event published after redis came back");
                }
                result.complete(id);
                return;
            }
            long pause = Math.min(MAX_RETRY_PAUSE.toMillis(), 50L << Math.min(attempt - 1, 5));
            boolean expired = deadlineNanos != Long.MAX_VALUE && System.nanoTime() + pause * 1_000_000 - deadlineNanos > 0;
            if (closed || expired) {
                result.completeExceptionally(err);
                return;
            }
            if (attempt == 1) {
                LOG.atWarn().addKeyValue("stream", stream).addKeyValue("error", String.valueOf(err))
                        .log("event not published to redis yet; retrying until redis takes it");
            }
            try {
                retries.schedule(() -> attempt(stream, json, deadlineNanos, attempt + 1, result), pause, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                result.completeExceptionally(err);
            }
        });
    }

    /** Settings of a {@link RedisEventPublisher}; every one has a default. */
    public static final class Builder {
        private final RedisClient client;
        private String outcomes = "ujumbe:outcomes";
        private String receipts = "ujumbe:receipts";
        private String inbound = "ujumbe:inbound";
        private long maxLength = 1_000_000;
        private int maxPendingOutcomes = 100_000;
        private Duration publishTimeout = Duration.ofSeconds(10);
        private Duration closeTimeout = Duration.ofSeconds(5);

        private Builder(RedisClient client) {
            this.client = Objects.requireNonNull(client, "client");
        }

        /** The outcomes stream; default {@code ujumbe:outcomes}. */
        public Builder outcomesStream(String name) {
            this.outcomes = check("outcomesStream", name);
            return this;
        }

        /** The receipts stream; default {@code ujumbe:receipts}. */
        public Builder receiptsStream(String name) {
            this.receipts = check("receiptsStream", name);
            return this;
        }

        /** The inbound (MO) stream; default {@code ujumbe:inbound}. */
        public Builder inboundStream(String name) {
            this.inbound = check("inboundStream", name);
            return this;
        }

        /** Approximate number of entries each stream keeps; at least 1, default 1,000,000. */
        public Builder maxLength(long n) {
            if (n < 1) {
                throw new IllegalArgumentException("redis event stream maxLength must be at least 1, was " + n);
            }
            this.maxLength = n;
            return this;
        }

        /** Outcomes kept in memory while Redis is away; 1..10,000,000, default 100,000 (beyond: dropped, logged). */
        public Builder maxPendingOutcomes(int n) {
            if (n < 1 || n > 10_000_000) {
                throw new IllegalArgumentException("redis events maxPendingOutcomes must be 1..10000000, was " + n);
            }
            this.maxPendingOutcomes = n;
            return this;
        }

        /**
         * How long a receipt or inbound SMS waits for Redis (retrying) before its stage fails and
         * the SMSC is told to deliver it again; positive, default 10 s.
         */
        public Builder publishTimeout(Duration timeout) {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("redis events publishTimeout must be positive, was " + timeout);
            }
            this.publishTimeout = timeout;
            return this;
        }

        /** How long {@link RedisEventPublisher#close()} waits for outcomes Redis has not taken; default 5 s. */
        public Builder closeTimeout(Duration timeout) {
            if (timeout == null || timeout.isNegative()) {
                throw new IllegalArgumentException("redis events closeTimeout must be zero or positive, was " + timeout);
            }
            this.closeTimeout = timeout;
            return this;
        }

        /** Connects (once, on the calling thread). */
        public RedisEventPublisher build() {
            return new RedisEventPublisher(this);
        }

        private static String check(String setting, String name) {
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException("redis " + setting + " must not be empty");
            }
            return name;
        }
    }
}
