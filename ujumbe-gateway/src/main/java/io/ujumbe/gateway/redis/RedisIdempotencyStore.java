package io.ujumbe.gateway.redis;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.ujumbe.gateway.IdempotencyStore;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Idempotency keys as {@code <prefix>idem:<user>:<key>}, reserved with one SET NX (or answered with the first). */
final class RedisIdempotencyStore implements IdempotencyStore {
    private static final String RESERVE = "if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return false end "
            + "return redis.call('GET', KEYS[1])";
    private final RedisAsyncCommands<String, String> redis;
    private final String prefix;

    RedisIdempotencyStore(RedisAsyncCommands<String, String> redis, String prefix) {
        this.redis = redis;
        this.prefix = prefix;
    }

    @Override
    public CompletionStage<Optional<String>> putIfAbsent(String key, String answer, Duration ttl) {
        return redis.<String>eval(RESERVE, ScriptOutputType.VALUE, new String[] {prefix + "idem:" + key}, answer,
                Long.toString(ttl.toMillis())).thenApply(Optional::ofNullable);
    }

    @Override
    public CompletionStage<Void> put(String key, String answer, Duration ttl) {
        return redis.set(prefix + "idem:" + key, answer, SetArgs.Builder.px(ttl.toMillis())).thenApply(v -> null);
    }

    @Override
    public CompletionStage<Void> remove(String key) {
        return redis.del(prefix + "idem:" + key).thenApply(v -> null);
    }
}
