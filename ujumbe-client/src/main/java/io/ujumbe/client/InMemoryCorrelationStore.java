package io.ujumbe.client;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.LongSupplier;

/**
 * A {@link CorrelationStore} in this process's memory, backed by a Caffeine cache. Entries expire
 * a fixed time after they were put (receipts that never come must not fill memory), and beyond a
 * maximum size Caffeine evicts the entries least likely to be wanted. Every call completes at
 * once.
 *
 * <p>Defaults: entries live 3 days (as vumi2's SMPP transport), at most 1,000,000 entries. A
 * receipt arriving later than the time-to-live is reported to the application as uncorrelated.
 */
public final class InMemoryCorrelationStore implements CorrelationStore {

    // A minimal stage, safe to share: callers cannot complete or obtrude it.
    private static final CompletionStage<Void> DONE = CompletableFuture.completedStage(null);

    private final Cache<String, Correlation> cache;
    private final Duration ttl;
    private final long maximumSize;

    private InMemoryCorrelationStore(Builder b) {
        this.ttl = b.ttl;
        this.maximumSize = b.maximumSize;
        LongSupplier nanoTime = b.nanoTime;
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(b.ttl)
                .maximumSize(b.maximumSize)
                .ticker(nanoTime::getAsLong)
                // Eviction on the caller's thread: the work is small, and it keeps the size bound
                // exact and tests deterministic without a background pool.
                .executor(Runnable::run)
                .build();
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
        cache.put(checkId(messageId), Objects.requireNonNull(correlation, "correlation"));
        return DONE;
    }

    @Override
    public CompletionStage<Optional<Correlation>> get(String messageId) {
        return CompletableFuture.completedStage(Optional.ofNullable(cache.getIfPresent(checkId(messageId))));
    }

    @Override
    public CompletionStage<Void> remove(String messageId) {
        cache.invalidate(checkId(messageId));
        return DONE;
    }

    /** How many entries are stored now, after expired and excess entries are dropped; for metrics. */
    public long size() {
        cache.cleanUp();
        return cache.estimatedSize();
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
