package io.ujumbe.testkit;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RedisExecutableTest {
    @Test
    void theEmbeddedBinaryIsExtractedAndRunsRedis62() throws Exception {
        var exe = RedisExecutable.embedded();
        assertThat(Files.isExecutable(exe)).isTrue();
        assertThat(RedisExecutable.embedded()).as("extracted once, then reused").isEqualTo(exe);

        Process p = new ProcessBuilder(exe.toString(), "--version").redirectErrorStream(true).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        assertThat(out).contains("Redis server v=6.2.");
        assertThat(p.exitValue()).isZero();
    }

    @Test
    void resourceNamesCoverLinuxAndMacOnBothArchitectures() {
        assertThat(RedisExecutable.resourceName("Linux", "amd64")).isEqualTo("redis-server-6.2.6-v5-linux-amd64");
        assertThat(RedisExecutable.resourceName("Linux", "aarch64")).isEqualTo("redis-server-6.2.7-linux-arm64");
        assertThat(RedisExecutable.resourceName("Mac OS X", "x86_64")).isEqualTo("redis-server-6.2.6-v5-darwin-amd64");
        assertThat(RedisExecutable.resourceName("Mac OS X", "aarch64")).isEqualTo("redis-server-6.2.6-v5-darwin-arm64");
        assertThatThrownBy(() -> RedisExecutable.resourceName("Windows 11", "amd64"))
                .hasMessageContaining("no embedded redis-server for Windows 11/amd64").hasMessageContaining("REDIS_SERVER");
    }

    @Test
    void aServerStartedFromTheEmbeddedBinaryAnswersOnItsPort() throws Exception {
        try (RedisServer server = RedisServer.start()) {
            assertThat(server.port()).isPositive();
            assertThat(server.uri()).isEqualTo("redis://127.0.0.1:" + server.port());
            try (var s = new java.net.Socket("127.0.0.1", server.port())) {
                s.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
                byte[] reply = new byte[7];
                assertThat(s.getInputStream().readNBytes(reply, 0, 7)).isEqualTo(7);
                assertThat(new String(reply, StandardCharsets.US_ASCII)).isEqualTo("+PONG\r\n");
            }
        }
    }
}
