package io.ujumbe.cli;

import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.ujumbe.gateway.Gateway;
import io.ujumbe.gateway.GatewayConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code ujumbe gateway --config FILE}: the SMS gateway. An HTTP API (JSON, Kannel's
 * /cgi-bin/sendsms, Jasmin's /send) in front of the configured SMSC connectors, with signed
 * delivery-report and inbound webhooks, {@code /health} and {@code /metrics} on the same port, and,
 * with a {@code redis} section, state shared with other gateway processes. SIGTERM or SIGINT stops
 * taking requests, drains (in memory: the queues and callbacks, up to drainTimeout), unbinds, exits 0.
 */
@Command(name = "gateway", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Run the SMS gateway (HTTP API, webhooks, routing over SMSC connectors) from a config file.")
final class GatewayCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayCommand.class);

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "Settings, JSON or YAML (see docs/gateway.md).")
    Path config;

    /**
     * The JDK HttpClient (the webhooks') completes every sendAsync through CompletableFuture's
     * default executor, which is a new thread per task when the common pool has fewer than two
     * threads (machines with one or two cores): measured, 360 threads started per second under load
     * and a third of the throughput. Two common-pool threads avoid that; an explicit setting wins.
     */
    static void ensureCommonPoolThreads() {
        if (System.getProperty("java.util.concurrent.ForkJoinPool.common.parallelism") == null) {
            System.setProperty("java.util.concurrent.ForkJoinPool.common.parallelism", "2");
        }
    }

    @Override
    public Integer call() throws Exception {
        ensureCommonPoolThreads();
        GatewayConfig settings = GatewayConfigFile.load(config, System.getenv());
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        Gateway gateway;
        try {
            gateway = Gateway.builder(settings).meterRegistry(registry).metricsScrape(registry::scrape).start();
        } catch (IllegalStateException e) {
            LOG.atError().log("cannot start the gateway: {}", e.getMessage());
            return Main.FAILED;
        }
        ShutdownHook.install("ujumbe-gateway-shutdown", () -> {
            LOG.atInfo().addKeyValue("drainTimeout", settings.drainTimeout().toString()).log("shutting down: draining");
            gateway.stop(settings.drainTimeout());
            return Main.OK;
        });
        LOG.atInfo().addKeyValue("port", gateway.port()).addKeyValue("connectors", gateway.connectors().keySet())
                .addKeyValue("users", settings.users().size()).addKeyValue("redis", settings.redisUri().isPresent())
                .log("ujumbe gateway running");
        LOG.atDebug().addKeyValue("commonPoolParallelism", java.util.concurrent.ForkJoinPool.getCommonPoolParallelism())
                .log("common pool");
        System.out.println("gateway on port " + gateway.port());
        gateway.smppFront().ifPresent(f -> {
            if (f.port() >= 0) {
                System.out.println("gateway SMPP front on port " + f.port());
            }
            if (f.tlsPort() >= 0) {
                System.out.println("gateway SMPP front TLS on port " + f.tlsPort());
            }
        });
        System.out.flush();
        // Runs until SIGTERM/SIGINT: the shutdown hook drains and ends the process.
        Thread.currentThread().join();
        return Main.OK;
    }
}
