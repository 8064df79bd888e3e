package io.ujumbe.client;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The in-memory outbox's order and what it keeps of earlier attempts, on a clock moved by hand. */
class InMemoryOutboxTest {
    private final AtomicLong now = new AtomicLong();
    private final InMemoryOutbox outbox = new InMemoryOutbox(1_000_000, now::get);

    private static OutboundMessage msg(String id) {
        return OutboundMessage.builder().correlationId(id).to("254700000001").text(id).build();
    }

    private static List<OutboxEntry> poll(InMemoryOutbox o, int max) {
        return o.poll(max).toCompletableFuture().join();
    }

    @Test
    void aDueRetryIsHandedOutBeforeTheBacklog() {
        outbox.offer(msg("first"));
        OutboxEntry first = poll(outbox, 1).get(0);
        for (int i = 0; i < 200_000; i++) {
            outbox.offer(msg("m" + i));
        }
        outbox.nack(first.withSendState(SendState.SENT_NO_ANSWER), Duration.ofSeconds(1));

        assertThat(poll(outbox, 1)).extracting(e -> e.message().correlationId()).containsExactly("m0");
        now.addAndGet(TimeUnit.SECONDS.toNanos(1));
        List<OutboxEntry> next = poll(outbox, 2);

        assertThat(next).extracting(e -> e.message().correlationId()).containsExactly("first", "m1");
        assertThat(next.get(0).attempt()).isEqualTo(2);
    }

    @Test
    void dueRetriesComeOutInTheOrderTheyBecameDue() {
        outbox.offer(msg("a"));
        outbox.offer(msg("b"));
        List<OutboxEntry> both = poll(outbox, 2);
        outbox.offer(msg("new"));
        outbox.nack(both.get(0), Duration.ofMillis(200));
        outbox.nack(both.get(1), Duration.ofMillis(100));
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(300));

        assertThat(poll(outbox, 3)).extracting(e -> e.message().correlationId()).containsExactly("b", "a", "new");
    }

    @Test
    void theEntryKeepsWhatEarlierAttemptsAchieved() {
        outbox.offer(msg("a"));
        OutboxEntry one = poll(outbox, 1).get(0);
        assertThat(one.sendState()).isEqualTo(SendState.NOT_SENT);

        outbox.nack(one.withSendState(SendState.REJECTED), Duration.ZERO);
        OutboxEntry two = poll(outbox, 1).get(0);
        assertThat(two.attempt()).isEqualTo(2);
        assertThat(two.sendState()).isEqualTo(SendState.REJECTED);

        outbox.nack(two.withSendState(SendState.SENT_NO_ANSWER), Duration.ZERO);
        OutboxEntry three = poll(outbox, 1).get(0);
        assertThat(three.sendState()).isEqualTo(SendState.SENT_NO_ANSWER);
        assertThat(new OutboxEntry("x", msg("x"), 2).sendState())
                .as("an entry whose earlier attempts are not known may have reached the SMSC")
                .isEqualTo(SendState.SENT_NO_ANSWER);
    }

    @Test
    void capacityCountsEveryUnacknowledgedEntryAndAnAckTwiceFreesOneSlot() {
        InMemoryOutbox small = new InMemoryOutbox(2, now::get);
        assertThat(small.offer(msg("a")).toCompletableFuture()).isCompleted();
        assertThat(small.offer(msg("b")).toCompletableFuture()).isCompleted();
        assertThat(small.offer(msg("c")).toCompletableFuture()).isCompletedExceptionally();
        List<OutboxEntry> both = poll(small, 5);
        assertThat(small.size()).isEqualTo(2);
        small.nack(both.get(0), Duration.ofSeconds(5));
        assertThat(small.offer(msg("c")).toCompletableFuture())
                .as("a delayed retry keeps its place").isCompletedExceptionally();

        small.ack(both.get(1));
        small.ack(both.get(1));
        assertThat(small.size()).as("a second ack of the same entry frees nothing more").isEqualTo(1);
        assertThat(small.offer(msg("c")).toCompletableFuture()).isCompleted();
        assertThat(small.offer(msg("d")).toCompletableFuture()).isCompletedExceptionally();
        assertThat(small.nack(both.get(1), Duration.ZERO).toCompletableFuture())
                .as("an acked entry cannot be nacked").isCompletedExceptionally();
        assertThat(small.readyCount()).isEqualTo(1);
    }

    @Test
    void sendersOnManyThreadsAndOneConsumerLoseAndRepeatNothing() throws Exception {
        int senders = 4;
        int each = 50_000;
        InMemoryOutbox shared = new InMemoryOutbox(1_000);
        java.util.concurrent.ConcurrentHashMap<String, Integer> handedOut = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger overCapacity = new java.util.concurrent.atomic.AtomicInteger();
        List<Thread> threads = new java.util.ArrayList<>();
        for (int t = 0; t < senders; t++) {
            int sender = t;
            threads.add(new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    OutboundMessage m = msg(sender + "-" + i);
                    // A full outbox refuses: the sender tries again, as an application would.
                    while (shared.offer(m).toCompletableFuture().isCompletedExceptionally()) {
                        refused.incrementAndGet();
                        Thread.onSpinWait();
                    }
                }
            }));
        }
        threads.forEach(Thread::start);
        int taken = 0;
        java.util.Random random = new java.util.Random(3);
        while (taken < senders * each) {
            if (shared.size() > shared.capacity()) {
                overCapacity.incrementAndGet();
            }
            for (OutboxEntry e : poll(shared, 1 + random.nextInt(200))) {
                if (e.attempt() == 1 && random.nextInt(10) == 0) {
                    shared.nack(e, Duration.ZERO); // an immediate retry comes back before new messages
                    continue;
                }
                handedOut.merge(e.message().correlationId(), 1, Integer::sum);
                shared.ack(e);
                taken++;
            }
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(handedOut).hasSize(senders * each);
        assertThat(handedOut.values()).containsOnly(1);
        assertThat(shared.size()).isZero();
        assertThat(poll(shared, 10)).isEmpty();
        assertThat(overCapacity.get()).isZero();
        assertThat(refused.get()).as("senders outran the consumer, so the bound was exercised").isPositive();
    }
}
