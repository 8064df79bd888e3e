package io.ujumbe.testkit;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A real redis-server process for tests, on a free port of 127.0.0.1, in a temporary directory,
 * without persistence ({@code --save "" --appendonly no}). The executable is, in this order: the
 * one named by the environment variable {@code REDIS_SERVER} (a path, or {@code embedded} for the
 * binary below), {@code redis-server} on the PATH, else the redis-server binary that
 * {@code com.github.codemonstur:embedded-redis} ships (Redis 6.2, linux x86-64/arm64 and macOS),
 * see {@link RedisExecutable}. So the tests run on a machine with only Java and Maven.
 *
 * <p>{@link #restart()} stops it and starts it again on the same port; {@link #restart(boolean)} can
 * keep the data (a SAVE on shutdown, loaded on start), as a Redis with persistence would.
 */
public final class RedisServer implements AutoCloseable {
    private final Path executable;
    private final Path dir;
    private final int port;
    private final List<String> extraArgs;
    private Process process;

    private RedisServer(Path executable, Path dir, int port, List<String> extraArgs) {
        this.executable = executable;
        this.dir = dir;
        this.port = port;
        this.extraArgs = List.copyOf(extraArgs);
    }

    /**
     * Starts redis-server with the test settings plus {@code extraArgs} (e.g. {@code --requirepass
     * pw}: then readiness is a NOAUTH answer to PING, and {@link #close()} ends the process by signal
     * unless the password was cleared first) and waits until it answers PING.
     */
    public static RedisServer start(String... extraArgs) {
        Path exe = RedisExecutable.find();
        try {
            Path dir = Files.createTempDirectory("ujumbe-redis-test");
            RedisServer p = new RedisServer(exe, dir, freePort(), List.of(extraArgs));
            p.launch();
            return p;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start redis-server: " + e, e);
        }
    }

    /** The port it listens on (127.0.0.1). */
    public int port() {
        return port;
    }

    /** {@code redis://127.0.0.1:PORT}. */
    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    /** The redis-server executable this process runs. */
    public Path executable() {
        return executable;
    }

    /** Stops Redis, losing its data, and starts it again on the same port. */
    public void restart() {
        restart(false);
    }

    /** Stops Redis (saving its data first when {@code keepData}) and starts it again on the same port. */
    public void restart(boolean keepData) {
        stop(keepData);
        launch();
    }

    /** Stops Redis; {@code save} writes dump.rdb first so that the next start loads it. */
    public void stop(boolean save) {
        if (process == null || !process.isAlive()) {
            return;
        }
        try {
            command(save ? "SHUTDOWN SAVE" : "SHUTDOWN NOSAVE");
        } catch (IOException e) {
            // Already going away: fall through to destroy.
        }
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** Starts redis-server (again) on this port and waits until it answers PING. */
    public void launch() {
        List<String> cmd = new ArrayList<>(List.of(executable.toString(), "--port", Integer.toString(port),
                "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir.toString(),
                "--dbfilename", "dump.rdb", "--daemonize", "no", "--protected-mode", "no"));
        cmd.addAll(extraArgs);
        try {
            process = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("redis.log").toFile())).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + executable + ": " + e, e);
        }
        try {
            Awaitility.await("redis-server on port " + port + " answering PING").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(20)).ignoreExceptions()
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("redis-server exited at start; log: " + log());
                        }
                        String reply = command("PING");
                        return reply.startsWith("+PONG") || reply.startsWith("-NOAUTH");
                    });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("redis-server did not answer PING on port " + port + "; log: " + log(), e);
        }
    }

    @Override
    public void close() {
        stop(false);
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // a temp dir left behind is harmless
        }
    }

    /** Sends one inline command and returns the first reply line. */
    private String command(String line) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            s.setSoTimeout(2000);
            OutputStream out = s.getOutputStream();
            out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            StringBuilder sb = new StringBuilder();
            int c;
            while ((c = in.read()) != -1 && c != '\n') {
                sb.append((char) c);
            }
            return sb.toString().trim();
        }
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("redis.log"));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }
}
