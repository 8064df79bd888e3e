package io.ujumbe.gateway;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rate limits (a Bucket4j token bucket per user, as big as one second of the rate, refilled
 * greedily) and quotas (a counter) of one process.
 */
public final class InMemoryUsageLimiter implements UsageLimiter {
    private final Map<String, Limits> byUser = new ConcurrentHashMap<>();

    @Override
    public CompletionStage<Verdict> acquire(UserConfig user, int messages) {
        Limits l = byUser.compute(user.name(), (k, old) -> old != null && old.rate == user.ratePerSecond()
                ? old : new Limits(user.ratePerSecond(), old == null ? new AtomicLong() : old.used));
        if (user.quota() > 0) {
            long after = l.used.addAndGet(messages);
            if (after > user.quota()) {
                l.used.addAndGet(-messages);
                return CompletableFuture.completedFuture(Verdict.QUOTA_EXHAUSTED);
            }
        }
        if (l.bucket != null && !l.bucket.tryConsume(messages)) {
            if (user.quota() > 0) {
                l.used.addAndGet(-messages);
            }
            return CompletableFuture.completedFuture(Verdict.RATE_LIMITED);
        }
        if (user.quota() <= 0) {
            l.used.addAndGet(messages);
        }
        return CompletableFuture.completedFuture(Verdict.ALLOWED);
    }

    @Override
    public CompletionStage<Long> used(UserConfig user) {
        Limits l = byUser.get(user.name());
        return CompletableFuture.completedFuture(l == null ? 0L : l.used.get());
    }

    private static final class Limits {
        final double rate;
        final Bucket bucket;
        final AtomicLong used;

        Limits(double rate, AtomicLong used) {
            this.rate = rate;
            this.used = used;
            if (rate > 0) {
                long capacity = Math.max(1, (long) Math.ceil(rate));
                this.bucket = Bucket.builder().addLimit(Bandwidth.builder().capacity(capacity)
                        .refillGreedy(capacity, Duration.ofNanos((long) (capacity * 1e9 / rate))).build()).build();
            } else {
                this.bucket = null;
            }
        }
    }
}
