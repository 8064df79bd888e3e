package io.ujumbe.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Configuration errors in the file's own words: a key written twice is named with its path, and
 * a setting a builder refuses is named by its key ({@code tls.certificateChain}), never by the
 * Java name behind it.
 */
class ConfigErrorsTest {
    private static final Map<String, String> ENV = Map.of();

    @TempDir
    Path dir;

    @Test
    void aDuplicateKeyInYamlIsNamedWithItsPath() throws Exception {
        Path f = write("run.yaml", "smsc:\n  host: 127.0.0.1\n  port: 2775\n  systemId: acme\n  password: x\n"
                + "  port: 2776\noutbox:\n  path: \"-\"\n");
        assertThatThrownBy(() -> RunConfig.load(f, ENV)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("smsc.port appears twice in configuration file")
                .hasMessageContaining("(line 6)");
    }

    @Test
    void aDuplicateKeyInJsonIsNamedWithItsPath() throws Exception {
        Path f = write("smsc.json", "{\"accounts\":[{\"systemId\":\"a\"},{\"systemId\":\"b\",\"systemId\":\"c\"}]}");
        assertThatThrownBy(() -> SmscConfigFile.load(f, ENV)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("accounts[1].systemId appears twice");
    }

    @Test
    void aDuplicateTopLevelKeyIsNamed() throws Exception {
        Path f = write("smsc.yaml", "port: 2775\nreceiptDelay: 1s\nport: 2776\n");
        assertThatThrownBy(() -> SmscConfigFile.load(f, ENV)).hasMessageStartingWith("port appears twice");
    }

    @Test
    void tlsFilesAreNamedByTheirKeys() throws Exception {
        Path f = write("smsc.yaml", "tls:\n  port: 2776\n  certificateChain: missing.pem\n  privateKey: missing-key.pem\n");
        assertThatThrownBy(() -> SmscConfigFile.load(f, ENV)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("tls.certificateChain must be a readable file, was missing.pem")
                .hasMessageNotContaining("Pem");
    }

    @Test
    void accountAndRuleErrorsAreNamedByTheirKeys() throws Exception {
        Path f = write("smsc.yaml", "accounts:\n  - systemId: much-too-long-system-id\nreceiptRules:\n"
                + "  - {regex: \"([\", state: UNDELIV}\n");
        assertThatThrownBy(() -> SmscConfigFile.load(f, ENV)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("accounts[0].systemId")
                .hasMessageContaining("receiptRules[0].regex is not a valid regular expression")
                .hasMessageNotContaining("account.systemId").hasMessageNotContaining("receiptRule.");
    }

    @Test
    void clientBuilderErrorsAreNamedByTheRunConfigsKeys() throws Exception {
        Path f = write("run.yaml", "smsc:\n  host: 127.0.0.1\n  systemId: a-system-id-too-long\n  password: x\n"
                + "outbox:\n  path: \"-\"\n");
        assertThatThrownBy(() -> RunConfig.load(f, ENV)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("smsc.systemId").hasMessageNotContaining("smsc: ");
    }

    @Test
    void anUnreadableTrustFileIsOneProblemNamedByItsKey() throws Exception {
        Path f = write("run.yaml", "smsc:\n  host: 127.0.0.1\n  systemId: a\n  password: x\n"
                + "  tls: {enabled: true, trustCertificates: nowhere.pem}\noutbox:\n  path: \"-\"\n");
        assertThatThrownBy(() -> RunConfig.load(f, ENV)).isInstanceOf(ConfigException.class)
                .hasMessage("smsc.tls.trustCertificates must be a readable PEM file, was 'nowhere.pem'");
    }

    @Test
    void theMoStoreKeysAreRead() throws Exception {
        Path f = write("smsc.yaml", "moStoreLimit: 5\nmoStoreTtl: 30s\n");
        var config = SmscConfigFile.load(f, ENV).build();
        assertThat(config.moStoreLimit()).isEqualTo(5);
        assertThat(config.moStoreTtl()).isEqualTo(Duration.ofSeconds(30));
        Path bad = write("bad.yaml", "moStoreLimit: -1\n");
        assertThatThrownBy(() -> SmscConfigFile.load(bad, ENV)).hasMessageContaining("moStoreLimit must be 0..10000000");
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }
}
