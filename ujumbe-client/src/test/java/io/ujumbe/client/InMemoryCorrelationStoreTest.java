package io.ujumbe.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class InMemoryCorrelationStoreTest {

    private static final Instant SUBMITTED = Instant.parse("2025-01-02T03:04:05Z");

    private final AtomicLong ticker = new AtomicLong(42);
    private final InMemoryCorrelationStore store = InMemoryCorrelationStore.builder()
            .ttl(Duration.ofHours(1))
            .nanoTime(ticker::get)
            .build();

    @Test
    void getReturnsWhatWasPut() {
        Correlation c = new Correlation("order-17", Map.of("campaign", "spring"), 2, 3, SUBMITTED);

        store.put("0a1b2c", c).toCompletableFuture().join();

        assertThat(get("0a1b2c")).contains(c);
        assertThat(get("0A1B2C")).as("ids are matched exactly").isEmpty();
        assertThat(get("unknown")).isEmpty();
    }

    @Test
    void putReplacesAndRemoveForgets() {
        store.put("id", Correlation.single("first", Map.of(), SUBMITTED));
        store.put("id", Correlation.single("second", Map.of(), SUBMITTED));
        assertThat(get("id")).map(Correlation::correlationId).contains("second");

        store.remove("id").toCompletableFuture().join();
        assertThat(get("id")).isEmpty();
        // Removing what is not there is not an error.
        assertThat(store.remove("id").toCompletableFuture().join()).isNull();
    }

    @Test
    void everyCallCompletesAtOnce() {
        Correlation c = Correlation.single("x", Map.of(), SUBMITTED);

        assertThat(store.put("a", c).toCompletableFuture()).isDone();
        assertThat(store.get("a").toCompletableFuture()).isDone();
        assertThat(store.remove("a").toCompletableFuture()).isDone();
    }

    @Test
    void onTheSystemClockAPutAgesFromTheTimeItsCallerRead() {
        // The dispatcher reads System.nanoTime() once per burst and hands it to the puts.
        InMemoryCorrelationStore system = InMemoryCorrelationStore.builder().ttl(Duration.ofSeconds(60)).build();
        long now = System.nanoTime();
        system.put("old", Correlation.single("x", Map.of(), SUBMITTED), now - Duration.ofSeconds(61).toNanos());
        system.put("new", Correlation.single("y", Map.of(), SUBMITTED), now);

        assertThat(system.get("old").toCompletableFuture().join()).as("aged from the time given").isEmpty();
        assertThat(system.get("new").toCompletableFuture().join()).isPresent();
    }

    @Test
    void onItsOwnClockAStoreIgnoresTheTimeAPutIsGiven() {
        store.put("id", Correlation.single("x", Map.of(), SUBMITTED), ticker.get() - Duration.ofDays(30).toNanos());

        assertThat(get("id")).isPresent();
        ticker.addAndGet(Duration.ofHours(1).toNanos());
        assertThat(get("id")).as("an hour on its own clock").isEmpty();
    }

    @Test
    void entriesExpireAfterTheTtl() {
        store.put("id", Correlation.single("x", Map.of(), SUBMITTED));

        ticker.addAndGet(Duration.ofHours(1).toNanos() - 1);
        assertThat(get("id")).isPresent();

        ticker.addAndGet(2);
        assertThat(get("id")).isEmpty();
        assertThat(store.size()).isZero();
    }

    @Test
    void holdsNoMoreThanTheMaximumSize() {
        InMemoryCorrelationStore small = InMemoryCorrelationStore.builder()
                .maximumSize(100).nanoTime(ticker::get).build();

        for (int i = 0; i < 1_000; i++) {
            small.put("id-" + i, Correlation.single("c-" + i, Map.of(), SUBMITTED));
        }

        assertThat(small.size()).isEqualTo(100);
    }

    @Test
    void whenFullTheOldestEntriesGoFirst() {
        InMemoryCorrelationStore small = InMemoryCorrelationStore.builder()
                .maximumSize(3).nanoTime(ticker::get).build();
        for (int i = 0; i < 5; i++) {
            small.put("id-" + i, Correlation.single("c-" + i, Map.of(), SUBMITTED));
        }

        assertThat(small.get("id-0").toCompletableFuture().join()).isEmpty();
        assertThat(small.get("id-1").toCompletableFuture().join()).isEmpty();
        for (int i = 2; i < 5; i++) {
            assertThat(small.get("id-" + i).toCompletableFuture().join()).isPresent();
        }
    }

    @Test
    void aReplacedEntryLivesTheFullTtlFromItsLastPut() {
        store.put("id", Correlation.single("first", Map.of(), SUBMITTED));
        ticker.addAndGet(Duration.ofMinutes(40).toNanos());
        store.put("id", Correlation.single("second", Map.of(), SUBMITTED));
        store.put("other", Correlation.single("other", Map.of(), SUBMITTED));

        ticker.addAndGet(Duration.ofMinutes(40).toNanos());
        assertThat(get("id")).map(Correlation::correlationId).contains("second");
        ticker.addAndGet(Duration.ofMinutes(20).toNanos());
        assertThat(get("id")).isEmpty();
        assertThat(get("other")).isEmpty();
    }

    @Test
    void aPutDropsEveryExpiredEntry() {
        for (int i = 0; i < 10; i++) {
            store.put("old-" + i, Correlation.single("c-" + i, Map.of(), SUBMITTED));
        }
        ticker.addAndGet(Duration.ofHours(2).toNanos());
        store.put("new", Correlation.single("new", Map.of(), SUBMITTED));

        assertThat(store.size()).isEqualTo(1);
        assertThat(get("new")).isPresent();
    }

    @Test
    void behavesAsAMapInPutOrderThroughGrowthHolesWrapAroundAndExpiry() {
        behavesAsAMap(120, 50_000, 14);
    }

    @Test
    void behavesAsAMapWhenMostPutsEvictTheOldestLapAfterLap() {
        // Many more ids than the maximum: nearly every put evicts the head and unlinks its index
        // entry (CorrelationRing's backward shift), lap after lap.
        behavesAsAMap(3_000, 200_000, 15);
    }

    private void behavesAsAMap(int ids, int steps, long seed) {
        // The ring starts at 16 slots and grows to 62 (50 + a quarter), wrapping and squeezing out
        // the holes that removals and replacements leave; the model is the map it stands for. Some
        // ids are kept outside the byte arena: empty, beyond Latin-1, longer than 255 characters; phases
        // of long correlation ids fill the arena until it must wrap, or grow.
        int max = 50;
        InMemoryCorrelationStore small = InMemoryCorrelationStore.builder().maximumSize(max)
                .ttl(Duration.ofSeconds(100)).nanoTime(ticker::get).build();
        long ttl = Duration.ofSeconds(100).toNanos();
        java.util.LinkedHashMap<String, Object[]> model = new java.util.LinkedHashMap<>();
        java.util.Random random = new java.util.Random(seed);
        for (int step = 0; step < steps; step++) {
            String id = anId(random.nextInt(ids));
            int op = random.nextInt(10);
            ticker.addAndGet(random.nextInt(4) == 0 ? Duration.ofSeconds(random.nextInt(3)).toNanos() : 1);
            long now = ticker.get();
            if (op < 6) {
                Correlation c = new Correlation(step % 11 == 0 ? "\u0645\u0631\u062d\u0628\u0627-" + step
                        : "c-" + step + "-".repeat(step / 700 % 2 == 1 ? random.nextInt(250) : 0), step % 7 == 0 ? Map.of("k", "v" + step) : Map.of(),
                        1 + step % 3, 3, SUBMITTED.plusSeconds(step));
                small.put(id, c);
                dropExpiredHead(model, now, ttl);
                model.remove(id);
                while (model.size() >= max) {
                    model.remove(model.keySet().iterator().next());
                }
                model.put(id, new Object[] {c, now});
            } else if (op < 8) {
                small.remove(id);
                model.remove(id);
            } else if (op == 8) {
                // Reading ahead, as the dispatcher does before a burst of puts, changes nothing:
                // ids stored or not, a null one, more of them than the store holds.
                String[] ahead = new String[1 + random.nextInt(2 * max)];
                for (int k = 0; k < ahead.length; k++) {
                    ahead[k] = k == 1 ? null : anId(random.nextInt(ids));
                }
                small.prefetch(ahead, ahead.length);
            }
            String probe = anId(random.nextInt(ids));
            Object[] e = model.get(probe);
            Optional<Correlation> expected = e == null || now - (long) e[1] >= ttl
                    ? Optional.empty() : Optional.of((Correlation) e[0]);
            assertThat(small.get(probe).toCompletableFuture().join()).as("step %d, %s", step, probe).isEqualTo(expected);
            if (step % 100 == 0) {
                dropExpiredHead(model, now, ttl);
                assertThat(small.size()).as("step %d", step).isEqualTo(model.size());
            }
        }
    }

    @Test
    void theIdsArenaWrapsAroundButNeverWritesOverAnEntryItHolds() {
        // White-box: the arena starts at 512 bytes; each entry here takes 150 (id + correlation id)
        // or 100. A, B, C fill 0..450; D drops A (the maximum is 3) and wraps to 0..100; with C
        // removed (a hole keeps its bytes) E has no room before B at 150: the arena must grow.
        InMemoryCorrelationStore small = InMemoryCorrelationStore.builder().maximumSize(3).nanoTime(ticker::get).build();
        Map<String, Correlation> put = new java.util.LinkedHashMap<>();
        for (String id : List.of("A", "B", "C", "D", "E")) {
            int length = id.compareTo("D") < 0 ? 150 : 100;
            Correlation c = Correlation.single(id.toLowerCase().repeat(length - 1), Map.of(), SUBMITTED);
            small.put(id, c);
            put.put(id, c);
            if (id.equals("D")) {
                small.remove("C");
                put.remove("C");
            }
        }
        put.remove("A");
        for (Map.Entry<String, Correlation> e : put.entrySet()) {
            assertThat(small.get(e.getKey()).toCompletableFuture().join()).as(e.getKey()).contains(e.getValue());
        }
        assertThat(small.get("A").toCompletableFuture().join()).isEmpty();
        assertThat(small.size()).isEqualTo(3);
    }

    private static String anId(int i) {
        if (i == 0) {
            return "";
        }
        if (i % 17 == 0) {
            return "\u20ac" + i;
        }
        return i % 29 == 0 ? "x".repeat(300) + i : "id-" + i;
    }

    private static void dropExpiredHead(java.util.LinkedHashMap<String, Object[]> model, long now, long ttl) {
        java.util.Iterator<Object[]> it = model.values().iterator();
        while (it.hasNext()) {
            if (now - (long) it.next()[1] < ttl) {
                return;
            }
            it.remove();
        }
    }

    @Test
    void defaultsAreThreeDaysAndAMillionEntries() {
        InMemoryCorrelationStore defaults = InMemoryCorrelationStore.withDefaults();

        assertThat(defaults.ttl()).isEqualTo(Duration.ofDays(3));
        assertThat(defaults.maximumSize()).isEqualTo(1_000_000);
    }

    @Test
    void rejectsBadSettingsAndNullIds() {
        assertThatThrownBy(() -> InMemoryCorrelationStore.builder().ttl(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ttl");
        assertThatThrownBy(() -> InMemoryCorrelationStore.builder().maximumSize(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maximumSize");
        assertThatThrownBy(() -> store.get(null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("messageId");
        assertThatThrownBy(() -> store.put("id", null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("correlation");
    }

    private Optional<Correlation> get(String id) {
        return store.get(id).toCompletableFuture().join();
    }
}
