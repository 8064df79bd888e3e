package io.ujumbe.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.ujumbe.client.Correlation;
import io.ujumbe.testkit.RedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The sequencer, the correlation store and the rate limiter against a real Redis. */
class RedisSharedStateTest {
    private static RedisServer server;
    private static RedisClient client;
    private static StatefulRedisConnection<String, String> admin;
    private static RedisCommands<String, String> redis;

    @BeforeAll
    static void startRedis() {
        server = RedisServer.start();
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

    @Test
    void twoProcessesSequencersNeverHandOutTheSameNumber() {
        try (RedisSequencer a = RedisSequencer.builder(client).key("seq:unique").blockSize(16).build();
             RedisSequencer b = RedisSequencer.builder(client).key("seq:unique").blockSize(16).build()) {
            Set<Integer> seen = new HashSet<>();
            for (int i = 0; i < 2000; i++) {
                if (i % 4 == 0) {
                    // A session uses numbers at the pace of its window, not thousands per round trip.
                    await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1)).atMost(Duration.ofSeconds(5))
                            .until(() -> !a.reserving() && !b.reserving());
                }
                assertThat(seen.add(a.next())).as("a's number %d is new", i).isTrue();
                assertThat(seen.add(b.next())).as("b's number %d is new", i).isTrue();
            }
            assertThat(seen).allMatch(n -> n >= 1);
            // Blocks are reserved ahead with one INCRBY each: far fewer round trips than numbers.
            assertThat(Long.parseLong(redis.get("seq:unique"))).isLessThan(4000 + 4 * 16 + 1);
        }
    }

    @Test
    void sequenceWrapsFrom0x7FFFFFFFTo1() {
        redis.set("seq:wrap", Long.toString(0x7FFFFFFFL - 3));
        try (RedisSequencer s = RedisSequencer.builder(client).key("seq:wrap").blockSize(8).build()) {
            int[] got = new int[8];
            for (int i = 0; i < got.length; i++) {
                got[i] = s.next();
            }
            // INCRBY 8 on MAX-3 reserves MAX-2 .. MAX+5, which maps onto MAX-2 .. MAX, 1 .. 5.
            assertThat(got).containsExactly(0x7FFFFFFD, 0x7FFFFFFE, 0x7FFFFFFF, 1, 2, 3, 4, 5);
        }
    }

    @Test
    void sequencerKeepsAnsweringWhileRedisIsDown() {
        RedisServer other = RedisServer.start();
        RedisClient c = RedisClients.create(io.lettuce.core.RedisURI.create(other.uri()), Duration.ofMillis(300));
        try (RedisSequencer s = RedisSequencer.builder(c).blockSize(4).build()) {
            other.stop(false);
            Set<Integer> seen = new HashSet<>();
            for (int i = 0; i < 100; i++) {
                assertThat(seen.add(s.next())).isTrue();
            }
            assertThat(seen).allMatch(n -> n >= 1);
        } finally {
            c.shutdown(Duration.ZERO, Duration.ofSeconds(1));
            other.close();
        }
    }

    @Test
    void correlationIsSharedWithTtlAndRemovable() throws Exception {
        try (RedisCorrelationStore writer = RedisCorrelationStore.builder(client).keyPrefix("corr:").build();
             RedisCorrelationStore reader = RedisCorrelationStore.builder(client).keyPrefix("corr:").build()) {
            Correlation c = new Correlation("order-7", Map.of("tenant", "x"), 2, 3, Instant.parse("2026-01-02T03:04:05Z"));

            writer.put("ABC123", c).toCompletableFuture().get(5, TimeUnit.SECONDS);

            assertThat(reader.get("ABC123").toCompletableFuture().get(5, TimeUnit.SECONDS)).contains(c);
            long pttl = redis.pttl("corr:ABC123");
            assertThat(pttl).isGreaterThan(Duration.ofDays(3).minusMinutes(1).toMillis())
                    .isLessThanOrEqualTo(Duration.ofDays(3).toMillis());
            reader.remove("ABC123").toCompletableFuture().get(5, TimeUnit.SECONDS);
            assertThat(writer.get("ABC123").toCompletableFuture().get(5, TimeUnit.SECONDS)).isEqualTo(Optional.empty());
        }
    }

    @Test
    void correlationExpiresAfterItsTtl() throws Exception {
        try (RedisCorrelationStore s = RedisCorrelationStore.builder(client).keyPrefix("corr:short:")
                .ttl(Duration.ofMillis(200)).build()) {
            s.put("1", Correlation.single("c", Map.of(), Instant.now())).toCompletableFuture().get(5, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> s.get("1").toCompletableFuture().get(5, TimeUnit.SECONDS).isEmpty());
        }
    }

    @Test
    void rateLimiterAnswersWithoutWaitingAndNeverGrantsMoreThanTheBucket() {
        try (RedisRateLimiter limiter = RedisRateLimiter.builder(client).key("rate:burst").ratePerSecond(1)
                .capacity(5).batch(5).build()) {
            // First call: nothing reserved yet, so it says "wait a round trip" and starts a reservation.
            assertThat(limiter.tryAcquire(1)).isPositive();
            int[] granted = {0};
            await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1)).atMost(Duration.ofSeconds(3))
                    .until(() -> {
                        if (limiter.tryAcquire(1) == 0) {
                            granted[0]++;
                        }
                        return granted[0] == 5;
                    });
            // The burst of 5 is spent; at 1 token/s the next is about a second away.
            long wait = limiter.tryAcquire(1);
            assertThat(wait).isPositive();
            await().atMost(Duration.ofMillis(500)).until(() -> limiter.tryAcquire(1) > TimeUnit.MILLISECONDS.toNanos(100));
            assertThatThrownBy(() -> limiter.tryAcquire(6)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("capacity 5");
        }
    }

    @Test
    void rateLimiterWaitsWhileRedisIsDownAndNeverBlocks() {
        RedisServer other = RedisServer.start();
        RedisClient c = RedisClients.create(io.lettuce.core.RedisURI.create(other.uri()), Duration.ofSeconds(3));
        try (RedisRateLimiter limiter = RedisRateLimiter.builder(c).ratePerSecond(1000).build()) {
            other.stop(false);
            for (int i = 0; i < 1000; i++) {
                long start = System.nanoTime();
                long wait = limiter.tryAcquire(1);
                // A call that waited on Redis would take the 3-second command timeout.
                assertThat(System.nanoTime() - start).isLessThan(TimeUnit.MILLISECONDS.toNanos(1000));
                assertThat(wait).isPositive();
            }
        } finally {
            c.shutdown(Duration.ZERO, Duration.ofSeconds(1));
            other.close();
        }
    }
}
