package io.ujumbe.text;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Scheduler;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * The default {@link Reassembler}: incomplete messages wait in a Caffeine cache, bounded in count
 * and dropped after a time-to-live counted from their first part, with a listener told about each
 * dropped message. Parts are keyed by (source, destination, reference, total, 16-bit?) so that two
 * senders using the same reference, or one sender reusing a reference for a message of another
 * length, are never mixed. Safe for concurrent use: each key is updated atomically.
 *
 * <p>As a {@link ReassemblyStore} it keeps a complete message's parts until {@link #delivered}
 * and marks them as being delivered meanwhile; {@link #notDelivered} clears the mark, so the
 * SMSC's resent last part completes the message again. Through {@link #accept} (the
 * {@link Reassembler} view, with no delivery step) parts are dropped as soon as they are joined.
 *
 * <p>A part arriving after its message was completed starts a new incomplete message, which will
 * expire and be reported; remembering completed keys instead would swallow a new message that
 * reuses the reference.
 */
public final class CaffeineReassembler implements Reassembler, ReassemblyStore {
    private final Cache<PartKey, PartSet> incomplete;
    private final LongAdder completed = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder evicted = new LongAdder();

    private CaffeineReassembler(Builder b) {
        long ttlNanos = b.timeToLive.toNanos();
        Consumer<IncompleteMessage> listener = b.evictionListener;
        this.incomplete = Caffeine.newBuilder()
                .maximumSize(b.maximumIncomplete)
                .expireAfter(new FromFirstPart(ttlNanos))
                .ticker(b.ticker)
                .scheduler(b.scheduler)
                .evictionListener((PartKey key, PartSet set, RemovalCause cause) -> {
                    if (key == null || set == null) {
                        return;
                    }
                    evicted.increment();
                    listener.accept(set.toIncomplete(key,
                            cause == RemovalCause.EXPIRED ? IncompleteMessage.Cause.EXPIRED : IncompleteMessage.Cause.SIZE));
                })
                .build();
    }

    /** A builder with the defaults: 5 minutes to live, 10,000 incomplete messages, no listener. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Optional<ReassembledMessage> accept(InboundPart part) {
        Objects.requireNonNull(part, "part");
        Optional<Concatenation> concat = part.concatenation();
        if (concat.isEmpty() || concat.get().total() == 1) {
            completed.increment();
            return Optional.of(ReassembledMessage.of(List.of(part)));
        }
        Concatenation c = concat.get();
        PartKey key = new PartKey(part.source(), part.destination(), c.reference(), c.total(), c.sixteenBit());
        ReassembledMessage[] done = new ReassembledMessage[1];
        incomplete.asMap().compute(key, (k, set) -> {
            PartSet current = set == null ? PartSet.empty(c.total(), part.dataCoding()) : set;
            if (current.has(c.sequence())) {
                duplicates.increment();
                return current;
            }
            if (current.dataCoding() != part.dataCoding()) {
                throw mixedCoding(k, c, part, current);
            }
            PartSet next = current.with(c.sequence(), part);
            if (next.complete()) {
                done[0] = ReassembledMessage.of(next.inOrder());
                return null;
            }
            return next;
        });
        if (done[0] != null) {
            completed.increment();
        }
        return Optional.ofNullable(done[0]);
    }

    @Override
    public CompletionStage<ReassemblyResult> offer(InboundPart part) {
        Objects.requireNonNull(part, "part");
        Optional<Concatenation> concat = part.concatenation();
        if (concat.isEmpty() || concat.get().total() == 1) {
            completed.increment();
            return CompletableFuture.completedFuture(ReassemblyResult.complete(ReassembledMessage.of(List.of(part))));
        }
        Concatenation c = concat.get();
        PartKey key = new PartKey(part.source(), part.destination(), c.reference(), c.total(), c.sixteenBit());
        ReassemblyResult[] result = {ReassemblyResult.incomplete()};
        try {
            incomplete.asMap().compute(key, (k, set) -> {
                PartSet current = set == null ? PartSet.empty(c.total(), part.dataCoding()) : set;
                PartSet next = current;
                if (current.has(c.sequence())) {
                    duplicates.increment();
                } else {
                    if (current.dataCoding() != part.dataCoding()) {
                        throw mixedCoding(k, c, part, current);
                    }
                    next = current.with(c.sequence(), part);
                }
                if (!next.complete()) {
                    return next;
                }
                if (next.delivering) {
                    result[0] = ReassemblyResult.inDelivery();
                    return next;
                }
                result[0] = ReassemblyResult.complete(ReassembledMessage.join(next.inOrder(), k.id()));
                return next.delivering(true);
            });
        } catch (InvalidPartException e) {
            return CompletableFuture.failedFuture(e);
        }
        return CompletableFuture.completedFuture(result[0]);
    }

    @Override
    public CompletionStage<Void> delivered(ReassembledMessage message) {
        Optional<PartKey> key = message.storeKey().map(PartKey::parse);
        if (key.isPresent() && incomplete.asMap().remove(key.get()) != null) {
            completed.increment();
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> notDelivered(ReassembledMessage message) {
        message.storeKey().map(PartKey::parse)
                .ifPresent(k -> incomplete.asMap().computeIfPresent(k, (key, set) -> set.delivering(false)));
        return CompletableFuture.completedFuture(null);
    }

    private static InvalidPartException mixedCoding(PartKey k, Concatenation c, InboundPart part, PartSet current) {
        return new InvalidPartException("part " + c.sequence() + " has data_coding 0x"
                + Integer.toHexString(part.dataCoding()) + " but the other parts of " + k + " have 0x"
                + Integer.toHexString(current.dataCoding()));
    }

    /** Runs pending expiry and size eviction now, calling the listener for each dropped message. */
    public void cleanUp() {
        incomplete.cleanUp();
    }

    /** The number of messages currently waiting for parts (an estimate under concurrent use). */
    public long incompleteCount() {
        return incomplete.estimatedSize();
    }

    /** Messages returned whole so far, single-part ones included. */
    public long completedCount() {
        return completed.sum();
    }

    /** Parts ignored because the same sequence number of the same message had already arrived. */
    public long duplicateCount() {
        return duplicates.sum();
    }

    /** Incomplete messages dropped, by expiry or to respect the size bound. */
    public long evictedCount() {
        return evicted.sum();
    }

    @Override
    public String toString() {
        return "CaffeineReassembler{incomplete=" + incompleteCount() + ", completed=" + completedCount()
                + ", duplicates=" + duplicateCount() + ", evicted=" + evictedCount() + '}';
    }

    /** What keeps the parts of two different messages apart. */
    private record PartKey(String source, String destination, int reference, int total, boolean sixteenBit) {
        /** As a string for {@link ReassembledMessage#storeKey()}: fields apart by NUL, which no address holds. */
        String id() {
            return source + '\0' + destination + '\0' + reference + '\0' + total + '\0' + (sixteenBit ? 16 : 8);
        }

        static PartKey parse(String id) {
            String[] f = id.split("\0", -1);
            return new PartKey(f[0], f[1], Integer.parseInt(f[2]), Integer.parseInt(f[3]), f[4].equals("16"));
        }
    }

    /** The parts received so far for one key; replaced, never mutated, so readers need no lock. */
    private static final class PartSet {
        private final InboundPart[] bySequence;
        private final int received;
        private final int dataCoding;
        /** Complete and handed to a caller that has not yet said whether the application took it. */
        final boolean delivering;

        private PartSet(InboundPart[] bySequence, int received, int dataCoding) {
            this(bySequence, received, dataCoding, false);
        }

        private PartSet(InboundPart[] bySequence, int received, int dataCoding, boolean delivering) {
            this.bySequence = bySequence;
            this.received = received;
            this.dataCoding = dataCoding;
            this.delivering = delivering;
        }

        PartSet delivering(boolean on) {
            return new PartSet(bySequence, received, dataCoding, on);
        }

        static PartSet empty(int total, int dataCoding) {
            return new PartSet(new InboundPart[total], 0, dataCoding);
        }

        int dataCoding() {
            return dataCoding;
        }

        boolean has(int sequence) {
            return bySequence[sequence - 1] != null;
        }

        PartSet with(int sequence, InboundPart part) {
            InboundPart[] copy = bySequence.clone();
            copy[sequence - 1] = part;
            return new PartSet(copy, received + 1, dataCoding);
        }

        boolean complete() {
            return received == bySequence.length;
        }

        List<InboundPart> inOrder() {
            List<InboundPart> parts = new ArrayList<>(received);
            for (InboundPart p : bySequence) {
                if (p != null) {
                    parts.add(p);
                }
            }
            return parts;
        }

        IncompleteMessage toIncomplete(PartKey key, IncompleteMessage.Cause cause) {
            return new IncompleteMessage(key.source(), key.destination(), key.reference(), key.total(),
                    key.sixteenBit(), inOrder(), cause);
        }
    }

    /** A fixed lifetime from the first part: later parts do not extend it. */
    private static final class FromFirstPart implements Expiry<PartKey, PartSet> {
        private final long ttlNanos;

        FromFirstPart(long ttlNanos) {
            this.ttlNanos = ttlNanos;
        }

        @Override
        public long expireAfterCreate(PartKey key, PartSet value, long currentTime) {
            return ttlNanos;
        }

        @Override
        public long expireAfterUpdate(PartKey key, PartSet value, long currentTime, long currentDuration) {
            return currentDuration;
        }

        @Override
        public long expireAfterRead(PartKey key, PartSet value, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }

    /** Configures a {@link CaffeineReassembler}. */
    public static final class Builder {
        private Duration timeToLive = Duration.ofMinutes(5);
        private long maximumIncomplete = 10_000;
        private Consumer<IncompleteMessage> evictionListener = m -> { };
        private Ticker ticker = Ticker.systemTicker();
        private Scheduler scheduler = Scheduler.systemScheduler();

        private Builder() {
        }

        /** How long an incomplete message waits for its missing parts, from its first part; default 5 minutes. */
        public Builder timeToLive(Duration timeToLive) {
            Objects.requireNonNull(timeToLive, "timeToLive");
            if (timeToLive.isNegative() || timeToLive.isZero()) {
                throw new IllegalArgumentException("timeToLive must be positive, was " + timeToLive);
            }
            this.timeToLive = timeToLive;
            return this;
        }

        /** The most incomplete messages held at once, at least 1; default 10,000. */
        public Builder maximumIncomplete(long maximumIncomplete) {
            if (maximumIncomplete < 1) {
                throw new IllegalArgumentException("maximumIncomplete must be at least 1, was " + maximumIncomplete);
            }
            this.maximumIncomplete = maximumIncomplete;
            return this;
        }

        /**
         * Told about each incomplete message dropped by expiry or the size bound. It runs on the
         * thread doing cache maintenance (a caller of accept or cleanUp, or the common pool), inside
         * the cache's bookkeeping: keep it short, such as logging or handing off.
         */
        public Builder evictionListener(Consumer<IncompleteMessage> evictionListener) {
            this.evictionListener = Objects.requireNonNull(evictionListener, "evictionListener");
            return this;
        }

        /** The time source for expiry; default the system ticker. Tests pass a fake one. */
        public Builder ticker(Ticker ticker) {
            this.ticker = Objects.requireNonNull(ticker, "ticker");
            return this;
        }

        /**
         * What wakes the cache to expire messages when no parts arrive; default Caffeine's system
         * scheduler. {@link Scheduler#disabledScheduler()} leaves expiry to accept and cleanUp.
         */
        public Builder scheduler(Scheduler scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            return this;
        }

        public CaffeineReassembler build() {
            return new CaffeineReassembler(this);
        }
    }
}
