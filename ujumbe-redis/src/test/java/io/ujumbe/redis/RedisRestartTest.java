package io.ujumbe.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ujumbe.client.ClientConfig;
import io.ujumbe.client.ClientListener;
import io.ujumbe.client.ExponentialRetryPolicy;
import io.ujumbe.client.MessageOutcome;
import io.ujumbe.client.OutboundMessage;
import io.ujumbe.client.SmppClient;
import io.ujumbe.session.TestSmsc;
import io.ujumbe.testkit.RedisServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a Redis restart mid-run (redis-server killed with SIGKILL and started again) costs, with
 * and without persistence: with {@code appendonly yes} no message is lost and each gets one
 * outcome; without it the queue is gone, and the outbox says so (ERROR, metric) and carries on.
 */
class RedisRestartTest {
    private static final int MESSAGES = 10_000;
    private final List<AutoCloseable> closeables = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        Collections.reverse(closeables);
        for (AutoCloseable c : closeables) {
            try {
                c.close();
            } catch (Exception e) {
                // already stopped
            }
        }
    }

    private static final class Outcomes implements ClientListener {
        final Map<String, AtomicInteger> count = new ConcurrentHashMap<>();

        @Override
        public void onOutcome(MessageOutcome outcome) {
            count.computeIfAbsent(outcome.correlationId(), k -> new AtomicInteger()).incrementAndGet();
        }
    }

    /** Runs MESSAGES through one client, kills Redis mid-run, and returns how many got no outcome. */
    private long run(RedisServer server, Outcomes outcomes, SimpleMeterRegistry registry) throws Exception {
        TestSmsc smsc = TestSmsc.start();
        closeables.add(smsc);
        smsc.receipts = false;
        RedisClient redisClient = RedisClients.create(RedisURI.create(server.uri()), Duration.ofSeconds(3));
        closeables.add(() -> redisClient.shutdown(Duration.ZERO, Duration.ofSeconds(1)));
        RedisOutbox outbox = RedisOutbox.builder(redisClient).keyPrefix("restart:").consumer("p1")
                .claimIdle(Duration.ofSeconds(2)).maxAttempts(50).maxLength(MESSAGES + 10)
                .retryCheckInterval(Duration.ofMillis(50)).meterRegistry(registry).build();
        closeables.add(outbox);
        for (int i = 0; i < MESSAGES; i++) {
            outbox.offer(OutboundMessage.builder().correlationId("m" + i).to("254700000001").text("m" + i).build())
                    .toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        SmppClient client = SmppClient.create(ClientConfig.builder().clientId("p1")
                .host("127.0.0.1").port(smsc.port()).systemId("acme").password("secret")
                .enquireLinkInterval(Duration.ZERO).windowSize(10).ratePerSecond(2_000)
                .reconnectInitialDelay(Duration.ofMillis(50)).reconnectMaxDelay(Duration.ofMillis(200))
                .retryPolicy(ExponentialRetryPolicy.builder().initialBackoff(Duration.ofMillis(20))
                        .maxBackoff(Duration.ofMillis(100)).maxAttempts(50).build())
                .outbox(outbox).addListener(outcomes).build());
        closeables.add(() -> client.stop(Duration.ofSeconds(2)).get(10, TimeUnit.SECONDS));
        client.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> outcomes.count.size() >= MESSAGES / 5);

        killRedis(server);
        server.launch();

        // Done when every message has its outcome, or nothing is left in Redis to send.
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() ->
                outcomes.count.size() >= MESSAGES || outbox.size() == 0 && outcomes.count.size() > MESSAGES / 5
                        && quietFor(outcomes, Duration.ofSeconds(3)));
        return MESSAGES - outcomes.count.size();
    }

    private long lastSize = -1;
    private long stableSince;

    private boolean quietFor(Outcomes outcomes, Duration d) {
        long now = System.nanoTime();
        if (outcomes.count.size() != lastSize) {
            lastSize = outcomes.count.size();
            stableSince = now;
            return false;
        }
        return now - stableSince >= d.toNanos();
    }

    /** SIGKILL to this test's redis-server: no shutdown, no save, as a crash. */
    private static void killRedis(RedisServer server) throws Exception {
        String port = Integer.toString(server.port());
        // This test runs one redis-server at a time, the only child process of this JVM with "redis"
        // in its executable's path (Debian's redis-server is a link to redis-check-rdb).
        List<ProcessHandle> redis = ProcessHandle.current().children().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.contains("redis")).orElse(false))
                .toList();
        assertThat(redis).as("the redis-server process on port %s", port).hasSize(1);
        redis.get(0).destroyForcibly();
        redis.get(0).onExit().get(10, TimeUnit.SECONDS);
    }

    @Test
    void withAppendOnlyARestartLosesNothing() throws Exception {
        Outcomes outcomes = new Outcomes();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        RedisServer server = RedisServer.start("--appendonly", "yes", "--appendfsync", "everysec");
        closeables.add(server);

        long lost = run(server, outcomes, registry);

        long twice = outcomes.count.values().stream().filter(n -> n.get() > 1).count();
        System.out.printf("redis restart with appendonly: %d of %d messages lost, %d with two outcomes%n", lost,
                MESSAGES, twice);
        assertThat(lost).isZero();
        assertThat(twice).isZero();
        assertThat(registry.find("ujumbe.redis.outbox.lost").counter().count()).isZero();
    }

    @Test
    void withoutPersistenceARestartLosesTheQueueAndSaysSo() throws Exception {
        Outcomes outcomes = new Outcomes();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        RedisServer server = RedisServer.start();
        closeables.add(server);

        long lost = run(server, outcomes, registry);

        System.out.printf("redis restart without persistence: %d of %d messages lost%n", lost, MESSAGES);
        assertThat(lost).as("the queue was in Redis only").isPositive();
        assertThat(registry.find("ujumbe.redis.outbox.lost").counter().count()).isEqualTo(1);
    }
}
