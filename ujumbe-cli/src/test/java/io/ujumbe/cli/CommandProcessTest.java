package io.ujumbe.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code ujumbe} command end to end, each run a separate JVM as a user would start it; one
 * simulator process ({@code ujumbe smsc}) serves the tests that need an SMSC.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommandProcessTest {
    private static final Duration RUN = Duration.ofSeconds(40);

    @TempDir
    static Path dir;

    private CliProcess smsc;
    private int smscPort;

    @BeforeAll
    void startSimulator() throws IOException {
        Path config = dir.resolve("smsc.yaml");
        Files.writeString(config, String.join("\n",
                "accounts:",
                "  - systemId: acme",
                "    password: secret",
                "receiptDelay: 50ms",
                "receiptRules:",
                "  - prefix: \"25479\"",
                "    state: UNDELIV",
                "    errorCode: 1",
                ""));
        smsc = CliProcess.start(dir, "smsc", "--port", "0", "--config", config.toString());
        smscPort = Integer.parseInt(smsc.awaitStdoutLine("listening on port", Duration.ofSeconds(30)));
    }

    @AfterAll
    void stopSimulator() throws InterruptedException {
        smsc.terminate();
        assertThat(smsc.waitFor(Duration.ofSeconds(20))).as("smsc exit status after SIGTERM").isZero();
    }

    @Test
    void versionNamesTheProjectVersion() throws Exception {
        try (CliProcess p = CliProcess.start(dir, "--version")) {
            assertThat(p.waitFor(RUN)).isZero();
            assertThat(p.stdout()).contains("ujumbe 0.1.0-SNAPSHOT").contains("Java ");
        }
    }

    @Test
    void demoSendsEveryKindAndSummarises() throws Exception {
        try (CliProcess p = CliProcess.start(dir, "demo", "--receipt-delay", "20")) {
            assertThat(p.waitFor(RUN)).as(p.stderr()).isZero();
            String out = p.stdout();
            for (String kind : List.of("short-gsm", "long-gsm", "unicode-emoji", "turkish")) {
                assertThat(out).as(kind).containsPattern("(?m)^accepted  " + kind + " ");
            }
            assertThat(out).containsPattern("(?m)^accepted  long-gsm .*parts=[23]");
            assertThat(out).contains("summary: sent 4, accepted 4, failed 0, receipts ");
            assertThat(out).containsPattern("receipt   turkish .*stat=DELIVRD");
            assertThat(out).doesNotContain("missing receipts");
        }
    }

    @Test
    void sendPrintsEachOutcomeAndReceipt() throws Exception {
        try (CliProcess p = CliProcess.start(dir, env -> env.put(RunConfig.PASSWORD_ENV, "secret"),
                "send", "--port", Integer.toString(smscPort), "--system-id", "acme",
                "--to", "254700000001", "--text", "hello from the test", "--count", "5", "--receipt",
                "--wait-receipts", "20")) {
            assertThat(p.waitFor(RUN)).as(p.stderr()).isZero();
            String out = p.stdout();
            assertThat(CliProcess.countLines(out, "accepted  msg-")).isEqualTo(5);
            assertThat(CliProcess.countLines(out, "stat=DELIVRD")).isEqualTo(5);
            for (int i = 1; i <= 5; i++) {
                assertThat(out).containsPattern("(?m)^receipt   msg-" + i + " ");
            }
            assertThat(out).contains("summary: sent 5, accepted 5, failed 0, receipts 5 (DELIVRD 5)");
            assertThat(out).as("no progress line when stdout is not a terminal").doesNotContain("ETA");
        }
    }

    @Test
    void sendReportsAnUndeliveredReceiptAsItsState() throws Exception {
        try (CliProcess p = CliProcess.start(dir, "send", "--port", Integer.toString(smscPort), "--system-id", "acme",
                "--password", "secret", "--to", "254790000001", "--text", "to a dead number", "--receipt")) {
            // A receipt reporting a failure is a failure for scripts: exit 1.
            assertThat(p.waitFor(RUN)).as(p.stderr()).isEqualTo(Main.FAILED);
            assertThat(p.stdout()).containsPattern("receipt   msg-1 .*stat=UNDELIV");
        }
    }

    @Test
    void sendWithAWrongPasswordSaysTheBindWasRejected() throws Exception {
        try (CliProcess p = CliProcess.start(dir, "send", "--port", Integer.toString(smscPort), "--system-id", "acme",
                "--password", "wrong", "--to", "254700000001", "--text", "x")) {
            assertThat(p.waitFor(RUN)).isEqualTo(Main.FAILED);
            assertThat(p.stderr()).contains("bind rejected").contains("ESME_RINVPASWD");
            assertThat(p.stdout()).doesNotContain("accepted  ")
                    .contains("failed    msg-1  status=-  reason=not sent: the bind was rejected")
                    .contains("summary: sent 1, accepted 0, failed 1");
        }
    }

    @Test
    void sendWithoutAPasswordIsAUsageError() throws Exception {
        try (CliProcess p = CliProcess.start(dir, "send", "--system-id", "acme", "--to", "254700000001", "--text", "x")) {
            assertThat(p.waitFor(RUN)).isEqualTo(Main.USAGE);
            assertThat(p.stderr()).contains("--password is required");
        }
    }

    @Test
    void runSendsEveryLineLogsEachOutcomeAndDrainsOnSigterm() throws Exception {
        Path messages = dir.resolve("messages.jsonl");
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            lines.add("{\"version\":1,\"to\":\"25470000000" + (i % 10) + "\",\"text\":\"message " + i
                    + "\",\"correlationId\":\"run-" + i + "\",\"metadata\":{\"batch\":\"b1\"},\"receipt\":true}");
        }
        Files.write(messages, lines);
        Path config = dir.resolve("run.json");
        Files.writeString(config, "{\"smsc\":{\"host\":\"127.0.0.1\",\"port\":" + smscPort
                + ",\"systemId\":\"acme\",\"password\":\"${UJUMBE_PASSWORD}\"},"
                + "\"client\":{\"ratePerSecond\":200},"
                + "\"logMetadata\":{\"app\":\"cli-test\"},"
                + "\"outbox\":{\"type\":\"jsonl\",\"path\":\"" + messages + "\"},"
                + "\"http\":{\"port\":0}}");
        try (CliProcess p = CliProcess.start(dir, env -> env.put(RunConfig.PASSWORD_ENV, "secret"),
                "--log-format", "json", "run", "--config", config.toString())) {
            int httpPort = Integer.parseInt(p.awaitStdoutLine("http on port", Duration.ofSeconds(30)));
            await().atMost(RUN).pollInterval(Duration.ofMillis(100))
                    .until(() -> CliProcess.countLines(p.stderr(), "\"message\":\"message accepted\"") == 10);

            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/health"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"");
            HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/metrics"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).contains("ujumbe_");

            p.terminate();
            assertThat(p.waitFor(RUN)).as(p.stderr()).isZero();
            ObjectMapper json = new ObjectMapper();
            List<JsonNode> accepted = new ArrayList<>();
            for (String line : p.stderr().lines().filter(l -> l.startsWith("{")).collect(Collectors.toList())) {
                JsonNode event = json.readTree(line);
                if ("message accepted".equals(event.path("message").asText())) {
                    accepted.add(event);
                }
            }
            assertThat(accepted).hasSize(10);
            assertThat(accepted).extracting(e -> e.path("correlationId").asText())
                    .containsExactlyInAnyOrder("run-1", "run-2", "run-3", "run-4", "run-5", "run-6", "run-7", "run-8",
                            "run-9", "run-10");
            assertThat(accepted).allSatisfy(e -> {
                assertThat(e.path("app").asText()).isEqualTo("cli-test");
                assertThat(e.path("meta.batch").asText()).isEqualTo("b1");
            });
            assertThat(p.stderr()).contains("\"message\":\"stopped\"").doesNotContain("secret");
        }
    }

    @Test
    void runConfigWithAnUnknownKeyNamesIt() throws Exception {
        assertConfigError("{\"smsc\":{\"host\":\"h\",\"systemId\":\"a\",\"password\":\"p\",\"hots\":1},"
                + "\"outbox\":{\"path\":\"-\"}}", "smsc.hots is not a known setting");
    }

    @Test
    void runConfigWithABadPortNamesItAndTheRange() throws Exception {
        assertConfigError("smsc:\n  host: h\n  port: 70000\n  systemId: a\n  password: p\noutbox:\n  path: \"-\"\n",
                "smsc.port must be 1..65535, was 70000");
    }

    @Test
    void runConfigWithoutAPasswordNamesTheKeyAndTheVariable() throws Exception {
        assertConfigError("{\"smsc\":{\"host\":\"h\",\"systemId\":\"a\"},\"outbox\":{\"path\":\"-\"}}",
                "smsc.password is required");
    }

    @Test
    void smscConfigErrorsNameTheKey() throws Exception {
        Path config = dir.resolve("bad-smsc.json");
        Files.writeString(config, "{\"faults\":{\"errorShare\":2},\"receiptDelay\":\"soon\"}");
        try (CliProcess p = CliProcess.start(dir, "smsc", "--port", "0", "--config", config.toString())) {
            assertThat(p.waitFor(RUN)).isEqualTo(Main.USAGE);
            assertThat(p.stderr()).contains("faults.errorShare must be 0.0..1.0, was 2.0").contains("receiptDelay must be a duration");
        }
    }

    private void assertConfigError(String content, String expected) throws Exception {
        Path config = Files.createTempFile(dir, "run", content.startsWith("{") ? ".json" : ".yaml");
        Files.writeString(config, content);
        try (CliProcess p = CliProcess.start(dir, "run", "--config", config.toString())) {
            assertThat(p.waitFor(RUN)).as(p.stderr()).isEqualTo(Main.USAGE);
            assertThat(p.stderr()).contains(expected);
        }
    }
}
