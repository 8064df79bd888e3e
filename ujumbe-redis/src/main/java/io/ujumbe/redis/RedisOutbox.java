package io.ujumbe.redis;

import io.lettuce.core.Consumer;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.ujumbe.client.OutboundMessage;
import io.ujumbe.client.Outbox;
import io.ujumbe.client.OutboxEntry;
import io.ujumbe.client.OutboxFullException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * An {@link Outbox} in Redis, shared by every client process that names the same stream and
 * consumer group: a Redis Stream of JSON messages ({@link OutboundMessageJson}) read through a
 * consumer group, so each entry is handed to one process at a time, and survives any process.
 *
 * <ul>
 *   <li>{@code offer}: XADD, refused with {@link OutboxFullException} (atomically, in Lua) when
 *       the stream plus the delayed set hold {@code maxLength} entries.</li>
 *   <li>{@code poll}: XREADGROUP without BLOCK, after any entries this process reclaimed.</li>
 *   <li>{@code ack}: XACK + XDEL, called by the client only at the message's terminal outcome.</li>
 *   <li>{@code nack}: XACK + XDEL + ZADD to a delayed sorted set scored by the ready time; a Lua
 *       mover run every {@code retryCheckInterval} moves due entries back into the stream. So a
 *       retry waits its backoff in Redis, not in a process's memory.</li>
 *   <li>Entries handed out to a consumer that stopped renewing them (it died or stalled) for
 *       {@code claimIdle} are taken over with XAUTOCLAIM. A live consumer renews the entries it
 *       holds every {@code claimIdle / 3} (XCLAIM JUSTID to itself), so a message waiting in its
 *       memory for the rate limiter is not stolen and sent twice.</li>
 *   <li>An entry handed out more than {@code maxAttempts} times (retries and take-overs counted
 *       together), or whose JSON cannot be read, moves to the dead-letter stream with the reason.
 *       A {@code nack} that dead-letters fails with {@link DeadLetteredException}, so the client
 *       reports the message failed. A {@code nack} that fails for any other reason (Redis away)
 *       completes normally: the entry is still pending in Redis and is taken over after
 *       {@code claimIdle}, so the client must not report it failed.</li>
 * </ul>
 *
 * <p>{@code onAvailable} is fed by a dedicated connection blocked in {@code XREAD BLOCK} on the
 * stream (so a new entry wakes the consumers at once, whoever added it, in any language), by the
 * mover when it moves due retries, and by the reclaimer. Nothing on the client's path blocks.
 * {@link #size()} is refreshed every {@code retryCheckInterval}. Close it after the client stops;
 * the {@link RedisClient} belongs to the caller.
 */
public final class RedisOutbox implements Outbox, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RedisOutbox.class);
    private static final String DEAD = "";

    private static final LuaScript OFFER = new LuaScript("""
            local n = redis.call('XLEN', KEYS[1]) + redis.call('ZCARD', KEYS[2])
            if n >= tonumber(ARGV[1]) then return {'full', tostring(n)} end
            return {'ok', redis.call('XADD', KEYS[1], '*', 'message', ARGV[2])}
            """);
    private static final LuaScript ACK = new LuaScript("""
            redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
            return redis.call('XDEL', KEYS[1], ARGV[2])
            """);
    // KEYS stream, delayed, dead; ARGV group, streamId, stableId, json, delayMs, attempt, maxAttempts,
    // consumer, deadMaxLen. Only the consumer that holds the entry may requeue it: one that lost it
    // to a take-over must not put a second copy in the queue.
    private static final LuaScript NACK = new LuaScript("""
            local p = redis.call('XPENDING', KEYS[1], ARGV[1], ARGV[2], ARGV[2], 1, ARGV[8])
            if #p == 0 then return 'lost' end
            redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
            redis.call('XDEL', KEYS[1], ARGV[2])
            if tonumber(ARGV[6]) > tonumber(ARGV[7]) then
              redis.call('XADD', KEYS[3], 'MAXLEN', '~', ARGV[9], '*', 'message', ARGV[4], 'id', ARGV[3],
                'reason', 'maximum attempts (' .. ARGV[7] .. ') reached; the last attempt asked for a retry',
                'attempts', tostring(tonumber(ARGV[6]) - 1), 'consumer', ARGV[8])
              return 'dead'
            end
            local delay = tonumber(ARGV[5])
            if delay <= 0 then
              redis.call('XADD', KEYS[1], '*', 'message', ARGV[4], 'id', ARGV[3])
              return 'ready'
            end
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            redis.call('ZADD', KEYS[2], now + delay, ARGV[3] .. '\\n' .. ARGV[4])
            return 'delayed'
            """);
    // KEYS delayed, stream; ARGV limit. Returns {moved, size}.
    private static final LuaScript MOVE = new LuaScript("""
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'LIMIT', 0, tonumber(ARGV[1]))
            for _, m in ipairs(due) do
              redis.call('ZREM', KEYS[1], m)
              local nl = string.find(m, '\\n', 1, true)
              redis.call('XADD', KEYS[2], '*', 'message', string.sub(m, nl + 1), 'id', string.sub(m, 1, nl - 1))
            end
            return {#due, redis.call('XLEN', KEYS[2]) + redis.call('ZCARD', KEYS[1])}
            """);
    // KEYS stream; ARGV group, consumer, minIdle, cursor, count. Returns {cursor, id, fields..., deliveries, ...}
    // flattened as: cursor, then per entry: streamId, stableId, json, deliveries.
    // Entries deleted from the stream while pending: Redis 7 drops them from the pending list itself
    // (and names them in a third reply element, not needed here); Redis 6.2 claims them and returns
    // nil in their place, without their id, so they would be claimed again forever. Then the pending
    // entries from the cursor on that have no stream entry are acknowledged here (such an id is never
    // reused: acknowledging it is right whoever held it).
    private static final LuaScript RECLAIM = new LuaScript("""
            local r = redis.call('XAUTOCLAIM', KEYS[1], ARGV[1], ARGV[2], ARGV[3], ARGV[4], 'COUNT', ARGV[5])
            local out = {r[1]}
            local deleted = false
            for _, e in ipairs(r[2]) do
              if not e or not e[2] then deleted = true end
              if e and e[2] then
                local msg, sid = '', e[1]
                local f = e[2]
                for i = 1, #f, 2 do
                  if f[i] == 'message' then msg = f[i + 1] elseif f[i] == 'id' then sid = f[i + 1] end
                end
                local p = redis.call('XPENDING', KEYS[1], ARGV[1], e[1], e[1], 1)
                local deliveries = 1
                if #p > 0 then deliveries = p[1][4] end
                table.insert(out, e[1]); table.insert(out, sid); table.insert(out, msg)
                table.insert(out, tostring(deliveries))
              end
            end
            if deleted then
              for _, p in ipairs(redis.call('XPENDING', KEYS[1], ARGV[1], ARGV[4], '+', ARGV[5], ARGV[2])) do
                if #redis.call('XRANGE', KEYS[1], p[1], p[1]) == 0 then
                  redis.call('XACK', KEYS[1], ARGV[1], p[1])
                end
              end
            end
            return out
            """);
    // KEYS stream; ARGV group, consumer, streamIds... Resets the idle time of entries this consumer still holds.
    private static final LuaScript RENEW = new LuaScript("""
            local n = 0
            for i = 3, #ARGV do
              local p = redis.call('XPENDING', KEYS[1], ARGV[1], ARGV[i], ARGV[i], 1, ARGV[2])
              if #p > 0 then
                redis.call('XCLAIM', KEYS[1], ARGV[1], ARGV[2], 0, ARGV[i], 'JUSTID')
                n = n + 1
              end
            end
            return n
            """);
    // KEYS stream, dead; ARGV group, streamId, stableId, json, reason, attempts, consumer, deadMaxLen.
    private static final LuaScript DEAD_LETTER = new LuaScript("""
            redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[8], '*', 'message', ARGV[4], 'id', ARGV[3],
              'reason', ARGV[5], 'attempts', ARGV[6], 'consumer', ARGV[7])
            redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
            redis.call('XDEL', KEYS[1], ARGV[2])
            return 1
            """);

    private final String stream;
    private final String delayed;
    private final String deadLetters;
    private final String group;
    private final String consumer;
    private final long maxLength;
    private final int maxAttempts;
    private final Duration claimIdle;
    private final Duration retryCheckInterval;
    private final Duration notifyBlock;
    private final long deadLetterMaxLength;
    private final int reclaimBatch;

    private final StatefulRedisConnection<String, String> connection;
    private final StatefulRedisConnection<String, String> notifierConnection;
    private final RedisAsyncCommands<String, String> redis;
    private final ScheduledExecutorService timer;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    /** Entries handed out by this process and not yet acked or nacked: stable id → current stream id. */
    private final Map<String, String> leases = new ConcurrentHashMap<>();
    private final Queue<OutboxEntry> reclaimed = new ConcurrentLinkedQueue<>();
    private volatile long size;
    private volatile boolean closed;
    private volatile String reclaimCursor = "0-0";
    private long nextReclaimAt = System.nanoTime();
    private long nextRenewAt = System.nanoTime();

    private RedisOutbox(Builder b) {
        String prefix = b.keyPrefix;
        this.stream = prefix + "outbox";
        this.delayed = prefix + "outbox:delayed";
        this.deadLetters = prefix + "outbox:dead";
        this.group = b.group;
        this.consumer = b.consumer != null ? b.consumer : defaultConsumerName();
        this.maxLength = b.maxLength;
        this.maxAttempts = b.maxAttempts;
        this.claimIdle = b.claimIdle;
        this.retryCheckInterval = b.retryCheckInterval;
        this.notifyBlock = b.notifyBlock;
        this.deadLetterMaxLength = b.deadLetterMaxLength;
        this.reclaimBatch = b.reclaimBatch;
        this.connection = b.client.connect();
        this.redis = connection.async();
        this.notifierConnection = b.client.connect();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ujumbe-redis-outbox-" + consumer);
            t.setDaemon(true);
            return t;
        });
    }

    public static Builder builder(RedisClient client) {
        return new Builder(client);
    }

    /** Creates the consumer group if needed and starts the notifier and the mover; blocks once, briefly. */
    private RedisOutbox start() {
        createGroup().toCompletableFuture().join();
        String last = latestId().join();
        timer.execute(this::tick);
        listen(last);
        LOG.atInfo().addKeyValue("stream", stream).addKeyValue("group", group).addKeyValue("consumer", consumer)
                .log("redis outbox started");
        return this;
    }

    // ---- Outbox ----------------------------------------------------------------------------------

    @Override
    public CompletionStage<Void> offer(OutboundMessage message) {
        String json = OutboundMessageJson.toJson(message);
        return OFFER.<List<Object>>run(redis, ScriptOutputType.MULTI, new String[] {stream, delayed},
                Long.toString(maxLength), json).thenApply(r -> {
                    if ("full".equals(r.get(0))) {
                        throw new CompletionException(new OutboxFullException("redis outbox " + stream + " is full ("
                                + r.get(1) + " messages waiting, delayed or in flight; maxLength " + maxLength + ")"));
                    }
                    return null;
                });
    }

    @Override
    public CompletionStage<List<OutboxEntry>> poll(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("poll max must be at least 1, was " + max);
        }
        List<OutboxEntry> out = new ArrayList<>();
        OutboxEntry e;
        while (out.size() < max && (e = reclaimed.poll()) != null) {
            out.add(e);
        }
        if (out.size() == max || closed) {
            return CompletableFuture.completedFuture(out);
        }
        return redis.xreadgroup(Consumer.from(group, consumer), XReadArgs.Builder.count(max - out.size()),
                        one(XReadArgs.StreamOffset.lastConsumed(stream)))
                .toCompletableFuture()
                .handle((messages, err) -> {
                    if (err != null) {
                        if (isNoGroup(err)) {
                            // Redis lost its data (restart without persistence): make the group again.
                            createGroup();
                            return out;
                        }
                        if (out.isEmpty()) {
                            throw err instanceof CompletionException ? (CompletionException) err : new CompletionException(err);
                        }
                        return out;
                    }
                    for (StreamMessage<String, String> m : messages) {
                        OutboxEntry entry = admit(m.getId(), m.getBody().get("id"), m.getBody().get("message"), 1);
                        if (entry != null) {
                            out.add(entry);
                        }
                    }
                    return out;
                });
    }

    @Override
    public CompletionStage<Void> ack(OutboxEntry entry) {
        String streamId = leases.remove(entry.id());
        if (streamId == null) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "outbox entry " + entry.id() + " is not handed out by this process (already acked or nacked)"));
        }
        if (streamId.equals(DEAD)) {
            return CompletableFuture.completedFuture(null);
        }
        return ACK.<Long>run(redis, ScriptOutputType.INTEGER, new String[] {stream}, group, streamId)
                .thenApply(n -> null);
    }

    @Override
    public CompletionStage<Void> nack(OutboxEntry entry, Duration retryAfter) {
        return requeue(entry, entry.attempt() + 1, retryAfter, maxAttempts);
    }

    /** Gives an unsent entry back (the client is stopping) without counting an attempt. */
    @Override
    public CompletionStage<Void> release(OutboxEntry entry) {
        return requeue(entry, entry.attempt(), Duration.ZERO, Integer.MAX_VALUE);
    }

    private CompletionStage<Void> requeue(OutboxEntry entry, int next, Duration retryAfter, int maxAttempts) {
        String streamId = leases.remove(entry.id());
        if (streamId == null || streamId.equals(DEAD)) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "outbox entry " + entry.id() + " is not handed out by this process (already acked or nacked)"));
        }
        String json = OutboundMessageJson.toJson(entry.message(), next);
        long delayMs = Math.max(0, retryAfter.toMillis());
        return NACK.<String>run(redis, ScriptOutputType.VALUE, new String[] {stream, delayed, deadLetters},
                group, streamId, entry.id(), json, Long.toString(delayMs), Integer.toString(next),
                Integer.toString(maxAttempts), consumer, Long.toString(deadLetterMaxLength)).thenApply(result -> {
                    if ("dead".equals(result)) {
                        // The client acks after a failed nack; that ack must find nothing left to do.
                        leases.put(entry.id(), DEAD);
                        LOG.atWarn().addKeyValue("correlationId", entry.message().correlationId())
                                .addKeyValue("attempts", entry.attempt()).addKeyValue("deadLetters", deadLetters)
                                .log("message moved to the dead-letter stream");
                        throw new CompletionException(new DeadLetteredException("message "
                                + entry.message().correlationId() + " moved to dead-letter stream " + deadLetters
                                + " after " + entry.attempt() + " attempts (maxAttempts " + maxAttempts + ")"));
                    }
                    if ("lost".equals(result)) {
                        LOG.atInfo().addKeyValue("correlationId", entry.message().correlationId())
                                .log("entry was taken over by another consumer; it retries there");
                    }
                    return (Void) null;
                }).exceptionally(err -> {
                    Throwable cause = rootCause(err);
                    if (cause instanceof DeadLetteredException) {
                        throw new CompletionException(cause);
                    }
                    // The entry is still pending in Redis and no longer renewed here, so another
                    // consumer (or this one) takes it over after claimIdle: nothing is lost, and the
                    // client must not report the message failed.
                    LOG.atWarn().addKeyValue("correlationId", entry.message().correlationId())
                            .addKeyValue("error", String.valueOf(cause))
                            .log("outbox nack failed; the entry stays pending in redis and is retried after claimIdle");
                    return null;
                });
    }

    @Override
    public void onAvailable(Runnable callback) {
        listeners.add(Objects.requireNonNull(callback, "callback"));
    }

    /** Entries in the stream (waiting or handed out) plus delayed retries, as of the last refresh. */
    @Override
    public long size() {
        return size;
    }

    @Override
    public boolean durable() {
        return true;
    }

    /** Stops the background work and closes this outbox's connections (not the RedisClient). */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        timer.shutdownNow();
        connection.close();
        notifierConnection.close();
    }

    /** The consumer name this process reads as. */
    public String consumer() {
        return consumer;
    }

    /** The stream the messages are in. */
    public String streamKey() {
        return stream;
    }

    /** The sorted set where retries wait. */
    public String delayedKey() {
        return delayed;
    }

    /** The dead-letter stream. */
    public String deadLetterKey() {
        return deadLetters;
    }

    @Override
    public String toString() {
        return "RedisOutbox[stream=" + stream + ", group=" + group + ", consumer=" + consumer + "]";
    }

    // ---- entries ---------------------------------------------------------------------------------

    /** Decodes a stream entry into an OutboxEntry leased to this process, or dead-letters it. */
    private OutboxEntry admit(String streamId, String stableId, String json, long deliveries) {
        String id = stableId != null ? stableId : streamId;
        OutboundMessageJson.Decoded d;
        try {
            d = OutboundMessageJson.decode(json);
        } catch (IllegalArgumentException ex) {
            LOG.atWarn().addKeyValue("streamId", streamId).addKeyValue("error", ex.getMessage())
                    .log("outbox entry cannot be read; moved to the dead-letter stream");
            deadLetter(streamId, id, json == null ? "" : json, ex.getMessage(), 0);
            return null;
        }
        long attempt = d.attempt() + deliveries - 1;
        if (attempt > maxAttempts) {
            deadLetter(streamId, id, json, "handed out " + attempt + " times without an outcome (maxAttempts "
                    + maxAttempts + "); its consumers died or stalled", attempt - 1);
            return null;
        }
        leases.put(id, streamId);
        return new OutboxEntry(id, d.message(), (int) attempt);
    }

    private void deadLetter(String streamId, String stableId, String json, String reason, long attempts) {
        DEAD_LETTER.run(redis, ScriptOutputType.INTEGER, new String[] {stream, deadLetters}, group, streamId,
                stableId, json, reason, Long.toString(attempts), consumer, Long.toString(deadLetterMaxLength))
                .whenComplete((v, err) -> {
                    if (err != null) {
                        LOG.atWarn().setCause(err).addKeyValue("streamId", streamId)
                                .log("dead-lettering failed; the entry stays pending and will be reclaimed");
                    }
                });
    }

    private CompletionStage<Void> createGroup() {
        return redis.xgroupCreate(XReadArgs.StreamOffset.from(stream, "0"), group, XGroupCreateArgs.Builder.mkstream())
                .toCompletableFuture()
                .handle((ok, err) -> {
                    if (err != null && !String.valueOf(rootCause(err).getMessage()).startsWith("BUSYGROUP")) {
                        throw err instanceof CompletionException ? (CompletionException) err : new CompletionException(err);
                    }
                    return null;
                });
    }

    private CompletableFuture<String> latestId() {
        return redis.xrevrange(stream, Range.create("-", "+"), Limit.from(1)).toCompletableFuture()
                .thenApply(list -> list.isEmpty() ? "0-0" : list.get(0).getId());
    }

    // ---- background: notifier, mover, reclaimer, renewal -----------------------------------------

    /** Waits on its own connection for entries newer than {@code lastId}, and wakes the consumers. */
    private void listen(String lastId) {
        if (closed) {
            return;
        }
        notifierConnection.async().xread(XReadArgs.Builder.block(notifyBlock).count(1),
                        one(XReadArgs.StreamOffset.from(stream, lastId)))
                .whenComplete((messages, err) -> {
                    if (closed) {
                        return;
                    }
                    if (err != null) {
                        // Redis away or restarted: start again from its newest entry once it answers.
                        try {
                            timer.schedule(() -> latestId().whenComplete((id, e2) -> listen(e2 == null ? id : lastId)),
                                    500, TimeUnit.MILLISECONDS);
                        } catch (RejectedExecutionException stopped) {
                            // closed meanwhile
                        }
                        return;
                    }
                    if (messages == null || messages.isEmpty()) {
                        listen(lastId);
                        return;
                    }
                    // Skip to the newest entry: one wake-up covers everything added so far.
                    latestId().whenComplete((id, e2) -> {
                        notifyListeners();
                        listen(e2 == null ? id : messages.get(messages.size() - 1).getId());
                    });
                });
    }

    private void tick() {
        if (closed) {
            return;
        }
        long now = System.nanoTime();
        CompletableFuture<Void> work = MOVE.<List<Object>>run(redis, ScriptOutputType.MULTI,
                new String[] {delayed, stream}, "1000").thenAccept(r -> {
                    size = (Long) r.get(1);
                    if ((Long) r.get(0) > 0) {
                        notifyListeners();
                    }
                });
        if (now - nextReclaimAt >= 0) {
            nextReclaimAt = now + reclaimInterval().toNanos();
            work = work.thenCompose(v -> reclaim());
        }
        if (now - nextRenewAt >= 0) {
            nextRenewAt = now + claimIdle.toNanos() / 3;
            work = work.thenCompose(v -> renew());
        }
        work.whenComplete((v, err) -> {
            if (err != null && !closed) {
                LOG.atDebug().setCause(err).log("redis outbox housekeeping failed; retrying");
            }
            if (!closed) {
                try {
                    timer.schedule(this::tick, retryCheckInterval.toMillis(), TimeUnit.MILLISECONDS);
                } catch (RejectedExecutionException stopped) {
                    // closed meanwhile
                }
            }
        });
    }

    private Duration reclaimInterval() {
        Duration half = claimIdle.dividedBy(2);
        return half.compareTo(Duration.ofSeconds(5)) < 0 ? half : Duration.ofSeconds(5);
    }

    private CompletableFuture<Void> reclaim() {
        return RECLAIM.<List<Object>>run(redis, ScriptOutputType.MULTI, new String[] {stream}, group, consumer,
                Long.toString(claimIdle.toMillis()), reclaimCursor, Integer.toString(reclaimBatch)).thenAccept(r -> {
                    reclaimCursor = (String) r.get(0);
                    int n = 0;
                    for (int i = 1; i + 3 < r.size(); i += 4) {
                        String streamId = (String) r.get(i);
                        OutboxEntry entry = admit(streamId, (String) r.get(i + 1), (String) r.get(i + 2),
                                Long.parseLong((String) r.get(i + 3)));
                        if (entry != null) {
                            reclaimed.add(entry);
                            n++;
                        }
                    }
                    if (n > 0) {
                        LOG.atInfo().addKeyValue("entries", n).addKeyValue("consumer", consumer)
                                .log("took over entries left by a consumer that stopped");
                        notifyListeners();
                    }
                });
    }

    private CompletableFuture<Void> renew() {
        List<String> ids = new ArrayList<>(leases.values());
        ids.removeIf(DEAD::equals);
        CompletableFuture<Void> all = CompletableFuture.completedFuture(null);
        for (int from = 0; from < ids.size(); from += 500) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            String[] args = new String[chunk.size() + 2];
            args[0] = group;
            args[1] = consumer;
            for (int i = 0; i < chunk.size(); i++) {
                args[i + 2] = chunk.get(i);
            }
            all = all.thenCompose(v -> RENEW.<Long>run(redis, ScriptOutputType.INTEGER, new String[] {stream}, args)
                    .thenApply(n -> null));
        }
        return all;
    }

    private void notifyListeners() {
        for (Runnable r : listeners) {
            try {
                r.run();
            } catch (RejectedExecutionException e) {
                // A stopped client whose outbox is not closed yet: nobody to wake.
                LOG.atDebug().log("outbox listener no longer accepts work");
            } catch (RuntimeException e) {
                LOG.atWarn().setCause(e).log("outbox listener failed");
            }
        }
    }

    // Lettuce takes the offsets as generic varargs; building the one-element array here keeps the
    // unavoidable unchecked creation in one place.
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static XReadArgs.StreamOffset<String>[] one(XReadArgs.StreamOffset<String> offset) {
        return new XReadArgs.StreamOffset[] {offset};
    }

    private static boolean isNoGroup(Throwable err) {
        return String.valueOf(rootCause(err).getMessage()).startsWith("NOGROUP");
    }

    private static Throwable rootCause(Throwable t) {
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static String defaultConsumerName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = System.getenv().getOrDefault("HOSTNAME", "localhost");
        }
        return host + ":" + ProcessHandle.current().pid();
    }

    /**
     * Settings of a {@link RedisOutbox}. Every process sharing the outbox uses the same key prefix
     * and group; each has its own consumer name.
     */
    public static final class Builder {
        private final RedisClient client;
        private String keyPrefix = "ujumbe:";
        private String group = "ujumbe";
        private String consumer;
        private long maxLength = 100_000;
        private int maxAttempts = 10;
        private Duration claimIdle = Duration.ofSeconds(60);
        private Duration retryCheckInterval = Duration.ofMillis(250);
        private Duration notifyBlock = Duration.ofSeconds(1);
        private long deadLetterMaxLength = 100_000;
        private int reclaimBatch = 100;

        private Builder(RedisClient client) {
            this.client = Objects.requireNonNull(client, "client");
        }

        /**
         * Prefix of every key: {@code <prefix>outbox}, {@code <prefix>outbox:delayed},
         * {@code <prefix>outbox:dead}. Default {@code ujumbe:}; on Redis Cluster use a hash tag
         * such as {@code {ujumbe}:} so the scripts' keys share a slot.
         */
        public Builder keyPrefix(String prefix) {
            if (prefix == null || prefix.isEmpty()) {
                throw new IllegalArgumentException("redis outbox keyPrefix must not be empty");
            }
            this.keyPrefix = prefix;
            return this;
        }

        /** The consumer group shared by the processes; default {@code ujumbe}. */
        public Builder group(String group) {
            if (group == null || group.isEmpty()) {
                throw new IllegalArgumentException("redis outbox group must not be empty");
            }
            this.group = group;
            return this;
        }

        /** This process's consumer name, unique among the processes; default {@code host:pid}. */
        public Builder consumer(String consumer) {
            if (consumer == null || consumer.isEmpty()) {
                throw new IllegalArgumentException("redis outbox consumer must not be empty");
            }
            this.consumer = consumer;
            return this;
        }

        /** The most entries (waiting, delayed and in flight) before offer fails; default 100,000. */
        public Builder maxLength(long maxLength) {
            if (maxLength < 1) {
                throw new IllegalArgumentException("redis outbox maxLength must be at least 1, was " + maxLength);
            }
            this.maxLength = maxLength;
            return this;
        }

        /** How many times an entry may be handed out before it is dead-lettered; 1..1000, default 10. */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1 || maxAttempts > 1000) {
                throw new IllegalArgumentException("redis outbox maxAttempts must be 1..1000, was " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /**
         * How long an entry handed out must go unrenewed before another consumer takes it over;
         * 300 ms .. 1 day, default 60 s. A live process renews every claimIdle / 3.
         */
        public Builder claimIdle(Duration d) {
            if (d == null || d.compareTo(Duration.ofMillis(300)) < 0 || d.compareTo(Duration.ofDays(1)) > 0) {
                throw new IllegalArgumentException("redis outbox claimIdle must be between 300 ms and 1 day, was " + d);
            }
            this.claimIdle = d;
            return this;
        }

        /** How often due retries are moved back and the size refreshed; 10 ms .. 60 s, default 250 ms. */
        public Builder retryCheckInterval(Duration d) {
            if (d == null || d.compareTo(Duration.ofMillis(10)) < 0 || d.compareTo(Duration.ofSeconds(60)) > 0) {
                throw new IllegalArgumentException(
                        "redis outbox retryCheckInterval must be between 10 ms and 60 s, was " + d);
            }
            this.retryCheckInterval = d;
            return this;
        }

        /**
         * How long the notifier's XREAD blocks before it asks again; 10 ms .. 10 s, default 1 s.
         * Keep it below the client's command timeout.
         */
        public Builder notifyBlock(Duration d) {
            if (d == null || d.compareTo(Duration.ofMillis(10)) < 0 || d.compareTo(Duration.ofSeconds(10)) > 0) {
                throw new IllegalArgumentException("redis outbox notifyBlock must be between 10 ms and 10 s, was " + d);
            }
            this.notifyBlock = d;
            return this;
        }

        /** Approximate cap of the dead-letter stream (older entries trimmed); default 100,000. */
        public Builder deadLetterMaxLength(long n) {
            if (n < 1) {
                throw new IllegalArgumentException("redis outbox deadLetterMaxLength must be at least 1, was " + n);
            }
            this.deadLetterMaxLength = n;
            return this;
        }

        /** How many entries one XAUTOCLAIM takes over at most; 1..10,000, default 100. */
        public Builder reclaimBatch(int n) {
            if (n < 1 || n > 10_000) {
                throw new IllegalArgumentException("redis outbox reclaimBatch must be 1..10000, was " + n);
            }
            this.reclaimBatch = n;
            return this;
        }

        /**
         * Connects, creates the consumer group if missing, and starts the background work. Talks
         * to Redis on the calling thread once: build at start-up, not on an event loop.
         */
        public RedisOutbox build() {
            return new RedisOutbox(this).start();
        }
    }
}
