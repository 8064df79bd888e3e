package io.ujumbe.cli;

import io.ujumbe.client.ClientConfig;
import io.ujumbe.receipt.ReceiptOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The receipt, data_coding and outbind settings of {@code ujumbe run}. */
class RunConfigLongMessageTest {
    @TempDir
    Path dir;

    private Path write(String content) throws Exception {
        Path p = dir.resolve("c.yaml");
        Files.writeString(p, content);
        return p;
    }

    @Test
    void receiptRegexStatusMappingDataCodingOverridesAndOutbindReachTheClient() throws Exception {
        Path file = write(String.join("\n",
                "smsc: {host: 127.0.0.1, systemId: acme, password: secret, outbind: {port: 0, host: 127.0.0.1}}",
                "client:",
                "  receiptRegex: 'id:(?P<id>\\S+) stat:(?P<stat>\\w+)'",
                "  receiptStatusMapping: {GOOD: delivered, LATER: pending}",
                "  dataCodingOverrides: {0: latin1, 0x0D: utf-8}",
                "outbox: {path: \"-\"}",
                ""));
        ClientConfig c = RunConfig.load(file, Map.of()).clientBuilder().build();
        assertThat(c.receiptParser().regex()).isPresent();
        assertThat(c.receiptParser().statusMapping().outcomeOf("GOOD")).isEqualTo(ReceiptOutcome.DELIVERED);
        assertThat(c.receiptParser().statusMapping().outcomeOf("DELIVRD")).isEqualTo(ReceiptOutcome.DELIVERED);
        assertThat(c.receiptParser().statusMapping().outcomeOf("LATER")).isEqualTo(ReceiptOutcome.PENDING);
        assertThat(c.charsets().forDataCoding(0).orElseThrow().name()).isEqualTo("ISO-8859-1");
        assertThat(c.charsets().forDataCoding(0x0D).orElseThrow().name()).isEqualTo("UTF-8");
        assertThat(c.outbind().port()).isZero();
        assertThat(c.outbind().host()).isEqualTo("127.0.0.1");
    }

    @Test
    void badValuesNameTheirKeys() throws Exception {
        Path file = write(String.join("\n",
                "smsc: {host: 127.0.0.1, systemId: acme, password: secret, outbind: {port: 70000}}",
                "client:",
                "  receiptRegex: 'id:(?P<id>[^ ]+'",
                "  receiptStatusMapping: {GOOD: splendid}",
                "  dataCodingOverrides: {300: latin1, 5: klingon}",
                "outbox: {path: \"-\"}",
                ""));
        assertThatThrownBy(() -> RunConfig.load(file, Map.of()))
                .hasMessageContaining("client.receiptRegex: receipt regex does not compile")
                .hasMessageContaining("client.receiptStatusMapping.GOOD must be delivered, failed or pending, was 'splendid'")
                .hasMessageContaining("client.dataCodingOverrides.300: the key must be a data_coding 0..255")
                .hasMessageContaining("client.dataCodingOverrides.5 names no charset this Java has: 'klingon'")
                .hasMessageContaining("smsc.outbind.port");
    }
}
