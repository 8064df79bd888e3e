package io.ujumbe.gateway.redis;

import io.lettuce.core.api.async.RedisAsyncCommands;
import io.ujumbe.gateway.smpp.DeliveryQueue;
import io.ujumbe.gateway.smpp.QueuedDelivery;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The SMPP front's {@link DeliveryQueue} in Redis: one list per user
 * ({@code <prefix>smpp:queue:<user>}), pushed at the tail, taken from the head, trimmed from the
 * head when longer than the bound. Survives a gateway restart (and a Redis restart with
 * {@code appendonly yes}); any gateway on the same Redis delivers a user's entries when that user
 * binds there.
 */
final class RedisDeliveryQueue implements DeliveryQueue {
    private final RedisAsyncCommands<String, String> redis;
    private final String prefix;
    private final int maxPerUser;

    RedisDeliveryQueue(RedisAsyncCommands<String, String> redis, String prefix, int maxPerUser) {
        this.redis = redis;
        this.prefix = prefix + "smpp:queue:";
        this.maxPerUser = maxPerUser;
    }

    @Override
    public CompletionStage<Integer> add(String user, QueuedDelivery delivery) {
        String key = prefix + user;
        return redis.rpush(key, delivery.encode()).thenCompose(length -> {
            long excess = length - maxPerUser;
            if (excess <= 0) {
                return java.util.concurrent.CompletableFuture.completedFuture(0);
            }
            return redis.ltrim(key, -maxPerUser, -1).thenApply(ok -> (int) excess);
        });
    }

    @Override
    public CompletionStage<List<QueuedDelivery>> take(String user, int max) {
        return redis.lpop(prefix + user, max).thenApply(lines -> {
            List<QueuedDelivery> out = new ArrayList<>();
            if (lines != null) {
                for (String line : lines) {
                    try {
                        out.add(QueuedDelivery.decode(line));
                    } catch (RuntimeException e) {
                        org.slf4j.LoggerFactory.getLogger(RedisDeliveryQueue.class).atWarn().addKeyValue("user", user)
                                .log("an unreadable queued delivery was dropped: {}", e.toString());
                    }
                }
            }
            return out;
        });
    }

    @Override
    public CompletionStage<Long> size(String user) {
        return redis.llen(prefix + user);
    }

    @Override
    public boolean durable() {
        return true;
    }
}
