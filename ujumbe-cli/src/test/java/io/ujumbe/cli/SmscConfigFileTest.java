package io.ujumbe.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading {@code ujumbe smsc --config} files, in process: the record limit. */
class SmscConfigFileTest {
    @TempDir
    Path dir;

    @Test
    void recordLimitDefaultsToTheLibrarysAndCanBeTurnedOff() throws Exception {
        Path none = dir.resolve("none.yaml");
        Files.writeString(none, "port: 0\n");
        assertThat(SmscConfigFile.load(none, Map.of()).build().recordLimit()).isEqualTo(100_000);
        Path off = dir.resolve("off.yaml");
        Files.writeString(off, "port: 0\nrecordLimit: 0\n");
        assertThat(SmscConfigFile.load(off, Map.of()).build().recordLimit()).isZero();
    }

    @Test
    void aRecordLimitOutOfRangeNamesTheKey() throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"recordLimit\": -1}");
        assertThatThrownBy(() -> SmscConfigFile.load(file, Map.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("recordLimit must be 0..10000000, was -1");
    }
}
