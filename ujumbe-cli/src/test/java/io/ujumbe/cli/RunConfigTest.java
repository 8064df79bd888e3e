package io.ujumbe.cli;

import io.ujumbe.client.ClientConfig;
import io.ujumbe.pdu.BindType;
import io.ujumbe.text.MultipartMode;
import io.ujumbe.text.NationalLanguage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading and checking {@code ujumbe run} config files, in process. */
class RunConfigTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    @Test
    void yamlFileSetsEveryClientSettingAndTakesThePasswordFromTheEnvironment() throws Exception {
        Path file = write("c.yaml", String.join("\n",
                "smsc:",
                "  host: smsc.example.com",
                "  port: 2776",
                "  systemId: acme",
                "  password: ${MY_SECRET}",
                "  bind: tx",
                "  binds: 3",
                "  responseTimeout: 500ms",
                "client:",
                "  multipart: sar",
                "  nationalLanguages: [turkish]",
                "  ratePerSecond: 35",
                "logMetadata: {app: billing, region: 7}",
                "outbox: {path: messages.jsonl}",
                "http: {port: 0}",
                "drainTimeout: PT5S",
                ""));
        RunConfig config = RunConfig.load(file, Map.of("MY_SECRET", "s3cret"));
        ClientConfig client = config.clientBuilder().build();
        assertThat(client.host()).isEqualTo("smsc.example.com");
        assertThat(client.port()).isEqualTo(2776);
        assertThat(client.password()).isEqualTo("s3cret");
        assertThat(client.bindType()).isEqualTo(BindType.TRANSMITTER);
        assertThat(client.binds()).isEqualTo(3);
        assertThat(client.session().responseTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(client.multipartMode()).isEqualTo(MultipartMode.SAR);
        assertThat(client.nationalLanguages()).containsExactly(NationalLanguage.TURKISH);
        assertThat(client.logMetadata()).containsEntry("app", "billing").containsEntry("region", "7");
        assertThat(config.outboxPath()).isEqualTo("messages.jsonl");
        assertThat(config.httpPort()).isZero();
        assertThat(config.drainTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.toString()).doesNotContain("s3cret");
    }

    @Test
    void passwordLeftOutComesFromUjumbePassword() throws Exception {
        Path file = write("c.json", "{\"smsc\":{\"host\":\"h\",\"systemId\":\"a\"},\"outbox\":{\"path\":\"-\"}}");
        assertThat(RunConfig.load(file, Map.of(RunConfig.PASSWORD_ENV, "pw")).clientBuilder().build().password())
                .isEqualTo("pw");
    }

    @Test
    void everyProblemIsReportedWithItsKey() throws Exception {
        Path file = write("c.json", "{\"smsc\":{\"port\":0,\"systemId\":\"a\",\"password\":\"${NOPE}\",\"bind\":\"both\"},"
                + "\"client\":{\"multipart\":\"zip\",\"nationalLanguages\":[\"klingon\"]},"
                + "\"outbox\":{\"type\":\"redis\",\"path\":\"-\"},\"drainTimeout\":\"soon\",\"extra\":true}");
        assertThatThrownBy(() -> RunConfig.load(file, Map.of()))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactlyInAnyOrder(
                        "smsc.host is required",
                        "smsc.port must be 1..65535, was 0",
                        "smsc.password refers to environment variable NOPE, which is not set",
                        "smsc.bind must be one of trx, tx, rx, was 'both'",
                        "client.multipart must be one of udh, udh16, sar, payload, none, was 'zip'",
                        "client.nationalLanguages must hold only national language names such as turkish, found 'klingon'",
                        "outbox.type must be jsonl, was 'redis'",
                        "drainTimeout must be a duration like 500ms, 10s, 2m or PT10S, was 'soon'",
                        "extra is not a known setting (allowed here: smsc, client, logMetadata, outbox, http, drainTimeout)"));
    }

    @Test
    void clientLimitsAreReportedToo() throws Exception {
        Path file = write("c.json", "{\"smsc\":{\"host\":\"h\",\"systemId\":\"a\",\"password\":\"far-too-long\"},"
                + "\"outbox\":{\"path\":\"-\"}}");
        assertThatThrownBy(() -> RunConfig.load(file, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("password must be at most 8 characters");
    }

    @Test
    void invalidYamlSaysWhereAndDoesNotEchoTheFile() throws Exception {
        Path file = write("c.yaml", "smsc: [unclosed\n");
        assertThatThrownBy(() -> RunConfig.load(file, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("is not valid YAML");
    }
}
