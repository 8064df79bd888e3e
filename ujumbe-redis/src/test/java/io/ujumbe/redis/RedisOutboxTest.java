package io.ujumbe.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.ujumbe.client.OutboundMessage;
import io.ujumbe.client.OutboxEntry;
import io.ujumbe.client.OutboxFullException;
import io.ujumbe.testkit.RedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class RedisOutboxTest {
    private static RedisServer server;
    private static RedisClient client;
    private static StatefulRedisConnection<String, String> admin;
    private static RedisCommands<String, String> redis;
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private String prefix;

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

    @BeforeEach
    void prefix(TestInfo info) {
        prefix = "t:" + info.getTestMethod().orElseThrow().getName() + ":";
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
    }

    private RedisOutbox.Builder outbox(String consumer) {
        return RedisOutbox.builder(client).keyPrefix(prefix).consumer(consumer)
                .retryCheckInterval(Duration.ofMillis(20)).notifyBlock(Duration.ofMillis(200));
    }

    private RedisOutbox open(RedisOutbox.Builder b) {
        RedisOutbox o = b.build();
        closeables.add(o);
        return o;
    }

    private static <T> T get(java.util.concurrent.CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static OutboundMessage msg(String id) {
        return OutboundMessage.builder().correlationId(id).to("254700000001").text("hello " + id).build();
    }

    @Test
    void offeredMessagesArePolledOnceAndAckRemovesThem() throws Exception {
        RedisOutbox o = open(outbox("a"));
        AtomicInteger wakeUps = new AtomicInteger();
        o.onAvailable(wakeUps::incrementAndGet);

        get(o.offer(msg("m1")));
        get(o.offer(msg("m2")));
        await().atMost(Duration.ofSeconds(5)).until(() -> wakeUps.get() > 0);
        List<OutboxEntry> first = get(o.poll(10));
        List<OutboxEntry> second = get(o.poll(10));

        assertThat(first).extracting(e -> e.message().correlationId()).containsExactly("m1", "m2");
        assertThat(first).allMatch(e -> e.attempt() == 1);
        assertThat(first.get(0).message()).isEqualTo(msg("m1"));
        assertThat(second).isEmpty();
        for (OutboxEntry e : first) {
            get(o.ack(e));
        }
        assertThat(redis.xlen(o.streamKey())).isZero();
        assertThat(redis.xpending(o.streamKey(), "ujumbe").getCount()).isZero();
        await().atMost(Duration.ofSeconds(5)).until(() -> o.size() == 0);
    }

    @Test
    void aNackKeepsWhatTheAttemptAchievedAndTheOutcomeEventCarriesIt() throws Exception {
        RedisOutbox o = open(outbox("a"));
        get(o.offer(msg("m1")));
        OutboxEntry first = get(o.poll(1)).get(0);
        assertThat(first.sendState()).isEqualTo(io.ujumbe.client.SendState.NOT_SENT);

        get(o.nack(first.withSendState(io.ujumbe.client.SendState.SENT_NO_ANSWER), Duration.ZERO));
        List<OutboxEntry> again = new ArrayList<>();
        await().atMost(Duration.ofSeconds(5)).until(() -> again.addAll(get(o.poll(1))));
        assertThat(again.get(0).attempt()).isEqualTo(2);
        assertThat(again.get(0).sendState()).isEqualTo(io.ujumbe.client.SendState.SENT_NO_ANSWER);

        try (RedisEventPublisher events = RedisEventPublisher.builder(client).outcomesStream(prefix + "outcomes").build()) {
            events.onOutcome(new io.ujumbe.client.MessageOutcome.Failed(again.get(0).message(), null, "timed out", null,
                    2, io.ujumbe.client.SendState.SENT_NO_ANSWER));
            await().atMost(Duration.ofSeconds(5)).until(() -> redis.xlen(prefix + "outcomes") == 1);
        }
        String event = redis.xrange(prefix + "outcomes", io.lettuce.core.Range.create("-", "+")).get(0).getBody().get("event");
        assertThat(event).contains("\"sendState\":\"SENT_NO_ANSWER\"");
    }

    @Test
    void offerFailsWhenTheOutboxIsFull() throws Exception {
        RedisOutbox o = open(outbox("a").maxLength(2));
        get(o.offer(msg("m1")));
        get(o.offer(msg("m2")));

        CompletableFuture<Void> third = o.offer(msg("m3")).toCompletableFuture();

        assertThatThrownBy(() -> third.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(OutboxFullException.class)
                .hasMessageContaining("maxLength 2");
        assertThat(redis.xlen(o.streamKey())).isEqualTo(2);
    }

    @Test
    void nackWaitsInRedisThenComesBackWithTheNextAttempt() throws Exception {
        RedisOutbox o = open(outbox("a"));
        get(o.offer(msg("m1")));
        OutboxEntry e = get(o.poll(1)).get(0);

        get(o.nack(e, Duration.ofMillis(300)));

        assertThat(redis.zcard(o.delayedKey())).isEqualTo(1);
        assertThat(redis.xlen(o.streamKey())).isZero();
        assertThat(get(o.poll(5))).isEmpty();
        List<OutboxEntry> again = new ArrayList<>();
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            again.addAll(get(o.poll(5)));
            return !again.isEmpty();
        });
        assertThat(again).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo(e.id());
            assertThat(r.attempt()).isEqualTo(2);
            assertThat(r.message()).isEqualTo(e.message());
        });
        assertThat(redis.zcard(o.delayedKey())).isZero();
    }

    @Test
    void afterTheMaximumAttemptsTheEntryIsDeadLettered() throws Exception {
        RedisOutbox o = open(outbox("a").maxAttempts(2));
        get(o.offer(msg("m1")));
        OutboxEntry first = get(o.poll(1)).get(0);
        get(o.nack(first, Duration.ZERO));
        OutboxEntry second = get(o.poll(1)).get(0);

        CompletableFuture<Void> nack = o.nack(second, Duration.ZERO).toCompletableFuture();

        assertThat(second.attempt()).isEqualTo(2);
        assertThatThrownBy(() -> nack.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(DeadLetteredException.class);
        get(o.ack(second)); // what the client does after a refused retry: must succeed quietly
        List<StreamMessage<String, String>> dead = redis.xrange(o.deadLetterKey(), io.lettuce.core.Range.create("-", "+"));
        assertThat(dead).singleElement().satisfies(d -> {
            assertThat(d.getBody()).containsEntry("attempts", "2").containsKey("reason");
            assertThat(d.getBody().get("reason")).contains("maximum attempts (2)");
            assertThat(OutboundMessageJson.fromJson(d.getBody().get("message")).correlationId()).isEqualTo("m1");
        });
        assertThat(redis.xlen(o.streamKey())).isZero();
        assertThat(redis.zcard(o.delayedKey())).isZero();
    }

    @Test
    void unreadableEntryFromAnotherProducerIsDeadLetteredNotHandedOut() throws Exception {
        RedisOutbox o = open(outbox("a"));
        redis.xadd(o.streamKey(), "message", "{\"version\":1,\"text\":\"no destination\"}");
        redis.xadd(o.streamKey(), "message", "{\"version\":1,\"to\":\"254700000009\",\"text\":\"from python\"}");

        List<OutboxEntry> polled = get(o.poll(10));

        assertThat(polled).singleElement().satisfies(e -> assertThat(e.message().text()).isEqualTo("from python"));
        await().atMost(Duration.ofSeconds(5)).until(() -> redis.xlen(o.deadLetterKey()) == 1);
        assertThat(redis.xrange(o.deadLetterKey(), io.lettuce.core.Range.create("-", "+")).get(0).getBody().get("reason"))
                .contains("'to' is required");
    }

    @Test
    void entriesOfADeadConsumerAreTakenOverButALiveConsumersAreNot() throws Exception {
        RedisOutbox dying = outbox("dying").claimIdle(Duration.ofMillis(600)).build();
        RedisOutbox live = open(outbox("live").claimIdle(Duration.ofMillis(600)));
        RedisOutbox other = open(outbox("other").claimIdle(Duration.ofMillis(600)));
        get(dying.offer(msg("m1")));
        get(dying.offer(msg("m2")));
        List<OutboxEntry> lost = get(dying.poll(1));
        List<OutboxEntry> held = get(live.poll(1));
        dying.close(); // killed: never acks, never renews

        // Either live process may take the dead one's entry over.
        List<OutboxEntry> takenOver = new ArrayList<>();
        RedisOutbox[] taker = new RedisOutbox[1];
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            for (RedisOutbox o : List.of(other, live)) {
                List<OutboxEntry> got = get(o.poll(10));
                if (!got.isEmpty()) {
                    takenOver.addAll(got);
                    taker[0] = o;
                }
            }
            return !takenOver.isEmpty();
        });
        // Several reclaim rounds later, nobody has taken the entry the live consumer still holds.
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5))
                .until(() -> get(other.poll(10)).isEmpty() && get(live.poll(10)).isEmpty());

        assertThat(takenOver).singleElement().satisfies(e -> {
            assertThat(e.message().correlationId()).isEqualTo(lost.get(0).message().correlationId());
            assertThat(e.attempt()).isEqualTo(2);
        });
        get(taker[0].ack(takenOver.get(0)));
        get(live.ack(held.get(0)));
        assertThat(redis.xlen(other.streamKey())).isZero();
        assertThat(redis.xpending(other.streamKey(), "ujumbe").getCount()).isZero();
    }

    @Test
    void anEntryRedisHandsOutAgainAfterLosingTheAckIsAckedAgainNotSentTwice() throws Exception {
        RedisOutbox o = open(outbox("a").claimIdle(Duration.ofMillis(600)));
        for (String id : List.of("m1", "m2", "m3")) {
            get(o.offer(msg(id)));
        }
        java.util.Map<String, String> json = new java.util.HashMap<>();
        for (StreamMessage<String, String> m : redis.xrange(o.streamKey(), io.lettuce.core.Range.create("-", "+"))) {
            json.put(m.getId(), m.getBody().get("message"));
        }
        List<OutboxEntry> polled = get(o.poll(3));
        assertThat(polled).hasSize(3);
        OutboxEntry m1 = polled.get(0);
        OutboxEntry m2 = polled.get(1);
        OutboxEntry m3 = polled.get(2);
        get(o.ack(m1));
        get(o.ack(m2));

        // What a Redis killed before its append-only file got those writes gives back: m1 handed
        // out to this consumer and not acked, m2 waiting and not delivered, no done marks; and
        // m3, still being sent here, handed out again.
        redis.xadd(o.streamKey(), java.util.Map.of("message", json.get(m1.id()), "id", m1.id()));
        redis.xreadgroup(io.lettuce.core.Consumer.from("ujumbe", "a"), io.lettuce.core.XReadArgs.Builder.count(1),
                io.lettuce.core.XReadArgs.StreamOffset.lastConsumed(o.streamKey()));
        redis.xadd(o.streamKey(), java.util.Map.of("message", json.get(m2.id()), "id", m2.id()));
        redis.xadd(o.streamKey(), java.util.Map.of("message", json.get(m3.id()), "id", m3.id()));
        redis.del(prefix + "outbox:done:" + m1.id(), prefix + "outbox:done:" + m2.id());

        List<OutboxEntry> again = new ArrayList<>();
        again.addAll(get(o.poll(10)));
        assertThat(again).as("copies of acked or held entries handed out again").isEmpty();
        get(o.ack(m3));
        // The reclaimer (this consumer's own idle entries) finds the copies of m1 and m3 and acks them.
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            again.addAll(get(o.poll(10)));
            return !again.isEmpty()
                    || (redis.xlen(o.streamKey()) == 0 && redis.xpending(o.streamKey(), "ujumbe").getCount() == 0);
        });
        assertThat(again).as("copies of acked entries handed out again").isEmpty();
        assertThat(redis.exists(prefix + "outbox:done:" + m1.id(), prefix + "outbox:done:" + m2.id())).isEqualTo(2);
    }
}
