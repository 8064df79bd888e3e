package io.ujumbe.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
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
