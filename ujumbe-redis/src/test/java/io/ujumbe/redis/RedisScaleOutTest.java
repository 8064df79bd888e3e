package io.ujumbe.redis;

import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.ujumbe.client.ClientConfig;
import io.ujumbe.client.ClientListener;
import io.ujumbe.client.ExponentialRetryPolicy;
import io.ujumbe.client.MessageOutcome;
import io.ujumbe.client.OutboundMessage;
import io.ujumbe.client.ReceiptEvent;
import io.ujumbe.client.SmppClient;
import io.ujumbe.pdu.BindType;
import io.ujumbe.pdu.CommandStatus;
import io.ujumbe.pdu.DataCoding;
import io.ujumbe.pdu.DeliverSm;
import io.ujumbe.pdu.EsmClass;
import io.ujumbe.pdu.MessageState;
import io.ujumbe.pdu.RegisteredDelivery;
import io.ujumbe.pdu.Tlv;
import io.ujumbe.session.TestSmsc;
import io.ujumbe.testkit.RedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Several ujumbe clients sharing one account through Redis, against a real redis-server and a test
 * SMSC. "Processes" here are SmppClient instances in this JVM, each with its own RedisClient (its
 * own connections), own consumer name and own components: what a separate JVM would have, without
 * the cost of starting three JVMs on a two-core machine.
 */
class RedisScaleOutTest {
    private static RedisServer server;
    private static RedisClient adminClient;
    private static StatefulRedisConnection<String, String> admin;
    private static RedisCommands<String, String> redis;

    private final List<AutoCloseable> closeables = new ArrayList<>();
    private TestSmsc smsc;
    private String prefix;

    @BeforeAll
    static void startRedis() {
        server = RedisServer.start();
        adminClient = RedisClients.create(server.uri());
        admin = adminClient.connect();
        redis = admin.sync();
    }

    @AfterAll
    static void stopRedis() {
        admin.close();
        adminClient.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        server.close();
    }

    @BeforeEach
    void setUp(TestInfo info) {
        prefix = "s:" + info.getTestMethod().orElseThrow().getName() + ":";
        smsc = TestSmsc.start();
    }

    @AfterEach
    void tearDown() throws Exception {
        Collections.reverse(closeables);
        for (AutoCloseable c : closeables) {
            try {
                c.close();
            } catch (RuntimeException e) {
                // already stopped by the test
            }
        }
        smsc.close();
    }

    /** One simulated process: its own Redis connections, outbox consumer, correlation store, listener. */
    private final class Proc {
        final RedisClient redisClient;
        final RedisOutbox outbox;
        final RedisCorrelationStore correlations;
        final Events events = new Events();
        SmppClient client;

        Proc(String name, Duration claimIdle, int maxAttempts) {
            redisClient = RedisClients.create(RedisURI.create(server.uri()), Duration.ofSeconds(2));
            closeables.add(() -> redisClient.shutdown(Duration.ZERO, Duration.ofSeconds(1)));
            outbox = RedisOutbox.builder(redisClient).keyPrefix(prefix).consumer(name).claimIdle(claimIdle)
                    .maxAttempts(maxAttempts).retryCheckInterval(Duration.ofMillis(20)).build();
            closeables.add(outbox);
            correlations = RedisCorrelationStore.builder(redisClient).keyPrefix(prefix + "corr:").build();
            closeables.add(correlations);
        }

        Proc start(java.util.function.UnaryOperator<ClientConfig.Builder> tweak) {
            ClientConfig.Builder b = ClientConfig.builder().clientId(outbox.consumer())
                    .host("127.0.0.1").port(smsc.port()).systemId("acme").password("secret")
                    .enquireLinkInterval(Duration.ZERO)
                    .reconnectInitialDelay(Duration.ofMillis(50)).reconnectMaxDelay(Duration.ofMillis(200))
                    .responseTimeout(Duration.ofSeconds(2))
                    .retryPolicy(ExponentialRetryPolicy.builder().initialBackoff(Duration.ofMillis(20))
                            .maxBackoff(Duration.ofMillis(50)).maxAttempts(20).build())
                    .outbox(outbox).correlationStore(correlations).addListener(events);
            client = SmppClient.create(tweak.apply(b).build());
            closeables.add(() -> client.stop(Duration.ofSeconds(2)).get(10, TimeUnit.SECONDS));
            client.start();
            return this;
        }
    }

    /** What a process's application heard. */
    private static final class Events implements ClientListener {
        final Map<String, MessageOutcome> outcomes = new ConcurrentHashMap<>();
        final Queue<ReceiptEvent> receipts = new ConcurrentLinkedQueue<>();

        @Override
        public void onOutcome(MessageOutcome outcome) {
            outcomes.put(outcome.correlationId(), outcome);
        }

        @Override
        public CompletionStage<Void> onReceipt(ReceiptEvent receipt) {
            receipts.add(receipt);
            return CompletableFuture.completedFuture(null);
        }

        Set<String> accepted() {
            return outcomes.values().stream().filter(MessageOutcome::isAccepted).map(MessageOutcome::correlationId)
                    .collect(Collectors.toSet());
        }
    }

    private static OutboundMessage msg(String id) {
        return OutboundMessage.builder().correlationId(id).to("254700000001").text("message " + id).build();
    }

    private static Set<String> ids(String stem, int n) {
        return IntStream.range(0, n).mapToObj(i -> stem + i).collect(Collectors.toSet());
    }

    private void offerAll(RedisOutbox outbox, Set<String> ids) throws Exception {
        for (String id : ids) {
            outbox.offer(msg(id)).toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private void assertOutboxEmpty(RedisOutbox outbox) {
        await("outbox stream, pending list and delayed set empty").atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(redis.xlen(outbox.streamKey())).isZero();
            assertThat(redis.xpending(outbox.streamKey(), "ujumbe").getCount()).isZero();
            assertThat(redis.zcard(outbox.delayedKey())).isZero();
        });
    }

    @Test
    void consumerKilledMidFlightLeavesNothingLost() throws Exception {
        smsc.dropResponses = true; // the first process's requests are never answered
        Proc a = new Proc("a", Duration.ofMillis(900), 10).start(b -> b.windowSize(5).responseTimeout(Duration.ofSeconds(30)));
        Set<String> all = ids("k", 20);
        offerAll(a.outbox, all);
        await().atMost(Duration.ofSeconds(10)).until(() -> smsc.received().size() >= 5);

        // Kill a: its Redis connections go first, so it can neither ack, nack nor renew.
        a.outbox.close();
        a.client.stop(Duration.ZERO).get(10, TimeUnit.SECONDS);
        assertThat(a.events.outcomes).as("a was killed: it tells its application nothing").isEmpty();
        assertThat(redis.xpending(a.outbox.streamKey(), "ujumbe").getCount()).isGreaterThanOrEqualTo(5);
        smsc.dropResponses = false;

        Proc b = new Proc("b", Duration.ofMillis(900), 10).start(x -> x);

        await().atMost(Duration.ofSeconds(20)).until(() -> b.events.accepted().size() == all.size());
        assertThat(b.events.accepted()).isEqualTo(all);
        assertOutboxEmpty(b.outbox);
    }

    @Test
    void threeProcessesShareOneHundredMessagesPerSecond() throws Exception {
        int rate = 100;
        int capacity = 10;
        int batch = 5;
        Queue<Long> arrivals = new ConcurrentLinkedQueue<>();
        smsc.submitStatus = s -> {
            arrivals.add(System.nanoTime());
            return CommandStatus.ESME_ROK;
        };
        List<Proc> procs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Proc p = new Proc("p" + i, Duration.ofSeconds(30), 10);
            RedisRateLimiter limiter = RedisRateLimiter.builder(p.redisClient).key(prefix + "rate")
                    .ratePerSecond(rate).capacity(capacity).batch(batch).build();
            closeables.add(limiter);
            procs.add(p.start(b -> b.rateLimiter(limiter)));
        }
        Set<String> all = ids("r", 300);
        offerAll(procs.get(0).outbox, all);

        await().atMost(Duration.ofSeconds(30)).until(
                () -> procs.stream().mapToInt(p -> p.events.accepted().size()).sum() == all.size());

        // Every process took part, and together they sent each message once.
        assertThat(procs).allSatisfy(p -> assertThat(p.events.accepted()).isNotEmpty());
        assertThat(arrivals).hasSize(all.size());
        // Counted at the SMSC, in every 1-second window: at most the rate plus the bucket's burst
        // plus what each of the 3 processes may hold reserved (tolerance 10 + 3 x 5 = 25, i.e. 25%).
        long[] t = arrivals.stream().mapToLong(Long::longValue).sorted().toArray();
        int maxInWindow = 0;
        for (int i = 0, j = 0; i < t.length; i++) {
            while (j < t.length && t[j] - t[i] < TimeUnit.SECONDS.toNanos(1)) {
                j++;
            }
            maxInWindow = Math.max(maxInWindow, j - i);
        }
        assertThat(maxInWindow).isLessThanOrEqualTo(rate + capacity + 3 * batch);
        double seconds = (t[t.length - 1] - t[0]) / 1e9;
        assertThat(t.length).isLessThanOrEqualTo((int) (rate * seconds) + capacity + 3 * batch);
    }

    @Test
    void receiptsAreMatchedAcrossProcessesAndAcrossARestart() throws Exception {
        smsc.receiptDelay = Duration.ofMillis(20);
        Proc sender = new Proc("tx", Duration.ofSeconds(30), 10)
                .start(b -> b.bindType(BindType.TRANSMITTER).defaultRegisteredDelivery(RegisteredDelivery.RECEIPT));
        Proc receiver = new Proc("rx", Duration.ofSeconds(30), 10);
        RedisEventPublisher publisher = RedisEventPublisher.builder(receiver.redisClient)
                .receiptsStream(prefix + "receipts").outcomesStream(prefix + "outcomes").build();
        closeables.add(publisher);
        receiver.start(b -> b.bindType(BindType.RECEIVER).addListener(publisher));
        await().atMost(Duration.ofSeconds(10)).until(() -> sender.client.boundSessions() == 1
                && receiver.client.boundSessions() == 1);

        MessageOutcome out = sender.client.send(msg("cross-1")).get(10, TimeUnit.SECONDS);

        assertThat(out.isAccepted()).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> !receiver.events.receipts.isEmpty());
        ReceiptEvent r = receiver.events.receipts.peek();
        assertThat(r.correlationId()).contains("cross-1");
        await().atMost(Duration.ofSeconds(5)).until(() -> redis.xlen(prefix + "receipts") == 1);
        StreamMessage<String, String> published = redis.xrange(prefix + "receipts", Range.create("-", "+")).get(0);
        assertThat(published.getBody().get("event")).contains("\"type\":\"receipt\"", "\"correlationId\":\"cross-1\"",
                "\"matched\":true");

        // Across a restart: the receipt arrives after the sending process is gone and a new one is up.
        // (The other two stop first: with a shared outbox whichever process polls a message sends it,
        // and only that process completes a send() future.)
        sender.client.stop(Duration.ofSeconds(2)).get(10, TimeUnit.SECONDS);
        receiver.client.stop(Duration.ofSeconds(2)).get(10, TimeUnit.SECONDS);
        smsc.receipts = false;
        Proc first = new Proc("trx-1", Duration.ofSeconds(30), 10).start(b -> b.bindType(BindType.TRANSCEIVER));
        MessageOutcome.Accepted sent = (MessageOutcome.Accepted) first.client.send(msg("restart-1")).get(10, TimeUnit.SECONDS);
        first.client.stop(Duration.ofSeconds(2)).get(10, TimeUnit.SECONDS);
        first.correlations.close();
        Proc second = new Proc("trx-2", Duration.ofSeconds(30), 10).start(b -> b.bindType(BindType.TRANSCEIVER));
        await().atMost(Duration.ofSeconds(10)).until(() -> smsc.boundSessions().size() == 1);

        smsc.deliver(receipt(sent.messageId())).get(10, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(10)).until(() -> !second.events.receipts.isEmpty());
        assertThat(second.events.receipts.peek().correlationId()).contains("restart-1");
    }

    private static DeliverSm receipt(String id) {
        String text = "id:" + id + " sub:001 dlvrd:001 submit date:2611220400 done date:2611220401 stat:DELIVRD err:000 Text:x";
        return DeliverSm.builder()
                .sourceAddress(TestSmsc.msisdn("254700000001")).destinationAddress(TestSmsc.msisdn("254700000000"))
                .esmClass(EsmClass.of(EsmClass.TYPE_DELIVERY_RECEIPT)).dataCoding(DataCoding.SMSC_DEFAULT)
                .shortMessage(text.getBytes(StandardCharsets.ISO_8859_1))
                .tlv(Tlv.receiptedMessageId(id)).tlv(Tlv.messageState(MessageState.DELIVERED))
                .build();
    }

    @Test
    void messageIsDeadLetteredAfterTheMaximumAttempts() throws Exception {
        smsc.submitStatus = s -> CommandStatus.ESME_RSYSERR; // transient: the client wants to retry forever
        Proc p = new Proc("dl", Duration.ofSeconds(30), 3).start(b -> b);

        MessageOutcome out = p.client.send(msg("doomed")).get(20, TimeUnit.SECONDS);

        assertThat(out.isAccepted()).isFalse();
        assertThat(((MessageOutcome.Failed) out).reason()).contains("dead-letter");
        assertThat(smsc.received()).hasSize(3);
        List<StreamMessage<String, String>> dead = redis.xrange(p.outbox.deadLetterKey(), Range.create("-", "+"));
        assertThat(dead).singleElement().satisfies(d -> {
            assertThat(d.getBody()).containsEntry("attempts", "3").containsEntry("consumer", "dl");
            assertThat(OutboundMessageJson.fromJson(d.getBody().get("message")).correlationId()).isEqualTo("doomed");
        });
        assertOutboxEmpty(p.outbox);
    }

    @Test
    void clientKeepsWorkingThroughARedisRestartAndLosesNothing() throws Exception {
        smsc.responseDelay = Duration.ofMillis(5);
        Proc p = new Proc("rs", Duration.ofMillis(900), 20);
        RedisRateLimiter limiter = RedisRateLimiter.builder(p.redisClient).key(prefix + "rate").ratePerSecond(150).build();
        closeables.add(limiter);
        p.start(b -> b.rateLimiter(limiter));
        Set<String> all = ids("x", 200);
        offerAll(p.outbox, all);
        await().atMost(Duration.ofSeconds(20)).until(() -> p.events.accepted().size() >= 40);

        server.restart(true); // Redis with persistence, restarted mid-run

        await().atMost(Duration.ofSeconds(40)).until(() -> p.events.accepted().containsAll(all));
        assertThat(p.events.outcomes.values()).allMatch(MessageOutcome::isAccepted);
        assertOutboxEmpty(p.outbox);
        // And after the restart the outbox still takes new work.
        MessageOutcome late = p.client.send(msg("after-restart")).get(10, TimeUnit.SECONDS);
        assertThat(late.isAccepted()).isTrue();
    }
}
