package example;

import io.ujumbe.testkit.RedisServer;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs {@link ExampleApp} as a user's application runs: its own JVM, on the run-time classpath Maven
 * resolved for this project (ujumbe-bom imported, no test jars), against a real redis-server.
 */
class ExampleAppTest {
    private static final Path RUNTIME_CLASSPATH = Path.of(System.getProperty("example.runtimeClasspathFile"));

    private static List<String> runtimeClasspath() throws Exception {
        String cp = Files.readString(RUNTIME_CLASSPATH).trim();
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
    void theApplicationSendsThroughTheSimulatorAndRedisAndGetsBothReceipts() throws Exception {
        try (RedisServer redis = RedisServer.start()) {
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("example.classes") + File.pathSeparator + String.join(File.pathSeparator,
                            runtimeClasspath()), "example.ExampleApp", redis.uri()));
            Path out = Files.createTempFile("example-app", ".out");
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            boolean exited = p.waitFor(180, TimeUnit.SECONDS);
            if (!exited) {
                p.destroyForcibly();
            }
            String output = Files.readString(out);
            assertThat(exited).as("the application exited; output:\n" + output).isTrue();
            assertThat(p.exitValue()).as("exit status; output:\n" + output).isZero();
            assertThat(output).contains("order-17 -> DELIVERED").contains("redis: order-18 -> DELIVERED")
                    .contains("example application: done").doesNotContain("Optional[")
                    .doesNotContain("NoClassDefFoundError").doesNotContain("SLF4J(W): No SLF4J providers");
        }
    }

    @Test
    void theReadmesFirstJavaExampleIsTheCodeThisApplicationRuns() throws Exception {
        String readme = Files.readString(Path.of(System.getProperty("example.readme")), StandardCharsets.UTF_8);
        Matcher block = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(block.find()).as("a ```java block in the README").isTrue();
        String source = Files.readString(Path.of("src/main/java/example/ExampleApp.java"), StandardCharsets.UTF_8);
        Matcher marked = Pattern.compile("// README begin\\n(.*?)\\n\\s*// README end", Pattern.DOTALL).matcher(source);
        assertThat(marked.find()).isTrue();
        String app = marked.group(1).replace(".host(smscHost).port(smscPort)", ".host(\"smsc.example.com\").port(2775)");
        assertThat(normalise(block.group(1))).as("README.md's first Java example vs ExampleApp.readmeFirstExample")
                .isEqualTo(normalise(app));
    }

    /** Lines without leading indentation or trailing blanks: the README is indented less. */
    private static String normalise(String code) {
        return code.lines().map(String::strip).filter(l -> !l.isEmpty()).reduce((a, b) -> a + "\n" + b).orElse("");
    }
}
