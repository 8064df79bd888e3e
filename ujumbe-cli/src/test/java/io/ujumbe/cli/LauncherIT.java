package io.ujumbe.cli;

import io.ujumbe.client.ClientConfig;
import io.ujumbe.client.SmppClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The repository's {@code ujumbe} script, run for real (after {@code package}, on the shaded jar):
 * a running {@code ujumbe smsc} survives a rebuild of {@code ujumbe-cli/target/ujumbe.jar}. Each test
 * lays out a copy of the script and the jar in a temporary "repository", so the real jar is never
 * touched and the script never builds (no sources there).
 */
class LauncherIT {
    private static final Path SCRIPT = Path.of(System.getProperty("ujumbe.script", "../ujumbe")).toAbsolutePath();
    private static final Path BUILT_JAR = Path.of(System.getProperty("ujumbe.jar", "target/ujumbe.jar")).toAbsolutePath();

    @TempDir
    Path tmp;

    private Path repo() throws IOException {
        Path repo = tmp.resolve("repo");
        Files.createDirectories(repo.resolve("ujumbe-cli/target"));
        Files.copy(SCRIPT, repo.resolve("ujumbe"));
        Files.copy(BUILT_JAR, repo.resolve("ujumbe-cli/target/ujumbe.jar"));
        return repo;
    }

    private Process script(Path repo, Map<String, String> env, Path out, Path err, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("bash", repo.resolve("ujumbe").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(repo.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("UJUMBE_JAVA_OPTS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        return p;
    }

    /** The same classes in a different zip: other compression, an extra first entry, so every offset moves. */
    private static byte[] rezipped(Path jar) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar));
             ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.setLevel(Deflater.BEST_SPEED);
            out.putNextEntry(new ZipEntry("META-INF/rebuilt-" + System.nanoTime() + ".txt"));
            out.write("rebuilt".getBytes(StandardCharsets.US_ASCII));
            out.closeEntry();
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                out.putNextEntry(new ZipEntry(e.getName()));
                in.transferTo(out);
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "";
        }
    }

    private static int awaitPort(Path out, Path err, Process p, String prefix) {
        String[] found = new String[1];
        await(prefix).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
            if (!p.isAlive()) {
                throw new AssertionError("ujumbe smsc ended; stdout:\n" + read(out) + "\nstderr:\n" + read(err));
            }
            for (String line : read(out).split("\n")) {
                if (line.startsWith(prefix)) {
                    found[0] = line.substring(prefix.length()).trim();
                    return true;
                }
            }
            return false;
        });
        return Integer.parseInt(found[0]);
    }

    @Test
    void aRunningSimulatorSurvivesARebuildOfTheJarAndAcceptsBindsAfterwards() throws Exception {
        Path repo = repo();
        Path cache = tmp.resolve("cache");
        Path out = tmp.resolve("smsc.out");
        Path err = tmp.resolve("smsc.err");
        Process smsc = script(repo, Map.of("XDG_CACHE_HOME", cache.toString()), out, err,
                "smsc", "--port", "0", "--http-port", "0");
        try {
            int port = awaitPort(out, err, smsc, "listening on port ");
            int httpPort = awaitPort(out, err, smsc, "http on port ");

            // The rebuild: ujumbe-cli/target/ujumbe.jar rewritten in place with other bytes.
            Path jar = repo.resolve("ujumbe-cli/target/ujumbe.jar");
            Files.write(jar, rezipped(jar));

            SmppClient client = SmppClient.create(ClientConfig.builder().host("127.0.0.1").port(port)
                    .systemId("acme").password("secret").build());
            try {
                client.start().get(30, TimeUnit.SECONDS);
                assertThat(client.boundSessions()).as("bound after the rebuild; stderr:\n" + read(err)).isEqualTo(1);
            } finally {
                client.stop(Duration.ofSeconds(5)).get(30, TimeUnit.SECONDS);
            }
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + httpPort + "/health")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(smsc.isAlive()).isTrue();
            assertThat(read(err)).doesNotContain("NoClassDefFoundError");

            // The rebuilt jar is valid and gets a copy of its own next to the running one.
            Path out2 = tmp.resolve("v.out");
            Process version = script(repo, Map.of("XDG_CACHE_HOME", cache.toString()), out2, tmp.resolve("v.err"), "--version");
            assertThat(version.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(version.exitValue()).as(read(tmp.resolve("v.err"))).isZero();
            try (Stream<Path> copies = Files.list(cache.resolve("ujumbe/jars"))) {
                assertThat(copies.filter(f -> f.toString().endsWith(".jar")).count()).isEqualTo(2);
            }
        } finally {
            smsc.destroy();
            if (!smsc.waitFor(20, TimeUnit.SECONDS)) {
                smsc.destroyForcibly();
            }
        }
    }

    @Test
    void anUnwritableCacheFallsBackToATemporaryDirectoryAndOldCopiesArePruned() throws Exception {
        Path repo = repo();
        // A cache path below a regular file: no one, not even root, can create it.
        Path file = Files.writeString(tmp.resolve("not-a-dir"), "x");
        Path tmpdir = Files.createDirectories(tmp.resolve("tmpdir"));
        Path copies = tmpdir.resolve("ujumbe-" + uid() + "/jars");
        Files.createDirectories(copies);
        for (int i = 0; i < 6; i++) {
            Path old = Files.writeString(copies.resolve("old" + i + ".jar"), "old");
            Files.setLastModifiedTime(old, FileTime.from(Instant.now().minusSeconds(3600 + i)));
        }
        Path out = tmp.resolve("v.out");
        Path err = tmp.resolve("v.err");
        Process p = script(repo, Map.of("XDG_CACHE_HOME", file.resolve("cache").toString(), "TMPDIR", tmpdir.toString()),
                out, err, "--version");

        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("stderr:\n" + read(err)).isZero();
        assertThat(read(out)).contains("ujumbe");
        try (Stream<Path> jars = Files.list(copies)) {
            List<String> names = jars.map(f -> f.getFileName().toString()).sorted().toList();
            assertThat(names).as("the new copy and the 4 newest old ones").hasSize(5)
                    .contains("old0.jar", "old1.jar", "old2.jar", "old3.jar")
                    .anySatisfy(n -> assertThat(n).matches("[0-9a-f]{64}\\.jar"));
        }
    }

    private static String uid() throws Exception {
        Process p = new ProcessBuilder("id", "-u").start();
        try (InputStream in = p.getInputStream()) {
            String uid = new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim();
            p.waitFor(10, TimeUnit.SECONDS);
            return uid;
        }
    }
}
