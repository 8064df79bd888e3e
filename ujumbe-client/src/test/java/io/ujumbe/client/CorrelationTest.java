package io.ujumbe.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CorrelationTest {

    private static final Instant NOW = Instant.parse("2025-01-02T03:04:05Z");

    @Test
    void keepsAnImmutableCopyOfTheMetadata() {
        Map<String, String> metadata = new HashMap<>();
        metadata.put("campaign", "spring");
        Correlation c = new Correlation("order-17", metadata, 1, 2, NOW);

        metadata.put("campaign", "autumn");

        assertThat(c.metadata()).containsExactly(Map.entry("campaign", "spring"));
        assertThatThrownBy(() -> c.metadata().put("k", "v")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void singleIsPartOneOfOne() {
        Correlation c = Correlation.single("order-17", Map.of(), NOW);

        assertThat(c.partNumber()).isEqualTo(1);
        assertThat(c.totalParts()).isEqualTo(1);
        assertThat(c.isMultipart()).isFalse();
        assertThat(new Correlation("order-17", Map.of(), 3, 3, NOW).isMultipart()).isTrue();
    }

    @Test
    void rejectsPartNumbersOutsideOneToTotal() {
        assertThatThrownBy(() -> new Correlation("c", Map.of(), 0, 2, NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("partNumber");
        assertThatThrownBy(() -> new Correlation("c", Map.of(), 3, 2, NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("partNumber");
        assertThatThrownBy(() -> new Correlation("c", Map.of(), 1, 0, NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("totalParts");
    }

    @Test
    void rejectsMissingFieldsNamingThem() {
        Map<String, String> withNull = new HashMap<>();
        withNull.put("k", null);

        assertThatThrownBy(() -> new Correlation("", Map.of(), 1, 1, NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("correlationId");
        assertThatThrownBy(() -> new Correlation("c", null, 1, 1, NOW))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("metadata");
        assertThatThrownBy(() -> new Correlation("c", withNull, 1, 1, NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("metadata");
        assertThatThrownBy(() -> new Correlation("c", Map.of(), 1, 1, null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("submittedAt");
    }
}
