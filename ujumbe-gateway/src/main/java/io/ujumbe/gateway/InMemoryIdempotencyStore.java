package io.ujumbe.gateway;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Idempotency keys of one process, in a Caffeine cache (one time-to-live for all). */
public final class InMemoryIdempotencyStore implements IdempotencyStore {
    private final Cache<String, String> answers;

    /**
     * A store.
     *
     * @param ttl how long a key is remembered
     */
    public InMemoryIdempotencyStore(Duration ttl) {
        this.answers = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(1_000_000).build();
    }

    @Override
    public CompletionStage<Optional<String>> putIfAbsent(String key, String answer, Duration ttl) {
        String previous = answers.asMap().putIfAbsent(key, answer);
        return CompletableFuture.completedFuture(Optional.ofNullable(previous));
    }

    @Override
    public CompletionStage<Void> put(String key, String answer, Duration ttl) {
        answers.put(key, answer);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> remove(String key) {
        answers.invalidate(key);
        return CompletableFuture.completedFuture(null);
    }
}
