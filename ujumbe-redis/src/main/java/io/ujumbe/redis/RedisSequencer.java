package io.ujumbe.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.ujumbe.session.Sequencer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A {@link Sequencer} whose numbers come from one Redis counter shared by every process, for
 * deployments that want a single sequence space per account. {@link #next()} never talks to
 * Redis: the sequencer reserves blocks of numbers ahead with one {@code INCRBY key blockSize}
 * (asynchronously, when half of the current block is used) and hands them out locally.
 *
 * <p>So sequence numbers are unique across processes, but <b>not contiguous</b>: each process
 * counts through its own blocks, and numbers left in a block when a process stops are never used.
 * The 64-bit counter is mapped onto 1..0x7FFFFFFF ({@code (n - 1) mod 0x7FFFFFFF + 1}), so the
 * sequence wraps from 0x7FFFFFFF to 1 and never yields 0.
 *
 * <p>The next block is reserved when half the current one is used, so numbers stay unique as long
 * as a process does not use more than {@code blockSize / 2} of them within one Redis round trip
 * (with the default block of 1000, that is far beyond any SMPP window). If Redis does not answer
 * in time and the reserved numbers run out, the sequencer keeps
 * counting past its block rather than fail a send (SMPP needs unique numbers per session only,
 * which that still gives) and logs a warning: numbers may then repeat across processes until
 * Redis answers again.
 */
public final class RedisSequencer implements Sequencer, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RedisSequencer.class);
    private static final long MAX = 0x7FFFFFFFL;

    private final String key;
    private final int blockSize;
    private final StatefulRedisConnection<String, String> connection;
    private final RedisAsyncCommands<String, String> redis;

    // Guarded by this: the current block [next, end] and the reserved one after it.
    private long next;
    private long end;
    private long reservedStart;
    private long reservedEnd;
    private boolean reserving;
    private boolean warned;

    private RedisSequencer(Builder b) {
        this.key = b.key;
        this.blockSize = b.blockSize;
        this.connection = b.client.connect();
        this.redis = connection.async();
        try {
            long e = redis.incrby(key, blockSize).get(b.startTimeout.toMillis(), TimeUnit.MILLISECONDS);
            this.end = e;
            this.next = e - blockSize + 1;
        } catch (Exception e) {
            connection.close();
            throw new IllegalStateException("could not reserve sequence numbers from redis key " + key + ": " + e, e);
        }
    }

    public static Builder builder(RedisClient client) {
        return new Builder(client);
    }

    @Override
    public int next() {
        long n;
        synchronized (this) {
            if (next > end && reservedEnd != 0) {
                next = reservedStart;
                end = reservedEnd;
                reservedEnd = 0;
            }
            if (next > end && !warned) {
                warned = true;
                LOG.atWarn().addKeyValue("key", key).log(
                        "no sequence numbers reserved from redis in time; counting on locally, numbers may repeat across processes");
            }
            n = next++;
            if (!reserving && reservedEnd == 0 && end - next < blockSize / 2) {
                reserving = true;
                reserve();
            }
        }
        return (int) ((n - 1) % MAX + 1);
    }

    private void reserve() {
        redis.incrby(key, blockSize).whenComplete((e, err) -> {
            synchronized (this) {
                reserving = false;
                if (err != null) {
                    LOG.atWarn().setCause(err).addKeyValue("key", key).log("reserving sequence numbers failed; will retry");
                    return;
                }
                if (next > end) {
                    // Ran past the block meanwhile: jump to the new block directly.
                    next = e - blockSize + 1;
                    end = e;
                    warned = false;
                } else {
                    reservedStart = e - blockSize + 1;
                    reservedEnd = e;
                }
            }
        });
    }

    /** True while a block is being reserved; for tests that pace their calls like a real session. */
    synchronized boolean reserving() {
        return reserving;
    }

    /** Closes the connection (not the RedisClient). Unused reserved numbers are skipped for good. */
    @Override
    public void close() {
        if (connection.isOpen()) {
            connection.close();
        }
    }

    @Override
    public String toString() {
        return "RedisSequencer[key=" + key + ", blockSize=" + blockSize + "]";
    }

    /** Settings of a {@link RedisSequencer}. */
    public static final class Builder {
        private final RedisClient client;
        private String key = "ujumbe:sequence";
        private int blockSize = 1000;
        private Duration startTimeout = Duration.ofSeconds(5);

        private Builder(RedisClient client) {
            this.client = Objects.requireNonNull(client, "client");
        }

        /** The counter's key; default {@code ujumbe:sequence}. One key per sequence space (account). */
        public Builder key(String key) {
            if (key == null || key.isEmpty()) {
                throw new IllegalArgumentException("redis sequencer key must not be empty");
            }
            this.key = key;
            return this;
        }

        /** Numbers reserved per INCRBY: 2 .. 1,000,000, default 1000. */
        public Builder blockSize(int blockSize) {
            if (blockSize < 2 || blockSize > 1_000_000) {
                throw new IllegalArgumentException("redis sequencer blockSize must be 2..1000000, was " + blockSize);
            }
            this.blockSize = blockSize;
            return this;
        }

        /** How long {@link #build()} waits for the first block; default 5 s. */
        public Builder startTimeout(Duration d) {
            if (d == null || d.toMillis() < 1) {
                throw new IllegalArgumentException("redis sequencer startTimeout must be positive, was " + d);
            }
            this.startTimeout = d;
            return this;
        }

        /** Connects and reserves the first block, waiting on the calling thread: build at start-up. */
        public RedisSequencer build() {
            return new RedisSequencer(this);
        }
    }
}
