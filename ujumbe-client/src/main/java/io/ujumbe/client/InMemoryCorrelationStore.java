package io.ujumbe.client;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.LongSupplier;

/**
 * A {@link CorrelationStore} in this process's memory. Entries expire a fixed time after they were
 * put (receipts that never come must not fill memory), and beyond a maximum size the oldest
 * entries are dropped first. Every call completes at once.
 *
 * <p>Defaults: entries live 3 days (as vumi2's SMPP transport), at most 1,000,000 entries. A
 * receipt arriving later than the time-to-live is reported to the application as uncorrelated.
 */
public final class InMemoryCorrelationStore implements CorrelationStore {

    // A minimal stage, safe to share: callers cannot complete or obtrude it. The client knows it
    // and skips attaching a callback to a put that has already happened.
    static final CompletionStage<Void> DONE = CompletableFuture.completedStage(null);
    /** The default clock; a store with it takes the time a caller has read (see the package-private put). */
    private static final LongSupplier SYSTEM_CLOCK = System::nanoTime;
    private static final CompletionStage<Optional<Correlation>> NOT_FOUND = CompletableFuture.completedStage(Optional.empty());

    /*
     * Every entry lives the same time after its put, so the order of puts is the order of expiry,
     * and the oldest entry is also the one to drop when full: entries sit in a ring in put order,
     * trimmed at its head, with an open-addressing index from id to ring slot. An entry is its
     * fields in parallel arrays, not objects: the store holds up to a million entries for days,
     * and a map entry, a timestamp box and the correlation record per accepted part were what the
     * garbage collector copied and scanned (a tenth of the client's CPU at 100,000 parts a
     * second). A removed or replaced entry leaves a hole in the ring; holes are squeezed out when
     * the ring is full of them. One lock: puts come from the client's I/O thread(s), gets from
     * receipts.
     */
    private final CorrelationRing ring;
    private final Duration ttl;
    private final long ttlNanos;
    private final long maximumSize;
    private final LongSupplier nanoTime;
    /** Keeps what {@link #prefetch} read, so that the reads are not optimised away. */
    private long prefetched;

    private InMemoryCorrelationStore(Builder b) {
        this.ttl = b.ttl;
        this.ttlNanos = b.ttl.toNanos();
        this.maximumSize = b.maximumSize;
        this.nanoTime = b.nanoTime;
        this.ring = new CorrelationRing((int) maximumSize);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A store with the defaults. */
    public static InMemoryCorrelationStore withDefaults() {
        return builder().build();
    }

    @Override
    public CompletionStage<Void> put(String messageId, Correlation correlation) {
        return put(messageId, correlation, nanoTime.getAsLong());
    }

    /**
     * {@link #put(String, Correlation)} by a caller that has just read {@code System.nanoTime()}
     * (the dispatcher, once per burst of answers): the store uses that reading when its clock is
     * the system's, and its own clock otherwise. A reading some microseconds old moves an entry's
     * expiry, days away, by as much.
     */
    CompletionStage<Void> put(String messageId, Correlation correlation, long systemNanos) {
        checkId(messageId);
        Objects.requireNonNull(correlation, "correlation");
        long now = nanoTime == SYSTEM_CLOCK ? systemNanos : nanoTime.getAsLong();
        synchronized (ring) {
            ring.dropExpired(now, ttlNanos);
            ring.remove(messageId); // a replaced entry's life starts again, at the end
            ring.add(messageId, correlation, now);
        }
        return DONE;
    }

    /**
     * Reads, one after another, the index positions that puts of these ids are about to read,
     * and those of the entries the puts will evict: at a million entries each is a cache miss,
     * and misses that are independent overlap, where the puts' own, one put after another, do
     * not. Changes nothing.
     */
    void prefetch(String[] ids, int n) {
        long touched;
        synchronized (ring) {
            touched = ring.touch(ids, n);
        }
        prefetched = touched;
    }

    @Override
    public CompletionStage<Optional<Correlation>> get(String messageId) {
        checkId(messageId);
        long now = nanoTime.getAsLong();
        Correlation c;
        synchronized (ring) {
            int slot = ring.find(messageId);
            c = slot < 0 || now - ring.putAt[slot] >= ttlNanos ? null : ring.correlation(slot);
        }
        return c == null ? NOT_FOUND : CompletableFuture.completedStage(Optional.of(c));
    }

    @Override
    public CompletionStage<Void> remove(String messageId) {
        checkId(messageId);
        synchronized (ring) {
            ring.remove(messageId);
        }
        return DONE;
    }

    /** How many entries are stored now, after expired ones are dropped; for metrics. */
    public long size() {
        synchronized (ring) {
            ring.dropExpired(nanoTime.getAsLong(), ttlNanos);
            return ring.live;
        }
    }

    public Duration ttl() {
        return ttl;
    }

    public long maximumSize() {
        return maximumSize;
    }

    @Override
    public String toString() {
        return "InMemoryCorrelationStore[ttl=" + ttl + ", maximumSize=" + maximumSize + "]";
    }

    private static String checkId(String messageId) {
        return Objects.requireNonNull(messageId, "messageId");
    }

    /** Settings of an {@link InMemoryCorrelationStore}; every one has a default. */
    public static final class Builder {
        private Duration ttl = Duration.ofDays(3);
        private long maximumSize = 1_000_000;
        private LongSupplier nanoTime = SYSTEM_CLOCK;

        private Builder() {
        }

        /** How long an entry is kept after it was put. Positive, at most 365 days; default 3 days. */
        public Builder ttl(Duration ttl) {
            if (ttl == null || ttl.isNegative() || ttl.isZero() || ttl.compareTo(Duration.ofDays(365)) > 0) {
                throw new IllegalArgumentException("ttl must be a positive duration of at most 365 days, was " + ttl);
            }
            this.ttl = ttl;
            return this;
        }

        /**
         * The most entries kept; beyond it the oldest are dropped. 1 to 200,000,000 (about 90 bytes
         * each, plus the ids themselves); default 1,000,000.
         */
        public Builder maximumSize(long maximumSize) {
            if (maximumSize < 1 || maximumSize > CorrelationRing.MAX_ENTRIES) {
                throw new IllegalArgumentException("maximumSize must be between 1 and " + CorrelationRing.MAX_ENTRIES
                        + ", was " + maximumSize);
            }
            this.maximumSize = maximumSize;
            return this;
        }

        /** The monotonic clock, in nanoseconds, that ages entries; {@code System::nanoTime} unless testing. */
        public Builder nanoTime(LongSupplier nanoTime) {
            this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
            return this;
        }

        public InMemoryCorrelationStore build() {
            return new InMemoryCorrelationStore(this);
        }
    }
}
