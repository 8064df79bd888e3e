package io.ujumbe.cli;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.ujumbe.smsc.SmscConfig;
import io.ujumbe.smsc.SmscSimulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.BindException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ujumbe smsc}: runs the SMSC simulator until SIGINT or SIGTERM. Its first line on stdout
 * is {@code listening on port N} (useful with {@code --port 0}).
 */
@Command(name = "smsc", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Run the SMSC simulator until interrupted.")
final class SmscCommand implements Callable<Integer> {

    @Option(names = "--host", description = "Address to listen on (default: the config file's, else 127.0.0.1).")
    String host;

    @Option(names = "--port", description = "SMPP port; 0 picks a free one (default: the config file's, else 2775).")
    Integer port;

    @Option(names = "--http-port", description = "Port of the HTTP endpoint (/stats, /mo, /metrics, /health); "
            + "0 picks a free one, -1 turns it off (default: the config file's, else off).")
    Integer httpPort;

    @Option(names = "--config", paramLabel = "FILE", description = "Simulator settings, JSON or YAML (see the README).")
    Path config;

    @Override
    public Integer call() throws InterruptedException {
        SmscConfig.Builder b = config != null ? SmscConfigFile.load(config, System.getenv()) : SmscConfig.builder();
        if (host != null) {
            b.host(host);
        }
        if (port != null) {
            b.port(port);
        }
        if (httpPort != null) {
            b.httpPort(httpPort);
        }
        // /metrics: the simulator's meters plus the JVM and process metrics, in one Prometheus registry.
        PrometheusMeterRegistry registry = ProcessMetrics.registry();
        b.metrics(registry, registry::scrape);
        SmscConfig settings = b.build();
        SmscSimulator simulator;
        try {
            simulator = SmscSimulator.start(settings);
        } catch (IllegalStateException e) {
            ErrorLines.print("smsc", listenFailure(e, settings), Main.FAILED);
            return Main.FAILED;
        }
        // SIGTERM/SIGINT: close() first unbinds every bound session (waiting briefly for the
        // unbind_resp), so ESMEs see a clean unbind rather than a dropped connection.
        ShutdownHook.install("ujumbe-smsc-shutdown", () -> {
            simulator.close();
            return Main.OK;
        });
        System.out.println("listening on port " + simulator.port());
        if (simulator.tlsPort() > 0) {
            System.out.println("listening for TLS on port " + simulator.tlsPort());
        }
        if (simulator.httpPort() > 0) {
            System.out.println("http on port " + simulator.httpPort());
        }
        System.out.flush();
        new CountDownLatch(1).await();
        return Main.OK;
    }

    /** Which port could not be bound, in the words of the option and key that set it. */
    static String listenFailure(IllegalStateException e, SmscConfig settings) {
        String detail = e.getMessage() == null ? e.toString() : e.getMessage();
        boolean busy = false;
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (t instanceof BindException || m.contains("Address already in use") || m.contains("address already in use")) {
                busy = true;
                break;
            }
        }
        int port = portOf(detail);
        String which;
        if (port >= 0 && port == settings.port()) {
            which = "the SMPP port " + port + " (--port, config key port)";
        } else if (port >= 0 && port == settings.tlsPort()) {
            which = "the TLS port " + port + " (config key tls.port)";
        } else if (port >= 0 && port == settings.httpPort()) {
            which = "the HTTP port " + port + " (--http-port, config key httpPort)";
        } else {
            return "cannot start the simulator: " + detail;
        }
        return busy ? which + " on " + settings.host() + " is already in use; choose another (0 picks a free one)"
                : "cannot listen on " + which + ": " + detail;
    }

    /** The port of a "cannot listen on host:port: …" message, or -1. */
    private static int portOf(String message) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("cannot listen on \\S*:(\\d+)").matcher(message);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }
}
