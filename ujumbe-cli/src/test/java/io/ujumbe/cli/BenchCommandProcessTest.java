package io.ujumbe.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ujumbe bench} as a separate JVM against the in-process simulator: the JSON has the fields
 * scripts read and its counts match the run. No figure is asserted, only that it is there.
 */
class BenchCommandProcessTest {
    private static final Duration RUN = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void embeddedRunPrintsOneJsonObjectWithMatchingCounts() throws Exception {
        try (CliProcess p = CliProcess.start(dir, "--log-level", "WARN", "bench", "--embedded",
                "--count", "300", "--window", "10", "--sessions", "2", "--size", "30", "--json")) {
            assertThat(p.waitFor(RUN)).as(p.stderr()).isZero();
            String out = p.stdout().trim();
            assertThat(out.lines().count()).as(out).isEqualTo(1);
            JsonNode json = new ObjectMapper().readTree(out);
            assertThat(json.path("client").asText()).isEqualTo("ujumbe");
            assertThat(json.path("count").asInt()).isEqualTo(300);
            assertThat(json.path("accepted").asInt()).isEqualTo(300);
            assertThat(json.path("failed").asInt()).isZero();
            assertThat(json.path("window").asInt()).isEqualTo(10);
            assertThat(json.path("sessions").asInt()).isEqualTo(2);
            assertThat(json.path("throughput_per_s").isNumber()).as(out).isTrue();
            assertThat(json.path("throughput_per_s").asDouble()).isPositive();
            for (String p99 : new String[]{"p50", "p90", "p99", "max"}) {
                assertThat(json.path("latency_ms").path(p99).isNumber()).as(p99 + " in " + out).isTrue();
            }
            assertThat(json.path("latency_ms").path("p99").asDouble())
                    .isLessThanOrEqualTo(json.path("latency_ms").path("max").asDouble());
            assertThat(json.path("cpu_s").isNumber()).isTrue();
            assertThat(json.path("heap_used_mb").isNumber()).isTrue();
        }
    }

    @Test
    void pacedRunWithWarmupPrintsText() throws Exception {
        try (CliProcess p = CliProcess.start(dir, "--log-level", "WARN", "bench", "--embedded",
                "--count", "50", "--warmup", "20", "--window", "5", "--rate", "500")) {
            assertThat(p.waitFor(RUN)).as(p.stderr()).isZero();
            assertThat(p.stdout()).contains("sent 50 (accepted 50, failed 0)").contains("throughput")
                    .contains("latency ms  p50").contains("cpu").contains("heap used");
        }
    }

    @Test
    void badWindowIsAUsageError() throws Exception {
        try (CliProcess p = CliProcess.start(dir, "bench", "--embedded", "--count", "10", "--window", "0")) {
            assertThat(p.waitFor(RUN)).isEqualTo(Main.USAGE);
            assertThat(p.stderr()).contains("--window must be in 1..100000, was 0");
        }
    }
}
