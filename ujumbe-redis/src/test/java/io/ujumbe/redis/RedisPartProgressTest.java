package io.ujumbe.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.ujumbe.client.ClientConfig;
import io.ujumbe.client.ClientListener;
import io.ujumbe.client.ExponentialRetryPolicy;
import io.ujumbe.client.MessageOutcome;
import io.ujumbe.client.OutboundMessage;
import io.ujumbe.client.PartProgress;
import io.ujumbe.client.SmppClient;
import io.ujumbe.pdu.CommandStatus;
import io.ujumbe.pdu.SubmitSm;
import io.ujumbe.session.TestSmsc;
import io.ujumbe.text.InboundPart;
import io.ujumbe.text.MultipartMode;
import io.ujumbe.testkit.RedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The parts of an outbound message the SMSC accepted travel with its Redis outbox entry: a retry
 * taken by another process resends only the missing parts, under the same reference.
 */
class RedisPartProgressTest {
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

    private static ClientConfig config(TestSmsc smsc, RedisOutbox outbox, List<MessageOutcome> outcomes) {
        return ClientConfig.builder().host("127.0.0.1").port(smsc.port()).systemId("acme").password("secret")
                .enquireLinkInterval(Duration.ZERO).multipartMode(MultipartMode.UDH_16BIT).outbox(outbox)
                .retryPolicy(ExponentialRetryPolicy.builder().initialBackoff(Duration.ofSeconds(2))
                        .maxBackoff(Duration.ofSeconds(2)).maxAttempts(5).build())
                .addListener(new ClientListener() {
                    @Override
                    public void onOutcome(MessageOutcome outcome) {
                        outcomes.add(outcome);
                    }
                }).build();
    }

    @Test
    void aRetryTakenByAnotherProcessResendsOnlyTheMissingPartsUnderTheSameReference() throws Exception {
        try (TestSmsc smsc = TestSmsc.start()) {
            smsc.receipts = false;
            AtomicInteger submits = new AtomicInteger();
            // The second part of the first attempt meets a transient error; everything else is accepted.
            smsc.submitStatus = s -> submits.incrementAndGet() == 2 ? CommandStatus.ESME_RSYSERR : CommandStatus.ESME_ROK;
            List<MessageOutcome> outcomesA = new CopyOnWriteArrayList<>();
            List<MessageOutcome> outcomesB = new CopyOnWriteArrayList<>();
            RedisOutbox outboxA = RedisOutbox.builder(client).keyPrefix("progress:").consumer("a").build();
            try (SmppClient a = SmppClient.create(config(smsc, outboxA, outcomesA))) {
                a.start().get(20, TimeUnit.SECONDS);
                outboxA.offer(OutboundMessage.builder().to("254700000055").text("y".repeat(200))
                        .correlationId("long-1").build()).toCompletableFuture().get(10, TimeUnit.SECONDS);
                // Process a sends both parts, gets part 2 refused and puts the entry back for a retry.
                await().atMost(Duration.ofSeconds(20)).until(() -> redis.zcard(outboxA.delayedKey()) == 1);
                a.stop(Duration.ofSeconds(5)).get(20, TimeUnit.SECONDS);
            } finally {
                outboxA.close();
            }
            assertThat(outcomesA).isEmpty();
            assertThat(smsc.received()).hasSize(2);

            RedisOutbox outboxB = RedisOutbox.builder(client).keyPrefix("progress:").consumer("b").build();
            try (SmppClient b = SmppClient.create(config(smsc, outboxB, outcomesB))) {
                b.start().get(20, TimeUnit.SECONDS);
                await().atMost(Duration.ofSeconds(30)).until(() -> outcomesB.size() == 1);
            } finally {
                outboxB.close();
            }
            List<SubmitSm> sent = smsc.received();
            assertThat(sent).as("part 1 once, part 2 twice").hasSize(3);
            assertThat(sequence(sent.get(2))).isEqualTo(2);
            assertThat(reference(sent.get(2))).as("the retry keeps the reference").isEqualTo(reference(sent.get(0)));
            assertThat(reference(sent.get(1))).isEqualTo(reference(sent.get(0)));
            MessageOutcome o = outcomesB.get(0);
            assertThat(o.isAccepted()).isTrue();
            assertThat(o.attempts()).isEqualTo(2);
            assertThat(((MessageOutcome.Accepted) o).messageIds()).hasSize(2).doesNotContainNull().doesNotHaveDuplicates();
        }
    }

    @Test
    void progressRoundTripsThroughTheMessageJsonAndBadProgressNamesTheField() {
        OutboundMessage m = OutboundMessage.builder().to("254700000056").text("z").correlationId("c-1").build();
        PartProgress p = new PartProgress(513, 3, java.util.Map.of(1, "id-a", 3, "id-c"));
        String json = OutboundMessageJson.toJson(m, 2, p);
        assertThat(json).contains("\"progress\":{\"reference\":513,\"parts\":3,\"acceptedParts\":{\"1\":\"id-a\",\"3\":\"id-c\"}}");
        OutboundMessageJson.Decoded d = OutboundMessageJson.decodeStrict(json);
        assertThat(d.progress()).isEqualTo(p);
        assertThat(d.attempt()).isEqualTo(2);
        assertThat(OutboundMessageJson.decode(OutboundMessageJson.toJson(m, 1)).progress()).isNull();
        assertThatThrownBy(() -> OutboundMessageJson.decode(json.replace("\"3\":\"id-c\"", "\"4\":\"id-c\"")))
                .hasMessageContaining("progress.acceptedParts.4");
    }

    private static int reference(SubmitSm s) {
        return InboundPart.of("a", "b", 0, s.shortMessage(), true).concatenation().orElseThrow().reference();
    }

    private static int sequence(SubmitSm s) {
        return InboundPart.of("a", "b", 0, s.shortMessage(), true).concatenation().orElseThrow().sequence();
    }
}
