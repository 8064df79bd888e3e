package io.ujumbe.gateway.redis;

import io.lettuce.core.api.async.RedisAsyncCommands;
import io.ujumbe.gateway.MessageEvent;
import io.ujumbe.gateway.MessageRecord;
import io.ujumbe.gateway.MessageView;
import io.ujumbe.gateway.StatusStore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Message records as one JSON string each ({@code <prefix>msg:<id>}) and timelines as lists
 * ({@code <prefix>ev:<id>}, RPUSH): events are appended, never rewritten, so gateways that learn
 * different things about one message (its outcome here, its receipt there) never lose each other's.
 * The latest {@link #RECENT} ids, newest first, are a capped list ({@code <prefix>recent}) for the console.
 */
final class RedisStatusStore implements StatusStore {
    private final RedisAsyncCommands<String, String> redis;
    private final String prefix;
    private final long ttlSeconds;

    RedisStatusStore(RedisAsyncCommands<String, String> redis, String prefix, Duration ttl) {
        this.redis = redis;
        this.prefix = prefix;
        this.ttlSeconds = Math.max(1, ttl.toSeconds());
    }

    @Override
    public CompletionStage<Void> create(MessageRecord record, MessageEvent first) {
        String ev = prefix + "ev:" + record.id();
        CompletableFuture<String> set = redis.setex(prefix + "msg:" + record.id(), ttlSeconds, RedisJson.write(record)).toCompletableFuture();
        CompletableFuture<Long> push = redis.rpush(ev, RedisJson.write(first)).toCompletableFuture();
        CompletableFuture<Boolean> exp = redis.expire(ev, ttlSeconds).toCompletableFuture();
        CompletableFuture<Long> recent = redis.lpush(prefix + "recent", record.id()).toCompletableFuture();
        CompletableFuture<String> trim = redis.ltrim(prefix + "recent", 0, RECENT - 1).toCompletableFuture();
        return CompletableFuture.allOf(set, push, exp, recent, trim);
    }

    @Override
    public CompletionStage<List<MessageView>> recent(int limit) {
        return redis.lrange(prefix + "recent", 0, Math.max(0, Math.min(limit, RECENT) - 1)).thenCompose(ids -> {
            List<CompletableFuture<Optional<MessageView>>> found = new ArrayList<>(ids.size());
            for (String id : ids) {
                found.add(find(id).toCompletableFuture());
            }
            return CompletableFuture.allOf(found.toArray(new CompletableFuture<?>[0])).thenApply(v -> {
                List<MessageView> out = new ArrayList<>(found.size());
                for (CompletableFuture<Optional<MessageView>> f : found) {
                    f.join().ifPresent(out::add);
                }
                return out;
            });
        });
    }

    @Override
    public CompletionStage<Void> append(String id, MessageEvent event) {
        String ev = prefix + "ev:" + id;
        CompletableFuture<Long> push = redis.rpush(ev, RedisJson.write(event)).toCompletableFuture();
        CompletableFuture<Boolean> exp = redis.expire(ev, ttlSeconds).toCompletableFuture();
        return CompletableFuture.allOf(push, exp);
    }

    @Override
    public CompletionStage<Optional<MessageView>> find(String id) {
        CompletableFuture<String> rec = redis.get(prefix + "msg:" + id).toCompletableFuture();
        CompletableFuture<List<String>> evs = redis.lrange(prefix + "ev:" + id, 0, -1).toCompletableFuture();
        return rec.thenCombine(evs, (r, e) -> {
            if (r == null) {
                return Optional.empty();
            }
            List<MessageEvent> events = new ArrayList<>(e.size());
            for (String s : e) {
                events.add(RedisJson.read(s, MessageEvent.class));
            }
            return Optional.of(new MessageView(RedisJson.read(r, MessageRecord.class), events));
        });
    }
}
