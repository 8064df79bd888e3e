package io.ujumbe.client;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
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
    private static final CompletionStage<Optional<Correlation>> NOT_FOUND = CompletableFuture.completedStage(Optional.empty());

    /*
     * Every entry lives the same time after its put, so the order of puts is the order of expiry,
     * and the oldest entry is also the one to drop when full: one insertion-ordered map does both,
     * trimmed at its head. This costs a fraction of a general-purpose cache's put (a frequency
     * sketch, buffers and a maintenance pass per write), and a store put is made for every
     * accepted part. One lock: puts come from the client's I/O thread(s), gets from receipts.
     */
    private final Entries entries;
    private final Duration ttl;
    private final long ttlNanos;
    private final long maximumSize;
    private final LongSupplier nanoTime;

    private InMemoryCorrelationStore(Builder b) {
        this.ttl = b.ttl;
        this.ttlNanos = b.ttl.toNanos();
        this.maximumSize = b.maximumSize;
        this.nanoTime = b.nanoTime;
        this.entries = new Entries(maximumSize, ttlNanos);
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
        checkId(messageId);
        Objects.requireNonNull(correlation, "correlation");
        long now = nanoTime.getAsLong();
        synchronized (entries) {
            entries.now = now;
            Stamped stamped = new Stamped(correlation, now);
            if (entries.put(messageId, stamped) != null) {
                // A replaced entry keeps its old place; move it to the end: its life starts again.
                entries.remove(messageId);
                entries.put(messageId, stamped);
            }
            if (entries.sawExpired) {
                entries.sawExpired = false;
                trim(now);
            }
        }
        return DONE;
    }

    @Override
    public CompletionStage<Optional<Correlation>> get(String messageId) {
        checkId(messageId);
        long now = nanoTime.getAsLong();
        Stamped s;
        synchronized (entries) {
            s = entries.get(messageId);
        }
        if (s == null || expired(s, now)) {
            return NOT_FOUND;
        }
        return CompletableFuture.completedStage(Optional.of(s.correlation));
    }

    @Override
    public CompletionStage<Void> remove(String messageId) {
        checkId(messageId);
        synchronized (entries) {
            entries.remove(messageId);
        }
        return DONE;
    }

    /** How many entries are stored now, after expired and excess entries are dropped; for metrics. */
    public long size() {
        synchronized (entries) {
            trim(nanoTime.getAsLong());
            return entries.size();
        }
    }

    /** Drops entries beyond the maximum size, then expired ones; both from the head (oldest). */
    private void trim(long now) {
        Iterator<Map.Entry<String, Stamped>> it = entries.entrySet().iterator();
        long excess = entries.size() - maximumSize;
        while (it.hasNext()) {
            Stamped oldest = it.next().getValue();
            if (excess > 0) {
                excess--;
            } else if (!expired(oldest, now)) {
                return;
            }
            it.remove();
        }
    }

    private boolean expired(Stamped s, long now) {
        return expired(s, now, ttlNanos);
    }

    private static boolean expired(Stamped s, long now, long ttlNanos) {
        return now - s.putAt >= ttlNanos;
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

    /**
     * The entries in the order they were put. Each put drops the oldest entry when the map is over
     * its maximum size or that entry has expired (without an iterator); an expired head also tells
     * the put to drop every other expired entry.
     */
    private static final class Entries extends LinkedHashMap<String, Stamped> {
        private static final long serialVersionUID = 1L;
        private final long maximumSize;
        private final long ttlNanos;
        long now;
        boolean sawExpired;

        Entries(long maximumSize, long ttlNanos) {
            this.maximumSize = maximumSize;
            this.ttlNanos = ttlNanos;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Stamped> eldest) {
            if (expired(eldest.getValue(), now, ttlNanos)) {
                sawExpired = true;
                return true;
            }
            return size() > maximumSize;
        }
    }

    /** A stored correlation and when it was put. */
    private record Stamped(Correlation correlation, long putAt) {
    }

    /** Settings of an {@link InMemoryCorrelationStore}; every one has a default. */
    public static final class Builder {
        private Duration ttl = Duration.ofDays(3);
        private long maximumSize = 1_000_000;
        private LongSupplier nanoTime = System::nanoTime;

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

        /** The most entries kept; beyond it some are evicted. At least 1; default 1,000,000. */
        public Builder maximumSize(long maximumSize) {
            if (maximumSize < 1) {
                throw new IllegalArgumentException("maximumSize must be at least 1, was " + maximumSize);
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
