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
import io.ujumbe.client.ClientListener;
import io.ujumbe.client.MessageOutcome;
import io.ujumbe.client.OutboundMessage;
import io.ujumbe.client.Outbox;
import io.ujumbe.client.OutboxEntry;
import io.ujumbe.client.OutboxFullException;
import io.ujumbe.client.SendState;
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
 *       {@code claimIdle} are taken over (XPENDING IDLE + XCLAIM). A live consumer renews the
 *       entries it holds every {@code claimIdle / 3} (XCLAIM JUSTID to itself) and refreshes its
 *       liveness key {@code <prefix>outbox:consumer:<name>} (TTL {@code claimIdle}); the reclaimer
 *       never takes an entry whose holder's liveness key exists. Each housekeeping round renews
 *       before it reclaims, and a process reclaims only once it has been connected for a whole
 *       {@code claimIdle}: after a Redis outage longer than {@code claimIdle} every liveness key and
 *       every entry's idle time have run out, and the first process back would otherwise take over
 *       the entries the others are still sending.</li>
 *   <li>{@code ack} remembers the entry as done ({@code <prefix>outbox:done:<id>}, TTL
 *       {@code doneTtl}); a taken-over entry that is done is dropped, not sent again, so a message
 *       never gets a second outcome.</li>
 *   <li>Redis answers a write before it is on disk: killed right after an ack, it may come back
 *       with the entry pending again (or not yet delivered), and with the done mark gone. This
 *       process remembers the last {@code recentAcks} entries it acked and never hands one of them
 *       out again; it acknowledges it again instead. An entry another process takes over after
 *       such a loss may still be sent twice: across processes the outbox is at least once.</li>
 *   <li>Redis that lost its data (restarted without persistence) is detected through a marker key
 *       ({@code <prefix>outbox:epoch}) every {@code retryCheckInterval}: the group is made again, an
 *       ERROR says how many entries this process held, the metric {@code ujumbe.redis.outbox.lost}
 *       counts it, and the entries this process still holds are put back when they are nacked.
 *       Run Redis with {@code appendonly yes} (docs/deployment.md).</li>
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
    /** Lettuce's default reconnect delay grows to 30 s: the most one client reconnects after another. */
    private static final long MAX_RECONNECT_LAG_NANOS = TimeUnit.SECONDS.toNanos(30);

    private static final LuaScript OFFER = new LuaScript("""
            local n = redis.call('XLEN', KEYS[1]) + redis.call('ZCARD', KEYS[2])
            if n >= tonumber(ARGV[1]) then return {'full', tostring(n)} end
            return {'ok', redis.call('XADD', KEYS[1], '*', 'message', ARGV[2])}
            """);
    // KEYS stream, done; ARGV group, streamId, doneTtlMs. The done mark stops a copy another
    // consumer took over from being sent again (or given a second outcome).
    private static final LuaScript ACK = new LuaScript("""
            redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
            redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
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
    // KEYS delayed, stream, epoch; ARGV limit, knownEpoch, newEpoch, group. Returns {moved, size, epoch}.
    // A missing epoch marker means Redis lost its data: the marker and the group are made again
    // here, atomically, and the new epoch tells every process (each compares with the one it knew).
    private static final LuaScript MOVE = new LuaScript("""
            redis.replicate_commands()
            local epoch = redis.call('GET', KEYS[3])
            if not epoch then
              epoch = ARGV[3]
              redis.call('SET', KEYS[3], epoch)
              pcall(redis.call, 'XGROUP', 'CREATE', KEYS[2], ARGV[4], '0', 'MKSTREAM')
            end
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'LIMIT', 0, tonumber(ARGV[1]))
            for _, m in ipairs(due) do
              redis.call('ZREM', KEYS[1], m)
              local nl = string.find(m, '\\n', 1, true)
              redis.call('XADD', KEYS[2], '*', 'message', string.sub(m, nl + 1), 'id', string.sub(m, 1, nl - 1))
            end
            return {#due, redis.call('XLEN', KEYS[2]) + redis.call('ZCARD', KEYS[1]), epoch}
            """);
    // KEYS epoch; ARGV newEpoch. The epoch this process starts in.
    private static final LuaScript EPOCH = new LuaScript("""
            redis.call('SET', KEYS[1], ARGV[1], 'NX')
            return redis.call('GET', KEYS[1])
            """);
    // KEYS stream; ARGV group, consumer, minIdle, cursor, count, alivePrefix, donePrefix.
    // Returns {cursor, then per entry taken over: streamId, stableId, json, deliveries}. Scans the
    // pending entries idle for minIdle (XPENDING IDLE, Redis 6.2+) and takes over only those whose
    // holder has no liveness key (or is this consumer: then a previous run under the same name
    // left them, since this run renews what it holds before it reclaims); an entry already done
    // elsewhere is acknowledged and dropped instead of being sent again.
    private static final LuaScript RECLAIM = new LuaScript("""
            local start = '-'
            if ARGV[4] ~= '0-0' then start = '(' .. ARGV[4] end
            local count = tonumber(ARGV[5])
            local p = redis.call('XPENDING', KEYS[1], ARGV[1], 'IDLE', ARGV[3], start, '+', count)
            local cursor = '0-0'
            if #p == count then cursor = p[#p][1] end
            local out = {cursor}
            local alive = {}
            for _, e in ipairs(p) do
              local id, holder = e[1], e[2]
              local live = false
              if holder ~= ARGV[2] then
                if alive[holder] == nil then alive[holder] = redis.call('EXISTS', ARGV[6] .. holder) == 1 end
                live = alive[holder]
              end
              if not live then
                local c = redis.call('XCLAIM', KEYS[1], ARGV[1], ARGV[2], ARGV[3], id)
                local m = c[1]
                if type(m) == 'table' and type(m[2]) == 'table' then
                  local msg, sid = '', id
                  local f = m[2]
                  for i = 1, #f, 2 do
                    if f[i] == 'message' then msg = f[i + 1] elseif f[i] == 'id' then sid = f[i + 1] end
                  end
                  if redis.call('EXISTS', ARGV[7] .. sid) == 1 then
                    redis.call('XACK', KEYS[1], ARGV[1], id)
                    redis.call('XDEL', KEYS[1], id)
                  else
                    table.insert(out, id); table.insert(out, sid); table.insert(out, msg)
                    table.insert(out, tostring(e[4] + 1))
                  end
                elseif #c > 0 then
                  redis.call('XACK', KEYS[1], ARGV[1], id) -- deleted from the stream: nothing to send
                end
              end
            end
            return out
            """);
    // KEYS stream, alive; ARGV group, consumer, aliveTtlMs, streamIds... Refreshes this consumer's
    // liveness key and resets the idle time of the entries it still holds.
    private static final LuaScript RENEW = new LuaScript("""
            redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
            local n = 0
            for i = 4, #ARGV do
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
    private final String epochKey;
    private final String aliveKey;
    private final String alivePrefix;
    private final String donePrefix;
    private final Duration doneTtl;
    private final io.micrometer.core.instrument.Counter lostCounter;
    /** The epoch of Redis's data this process works in; a different one means the data was lost. */
    private volatile String epoch;
    /** Entries held when Redis lost its data: a nack puts them back as new entries. */
    private final java.util.Set<String> heldAtLoss = ConcurrentHashMap.newKeySet();
    /** Since when housekeeping has succeeded without a break; 0 while Redis does not answer. */
    private long connectedSince;
    /** When housekeeping first failed in the current outage; 0 while Redis answers. */
    private long disconnectedAt;
    /** How long to be connected before judging who is alive: claimIdle, plus the last outage's length. */
    private long reclaimGraceNanos;
    private final String group;
    private final String consumer;
    private final long maxLength;
    private final int maxAttempts;
    private final Duration claimIdle;
    private final Duration retryCheckInterval;
    private final Duration notifyBlock;
    private final long deadLetterMaxLength;
    private final int reclaimBatch;
    /** Hears a Failed outcome for each message dead-lettered without reaching the client (may be null). */
    private final ClientListener deadLetterListener;

    private final StatefulRedisConnection<String, String> connection;
    private final StatefulRedisConnection<String, String> notifierConnection;
    private final RedisAsyncCommands<String, String> redis;
    private final ScheduledExecutorService timer;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    /** Entries handed out by this process and not yet acked or nacked: stable id → current stream id. */
    private final Map<String, String> leases = new ConcurrentHashMap<>();
    /** Entries whose message has its outcome but whose ack failed (Redis away): stable id → stream id. */
    private final Map<String, String> unacked = new ConcurrentHashMap<>();
    /** Entries acked lately, by stable id: one Redis hands out again after losing the ack is not sent twice. */
    private final RecentAcks recentAcks;
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
        this.epochKey = prefix + "outbox:epoch";
        this.alivePrefix = prefix + "outbox:consumer:";
        this.donePrefix = prefix + "outbox:done:";
        this.doneTtl = b.doneTtl;
        this.group = b.group;
        this.consumer = b.consumer != null ? b.consumer : defaultConsumerName();
        this.maxLength = b.maxLength;
        this.maxAttempts = b.maxAttempts;
        this.claimIdle = b.claimIdle;
        this.retryCheckInterval = b.retryCheckInterval;
        this.notifyBlock = b.notifyBlock;
        this.deadLetterMaxLength = b.deadLetterMaxLength;
        this.deadLetterListener = b.deadLetterListener;
        this.reclaimBatch = b.reclaimBatch;
        this.recentAcks = new RecentAcks(b.recentAcks);
        this.aliveKey = alivePrefix + this.consumer;
        this.lostCounter = b.meterRegistry == null ? null
                : io.micrometer.core.instrument.Counter.builder("ujumbe.redis.outbox.lost")
                        .description("times the Redis outbox was found lost (Redis restarted without its data)")
                        .tags("stream", stream, "consumer", consumer).register(b.meterRegistry);
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
        epoch = EPOCH.<String>run(redis, ScriptOutputType.VALUE, new String[] {epochKey}, newEpoch()).join();
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
        heldAtLoss.remove(entry.id());
        // Before the ack is sent: Redis may hand the entry out again before it answers.
        recentAcks.add(entry.id());
        return sendAck(entry.id(), streamId).handle((v, err) -> {
            if (err != null) {
                // Redis away: the message has its outcome, so its entry must not be handed out
                // again. Keep renewing it and retry the ack until Redis answers.
                unacked.put(entry.id(), streamId);
                LOG.atWarn().addKeyValue("correlationId", entry.message().correlationId())
                        .addKeyValue("error", String.valueOf(rootCause(err)))
                        .log("outbox ack failed; the entry is kept renewed and the ack retried until redis answers");
            }
            return null;
        });
    }

    private CompletableFuture<Void> sendAck(String stableId, String streamId) {
        return ACK.<Long>run(redis, ScriptOutputType.INTEGER, new String[] {stream, donePrefix + stableId}, group,
                streamId, Long.toString(doneTtl.toMillis())).thenApply(n -> null);
    }

    /** Retries the acks that failed while Redis was away (after the renewal that keeps them held). */
    private CompletableFuture<Void> retryAcks() {
        CompletableFuture<Void> all = CompletableFuture.completedFuture(null);
        for (Map.Entry<String, String> e : unacked.entrySet()) {
            all = all.thenCompose(v -> sendAck(e.getKey(), e.getValue()))
                    .thenRun(() -> unacked.remove(e.getKey(), e.getValue()));
        }
        return all;
    }

    /** Requeues with the progress and send state the client recorded on the entry, in the JSON. */
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
        String json = OutboundMessageJson.toJson(entry.message(), next, entry.progress(), entry.sendState());
        if (heldAtLoss.remove(entry.id())) {
            // Redis lost its data while this process held the entry: nobody else has it; put it back.
            return redis.xadd(stream, Map.of("message", json, "id", entry.id())).toCompletableFuture()
                    .handle((id, err) -> {
                        if (err != null) {
                            LOG.atError().addKeyValue("correlationId", entry.message().correlationId()).setCause(err)
                                    .log("could not put back an entry held when redis lost its data; it is lost");
                        }
                        return null;
                    });
        }
        long delayMs = Math.max(0, retryAfter.toMillis());
        return unwrapped(NACK.<String>run(redis, ScriptOutputType.VALUE, new String[] {stream, delayed, deadLetters},
                group, streamId, entry.id(), json, Long.toString(delayMs), Integer.toString(next),
                Integer.toString(maxAttempts), consumer, Long.toString(deadLetterMaxLength)).thenApply(result -> {
                    if ("dead".equals(result)) {
                        // The client acks after a failed nack; that ack must find nothing left to do.
                        leases.put(entry.id(), DEAD);
                        LOG.atWarn().addKeyValue("correlationId", entry.message().correlationId())
                                .addKeyValue("attempts", entry.attempt()).addKeyValue("deadLetters", deadLetters)
                                .log("message moved to the dead-letter stream: its {} attempts reached maxAttempts {}"
                                        + " (the client reports it failed with its last error)", entry.attempt(), maxAttempts);
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
                }));
    }

    /**
     * The stage failing with the DeadLetteredException itself rather than a CompletionException
     * around it, so that the client's Failed outcome reads "message … moved to dead-letter stream
     * … after N attempts" and not a Java class name.
     */
    private static CompletionStage<Void> unwrapped(CompletionStage<Void> stage) {
        CompletableFuture<Void> out = new CompletableFuture<>();
        stage.whenComplete((v, err) -> {
            if (err == null) {
                out.complete(v);
            } else {
                out.completeExceptionally(rootCause(err) instanceof DeadLetteredException d ? d : err);
            }
        });
        return out;
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
        try {
            // A consumer that leaves says so: what it still holds may be taken over at once.
            redis.del(aliveKey).toCompletableFuture().get(1, TimeUnit.SECONDS);
        } catch (Exception e) {
            // Redis away or slow: the key expires after claimIdle.
        }
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
        if (leases.containsKey(id)) {
            // Still being sent here: Redis lost the write of its delivery (or renewal) and gave it again.
            LOG.atInfo().addKeyValue("streamId", streamId).addKeyValue("id", id)
                    .log("redis handed out again an entry this process still holds (it lost a write); ignored");
            return null;
        }
        if (unacked.containsKey(id) || recentAcks.contains(id)) {
            // Has its outcome: Redis lost the ack (killed before it reached the disk). Ack it again.
            LOG.atWarn().addKeyValue("streamId", streamId).addKeyValue("id", id)
                    .log("redis handed out again an entry this process already acked (it lost the ack); acked again,"
                            + " not sent twice");
            sendAck(id, streamId).whenComplete((v, err) -> {
                if (err != null) {
                    unacked.putIfAbsent(id, streamId);
                }
            });
            return null;
        }
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
            String reason = "handed out " + (attempt - 1) + " times without an outcome (maxAttempts "
                    + maxAttempts + "): the consumers that took it died or stalled";
            LOG.atWarn().addKeyValue("correlationId", d.message().correlationId()).addKeyValue("streamId", streamId)
                    .addKeyValue("deadLetters", deadLetters).log("message moved to the dead-letter stream: {}", reason);
            deadLetter(streamId, id, json, reason, attempt - 1);
            if (deadLetterListener != null) {
                try {
                    deadLetterListener.onOutcome(new MessageOutcome.Failed(d.message(), null,
                            "dead-lettered: " + reason, null, (int) (attempt - 1)));
                } catch (RuntimeException e) {
                    LOG.atWarn().setCause(e).log("dead-letter listener failed");
                }
            }
            return null;
        }
        leases.put(id, streamId);
        // Taken over from a consumer that died holding it: that one may have sent it.
        SendState state = deliveries > 1 ? d.sendState().and(SendState.SENT_NO_ANSWER) : d.sendState();
        return new OutboxEntry(id, d.message(), (int) attempt, d.progress(), state);
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
        String candidate = newEpoch();
        CompletableFuture<Void> work = MOVE.<List<Object>>run(redis, ScriptOutputType.MULTI,
                new String[] {delayed, stream, epochKey}, "1000", epoch, candidate, group).thenAccept(r -> {
                    size = (Long) r.get(1);
                    String current = (String) r.get(2);
                    if (!current.equals(epoch)) {
                        onDataLost(current);
                    }
                    if ((Long) r.get(0) > 0) {
                        notifyListeners();
                    }
                });
        // Renew before reclaiming, always: after an outage every entry is idle past claimIdle,
        // and a reclaim first would take over what this process is still sending.
        if (now - nextRenewAt >= 0) {
            work = work.thenCompose(v -> renew()).thenRun(() -> nextRenewAt = now + claimIdle.toNanos() / 3);
        }
        if (!unacked.isEmpty()) {
            work = work.thenCompose(v -> retryAcks());
        }
        work = work.thenRun(() -> {
            if (connectedSince == 0) {
                connectedSince = now == 0 ? 1 : now;
                // After an outage of length D, the other processes' Redis clients reconnect up to
                // about D later than this one (exponential reconnect backoff, capped at 30 s):
                // until then their liveness keys may be missing although they are alive.
                long outage = disconnectedAt == 0 ? 0 : Math.min(now - disconnectedAt, MAX_RECONNECT_LAG_NANOS);
                reclaimGraceNanos = claimIdle.toNanos() + outage;
                disconnectedAt = 0;
            }
        });
        if (now - nextReclaimAt >= 0) {
            work = work.thenCompose(v -> {
                // Judge the others' liveness only after claimIdle (plus the last outage's length) connected:
                // by then every live consumer has renewed its entries and its liveness key.
                if (now - connectedSince < reclaimGraceNanos) {
                    return CompletableFuture.completedFuture(null);
                }
                nextReclaimAt = now + reclaimInterval().toNanos();
                return reclaim();
            });
        }
        work.whenComplete((v, err) -> {
            if (err != null && !closed) {
                connectedSince = 0;
                if (disconnectedAt == 0) {
                    disconnectedAt = now == 0 ? 1 : now;
                }
                nextRenewAt = now; // renew at once when Redis answers again
                if (isNoGroup(err)) {
                    createGroup();
                }
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

    /**
     * Redis's data is not the data this process worked with (restarted without persistence, or
     * flushed): every entry waiting, delayed or held is gone. The group is made again (by the
     * script that found the marker gone); what this process holds is put back when nacked.
     */
    private void onDataLost(String current) {
        epoch = current;
        heldAtLoss.addAll(leases.keySet());
        int held = leases.size();
        if (lostCounter != null) {
            lostCounter.increment();
        }
        LOG.atError().addKeyValue("stream", stream).addKeyValue("group", group).addKeyValue("consumer", consumer)
                .addKeyValue("heldByThisProcess", held)
                .log("redis lost the outbox (restarted without persistence, or flushed): every message waiting, delayed"
                        + " or held by another process is gone; the consumer group is made again and the messages this"
                        + " process holds are put back if they need a retry. Run redis with appendonly yes");
        createGroup();
    }

    private Duration reclaimInterval() {
        Duration half = claimIdle.dividedBy(2);
        return half.compareTo(Duration.ofSeconds(5)) < 0 ? half : Duration.ofSeconds(5);
    }

    private CompletableFuture<Void> reclaim() {
        return RECLAIM.<List<Object>>run(redis, ScriptOutputType.MULTI, new String[] {stream}, group, consumer,
                Long.toString(claimIdle.toMillis()), reclaimCursor, Integer.toString(reclaimBatch), alivePrefix,
                donePrefix).thenAccept(r -> {
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
        ids.addAll(unacked.values());
        ids.removeIf(DEAD::equals);
        String aliveTtl = Long.toString(claimIdle.toMillis());
        CompletableFuture<Void> all = CompletableFuture.completedFuture(null);
        // At least one call, leases or not: it refreshes this consumer's liveness key.
        for (int from = 0; from == 0 || from < ids.size(); from += 500) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            String[] args = new String[chunk.size() + 3];
            args[0] = group;
            args[1] = consumer;
            args[2] = aliveTtl;
            for (int i = 0; i < chunk.size(); i++) {
                args[i + 3] = chunk.get(i);
            }
            all = all.thenCompose(v -> RENEW.<Long>run(redis, ScriptOutputType.INTEGER, new String[] {stream, aliveKey},
                    args).thenApply(n -> null));
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

    private static String newEpoch() {
        return java.util.UUID.randomUUID().toString();
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
        private ClientListener deadLetterListener;
        private int reclaimBatch = 100;
        private int recentAcks = 20_000;
        private Duration doneTtl = Duration.ofMinutes(10);
        private io.micrometer.core.instrument.MeterRegistry meterRegistry;

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

        /** How many pending entries one reclaim round looks at (and takes over) at most; 1..10,000, default 100. */
        public Builder reclaimBatch(int n) {
            if (n < 1 || n > 10_000) {
                throw new IllegalArgumentException("redis outbox reclaimBatch must be 1..10000, was " + n);
            }
            this.reclaimBatch = n;
            return this;
        }

        /**
         * How long an acknowledged entry is remembered as done, so that a copy another consumer
         * took over is dropped instead of sent again; 1 s .. 7 days, default 10 minutes. Keep it
         * well above {@code claimIdle}. Costs one small key per message for this long.
         */
        public Builder doneTtl(Duration d) {
            if (d == null || d.compareTo(Duration.ofSeconds(1)) < 0 || d.compareTo(Duration.ofDays(7)) > 0) {
                throw new IllegalArgumentException("redis outbox doneTtl must be between 1 s and 7 days, was " + d);
            }
            this.doneTtl = d;
            return this;
        }

        /**
         * Where the outbox's meter goes: {@code ujumbe.redis.outbox.lost} (Prometheus
         * {@code ujumbe_redis_outbox_lost_total}), the times Redis was found to have lost the
         * outbox. Optional; without it the loss is only logged.
         */
        public Builder meterRegistry(io.micrometer.core.instrument.MeterRegistry registry) {
            this.meterRegistry = Objects.requireNonNull(registry, "meterRegistry");
            return this;
        }

        /**
         * Hears a {@link MessageOutcome.Failed} for each message this outbox dead-letters before the
         * client saw it (handed out maxAttempts times to consumers that died), so that it is
         * published like any other outcome (e.g. a {@link RedisEventPublisher}); default none.
         * Messages dead-lettered by a nack get their Failed outcome from the client itself.
         */
        public Builder deadLetterListener(ClientListener listener) {
            this.deadLetterListener = listener;
            return this;
        }

        /**
         * How many of the entries it acked lately this process remembers (by id), so that one
         * Redis hands out again after losing the ack (killed before the write reached its disk)
         * is acked again instead of sent twice; 0..10,000,000, default 20,000 (about 2.5 MB). Keep
         * it above what the process acks in a few seconds; 0 turns the guard off.
         */
        public Builder recentAcks(int n) {
            if (n < 0 || n > 10_000_000) {
                throw new IllegalArgumentException("redis outbox recentAcks must be 0..10000000, was " + n);
            }
            this.recentAcks = n;
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
