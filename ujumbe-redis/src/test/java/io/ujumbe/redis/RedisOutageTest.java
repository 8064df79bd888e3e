package io.ujumbe.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.ujumbe.client.ClientConfig;
import io.ujumbe.client.ClientListener;
import io.ujumbe.client.ExponentialRetryPolicy;
import io.ujumbe.client.MessageOutcome;
import io.ujumbe.client.OutboundMessage;
import io.ujumbe.client.SmppClient;
import io.ujumbe.pdu.SubmitSm;
import io.ujumbe.session.TestSmsc;
import io.ujumbe.testkit.RedisServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A Redis outage longer than claimIdle in the middle of a run, with two client "processes" (each
 * with its own Redis connections and consumer) sharing one outbox: when Redis is back, neither may
 * take over entries the other is still sending, and no message may be sent twice or get two
 * outcomes.
 */
class RedisOutageTest {
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

    /** Every outcome any process reported, per correlation id. */
    private static final class Outcomes implements ClientListener {
        final Map<String, AtomicInteger> count = new ConcurrentHashMap<>();
        final Map<String, MessageOutcome> last = new ConcurrentHashMap<>();

        @Override
        public void onOutcome(MessageOutcome outcome) {
            count.computeIfAbsent(outcome.correlationId(), k -> new AtomicInteger()).incrementAndGet();
            last.put(outcome.correlationId(), outcome);
        }
    }

    private SmppClient process(RedisServer server, TestSmsc smsc, String name, Outcomes outcomes,
                               Duration claimIdle) {
        RedisClient redisClient = RedisClients.create(RedisURI.create(server.uri()), Duration.ofSeconds(3));
        closeables.add(() -> redisClient.shutdown(Duration.ZERO, Duration.ofSeconds(1)));
        RedisOutbox outbox = RedisOutbox.builder(redisClient).keyPrefix("outage:").consumer(name).claimIdle(claimIdle)
                .maxAttempts(50).retryCheckInterval(Duration.ofMillis(50)).build();
        closeables.add(outbox);
        SmppClient client = SmppClient.create(ClientConfig.builder().clientId(name)
                .host("127.0.0.1").port(smsc.port()).systemId("acme").password("secret")
                .enquireLinkInterval(Duration.ZERO).windowSize(5)
                .reconnectInitialDelay(Duration.ofMillis(50)).reconnectMaxDelay(Duration.ofMillis(200))
                .responseTimeout(Duration.ofSeconds(5))
                .retryPolicy(ExponentialRetryPolicy.builder().initialBackoff(Duration.ofMillis(20))
                        .maxBackoff(Duration.ofMillis(100)).maxAttempts(50).build())
                .outbox(outbox).addListener(outcomes).build());
        closeables.add(() -> client.stop(Duration.ofSeconds(2)).get(10, TimeUnit.SECONDS));
        client.start();
        return client;
    }

    @Test
    void anOutageLongerThanClaimIdleGivesEveryMessageOneOutcomeAndNoDuplicate() throws Exception {
        int messages = 3_000;
        Duration claimIdle = Duration.ofSeconds(3);
        RedisServer server = RedisServer.start();
        closeables.add(server);
        TestSmsc smsc = TestSmsc.start();
        closeables.add(smsc);
        smsc.receipts = false;
        smsc.responseDelay = Duration.ofMillis(10);
        Outcomes outcomes = new Outcomes();

        RedisClient feederClient = RedisClients.create(server.uri());
        closeables.add(() -> feederClient.shutdown(Duration.ZERO, Duration.ofSeconds(1)));
        RedisOutbox feeder = RedisOutbox.builder(feederClient).keyPrefix("outage:").consumer("feeder")
                .maxLength(messages + 10).build();
        for (int i = 0; i < messages; i++) {
            feeder.offer(OutboundMessage.builder().correlationId("m" + i).to("254700000001").text("m" + i).build())
                    .toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        feeder.close();

        process(server, smsc, "p1", outcomes, claimIdle);
        process(server, smsc, "p2", outcomes, claimIdle);
        await().atMost(Duration.ofSeconds(60)).until(() -> outcomes.count.size() >= messages / 5);

        // The outage: Redis stops (keeping its data, as with appendonly) for longer than claimIdle.
        int before = outcomes.count.size();
        server.stop(true);
        Thread.sleep(claimIdle.toMillis() * 5 / 2); // the outage's length, not a wait for a condition
        server.launch();

        await().atMost(Duration.ofSeconds(120)).until(() -> outcomes.count.size() >= messages);
        // Let any late duplicate show up: the reclaimers run once more after a claimIdle.
        Thread.sleep(claimIdle.toMillis() * 2);

        Map<String, Long> submits = smsc.received().stream().map(RedisOutageTest::text)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        List<String> twice = submits.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                .sorted().collect(Collectors.toList());
        List<String> twoOutcomes = outcomes.count.entrySet().stream().filter(e -> e.getValue().get() > 1)
                .map(Map.Entry::getKey).sorted().collect(Collectors.toList());
        long accepted = outcomes.last.values().stream().filter(MessageOutcome::isAccepted).count();
        System.out.printf("redis outage: %d messages, outage at %d outcomes, %d with an outcome, %d accepted,"
                + " %d with two or more outcomes, %d sent twice or more, %d submits%n", messages, before,
                outcomes.count.size(), accepted, twoOutcomes.size(), twice.size(), smsc.received().size());
        assertThat(outcomes.count).hasSize(messages);
        assertThat(twoOutcomes).as("messages with more than one outcome").isEmpty();
        assertThat(twice).as("messages the SMSC received twice").isEmpty();
        assertThat(accepted).isEqualTo(messages);
    }

    private static String text(SubmitSm s) {
        return new String(s.shortMessage(), StandardCharsets.ISO_8859_1);
    }
}
