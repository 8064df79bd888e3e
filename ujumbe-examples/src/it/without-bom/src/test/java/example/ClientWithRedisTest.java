package example;

import io.ujumbe.testkit.RedisServer;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Without ujumbe-bom: the run-time classpath Maven resolves holds Netty 4.2 only, and the application runs. */
class ClientWithRedisTest {
    private static List<String> runtimeClasspath() throws Exception {
        String cp = Files.readString(Path.of(System.getProperty("example.runtimeClasspathFile"))).trim();
        return Arrays.asList(cp.split(Pattern.quote(File.pathSeparator)));
    }

    @Test
    void nettyOnTheApplicationsClasspathIs42() throws Exception {
        List<String> netty = runtimeClasspath().stream().map(p -> Path.of(p).getFileName().toString())
                .filter(n -> n.startsWith("netty-")).toList();
        assertThat(netty).as("Netty jars on the application's classpath").isNotEmpty()
                .anySatisfy(n -> assertThat(n).startsWith("netty-common-4.2."))
                .allSatisfy(n -> assertThat(n).as("Lettuce brings Netty 4.1; ujumbe needs 4.2").doesNotContain("-4.1."));
    }

    @Test
    void theApplicationRuns() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        try (RedisServer redis = RedisServer.start()) {
            Path out = Files.createTempFile("client-with-redis", ".out");
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("example.classes") + File.pathSeparator + String.join(File.pathSeparator, runtimeClasspath()),
                    "example.ClientWithRedis", redis.uri(), Integer.toString(closedPort))
                    .redirectErrorStream(true).redirectOutput(out.toFile()).start();
            boolean exited = p.waitFor(120, TimeUnit.SECONDS);
            if (!exited) {
                p.destroyForcibly();
            }
            String output = Files.readString(out);
            assertThat(exited).as("exited; output:\n" + output).isTrue();
            assertThat(p.exitValue()).as("exit status; output:\n" + output).isZero();
            assertThat(output).contains("redis PONG").contains("client started and stopped").doesNotContain("NoClassDefFoundError");
        }
    }
}
