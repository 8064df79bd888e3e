package io.ujumbe.redis;

import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import io.ujumbe.client.ClientConfig;
import io.ujumbe.client.MessageOutcome;
import io.ujumbe.client.OutboundMessage;
import io.ujumbe.client.OutboxEntry;
import io.ujumbe.client.SmppClient;
import io.ujumbe.pdu.CommandStatus;
import io.ujumbe.pdu.DataCoding;
import io.ujumbe.pdu.DeliverSm;
import io.ujumbe.pdu.PduResponse;
import io.ujumbe.session.SessionConfig;
import io.ujumbe.session.TestSmsc;
import io.ujumbe.testkit.RedisServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The event streams are at-least-once across a Redis outage, against a real redis-server that is
 * stopped and started again: an inbound SMS is answered to the SMSC only once it is in Redis,
 * outcomes wait in memory and go in when Redis is back, and a message dead-lettered before any
 * client saw it still gets its Failed outcome published. The Redis client's command timeout is
 * 1 s and Redis stays away longer, so that a single XADD (the old fire-and-forget) fails.
 */
class RedisEventsAtLeastOnceTest {
    private RedisServer server;
    private RedisClient redisClient;
    private final List<AutoCloseable> closeables = new ArrayList<>();

    @BeforeEach
    void start() {
        server = RedisServer.start();
        redisClient = RedisClients.create(RedisURI.create(server.uri()), Duration.ofSeconds(1));
    }

    @AfterEach
    void stop() throws Exception {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            closeables.get(i).close();
        }
        redisClient.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        server.close();
    }

    private RedisEventPublisher publisher() {
        RedisEventPublisher p = RedisEventPublisher.builder(redisClient).outcomesStream("t:outcomes")
                .inboundStream("t:inbound").receiptsStream("t:receipts").publishTimeout(Duration.ofSeconds(30))
                .closeTimeout(Duration.ofSeconds(2)).build();
        closeables.add(p);
        return p;
    }

    private List<StreamMessage<String, String>> entries(String stream) {
        try (StatefulRedisConnection<String, String> c = redisClient.connect()) {
            return c.sync().xrange(stream, Range.create("-", "+"));
        }
    }

    @Test
    void anInboundSmsArrivingWhileRedisIsDownIsAnsweredOnlyOnceItIsInRedis() throws Exception {
        RedisEventPublisher publisher = publisher();
        TestSmsc smsc = TestSmsc.start(SessionConfig.builder().enquireLinkInterval(Duration.ZERO)
                .responseTimeout(Duration.ofSeconds(60)).build(), 0);
        closeables.add(smsc);
        SmppClient client = SmppClient.create(ClientConfig.builder().host("127.0.0.1").port(smsc.port())
                .systemId("acme").password("secret").enquireLinkInterval(Duration.ZERO)
                .responseTimeout(Duration.ofSeconds(5)).addListener(publisher).build());
        closeables.add(() -> client.stop(Duration.ofSeconds(2)).get(10, TimeUnit.SECONDS));
        client.start().get(20, TimeUnit.SECONDS);

        server.stop(false);
        CompletableFuture<PduResponse> answer = smsc.deliver(DeliverSm.builder()
                .sourceAddress(TestSmsc.msisdn("254700000009")).destinationAddress(TestSmsc.msisdn("12345"))
                .dataCoding(DataCoding.SMSC_DEFAULT).shortMessage("STOP".getBytes(StandardCharsets.ISO_8859_1))
                .build());
        // Longer than the command timeout: a single XADD has failed by now.
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> true);
        assertThat(answer).as("the SMSC is not answered while Redis is down").isNotDone();

        server.launch();
        assertThat(answer.get(30, TimeUnit.SECONDS).commandStatus()).isEqualTo(CommandStatus.ESME_ROK);
        List<StreamMessage<String, String>> inbound = entries("t:inbound");
        assertThat(inbound).singleElement().satisfies(e -> assertThat(e.getBody().get("event"))
                .contains("\"type\":\"inbound\"", "\"from\":\"254700000009\"", "\"text\":\"STOP\""));
        assertThat(publisher.republished()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void outcomesHeardWhileRedisIsDownArePublishedWhenItIsBack() throws Exception {
        RedisEventPublisher publisher = publisher();
        server.stop(false);
        for (int i = 0; i < 3; i++) {
            OutboundMessage m = OutboundMessage.builder().correlationId("c-" + i).to("254700000001").text("x").build();
            publisher.onOutcome(new MessageOutcome.Accepted(m, List.of("id-" + i), 1));
        }
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> true);
        assertThat(publisher.pendingOutcomes()).isEqualTo(3);

        server.launch();
        await().atMost(Duration.ofSeconds(30)).until(() -> publisher.pendingOutcomes() == 0);
        assertThat(entries("t:outcomes")).extracting(e -> e.getBody().get("event"))
                .anySatisfy(e -> assertThat(e).contains("\"correlationId\":\"c-0\""))
                .anySatisfy(e -> assertThat(e).contains("\"correlationId\":\"c-2\"")).hasSize(3);
        assertThat(publisher.droppedOutcomes()).isZero();
    }

    @Test
    void beyondItsBufferAnOutcomeIsDroppedAndCounted() throws Exception {
        RedisEventPublisher publisher = RedisEventPublisher.builder(redisClient).outcomesStream("t:outcomes")
                .maxPendingOutcomes(2).closeTimeout(Duration.ZERO).build();
        closeables.add(publisher);
        server.stop(false);
        for (int i = 0; i < 3; i++) {
            OutboundMessage m = OutboundMessage.builder().correlationId("d-" + i).to("254700000001").text("x").build();
            publisher.onOutcome(new MessageOutcome.Accepted(m, List.of("id"), 1));
        }
        assertThat(publisher.pendingOutcomes()).isEqualTo(2);
        assertThat(publisher.droppedOutcomes()).isEqualTo(1);
        server.launch();
    }

    @Test
    void aMessageDeadLetteredAfterTheClientsRetriesIsPublishedAsFailedInPlainWords() throws Exception {
        RedisEventPublisher publisher = publisher();
        TestSmsc smsc = TestSmsc.start();
        closeables.add(smsc);
        smsc.submitStatus = sm -> CommandStatus.ESME_RSYSERR; // transient: the client retries until the outbox says no
        RedisOutbox outbox = RedisOutbox.builder(redisClient).keyPrefix("dl:").consumer("dl").maxAttempts(2)
                .retryCheckInterval(Duration.ofMillis(20)).build();
        closeables.add(outbox);
        SmppClient client = SmppClient.create(ClientConfig.builder().host("127.0.0.1").port(smsc.port())
                .systemId("acme").password("secret").enquireLinkInterval(Duration.ZERO)
                .retryPolicy(io.ujumbe.client.ExponentialRetryPolicy.builder().initialBackoff(Duration.ofMillis(20))
                        .maxBackoff(Duration.ofMillis(50)).maxAttempts(20).build())
                .outbox(outbox).addListener(publisher).build());
        closeables.add(() -> client.stop(Duration.ofSeconds(2)).get(10, TimeUnit.SECONDS));
        client.start();

        MessageOutcome out = client.send(OutboundMessage.builder().correlationId("doomed").to("254700000001")
                .text("x").build()).get(20, TimeUnit.SECONDS);

        assertThat(out.isAccepted()).isFalse();
        assertThat(((MessageOutcome.Failed) out).reason()).contains("moved to dead-letter stream dl:outbox:dead after 2 attempts")
                .doesNotContain("io.ujumbe").doesNotContain("Exception");
        await().atMost(Duration.ofSeconds(10)).until(() -> entries("t:outcomes").size() == 1);
        assertThat(entries("t:outcomes").get(0).getBody().get("event")).contains("\"correlationId\":\"doomed\"",
                "\"accepted\":false", "dead-letter stream");
    }

    @Test
    void aMessageDeadLetteredBeforeAnyClientSawItGetsAPublishedFailedOutcome() throws Exception {
        RedisEventPublisher publisher = publisher();
        RedisOutbox.Builder b = RedisOutbox.builder(redisClient).keyPrefix("t:").maxAttempts(1)
                .claimIdle(Duration.ofMillis(400)).retryCheckInterval(Duration.ofMillis(20))
                .deadLetterListener(publisher);
        RedisOutbox dying = b.consumer("dying").build();
        RedisOutbox live = b.consumer("live").build();
        closeables.add(live);
        dying.offer(OutboundMessage.builder().correlationId("lost-1").to("254700000001").text("x").build())
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
        List<OutboxEntry> taken = dying.poll(1).toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(taken).hasSize(1);
        dying.close(); // dies holding its only attempt

        await().atMost(Duration.ofSeconds(20)).until(() -> {
            assertThat(live.poll(10).toCompletableFuture().get(10, TimeUnit.SECONDS)).isEmpty();
            return entries("t:outbox:dead").size() == 1;
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> entries("t:outcomes").size() == 1);
        assertThat(entries("t:outcomes").get(0).getBody().get("event")).contains("\"correlationId\":\"lost-1\"",
                "\"accepted\":false", "dead-lettered: handed out 1 times without an outcome (maxAttempts 1)");
    }
}
