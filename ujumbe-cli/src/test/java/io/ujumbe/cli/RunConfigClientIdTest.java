package io.ujumbe.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code client.id} of {@code ujumbe run}: the metric tag and log key, stable unless set. */
class RunConfigClientIdTest {
    @TempDir
    Path dir;

    private RunConfig load(String client, String extra) throws Exception {
        Path p = dir.resolve("c.yaml");
        Files.writeString(p, "smsc: {host: smsc.example.com, port: 2776, systemId: acme, password: p}\n"
                + "client: {" + client + "}\noutbox: {path: m.jsonl}\n" + extra);
        return RunConfig.load(p, Map.of());
    }

    @Test
    void defaultsToSystemIdAtHostAndPortTheSameOnEveryLoad() throws Exception {
        assertThat(load("", "").clientId()).isEqualTo("acme@smsc.example.com:2776");
        assertThat(load("", "").clientBuilder().build().clientId()).isEqualTo("acme@smsc.example.com:2776");
    }

    @Test
    void isTakenFromTheFile() throws Exception {
        RunConfig config = load("id: billing-1", "");
        assertThat(config.clientId()).isEqualTo("billing-1");
        assertThat(config.clientBuilder().build().clientId()).isEqualTo("billing-1");
        assertThat(config.clientBuilder().build().logMetadata()).containsEntry("client", "billing-1");
    }

    @Test
    void aBlankIdOrAReservedLogMetadataKeyIsAnErrorNamingTheKey() {
        assertThatThrownBy(() -> load("id: \" \"", "")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("client.id must not be blank");
        assertThatThrownBy(() -> load("", "logMetadata: {systemId: x}\n")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("logMetadata.systemId is reserved");
    }
}
