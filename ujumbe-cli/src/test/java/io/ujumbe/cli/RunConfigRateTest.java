package io.ujumbe.cli;

import io.ujumbe.client.ClientConfig;
import io.ujumbe.client.PercentageThrottleHandler;
import io.ujumbe.client.TokenBucketRateLimiter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code ujumbe run}'s rate, burst, throttle and pause keys reach the client, and bad values name their key. */
class RunConfigRateTest {
    private static final String SMSC = "smsc: {host: h, systemId: a, password: p}\noutbox: {path: '-'}\n";

    @TempDir
    Path dir;

    private Path write(String content) throws Exception {
        Path p = dir.resolve("c.yaml");
        Files.writeString(p, SMSC + content);
        return p;
    }

    @Test
    void everyRateAndThrottleKeyReachesTheClient() throws Exception {
        RunConfig config = RunConfig.load(write(String.join("\n",
                "client:",
                "  ratePerSecond: 35",
                "  burst: 5",
                "  pauseOnThrottle: 2s",
                "  throttle:",
                "    samplingPeriod: 10s",
                "    sampleSize: 20",
                "    denyRequestAt: 5",
                "    wait: 500ms",
                "    maxWait: 8s",
                "")), Map.of());
        ClientConfig client = config.clientBuilder().build();

        assertThat(client.rateLimiter()).isInstanceOfSatisfying(TokenBucketRateLimiter.class, l -> {
            assertThat(l.permitsPerSecond()).isEqualTo(35.0);
            assertThat(l.burst()).isEqualTo(5);
        });
        assertThat(client.throttleHandler()).isInstanceOfSatisfying(PercentageThrottleHandler.class, t -> {
            assertThat(t.samplingPeriod()).isEqualTo(Duration.ofSeconds(10));
            assertThat(t.sampleSize()).isEqualTo(20);
            assertThat(t.denyRequestAt()).isEqualTo(5.0);
            assertThat(t.throttleWait()).isEqualTo(Duration.ofMillis(500));
            assertThat(t.maxThrottleWait()).isEqualTo(Duration.ofSeconds(8));
        });
        assertThat(client.pauseOnThrottle()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void theDefaultsKeepTheContractAndPauseBriefly() throws Exception {
        ClientConfig client = RunConfig.load(write("client: {ratePerSecond: 35}\n"), Map.of()).clientBuilder().build();

        assertThat(((TokenBucketRateLimiter) client.rateLimiter()).burst()).isEqualTo(1);
        PercentageThrottleHandler t = (PercentageThrottleHandler) client.throttleHandler();
        assertThat(t.samplingPeriod()).isEqualTo(Duration.ofSeconds(180));
        assertThat(t.sampleSize()).isEqualTo(50);
        assertThat(t.denyRequestAt()).isEqualTo(1.0);
        assertThat(t.throttleWait()).isEqualTo(Duration.ofSeconds(1));
        assertThat(t.maxThrottleWait()).isEqualTo(Duration.ofSeconds(30));
        assertThat(client.pauseOnThrottle()).isZero();
    }

    @Test
    void badValuesNameTheirKeys() throws Exception {
        Path file = write(String.join("\n",
                "client:",
                "  burst: 0",
                "  pauseOnThrottle: soon",
                "  throttle: {sampleSize: 0, denyRequestAt: 101, wait: 2h, colour: red}",
                ""));
        assertThatThrownBy(() -> RunConfig.load(file, Map.of()))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactlyInAnyOrder(
                        "client.burst must be 1..1000000, was 0",
                        "client.burst needs client.ratePerSecond (without a rate nothing is limited)",
                        "client.pauseOnThrottle must be a duration like 500ms, 10s, 2m, 3d or PT10S, was 'soon'",
                        "client.throttle.sampleSize must be 1..1000000000, was 0",
                        "client.throttle.denyRequestAt must be 0.0..100.0, was 101.0",
                        "client.throttle.wait must be at most 1h, was 7200s",
                        "client.throttle.colour is not a known setting (allowed here: samplingPeriod, sampleSize, "
                                + "denyRequestAt, wait, maxWait)"));
    }
}
