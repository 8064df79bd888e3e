package io.ujumbe.cli;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.ujumbe.smsc.SmscConfig;
import io.ujumbe.smsc.SmscSimulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

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
        SmscSimulator simulator = SmscSimulator.start(b.build());
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
}
