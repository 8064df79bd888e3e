package io.ujumbe.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.ujumbe.client.OutboundMessage;
import io.ujumbe.client.OutboxEntry;
import io.ujumbe.testkit.RedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What differs between the Redis versions ujumbe supports (6.2 and later; the test run uses the
 * embedded 6.2 when no redis-server is installed, CI also Debian's 7.x). The server here replicates
 * scripts verbatim where the version allows it ({@code lua-replicate-commands no}: 6.2 honours it,
 * 7 ignores it), the strictest setting a 6.2 can have.
 */
class RedisVersionCompatibilityTest {
    private static RedisServer server;
    private static RedisClient client;
    private static StatefulRedisConnection<String, String> admin;
    private static RedisCommands<String, String> redis;

    @BeforeAll
    static void startRedis() {
        server = RedisServer.start("--lua-replicate-commands", "no");
        client = RedisClients.create(server.uri());
        admin = client.connect();
        redis = admin.sync();
    }

    @AfterAll
    static void stopRedis() {
        admin.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        server.close();
    }

    private static <T> T get(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static OutboundMessage msg(String id) {
        return OutboundMessage.builder().correlationId(id).to("254700000001").text("hello " + id).build();
    }

    @Test
    void scriptsThatReadTheServerClockThenWriteRunOnEveryVersion() throws Exception {
        // RedisRateLimiter's script: TIME, then HSET.
        try (RedisRateLimiter limiter = RedisRateLimiter.builder(client).key("compat:rate").ratePerSecond(1000).build()) {
            await().atMost(Duration.ofSeconds(10)).until(() -> limiter.tryAcquire(1) == 0);
            assertThat(redis.hget("compat:rate", "ts")).as("the script wrote the bucket").isNotNull();
        }
        // RedisOutbox's nack with a delay (TIME, then ZADD) and its mover (TIME, then ZREM and XADD).
        try (RedisOutbox o = RedisOutbox.builder(client).keyPrefix("compat:").consumer("a")
                .retryCheckInterval(Duration.ofMillis(20)).notifyBlock(Duration.ofMillis(200)).build()) {
            get(o.offer(msg("m1")));
            OutboxEntry e = get(o.poll(1)).get(0);
            get(o.nack(e, Duration.ofMillis(200)));
            assertThat(redis.zcard(o.delayedKey())).isEqualTo(1);
            List<OutboxEntry> again = new ArrayList<>();
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                again.addAll(get(o.poll(5)));
                return !again.isEmpty();
            });
            assertThat(again).singleElement().satisfies(r -> assertThat(r.attempt()).isEqualTo(2));
            get(o.ack(again.get(0)));
        }
    }

    @Test
    // Lettuce's xreadgroup takes StreamOffset<K>... (a generic varargs array).
    @SuppressWarnings("unchecked")
    void anEntryDeletedWhilePendingLeavesThePendingListOnTakeOver() throws Exception {
        // A consumer read an entry and died; then the entry was deleted from the stream (by an
        // operator, or an XDEL without its XACK). Redis 7's XAUTOCLAIM drops it from the pending
        // list; 6.2's returns nil for it and keeps it pending, claimed again at every take-over.
        String stream = "compat2:outbox";
        redis.xgroupCreate(io.lettuce.core.XReadArgs.StreamOffset.from(stream, "0"), "ujumbe",
                io.lettuce.core.XGroupCreateArgs.Builder.mkstream());
        String deleted = redis.xadd(stream, "message", "{\"version\":1,\"to\":\"254700000001\",\"text\":\"gone\"}");
        redis.xadd(stream, "message", "{\"version\":1,\"to\":\"254700000002\",\"text\":\"kept\"}");
        redis.xreadgroup(io.lettuce.core.Consumer.from("ujumbe", "dead"), io.lettuce.core.XReadArgs.Builder.count(10),
                io.lettuce.core.XReadArgs.StreamOffset.lastConsumed(stream));
        redis.xdel(stream, deleted);

        try (RedisOutbox o = RedisOutbox.builder(client).keyPrefix("compat2:").consumer("live")
                .claimIdle(Duration.ofSeconds(1)).retryCheckInterval(Duration.ofMillis(20))
                .notifyBlock(Duration.ofMillis(200)).build()) {
            List<OutboxEntry> taken = new ArrayList<>();
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(20)).until(() -> {
                taken.addAll(get(o.poll(10)));
                return !taken.isEmpty();
            });
            assertThat(taken).isNotEmpty().allSatisfy(e -> assertThat(e.message().text()).isEqualTo("kept"));
            for (OutboxEntry e : taken) {
                get(o.ack(e));
            }
            await().atMost(Duration.ofSeconds(15))
                    .untilAsserted(() -> assertThat(redis.xpending(stream, "ujumbe").getCount())
                            .as("pending entries after the take-over").isZero());
        }
    }
}
