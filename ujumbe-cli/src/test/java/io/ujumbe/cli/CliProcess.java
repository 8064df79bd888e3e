package io.ujumbe.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.awaitility.Awaitility.await;

/**
 * The {@code ujumbe} command run as a child JVM on the test classpath, as a user runs it: its
 * stdout and stderr go to files that the test reads while it runs and after it ends.
 */
final class CliProcess implements AutoCloseable {
    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private CliProcess(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    static CliProcess start(Path workDir, String... args) {
        return start(workDir, env -> { }, args);
    }

    /** Starts {@code ujumbe args…}; {@code env} may change the child's environment. */
    static CliProcess start(Path workDir, Consumer<Map<String, String>> env, String... args) {
        String java = ProcessHandle.current().info().command().orElse("java");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", classpath, Main.class.getName()));
        command.addAll(List.of(args));
        try {
            Path out = Files.createTempFile(workDir, "stdout", ".txt");
            Path err = Files.createTempFile(workDir, "stderr", ".txt");
            ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
            pb.environment().remove(RunConfig.PASSWORD_ENV);
            env.accept(pb.environment());
            Process p = pb.start();
            p.getOutputStream().close();
            return new CliProcess(p, out, err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the process to end and returns its exit status; fails the test after {@code timeout}. */
    int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("ujumbe did not end within " + timeout + "\nstdout:\n" + stdout() + "\nstderr:\n" + stderr());
        }
        return process.exitValue();
    }

    /** Sends SIGTERM, as a supervisor stopping the service would. */
    void terminate() {
        process.destroy();
    }

    /** Sends SIGKILL (kill -9): the process gets no chance to clean up; waits until it is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    String stdout() {
        return read(stdout);
    }

    String stderr() {
        return read(stderr);
    }

    /** Waits until stdout has a line starting with {@code prefix} and returns the rest of that line. */
    String awaitStdoutLine(String prefix, Duration timeout) {
        String[] found = new String[1];
        await().atMost(timeout).pollInterval(Duration.ofMillis(50)).failFast(() -> !process.isAlive())
                .until(() -> {
                    for (String line : stdout().split("\n")) {
                        if (line.startsWith(prefix)) {
                            found[0] = line.substring(prefix.length()).trim();
                            return true;
                        }
                    }
                    return false;
                });
        return found[0];
    }

    static long countLines(String text, String needle) {
        return text.lines().filter(l -> l.contains(needle)).count();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
