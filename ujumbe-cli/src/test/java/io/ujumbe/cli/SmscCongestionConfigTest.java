package io.ujumbe.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code ujumbe smsc}'s {@code faults.congestionState} key. */
class SmscCongestionConfigTest {
    @TempDir
    Path dir;

    @Test
    void congestionStateIsReadOffByDefaultAndCheckedNamingTheKey() throws Exception {
        Path on = Files.writeString(dir.resolve("on.yaml"), "faults: {congestionState: 60}\n");
        Path off = Files.writeString(dir.resolve("off.yaml"), "port: 0\n");
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "faults: {congestionState: 101}\n");

        assertThat(SmscConfigFile.load(on, Map.of()).build().faults().congestionState()).isEqualTo(60);
        assertThat(SmscConfigFile.load(off, Map.of()).build().faults().congestionState()).isEqualTo(-1);
        assertThatThrownBy(() -> SmscConfigFile.load(bad, Map.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("faults.congestionState must be -1..100, was 101");
    }
}
