package io.ujumbe.amqp;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real AMQP 0-9-1 broker for tests, in its own process on a free port: {@code rabbitmq-server}
 * when one is installed (the environment variable RABBITMQ_SERVER, or on the PATH), started with its
 * own temporary node name, port and data directories so it collides with nothing; otherwise Apache
 * Qpid Broker-J ({@link QpidBrokerMain}, brought by Maven) in a separate JVM. Set
 * {@code UJUMBE_TEST_BROKER=qpid} to force Qpid, {@code UJUMBE_TEST_BROKER=rabbitmq} to insist on RabbitMQ. Both keep durable queues and persistent messages
 * across {@link #restart()}. User guest/guest, vhost "/".
 */
public final class AmqpBroker implements AutoCloseable {
    private final boolean rabbit;
    private final String executable;
    private final Path dir;
    private final int port;
    private final int distPort;
    private Process process;

    private AmqpBroker(boolean rabbit, String executable, Path dir, int port, int distPort) {
        this.rabbit = rabbit;
        this.executable = executable;
        this.dir = dir;
        this.port = port;
        this.distPort = distPort;
    }

    /** Starts a broker and waits until it accepts AMQP connections. */
    public static AmqpBroker start() {
        String wanted = System.getenv().getOrDefault("UJUMBE_TEST_BROKER", "");
        String rabbitServer = "qpid".equalsIgnoreCase(wanted) ? null : findRabbit();
        if (rabbitServer == null && "rabbitmq".equalsIgnoreCase(wanted)) {
            throw new IllegalStateException("UJUMBE_TEST_BROKER=rabbitmq but no rabbitmq-server was found: install it "
                    + "(apt-get install rabbitmq-server) or set RABBITMQ_SERVER to its path");
        }
        try {
            Path dir = Files.createTempDirectory("ujumbe-amqp-broker");
            AmqpBroker b = new AmqpBroker(rabbitServer != null, rabbitServer, dir, freePort(), freePort());
            b.launch();
            System.out.println("test AMQP broker: " + b);
            return b;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the test AMQP broker: " + e, e);
        }
    }

    private static String findRabbit() {
        String env = System.getenv("RABBITMQ_SERVER");
        if (env != null && !env.isBlank()) {
            return env;
        }
        // Debian's /usr/sbin/rabbitmq-server switches to the rabbitmq user; the real script runs as us.
        if (new File("/usr/lib/rabbitmq/bin/rabbitmq-server").canExecute()) {
            return "/usr/lib/rabbitmq/bin/rabbitmq-server";
        }
        for (String p : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File f = new File(p, "rabbitmq-server");
            if (f.canExecute()) {
                return f.getPath();
            }
        }
        return null;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }

    /** "rabbitmq-server" or "qpid". */
    public String kind() {
        return rabbit ? "rabbitmq-server" : "qpid";
    }

    /** The AMQP port. */
    public int port() {
        return port;
    }

    /** {@code amqp://guest:guest@127.0.0.1:<port>/%2F}. */
    public String uri() {
        return "amqp://guest:guest@127.0.0.1:" + port + "/%2F";
    }

    /** A connection factory for a test's own (vumi application's) connection. */
    public ConnectionFactory factory() {
        ConnectionFactory f = new ConnectionFactory();
        f.setHost("127.0.0.1");
        f.setPort(port);
        f.setUsername("guest");
        f.setPassword("guest");
        f.setVirtualHost("/");
        f.setAutomaticRecoveryEnabled(false);
        return f;
    }

    private void launch() throws IOException {
        Path log = dir.resolve(rabbit ? "rabbit-console.log" : "qpid-console.log");
        ProcessBuilder pb;
        if (rabbit) {
            Path plugins = dir.resolve("enabled_plugins");
            Files.writeString(plugins, "[].\n");
            Path conf = dir.resolve("rabbitmq.conf");
            Files.writeString(conf, "listeners.tcp.default = 127.0.0.1:" + port + "\nloopback_users.guest = false\n");
            pb = new ProcessBuilder(executable);
            Map<String, String> env = pb.environment();
            env.put("RABBITMQ_NODENAME", "ujumbe-test-" + port + "@localhost");
            env.put("RABBITMQ_NODE_PORT", Integer.toString(port));
            env.put("RABBITMQ_NODE_IP_ADDRESS", "127.0.0.1");
            env.put("RABBITMQ_DIST_PORT", Integer.toString(distPort));
            env.put("RABBITMQ_MNESIA_BASE", dir.resolve("mnesia").toString());
            env.put("RABBITMQ_LOG_BASE", dir.resolve("log").toString());
            env.put("RABBITMQ_ENABLED_PLUGINS_FILE", plugins.toString());
            env.put("RABBITMQ_CONFIG_FILE", conf.toString());
            env.put("RABBITMQ_ADVANCED_CONFIG_FILE", dir.resolve("advanced.config").toString());
            env.put("RABBITMQ_PID_FILE", dir.resolve("rabbit.pid").toString());
            env.put("RABBITMQ_USE_LONGNAME", "false");
        } else {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            pb = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                    QpidBrokerMain.class.getName(), dir.resolve("qpid").toString(), Integer.toString(port));
        }
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        process = pb.start();
        awaitReady(log);
    }

    private void awaitReady(Path log) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        Exception last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(kind() + " exited at start (status " + process.exitValue() + "): "
                        + tail(log));
            }
            try {
                Connection c = factory().newConnection();
                c.close();
                return;
            } catch (Exception e) {
                last = e;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        throw new IllegalStateException(kind() + " did not accept connections within 90 s (" + last + "): " + tail(log));
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /** Stops the broker (cleanly: persistent messages are kept) and starts it again on the same port. */
    public void restart() {
        stopProcess(false);
        try {
            launch();
        } catch (IOException e) {
            throw new IllegalStateException("cannot restart the broker: " + e, e);
        }
    }

    /** Stops the broker; {@link #startAgain()} brings it back with its data. */
    public void stop() {
        stopProcess(false);
    }

    /** Starts a stopped broker again on the same port, with its data. */
    public void startAgain() {
        try {
            launch();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the broker again: " + e, e);
        }
    }

    private void stopProcess(boolean kill) {
        if (process == null || !process.isAlive()) {
            return;
        }
        List<ProcessHandle> children = new ArrayList<>();
        process.descendants().forEach(children::add);
        if (kill) {
            process.destroyForcibly();
        } else {
            process.destroy();
        }
        for (ProcessHandle h : children) {
            if (kill) {
                h.destroyForcibly();
            } else {
                h.destroy();
            }
        }
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
            for (ProcessHandle h : children) {
                h.onExit().get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            children.forEach(ProcessHandle::destroyForcibly);
        }
    }

    @Override
    public void close() {
        stopProcess(true);
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory
        }
    }

    @Override
    public String toString() {
        return kind() + " on 127.0.0.1:" + port;
    }
}
