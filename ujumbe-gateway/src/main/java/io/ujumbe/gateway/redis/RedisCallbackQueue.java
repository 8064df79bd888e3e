package io.ujumbe.gateway.redis;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.ujumbe.gateway.Callback;
import io.ujumbe.gateway.CallbackQueue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Pending callbacks in Redis: a sorted set of ids by due time ({@code <prefix>cb:due}) and their
 * JSON in a hash ({@code <prefix>cb:data}). A claim moves the due time of what it takes to the end
 * of a lease in the same script, so no two gateways make one callback at once, and a gateway that
 * dies mid-call leaves it due again when the lease ends: at-least-once across restarts.
 */
final class RedisCallbackQueue implements CallbackQueue {
    private static final String CLAIM = "local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, ARGV[2]) "
            + "local out = {} "
            + "for i, id in ipairs(ids) do "
            + "  local json = redis.call('HGET', KEYS[2], id) "
            + "  if json then redis.call('ZADD', KEYS[1], ARGV[3], id) table.insert(out, json) "
            + "  else redis.call('ZREM', KEYS[1], id) end "
            + "end "
            + "table.insert(out, tostring(redis.call('ZCARD', KEYS[1]))) "
            + "return out";
    private final RedisAsyncCommands<String, String> redis;
    private final String due;
    private final String data;
    private final AtomicLong pending = new AtomicLong();

    RedisCallbackQueue(RedisAsyncCommands<String, String> redis, String prefix) {
        this.redis = redis;
        this.due = prefix + "cb:due";
        this.data = prefix + "cb:data";
    }

    @Override
    public CompletionStage<Void> add(Callback callback) {
        return store(callback);
    }

    private CompletionStage<Void> store(Callback callback) {
        CompletableFuture<Boolean> h = redis.hset(data, callback.id(), RedisJson.write(callback)).toCompletableFuture();
        CompletableFuture<Long> z = redis.zadd(due, (double) callback.dueAt(), callback.id()).toCompletableFuture();
        return CompletableFuture.allOf(h, z);
    }

    @Override
    public CompletionStage<List<Callback>> claimDue(int max, long leaseMillis) {
        long now = System.currentTimeMillis();
        return redis.<List<String>>eval(CLAIM, ScriptOutputType.MULTI, new String[] {due, data}, Long.toString(now),
                Integer.toString(max), Long.toString(now + leaseMillis)).thenApply(list -> {
            List<Callback> out = new ArrayList<>(list.size());
            for (int i = 0; i < list.size() - 1; i++) {
                out.add(RedisJson.read(list.get(i), Callback.class));
            }
            pending.set(Long.parseLong(list.get(list.size() - 1)));
            return out;
        });
    }

    @Override
    public CompletionStage<Void> done(Callback callback) {
        CompletableFuture<Long> z = redis.zrem(due, callback.id()).toCompletableFuture();
        CompletableFuture<Long> h = redis.hdel(data, callback.id()).toCompletableFuture();
        return CompletableFuture.allOf(z, h);
    }

    @Override
    public CompletionStage<Void> reschedule(Callback callback) {
        return store(callback);
    }

    @Override
    public CompletionStage<List<Callback>> peek(int max) {
        return redis.zrange(due, 0, Math.max(0, max - 1)).thenCompose(ids -> {
            if (ids.isEmpty()) {
                return CompletableFuture.completedFuture(List.<Callback>of());
            }
            return redis.hmget(data, ids.toArray(new String[0])).thenApply(values -> {
                List<Callback> out = new ArrayList<>(values.size());
                values.forEach(kv -> {
                    if (kv.hasValue()) {
                        out.add(RedisJson.read(kv.getValue(), Callback.class));
                    }
                });
                return out;
            });
        });
    }

    @Override
    public long pending() {
        return pending.get();
    }
}
