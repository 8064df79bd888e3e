package io.ujumbe.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.ujumbe.testkit.RedisServer;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code ujumbe run} with a {@code redis} section, end to end: a real redis-server (with a
 * password, given to the processes through the environment), one simulator process and
 * {@code ujumbe run} processes sharing the Redis outbox, correlation store and rate limit.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunRedisProcessTest {
    private static final Duration RUN = Duration.ofSeconds(40);
    private static final String REDIS_PASSWORD = "rEd1s-pw";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private RedisServer redisServer;
    private RedisClient redisClient;
    private StatefulRedisConnection<String, String> connection;
    private RedisCommands<String, String> redis;
    private CliProcess smsc;
    private int smscPort;
    private int smscHttpPort;

    @BeforeAll
    void startRedisAndSimulator() throws IOException {
        // The password is set at start: one connection, not a connect-configure-close-reconnect
        // sequence (its second connect once failed inside Lettuce's decoder during the handshake).
        redisServer = RedisServer.start("--requirepass", REDIS_PASSWORD);
        redisClient = RedisClient.create();
        connection = redisClient.connect(RedisURI.builder().withHost("127.0.0.1").withPort(redisServer.port())
                .withPassword(REDIS_PASSWORD.toCharArray()).build());
        redis = connection.sync();

        Path config = dir.resolve("smsc.yaml");
        Files.writeString(config, "accounts:\n  - systemId: acme\n    password: secret\nreceiptDelay: 50ms\n");
        smsc = CliProcess.start(dir, "smsc", "--port", "0", "--http-port", "0", "--config", config.toString());
        smscPort = Integer.parseInt(smsc.awaitStdoutLine("listening on port", Duration.ofSeconds(30)));
        smscHttpPort = Integer.parseInt(smsc.awaitStdoutLine("http on port", Duration.ofSeconds(30)));
    }

    @AfterAll
    void stopEverything() throws InterruptedException {
        try {
            smsc.terminate();
            assertThat(smsc.waitFor(Duration.ofSeconds(20))).as("smsc exit status after SIGTERM").isZero();
        } finally {
            // Without the password the test server's own shutdown command would be refused.
            redis.configSet("requirepass", "");
            connection.close();
            redisClient.shutdown();
            redisServer.close();
        }
    }

    @Test
    void twoProcessesShareTheRedisOutboxSendEachMessageOnceAndStopCleanly() throws Exception {
        Path config = writeConfig("shared.yaml", "t1:", String.join("\n",
                "outbox: {type: redis}",
                "http: {port: 0}",
                ""));
        try (CliProcess a = startRun(config); CliProcess b = startRun(config)) {
            awaitHealthy(a);
            awaitHealthy(b);

            // As any producer would, in any language: XADD of the v1 JSON.
            for (int i = 1; i <= 30; i++) {
                redis.xadd("t1:outbox", Map.of("message", "{\"version\":1,\"to\":\"2547000001" + String.format("%02d", i)
                        + "\",\"text\":\"shared " + i + "\",\"correlationId\":\"r-" + i + "\",\"metadata\":{\"n\":\"" + i + "\"}}"));
            }

            awaitOrShow(() -> redis.xlen("t1:outcomes") >= 30 && redis.xlen("t1:receipts") >= 30, a, b);

            List<JsonNode> outcomes = events("t1:outcomes");
            assertThat(outcomes).hasSize(30).allSatisfy(e -> assertThat(e.path("accepted").asBoolean()).isTrue());
            assertThat(ids(outcomes)).hasSize(30).contains("r-1", "r-30");
            List<JsonNode> receipts = events("t1:receipts");
            assertThat(receipts).hasSize(30).allSatisfy(e -> {
                // Matched through the shared correlation store, whichever process the receipt reached.
                assertThat(e.path("matched").asBoolean()).isTrue();
                assertThat(e.path("metadata").path("n").asText()).isEqualTo(e.path("correlationId").asText().substring(2));
            });
            assertThat(ids(receipts)).isEqualTo(ids(outcomes));
            assertThat(smscStats().path("submits").asLong()).as("submissions the SMSC accepted").isEqualTo(30);

            long sentByA = CliProcess.countLines(a.stderr(), "\"message\":\"message accepted\"");
            long sentByB = CliProcess.countLines(b.stderr(), "\"message\":\"message accepted\"");
            assertThat(sentByA + sentByB).isEqualTo(30);
            assertThat(sentByA).as("process a sent some").isPositive();
            assertThat(sentByB).as("process b sent some").isPositive();

            a.terminate();
            b.terminate();
            assertThat(a.waitFor(RUN)).as(a.stderr()).isZero();
            assertThat(b.waitFor(RUN)).as(b.stderr()).isZero();
            for (CliProcess p : List.of(a, b)) {
                assertThat(p.stderr()).contains("\"message\":\"stopped\"").contains("redis://:***@127.0.0.1")
                        .doesNotContain(REDIS_PASSWORD).doesNotContain("secret");
            }
            assertThat(redis.xlen("t1:outbox")).as("every entry acknowledged and deleted").isZero();
        }
    }

    @Test
    void noLogLevelPrintsTheRedisOrSmppPassword() throws Exception {
        // Lettuce's protocol loggers print every command's bytes at TRACE, AUTH and HELLO included.
        Path config = writeConfig("trace.yaml", "t3:", "outbox: {type: redis}\nhttp: {port: 0}\n");
        try (CliProcess p = CliProcess.start(dir, env -> {
            env.put(RunConfig.PASSWORD_ENV, "secret");
            env.put("REDIS_PASSWORD", REDIS_PASSWORD);
        }, "--log-format", "json", "--log-level", "TRACE", "run", "--config", config.toString())) {
            awaitHealthy(p);
            redis.xadd("t3:outbox", Map.of("message",
                    "{\"version\":1,\"to\":\"254700000301\",\"text\":\"traced\",\"correlationId\":\"tr-1\"}"));
            awaitOrShow(() -> redis.xlen("t3:outcomes") >= 1, p);
            p.terminate();
            assertThat(p.waitFor(RUN)).as(p.stderr()).isZero();
            String log = p.stderr();
            assertThat(log).as("verbose logging was on").contains("\"level\":\"DEBUG\"").contains("io.lettuce");
            assertThat(log).doesNotContain(REDIS_PASSWORD).doesNotContain("secret");
        }
    }

    @Test
    void aJsonlSourceFeedsTheRedisOutbox() throws Exception {
        Path messages = dir.resolve("feed.jsonl");
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            lines.add("{\"version\":1,\"to\":\"25470000020" + i + "\",\"text\":\"fed " + i + "\",\"correlationId\":\"f-" + i
                    + "\",\"receipt\":false}");
        }
        lines.add("{\"version\":1,\"to\":\"254700000299\",\"text\":\"typo\",\"reciept\":true}");
        Files.write(messages, lines);
        Path config = writeConfig("feeder.yaml", "t2:", "outbox: {type: jsonl, path: \"" + messages + "\"}\n");
        try (CliProcess p = startRun(config)) {
            awaitOrShow(() -> redis.xlen("t2:outcomes") >= 5, p);
            assertThat(ids(events("t2:outcomes"))).containsExactlyInAnyOrder("f-1", "f-2", "f-3", "f-4", "f-5");
            assertThat(p.stderr()).contains("field 'reciept' is not a field of version 1");
            p.terminate();
            assertThat(p.waitFor(RUN)).as(p.stderr()).isZero();
            assertThat(redis.xlen("t2:outbox")).isZero();
        }
    }

    @Test
    void aBadRedisSettingExits2NamingTheKey() throws Exception {
        Path config = dir.resolve("bad.yaml");
        Files.writeString(config, String.join("\n",
                "smsc: {host: 127.0.0.1, systemId: acme, password: secret}",
                "redis: {uri: \"redis://127.0.0.1:1\", outbox: {maxAttempts: 0}, rateLimit: {burst: 5}}",
                "outbox: {type: redis}",
                ""));
        try (CliProcess p = CliProcess.start(dir, "run", "--config", config.toString())) {
            assertThat(p.waitFor(RUN)).as(p.stderr()).isEqualTo(Main.USAGE);
            assertThat(p.stderr()).contains("redis.outbox.maxAttempts must be 1..1000, was 0")
                    .contains("redis.rateLimit.burst is not a known setting");
        }
    }

    @Test
    void anUnreachableRedisExits1WithoutShowingThePassword() throws Exception {
        Path config = dir.resolve("unreachable.yaml");
        Files.writeString(config, String.join("\n",
                "smsc: {host: 127.0.0.1, systemId: acme, password: secret}",
                "redis: {uri: \"redis://:${REDIS_PASSWORD}@127.0.0.1:1/0\", commandTimeout: 2s}",
                "outbox: {type: redis}",
                ""));
        try (CliProcess p = CliProcess.start(dir, env -> env.put("REDIS_PASSWORD", REDIS_PASSWORD),
                "run", "--config", config.toString())) {
            assertThat(p.waitFor(RUN)).as(p.stderr()).isEqualTo(Main.FAILED);
            assertThat(p.stderr()).contains("cannot set up the Redis components").contains("redis://:***@127.0.0.1:1/0")
                    .doesNotContain(REDIS_PASSWORD);
        }
    }

    // ---- helpers -------------------------------------------------------------------------------

    private Path writeConfig(String name, String keyPrefix, String outboxAndMore) throws IOException {
        Path config = dir.resolve(name);
        Files.writeString(config, String.join("\n",
                "smsc: {host: 127.0.0.1, port: " + smscPort + ", systemId: acme, password: \"${UJUMBE_PASSWORD}\", windowSize: 2}",
                "client: {ratePerSecond: 100}",
                "redis:",
                "  uri: \"redis://:${REDIS_PASSWORD}@127.0.0.1:" + redisServer.port() + "/0\"",
                "  keyPrefix: \"" + keyPrefix + "\"",
                "  outbox: {claimIdle: 10s}",
                "  events: {outcomes: \"" + keyPrefix + "outcomes\", receipts: \"" + keyPrefix + "receipts\"}",
                outboxAndMore));
        return config;
    }

    private CliProcess startRun(Path config) {
        return CliProcess.start(dir, env -> {
            env.put(RunConfig.PASSWORD_ENV, "secret");
            env.put("REDIS_PASSWORD", REDIS_PASSWORD);
        }, "--log-format", "json", "run", "--config", config.toString());
    }

    /** Waits for {@code condition}; on timeout fails with the processes' logs, which say why. */
    private static void awaitOrShow(Callable<Boolean> condition, CliProcess... processes) {
        try {
            await().atMost(RUN).pollInterval(Duration.ofMillis(100)).until(condition);
        } catch (ConditionTimeoutException e) {
            StringBuilder logs = new StringBuilder(e.getMessage());
            for (CliProcess p : processes) {
                logs.append("\n---- stderr:\n").append(p.stderr());
            }
            throw new AssertionError(logs.toString(), e);
        }
    }

    private static void awaitHealthy(CliProcess p) {
        int port = Integer.parseInt(p.awaitStdoutLine("http on port", Duration.ofSeconds(30)));
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(RUN).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
    }

    private JsonNode smscStats() throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + smscHttpPort + "/stats")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private List<JsonNode> events(String stream) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (StreamMessage<String, String> m : redis.xrange(stream, Range.create("-", "+"))) {
            out.add(JSON.readTree(m.getBody().get("event")));
        }
        return out;
    }

    private static Set<String> ids(List<JsonNode> events) {
        Set<String> ids = new HashSet<>();
        events.forEach(e -> ids.add(e.path("correlationId").asText()));
        return ids;
    }
}
