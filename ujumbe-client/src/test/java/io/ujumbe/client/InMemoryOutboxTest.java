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
}
