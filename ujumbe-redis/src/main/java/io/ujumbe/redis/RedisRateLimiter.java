package io.ujumbe.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.ujumbe.client.RateLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A {@link RateLimiter} for an SMPP account shared by several processes: one token bucket in Redis
 * (a hash updated by a Lua script with the server's clock), from which each process reserves
 * tokens in small batches, asynchronously, and spends them locally. {@link #tryAcquire(int)} never
 * makes a network round trip: it spends the local allowance, starts a reservation when the
 * allowance runs low, and when it is empty answers how long to wait (about one round trip while a
 * reservation is in flight, or until the bucket has a token again when Redis said it was empty).
 *
 * <p>Accuracy: over any window of W seconds the account sends at most
 * {@code rate × W + capacity + processes × (batch + permits)} — the bucket's burst plus what each
 * process may hold unspent. Reserved tokens not spent within {@code allowanceTtl} are dropped, so
 * a process that fell idle does not come back with a stale burst. Every process must use the same
 * key, rate and capacity. While Redis is unreachable no tokens can be reserved and the client
 * waits: the shared limit is kept rather than guessed.
 */
public final class RedisRateLimiter implements RateLimiter, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RedisRateLimiter.class);

    // KEYS bucket; ARGV rate per second, capacity, requested, ttl ms. Returns {granted, microsUntilNextToken}.
    private static final LuaScript RESERVE = new LuaScript("""
            local rate = tonumber(ARGV[1])
            local cap = tonumber(ARGV[2])
            local req = tonumber(ARGV[3])
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
            local v = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
            local tokens = tonumber(v[1])
            local ts = tonumber(v[2])
            if tokens == nil or ts == nil then tokens = cap; ts = now end
            if now > ts then
              tokens = math.min(cap, tokens + (now - ts) * rate / 1000000)
              ts = now
            end
            local granted = math.min(req, math.floor(tokens))
            tokens = tokens - granted
            redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(ts))
            redis.call('PEXPIRE', KEYS[1], ARGV[4])
            local wait = 0
            if tokens < 1 then wait = math.ceil((1 - tokens) * 1000000 / rate) end
            return {granted, wait}
            """);
    private static final long REDIS_DOWN_BACKOFF_NANOS = 200_000_000L;
    private static final long MIN_WAIT_NANOS = 200_000L;

    private final String key;
    private final double ratePerSecond;
    private final int capacity;
    private final int batch;
    private final long allowanceTtlNanos;
    private final StatefulRedisConnection<String, String> connection;
    private final RedisAsyncCommands<String, String> redis;

    // Guarded by this.
    private int allowance;
    private long allowanceExpiresAt;
    private boolean reserving;
    private long reserveNotBefore = System.nanoTime();
    private long roundTripNanos = 1_000_000L;
    private boolean failing;

    private RedisRateLimiter(Builder b) {
        this.key = b.key;
        this.ratePerSecond = b.ratePerSecond;
        this.capacity = b.capacity > 0 ? b.capacity : (int) Math.max(1, Math.ceil(b.ratePerSecond / 10));
        this.batch = b.batch > 0 ? Math.min(b.batch, capacity) : (int) Math.max(1, Math.min(capacity,
                Math.ceil(b.ratePerSecond / 20)));
        this.allowanceTtlNanos = b.allowanceTtl.toNanos();
        this.connection = b.client.connect();
        this.redis = connection.async();
    }

    public static Builder builder(RedisClient client) {
        return new Builder(client);
    }

    @Override
    public long tryAcquire(int permits) {
        if (permits < 1 || permits > capacity) {
            throw new IllegalArgumentException("permits must be between 1 and the bucket capacity " + capacity
                    + ", was " + permits);
        }
        synchronized (this) {
            long now = System.nanoTime();
            if (allowance > 0 && now - allowanceExpiresAt > 0) {
                allowance = 0;
            }
            if (allowance >= permits) {
                allowance -= permits;
                maybeReserve(now, permits);
                return 0;
            }
            maybeReserve(now, permits);
            if (reserving) {
                return Math.max(MIN_WAIT_NANOS, roundTripNanos);
            }
            return Math.max(MIN_WAIT_NANOS, reserveNotBefore - now);
        }
    }

    private void maybeReserve(long now, int permits) {
        if (reserving || now - reserveNotBefore < 0 || allowance >= Math.max(permits, (batch + 1) / 2)) {
            return;
        }
        reserving = true;
        int want = Math.max(batch, permits) - allowance;
        long started = now;
        RESERVE.<List<Object>>run(redis, ScriptOutputType.MULTI, new String[] {key}, Double.toString(ratePerSecond),
                Integer.toString(capacity), Integer.toString(want), Long.toString(bucketTtlMillis()))
                .whenComplete((r, err) -> {
                    synchronized (this) {
                        long t = System.nanoTime();
                        reserving = false;
                        if (err != null) {
                            reserveNotBefore = t + REDIS_DOWN_BACKOFF_NANOS;
                            if (!failing) {
                                failing = true;
                                LOG.atWarn().addKeyValue("key", key).addKeyValue("error", String.valueOf(err))
                                        .log("cannot reserve rate tokens from redis; sending waits until it answers");
                            }
                            return;
                        }
                        failing = false;
                        roundTripNanos = t - started;
                        int granted = ((Long) r.get(0)).intValue();
                        long waitMicros = (Long) r.get(1);
                        if (granted > 0) {
                            allowance += granted;
                            allowanceExpiresAt = t + allowanceTtlNanos;
                        }
                        reserveNotBefore = granted < want ? t + waitMicros * 1000 : t;
                    }
                });
    }

    private long bucketTtlMillis() {
        // Long enough to refill completely; after that a missing bucket is the same as a full one.
        return (long) Math.ceil(capacity / ratePerSecond * 1000) + 1000;
    }

    public double ratePerSecond() {
        return ratePerSecond;
    }

    public int capacity() {
        return capacity;
    }

    /** Tokens reserved per round trip. */
    public int batch() {
        return batch;
    }

    /** Closes the connection (not the RedisClient). */
    @Override
    public void close() {
        if (connection.isOpen()) {
            connection.close();
        }
    }

    @Override
    public String toString() {
        return "RedisRateLimiter[key=" + key + ", rate=" + ratePerSecond + "/s, capacity=" + capacity + ", batch="
                + batch + "]";
    }

    /** Settings of a {@link RedisRateLimiter}; the rate is required. */
    public static final class Builder {
        private final RedisClient client;
        private String key = "ujumbe:rate";
        private double ratePerSecond;
        private int capacity;
        private int batch;
        private Duration allowanceTtl = Duration.ofSeconds(1);

        private Builder(RedisClient client) {
            this.client = Objects.requireNonNull(client, "client");
        }

        /** The bucket's key, one per account; default {@code ujumbe:rate}. */
        public Builder key(String key) {
            if (key == null || key.isEmpty()) {
                throw new IllegalArgumentException("redis rate limiter key must not be empty");
            }
            this.key = key;
            return this;
        }

        /** The account's messages per second, shared by all processes: more than 0, at most 100,000. */
        public Builder ratePerSecond(double rate) {
            if (!(rate > 0) || rate > 100_000) {
                throw new IllegalArgumentException("redis rate limiter ratePerSecond must be in (0, 100000], was " + rate);
            }
            this.ratePerSecond = rate;
            return this;
        }

        /** The burst the bucket allows, at least 1; default a tenth of a second's worth (at least 1). */
        public Builder capacity(int capacity) {
            if (capacity < 1) {
                throw new IllegalArgumentException("redis rate limiter capacity must be at least 1, was " + capacity);
            }
            this.capacity = capacity;
            return this;
        }

        /**
         * Tokens reserved per round trip, at least 1, at most the capacity; default a twentieth of a
         * second's worth. Larger batches mean fewer round trips and a looser shared limit.
         */
        public Builder batch(int batch) {
            if (batch < 1) {
                throw new IllegalArgumentException("redis rate limiter batch must be at least 1, was " + batch);
            }
            this.batch = batch;
            return this;
        }

        /** How long reserved tokens may wait unspent before they are dropped: 10 ms .. 60 s, default 1 s. */
        public Builder allowanceTtl(Duration d) {
            if (d == null || d.compareTo(Duration.ofMillis(10)) < 0 || d.compareTo(Duration.ofSeconds(60)) > 0) {
                throw new IllegalArgumentException("redis rate limiter allowanceTtl must be between 10 ms and 60 s, was " + d);
            }
            this.allowanceTtl = d;
            return this;
        }

        /** Connects (once, on the calling thread); reservations start with the first tryAcquire. */
        public RedisRateLimiter build() {
            if (ratePerSecond == 0) {
                throw new IllegalArgumentException("redis rate limiter ratePerSecond is required");
            }
            return new RedisRateLimiter(this);
        }
    }
}
