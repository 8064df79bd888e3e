package io.ujumbe.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.ujumbe.text.Concatenation;
import io.ujumbe.text.InboundPart;
import io.ujumbe.text.ReassembledMessage;
import io.ujumbe.text.ReassemblyResult;
import io.ujumbe.text.ReassemblyStore;
import io.ujumbe.text.UserDataHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A {@link ReassemblyStore} in Redis: the parts of an inbound multipart message wait in Redis
 * until the application has taken the whole message, so that parts already acknowledged to the
 * SMSC survive a crash of the process, and parts the SMSC spreads over the binds of several
 * processes join. One hash per message, {@code <prefix>mo:<source>:<destination>:<reference>:<total>:<8|16>},
 * one field per part (its sequence number) set with HSETNX, so a part seen twice is stored once;
 * a Lua script adds the part and, when the set is complete, takes the delivery lease
 * ({@code SET <hash>:lease NX PX}): exactly one process gets the whole message and delivers it.
 * {@link #delivered} deletes the hash; {@link #notDelivered} drops the lease so that the SMSC's
 * resent part completes the message again; a process that dies while delivering loses its lease
 * after {@link Builder#deliveryLease}.
 *
 * <p>Bounded: each hash expires {@link Builder#timeToLive} after its first part, and an index
 * (sorted set {@code <prefix>mo:index}, scored by creation time) drops the oldest incomplete
 * messages beyond {@link Builder#maximumIncomplete}. Works on Redis 6.2 and later. Close it after
 * the client stops; the {@link RedisClient} belongs to the caller.
 */
public final class RedisReassemblyStore implements ReassemblyStore, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RedisReassemblyStore.class);

    // KEYS parts hash, lease key, index; ARGV seq, part, total, ttlMs, leaseMs, holder, nowMs, maxIncomplete.
    // Returns {0} incomplete, {1, seq1, part1, ...} complete for this caller, {2} being delivered elsewhere;
    // a second element on {0} counts messages evicted by the bound.
    private static final LuaScript OFFER = new LuaScript("""
            local added = redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2])
            local evicted = 0
            if added == 1 and redis.call('HLEN', KEYS[1]) == 1 then
              redis.call('PEXPIRE', KEYS[1], ARGV[4])
              local now = tonumber(ARGV[7])
              redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', now - tonumber(ARGV[4]))
              redis.call('ZADD', KEYS[3], now, KEYS[1])
              local over = redis.call('ZCARD', KEYS[3]) - tonumber(ARGV[8])
              if over > 0 then
                local oldest = redis.call('ZPOPMIN', KEYS[3], over)
                for i = 1, #oldest, 2 do
                  redis.call('DEL', oldest[i], oldest[i] .. ':lease')
                  evicted = evicted + 1
                end
              end
            end
            if redis.call('HLEN', KEYS[1]) < tonumber(ARGV[3]) then
              return {0, evicted}
            end
            if redis.call('SET', KEYS[2], ARGV[6], 'NX', 'PX', ARGV[5]) then
              local all = redis.call('HGETALL', KEYS[1])
              table.insert(all, 1, 1)
              return all
            end
            return {2}
            """);
    // KEYS parts hash, lease key, index; ARGV holder. Deletes the parts if this holder has the lease.
    private static final LuaScript DELIVERED = new LuaScript("""
            if redis.call('GET', KEYS[2]) == ARGV[1] then
              redis.call('DEL', KEYS[1], KEYS[2])
              redis.call('ZREM', KEYS[3], KEYS[1])
              return 1
            end
            return 0
            """);
    // KEYS lease key; ARGV holder. Drops the lease if this holder has it.
    private static final LuaScript NOT_DELIVERED = new LuaScript("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              return redis.call('DEL', KEYS[1])
            end
            return 0
            """);

    private final String keyPrefix;
    private final String index;
    private final Duration timeToLive;
    private final Duration deliveryLease;
    private final long maximumIncomplete;
    private final String holder;
    private final StatefulRedisConnection<String, String> connection;
    private final RedisAsyncCommands<String, String> redis;

    private RedisReassemblyStore(Builder b) {
        this.keyPrefix = b.keyPrefix;
        this.index = b.keyPrefix + "mo:index";
        this.timeToLive = b.timeToLive;
        this.deliveryLease = b.deliveryLease;
        this.maximumIncomplete = b.maximumIncomplete;
        this.holder = UUID.randomUUID().toString();
        this.connection = b.client.connect();
        this.redis = connection.async();
    }

    /** A builder on {@code client} (which the caller keeps and shuts down). */
    public static Builder builder(RedisClient client) {
        return new Builder(client);
    }

    @Override
    public CompletionStage<ReassemblyResult> offer(InboundPart part) {
        Objects.requireNonNull(part, "part");
        Concatenation c = part.concatenation().orElse(null);
        if (c == null || c.total() == 1) {
            return CompletableFuture.completedFuture(ReassemblyResult.complete(ReassembledMessage.join(List.of(part), null)));
        }
        String key = key(part, c);
        // Each complete-and-delivering turn gets its own lease token, so a stale turn cannot release a new one.
        String token = holder + ":" + UUID.randomUUID();
        return OFFER.<List<Object>>run(redis, ScriptOutputType.MULTI, new String[] {key, key + ":lease", index},
                Integer.toString(c.sequence()), encode(part), Integer.toString(c.total()),
                Long.toString(timeToLive.toMillis()), Long.toString(deliveryLease.toMillis()), token,
                Long.toString(System.currentTimeMillis()), Long.toString(maximumIncomplete)).thenApply(reply -> {
                    long status = (Long) reply.get(0);
                    if (status == 0) {
                        if (reply.size() > 1 && (Long) reply.get(1) > 0) {
                            LOG.atWarn().addKeyValue("evicted", reply.get(1)).addKeyValue("maximumIncomplete", maximumIncomplete)
                                    .log("incomplete multipart messages dropped from redis to respect the bound");
                        }
                        return ReassemblyResult.incomplete();
                    }
                    if (status == 2) {
                        return ReassemblyResult.inDelivery();
                    }
                    return ReassemblyResult.complete(join(key, token, reply, c.total(), part));
                });
    }

    @Override
    public CompletionStage<Void> delivered(ReassembledMessage message) {
        return message.storeKey().map(k -> {
            Lease lease = Lease.parse(k);
            return DELIVERED.<Long>run(redis, ScriptOutputType.INTEGER,
                    new String[] {lease.key, lease.key + ":lease", index}, lease.token).<Void>thenApply(n -> null);
        }).orElse(CompletableFuture.completedFuture(null));
    }

    @Override
    public CompletionStage<Void> notDelivered(ReassembledMessage message) {
        return message.storeKey().map(k -> {
            Lease lease = Lease.parse(k);
            return NOT_DELIVERED.<Long>run(redis, ScriptOutputType.INTEGER, new String[] {lease.key + ":lease"},
                    lease.token).<Void>thenApply(n -> null);
        }).orElse(CompletableFuture.completedFuture(null));
    }

    /** The Redis hash a part's message is kept in. */
    public String key(InboundPart part, Concatenation c) {
        return keyPrefix + "mo:" + part.source() + ":" + part.destination() + ":" + c.reference() + ":" + c.total()
                + ":" + (c.sixteenBit() ? 16 : 8);
    }

    /** Closes this store's connection (not the RedisClient). */
    @Override
    public void close() {
        if (connection.isOpen()) {
            connection.close();
        }
    }

    @Override
    public String toString() {
        return "RedisReassemblyStore[keyPrefix=" + keyPrefix + ", ttl=" + timeToLive + ", lease=" + deliveryLease
                + ", maximumIncomplete=" + maximumIncomplete + "]";
    }

    // ---- the stored form of a part: dataCoding|header hex or -|sar ref,total,seq or -|payload base64 ----

    private static String encode(InboundPart part) {
        Concatenation c = part.concatenation().orElseThrow();
        UserDataHeader h = part.userDataHeader().orElse(null);
        boolean inHeader = h != null && h.concatenation().isPresent();
        return part.dataCoding() + "|" + (h == null ? "-" : java.util.HexFormat.of().formatHex(h.toBytes())) + "|"
                + (inHeader ? "-" : c.reference() + "," + c.total() + "," + c.sequence()) + "|"
                + Base64.getEncoder().encodeToString(part.payload());
    }

    private static InboundPart decode(String source, String destination, String stored) {
        String[] f = stored.split("\\|", -1);
        byte[] header = f[1].equals("-") ? new byte[0] : java.util.HexFormat.of().parseHex(f[1]);
        byte[] payload = Base64.getDecoder().decode(f[3]);
        byte[] userData = new byte[header.length + payload.length];
        System.arraycopy(header, 0, userData, 0, header.length);
        System.arraycopy(payload, 0, userData, header.length, payload.length);
        InboundPart.Builder b = InboundPart.builder().source(source).destination(destination)
                .dataCoding(Integer.parseInt(f[0])).userData(userData).udhi(header.length > 0);
        if (!f[2].equals("-")) {
            String[] sar = f[2].split(",");
            b.sar(Integer.parseInt(sar[0]), Integer.parseInt(sar[1]), Integer.parseInt(sar[2]));
        }
        return b.build();
    }

    private static ReassembledMessage join(String key, String token, List<Object> reply, int total, InboundPart offered) {
        InboundPart[] bySequence = new InboundPart[total];
        for (int i = 1; i + 1 < reply.size(); i += 2) {
            int seq = Integer.parseInt(String.valueOf(reply.get(i)));
            if (seq >= 1 && seq <= total) {
                bySequence[seq - 1] = decode(offered.source(), offered.destination(), String.valueOf(reply.get(i + 1)));
            }
        }
        List<InboundPart> parts = new ArrayList<>(total);
        for (InboundPart p : bySequence) {
            if (p != null) {
                parts.add(p);
            }
        }
        return ReassembledMessage.join(parts, key + "\n" + token);
    }

    /** A store key as handed out with a complete message: the hash and the lease token, apart by a newline. */
    private record Lease(String key, String token) {
        static Lease parse(String storeKey) {
            int nl = storeKey.lastIndexOf('\n');
            return new Lease(storeKey.substring(0, nl), storeKey.substring(nl + 1));
        }
    }

    /** Settings of a {@link RedisReassemblyStore}; every one has a default. */
    public static final class Builder {
        private final RedisClient client;
        private String keyPrefix = "ujumbe:";
        private Duration timeToLive = Duration.ofMinutes(5);
        private Duration deliveryLease = Duration.ofSeconds(30);
        private long maximumIncomplete = 100_000;

        private Builder(RedisClient client) {
            this.client = Objects.requireNonNull(client, "client");
        }

        /** Prefix of the keys ({@code <prefix>mo:…}); default {@code ujumbe:}, as the other Redis components. */
        public Builder keyPrefix(String prefix) {
            if (prefix == null || prefix.isEmpty()) {
                throw new IllegalArgumentException("redis reassembly keyPrefix must not be empty");
            }
            this.keyPrefix = prefix;
            return this;
        }

        /** How long an incomplete message waits for its other parts, from its first: 1 s .. 7 days, default 5 minutes. */
        public Builder timeToLive(Duration ttl) {
            if (ttl == null || ttl.compareTo(Duration.ofSeconds(1)) < 0 || ttl.compareTo(Duration.ofDays(7)) > 0) {
                throw new IllegalArgumentException("redis reassembly timeToLive must be between 1 s and 7 days, was " + ttl);
            }
            this.timeToLive = ttl;
            return this;
        }

        /**
         * How long a process that completed a message may take to deliver it before another may
         * (its process died): 100 ms .. 1 h, default 30 s. Longer than the listeners take.
         */
        public Builder deliveryLease(Duration lease) {
            if (lease == null || lease.compareTo(Duration.ofMillis(100)) < 0 || lease.compareTo(Duration.ofHours(1)) > 0) {
                throw new IllegalArgumentException("redis reassembly deliveryLease must be between 100 ms and 1 h, was " + lease);
            }
            this.deliveryLease = lease;
            return this;
        }

        /** The most incomplete messages kept; beyond, the oldest are dropped: 1 .. 10,000,000, default 100,000. */
        public Builder maximumIncomplete(long max) {
            if (max < 1 || max > 10_000_000) {
                throw new IllegalArgumentException("redis reassembly maximumIncomplete must be 1..10000000, was " + max);
            }
            this.maximumIncomplete = max;
            return this;
        }

        /** Connects (once, on the calling thread). */
        public RedisReassemblyStore build() {
            return new RedisReassemblyStore(this);
        }
    }
}
