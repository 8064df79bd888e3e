package io.ujumbe.client;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class PendingSendsTest {
    private static OutboundMessage msg(String id) {
        OutboundMessage.Builder b = OutboundMessage.builder().to("254700000001").text("hi");
        return (id == null ? b : b.correlationId(id)).build();
    }

    @Test
    void aRandomIdIsAUuidKeptAsTwoLongsAndEqualToTheSameIdReadBackAsAString() {
        OutboundMessage random = msg(null);
        String id = random.correlationId();
        OutboundMessage readBack = msg(id); // as the Redis outbox rebuilds it from its JSON

        assertThat(UUID.fromString(id).toString()).isEqualTo(id);
        assertThat(UUID.fromString(id).version()).isEqualTo(4);
        assertThat(random.correlationId()).isSameAs(id);
        assertThat(readBack.sameCorrelationId(random)).isTrue();
        assertThat(readBack.correlationIdHash()).isEqualTo(random.correlationIdHash());
        assertThat(readBack).isEqualTo(random).hasSameHashCodeAs(random);
        assertThat(msg(id.toUpperCase()).sameCorrelationId(random)).as("a different string is a different id").isFalse();
        assertThat(msg("order-17").sameCorrelationId(msg("order-17"))).isTrue();
        assertThat(msg("order-17").sameCorrelationId(msg("order-18"))).isFalse();
        assertThat(msg("00000000-0000-0000-0000-000000000000").sameCorrelationId(msg("00000000-0000-0000-0000-000000000000")))
                .isTrue();
        assertThat(msg(null).sameCorrelationId(random)).isFalse();
    }

    @Test
    void aFutureIsFoundByTheIdOfAnotherInstanceOfItsMessageAndOnlyOnce() {
        PendingSends pending = new PendingSends();
        OutboundMessage a = msg(null);
        OutboundMessage b = msg("order-17");

        PendingSends.Pending fa = pending.add(a);
        PendingSends.Pending fb = pending.add(b);

        assertThat(fa).isNotNull();
        assertThat(fb).isNotNull();
        assertThat(pending.add(msg(a.correlationId()))).as("same id in progress").isNull();
        assertThat(pending.add(msg("order-17"))).isNull();
        assertThat(pending.size()).isEqualTo(2);
        assertThat(pending.remove(msg(a.correlationId()))).isSameAs(fa);
        assertThat(pending.remove(a)).isNull();
        assertThat(pending.remove(fa)).isFalse();
        assertThat(pending.remove(fb)).isTrue();
        assertThat(pending.size()).isZero();
    }

    @Test
    void manyThreadsAddAndRemoveWithoutLosingOrDoublingAFuture() throws Exception {
        PendingSends pending = new PendingSends();
        int perThread = 50_000;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<OutboundMessage>>> added = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                added.add(pool.submit(() -> {
                    List<OutboundMessage> mine = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        OutboundMessage m = msg(i % 3 == 0 ? "id-" + Thread.currentThread().getId() + "-" + i : null);
                        assertThat(pending.add(m)).isNotNull();
                        mine.add(m);
                    }
                    return mine;
                }));
            }
            List<OutboundMessage> all = new ArrayList<>();
            for (Future<List<OutboundMessage>> f : added) {
                all.addAll(f.get(30, TimeUnit.SECONDS));
            }
            assertThat(pending.size()).isEqualTo(4 * perThread);
            List<Future<Integer>> removed = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                List<OutboundMessage> slice = all.subList(t * perThread, (t + 1) * perThread);
                removed.add(pool.submit(() -> {
                    int n = 0;
                    for (OutboundMessage m : slice) {
                        PendingSends.Pending p = pending.remove(msg(m.correlationId()));
                        if (p != null && p.message == m) {
                            n++;
                        }
                    }
                    return n;
                }));
            }
            int found = 0;
            for (Future<Integer> f : removed) {
                found += f.get(30, TimeUnit.SECONDS);
            }
            assertThat(found).isEqualTo(4 * perThread);
            assertThat(pending.size()).isZero();
            assertThat(pending.drain()).isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void drainHandsOverEveryFutureAndEmptiesTheTable() {
        PendingSends pending = new PendingSends();
        for (int i = 0; i < 1000; i++) {
            pending.add(msg(null));
        }
        assertThat(pending.drain()).hasSize(1000).doesNotContainNull();
        assertThat(pending.size()).isZero();
    }
}
