package io.ujumbe.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ujumbe.smsc.SmscAccount;
import io.ujumbe.smsc.SmscConfig;
import io.ujumbe.smsc.SmscSimulator;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * What an operator sees, from the real command run as a process with {@code --log-format json
 * --log-level DEBUG}: every line of stderr is a JSON object (log events, the final error lines,
 * usage and configuration errors), the client's events carry its identity and the configured
 * {@code logMetadata}, each bind state change is one event; {@code /metrics} of {@code ujumbe run}
 * and {@code ujumbe smsc} has the JVM and process metrics, the latency histogram's fixed buckets,
 * the failed counter at 0 before any failure, and a {@code client} tag that is {@code client.id}
 * or the same {@code systemId@host:port} on every start.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObservabilityProcessTest {
    private static final Duration RUN = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private SmscSimulator smsc;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    void startSimulator() {
        smsc = SmscSimulator.start(SmscConfig.builder().port(0).account(SmscAccount.allowingAll("acme", "secret"))
                .receiptDelay(Duration.ofMillis(20)).build());
    }

    @AfterAll
    void stopSimulator() {
        smsc.close();
    }

    @Test
    void runLogsOnlyJsonWithTheIdentityOnEveryEventAndServesJvmMetricsAndTheHistogram() throws Exception {
        Path messages = dir.resolve("three.jsonl");
        Files.write(messages, List.of(
                "{\"version\":1,\"to\":\"254700000001\",\"text\":\"one\",\"correlationId\":\"o-1\"}",
                "{\"version\":1,\"to\":\"254700000002\",\"text\":\"two\",\"correlationId\":\"o-2\"}",
                "{\"version\":1,\"to\":\"254700000003\",\"text\":\"three\",\"correlationId\":\"o-3\"}"));
        Path config = runConfig("named.yaml", messages, "  id: billing-1\n");
        try (CliProcess p = start("--log-format", "json", "--log-level", "DEBUG", "run", "--config", config.toString())) {
            int httpPort = Integer.parseInt(p.awaitStdoutLine("http on port", Duration.ofSeconds(30)));
            await().atMost(RUN).pollInterval(Duration.ofMillis(100))
                    .until(() -> CliProcess.countLines(p.stderr(), "\"message\":\"receipt\"") == 3);
            String metrics = scrape(httpPort);
            p.terminate();
            assertThat(p.waitFor(RUN)).as(p.stderr()).isZero();

            assertProcessMetrics(metrics);
            assertThat(metrics).contains("ujumbe_messages_accepted_total{client=\"billing-1\"} 3");
            assertThat(metrics).as("failed exists at 0 before any failure")
                    .contains("ujumbe_messages_failed_total{client=\"billing-1\",status=\"exception\"} 0")
                    .contains("ujumbe_messages_failed_total{client=\"billing-1\",status=\"ESME_RTHROTTLED\"} 0");
            assertThat(metrics).contains("ujumbe_receipts_total{client=\"billing-1\",state=\"UNDELIVERABLE\"} 0");
            for (String le : new String[]{"0.001", "0.002", "0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1.0",
                    "2.5", "5.0", "10.0", "+Inf"}) {
                assertThat(metrics).contains("ujumbe_response_latency_seconds_bucket{client=\"billing-1\",le=\"" + le + "\"}");
            }
            assertThat(metrics).contains("ujumbe_response_latency_seconds_bucket{client=\"billing-1\",le=\"+Inf\"} 3");
            assertThat(metrics).as("no client-side percentiles").doesNotContain("quantile=");
            assertThat(clientTags(metrics)).containsOnly("billing-1");

            List<JsonNode> events = everyLineIsJson(p.stderr());
            for (JsonNode e : afterTheConfigIsRead(events)) {
                // Every event of the process: the client and the configured metadata.
                assertThat(e.path("client").asText()).as(e.toString()).isEqualTo("billing-1");
                assertThat(e.path("app").asText()).as(e.toString()).isEqualTo("billing");
                assertThat(e.path("systemId").asText()).as(e.toString()).isEqualTo("acme");
                assertThat(e.path("smsc").asText()).as(e.toString()).isEqualTo("127.0.0.1:" + smsc.port());
            }
            List<JsonNode> library = new ArrayList<>();
            for (JsonNode e : events) {
                String logger = e.path("logger").asText();
                if (logger.startsWith("io.ujumbe.client.") || logger.startsWith("io.ujumbe.session.")) {
                    library.add(e);
                }
            }
            assertThat(library).as("client and session events at DEBUG").hasSizeGreaterThan(5);
            assertThat(library).allSatisfy(e -> assertThat(e.has("session")).as(e.toString()).isTrue());
            assertThat(library).anyMatch(e -> e.path("message").asText().equals("pdu out") && e.path("session").isTextual());
            assertStateChangesOnce(events, 1);
            assertThat(events).anyMatch(e -> e.path("message").asText().equals("receipt") && e.path("session").isTextual());
        }
    }

    @Test
    void theClientTagDefaultsToSystemIdAtHostAndPortOnEveryStart() throws Exception {
        Path messages = dir.resolve("one.jsonl");
        Files.write(messages, List.of("{\"version\":1,\"to\":\"254700000001\",\"text\":\"one\"}"));
        Path config = runConfig("unnamed.yaml", messages, "");
        String expected = "acme@127.0.0.1:" + smsc.port();
        for (int start = 1; start <= 2; start++) {
            try (CliProcess p = start("--log-format", "json", "run", "--config", config.toString())) {
                int httpPort = Integer.parseInt(p.awaitStdoutLine("http on port", Duration.ofSeconds(30)));
                await().atMost(RUN).pollInterval(Duration.ofMillis(100))
                        .until(() -> CliProcess.countLines(p.stderr(), "\"message\":\"message accepted\"") == 1);
                String metrics = scrape(httpPort);
                p.terminate();
                assertThat(p.waitFor(RUN)).as(p.stderr()).isZero();
                assertThat(clientTags(metrics)).as("start " + start).containsOnly(expected);
                assertThat(afterTheConfigIsRead(everyLineIsJson(p.stderr()))).allSatisfy(e ->
                        assertThat(e.path("client").asText()).as(e.toString()).isEqualTo(expected));
            }
        }
    }

    @Test
    void sendWithARejectedBindEndsWithAJsonErrorLine() throws Exception {
        try (CliProcess p = start("--log-format", "json", "--log-level", "DEBUG", "send", "--port",
                Integer.toString(smsc.port()), "--system-id", "acme", "--password", "wrong", "--to", "254700000001",
                "--text", "x", "--bind-timeout", "20")) {
            assertThat(p.waitFor(RUN)).as(p.stderr()).isEqualTo(Main.FAILED);
            List<JsonNode> events = everyLineIsJson(p.stderr());
            JsonNode last = events.get(events.size() - 1);
            assertThat(last.path("level").asText()).isEqualTo("ERROR");
            assertThat(last.path("command").asText()).isEqualTo("send");
            assertThat(last.path("exitStatus").asInt()).isEqualTo(Main.FAILED);
            assertThat(last.path("message").asText()).contains("bind rejected").contains("ESME_RINVPASWD");
            List<JsonNode> rejections = new ArrayList<>();
            for (JsonNode e : events) {
                if (e.path("message").asText().startsWith("bind rejected by the SMSC")) {
                    rejections.add(e);
                }
            }
            assertThat(rejections).as("the rejection, logged once by the client").hasSize(1);
            assertThat(rejections.get(0).path("client").asText()).isEqualTo("acme@127.0.0.1:" + smsc.port());
            assertStateChangesOnce(events, 1);
            // Nothing was accepted: the message gets its failed line and the summary says so.
            assertThat(p.stdout()).doesNotContain("accepted  ").contains("failed    msg-1", "accepted 0");
        }
    }

    @Test
    void usageErrorsAreJsonLines() throws Exception {
        try (CliProcess p = start("--log-format", "json", "send", "--system-id", "acme", "--password", "p", "--to", "1",
                "--text", "x", "--bogus")) {
            assertThat(p.waitFor(RUN)).isEqualTo(Main.USAGE);
            List<JsonNode> lines = everyLineIsJson(p.stderr());
            assertThat(lines).hasSize(1);
            assertThat(lines.get(0).path("message").asText()).contains("--bogus");
            assertThat(lines.get(0).path("command").asText()).isEqualTo("send");
            assertThat(lines.get(0).path("exitStatus").asInt()).isEqualTo(Main.USAGE);
            assertThat(lines.get(0).path("help").asText()).isEqualTo("ujumbe send --help");
        }
        try (CliProcess p = start("--log-format=JSON")) {
            assertThat(p.waitFor(RUN)).isEqualTo(Main.USAGE);
            List<JsonNode> lines = everyLineIsJson(p.stderr());
            assertThat(lines).hasSize(1);
            assertThat(lines.get(0).path("message").asText()).contains("a command is required");
        }
        try (CliProcess p = start("--log-format", "json", "send", "--system-id", "acme", "--to", "1", "--text", "x")) {
            assertThat(p.waitFor(RUN)).isEqualTo(Main.USAGE);
            assertThat(everyLineIsJson(p.stderr())).anyMatch(e -> e.path("message").asText().contains("--password is required"));
        }
    }

    @Test
    void configErrorsAreJsonLinesNamingTheKeys() throws Exception {
        Path config = dir.resolve("bad.yaml");
        Files.writeString(config, "smsc:\n  host: h\n  systemId: a\n  password: p\n  hots: 1\n"
                + "logMetadata:\n  client: mine\noutbox:\n  path: \"-\"\n");
        try (CliProcess p = start("--log-format", "json", "--log-level", "DEBUG", "run", "--config", config.toString())) {
            assertThat(p.waitFor(RUN)).isEqualTo(Main.USAGE);
            List<JsonNode> lines = everyLineIsJson(p.stderr());
            assertThat(lines).extracting(e -> e.path("message").asText())
                    .anyMatch(m -> m.contains("smsc.hots is not a known setting"))
                    .anyMatch(m -> m.contains("logMetadata.client is reserved"));
            assertThat(lines).allSatisfy(e -> assertThat(e.path("exitStatus").asInt()).isEqualTo(Main.USAGE));
        }
        try (CliProcess p = start("--log-format", "json", "--log-level", "OFF", "run", "--config", "missing.yaml")) {
            assertThat(p.waitFor(RUN)).isEqualTo(Main.USAGE);
            List<JsonNode> lines = everyLineIsJson(p.stderr());
            assertThat(lines).as("the error line is printed even with logging off").hasSize(1);
            assertThat(lines.get(0).path("message").asText()).contains("missing.yaml").contains("cannot be read");
        }
    }

    @Test
    void theSimulatorServesJvmMetricsAndItsCountersAndLogsOnlyJson() throws Exception {
        try (CliProcess p = start("--log-format", "json", "--log-level", "DEBUG", "smsc", "--port", "0", "--http-port", "0")) {
            p.awaitStdoutLine("listening on port", Duration.ofSeconds(30));
            int httpPort = Integer.parseInt(p.awaitStdoutLine("http on port", Duration.ofSeconds(30)));
            String metrics = scrape(httpPort);
            p.terminate();
            assertThat(p.waitFor(RUN)).as(p.stderr()).isZero();
            assertProcessMetrics(metrics);
            assertThat(metrics).contains("ujumbe_smsc_submits_total 0", "ujumbe_smsc_binds_total{result=\"rejected\"} 0",
                    "ujumbe_smsc_faults_total{fault=\"throttled\"} 0", "ujumbe_smsc_messages{state=\"DELIVERED\"} 0",
                    "ujumbe_smsc_sessions 0");
            assertThat(everyLineIsJson(p.stderr())).anyMatch(e -> e.path("message").asText().equals("SMSC simulator listening"));
        }
    }

    // ---- helpers -------------------------------------------------------------------------------

    private CliProcess start(String... args) {
        // A JVM option variable makes the JVM itself print a plain line first; not ujumbe's output.
        return CliProcess.start(dir, env -> {
            env.remove("JAVA_TOOL_OPTIONS");
            env.remove("JDK_JAVA_OPTIONS");
            env.remove("_JAVA_OPTIONS");
        }, args);
    }

    private Path runConfig(String name, Path messages, String clientSection) throws IOException {
        Path config = dir.resolve(name);
        Files.writeString(config, "smsc:\n  host: 127.0.0.1\n  port: " + smsc.port() + "\n  systemId: acme\n"
                + "  password: secret\nclient:\n  ratePerSecond: 100\n" + clientSection
                + "logMetadata:\n  app: billing\noutbox:\n  type: jsonl\n  path: \"" + messages + "\"\n"
                + "http:\n  port: 0\ndrainTimeout: 5s\n");
        return config;
    }

    private String scrape(int port) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    private static void assertProcessMetrics(String metrics) {
        assertThat(metrics).contains("jvm_memory_used_bytes{", "jvm_gc_", "jvm_threads_live_threads",
                "jvm_classes_loaded_classes", "process_cpu_usage", "process_uptime_seconds", "process_start_time_seconds",
                "process_files_open_files");
    }

    private static List<String> clientTags(String metrics) {
        List<String> tags = new ArrayList<>();
        Matcher m = Pattern.compile("client=\"([^\"]*)\"").matcher(metrics);
        while (m.find()) {
            tags.add(m.group(1));
        }
        assertThat(tags).as("client-tagged series").isNotEmpty();
        return tags;
    }

    /** Parses every line of {@code stderr}; fails naming the first line that is not a JSON object. */
    private static List<JsonNode> everyLineIsJson(String stderr) {
        List<JsonNode> events = new ArrayList<>();
        for (String line : stderr.split("\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            try {
                JsonNode node = JSON.readTree(line);
                assertThat(node.isObject()).as(line).isTrue();
                assertThat(node.path("level").isTextual()).as(line).isTrue();
                events.add(node);
            } catch (IOException e) {
                fail("a line of stderr is not JSON: " + line + "\nall of stderr:\n" + stderr);
            }
        }
        assertThat(events).as("stderr lines").isNotEmpty();
        return events;
    }

    /**
     * The events from the first that names the client on. Before the configuration file is read the
     * process cannot know the client (Micrometer announces its logger while the file is checked);
     * from then on every event must name it.
     */
    private static List<JsonNode> afterTheConfigIsRead(List<JsonNode> events) {
        int first = 0;
        while (first < events.size() && !events.get(first).has("client")) {
            first++;
        }
        assertThat(first).as("events before the configuration is read: " + events.subList(0, first)).isLessThanOrEqualTo(2);
        assertThat(events.subList(0, first)).allSatisfy(e -> assertThat(e.path("logger").asText()).startsWith("io.micrometer."));
        return events.subList(first, events.size());
    }

    /**
     * Each ESME session's bind state changes appear once each, chained from OPEN to CLOSED, and no
     * other event repeats them.
     */
    private static void assertStateChangesOnce(List<JsonNode> events, int minSessions) {
        Map<String, List<String>> changes = new LinkedHashMap<>();
        for (JsonNode e : events) {
            String m = e.path("message").asText();
            assertThat(m).as("a second event for a bind change").isNotIn("bound", "closed", "bind state");
            if (m.equals("state changed") && "ESME".equals(e.path("role").asText())) {
                changes.computeIfAbsent(e.path("session").asText(), k -> new ArrayList<>())
                        .add(e.path("from").asText() + ">" + e.path("to").asText());
            }
        }
        assertThat(changes.size()).isGreaterThanOrEqualTo(minSessions);
        for (Map.Entry<String, List<String>> c : changes.entrySet()) {
            List<String> seq = c.getValue();
            assertThat(seq).as(c.getKey()).doesNotHaveDuplicates();
            assertThat(seq.get(0)).as(c.getKey() + " " + seq).startsWith("OPEN>");
            assertThat(seq.get(seq.size() - 1)).as(c.getKey() + " " + seq).endsWith(">CLOSED");
            for (int i = 1; i < seq.size(); i++) {
                assertThat(seq.get(i)).as(c.getKey() + " " + seq).startsWith(seq.get(i - 1).split(">")[1] + ">");
            }
        }
    }
}
