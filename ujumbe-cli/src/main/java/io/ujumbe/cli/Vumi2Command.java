package io.ujumbe.cli;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.ujumbe.amqp.Vumi2Transport;
import io.ujumbe.client.ClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;

/**
 * {@code ujumbe vumi2 --config smpp.yaml}: vumi2's SMPP transport, from vumi2's own configuration
 * file. It consumes {@code <transport_name>.outbound} and publishes events and inbound messages on
 * the {@code vumi} exchange exactly as vumi2 does; {@code http_bind} serves the health check (and
 * Prometheus metrics); SIGTERM or SIGINT stops consuming, lets what is in flight finish and settle,
 * and exits 0 (anything unsettled is redelivered by the broker).
 */
@Command(name = "vumi2", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Run as vumi2's SMPP transport (AMQP) from a vumi2 config file, until SIGTERM/SIGINT.")
final class Vumi2Command implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(Vumi2Command.class);

    @ParentCommand
    UjumbeCommand parent;

    @Option(names = "--config", required = true, paramLabel = "FILE",
            description = "A vumi2 SMPP transport config (YAML or JSON), with an optional ujumbe: section (docs/vumi2.md).")
    Path config;

    /** The broker side on /metrics: the health check shows the SMPP binds, these the AMQP link. */
    private static void bindMetrics(Vumi2Transport t, PrometheusMeterRegistry registry) {
        Gauge.builder("ujumbe.amqp.connected", t, x -> x.brokerConnected() ? 1 : 0)
                .description("1 while the broker connection is up").register(registry);
        Gauge.builder("ujumbe.amqp.unsettled", t, x -> x.outbox().size())
                .description("outbound messages taken from the broker and not yet settled").register(registry);
        Gauge.builder("ujumbe.amqp.rejected", t, x -> x.outbox().rejectedCount())
                .description("outbound bodies rejected as not vumi messages").register(registry);
        Gauge.builder("ujumbe.amqp.events", t, x -> x.eventSink().acksPublished())
                .tag("event_type", "ack").register(registry);
        Gauge.builder("ujumbe.amqp.events", t, x -> x.eventSink().nacksPublished())
                .tag("event_type", "nack").register(registry);
        Gauge.builder("ujumbe.amqp.events", t, x -> x.eventSink().reportsPublished())
                .tag("event_type", "delivery_report").register(registry);
        Gauge.builder("ujumbe.amqp.inbound", t, x -> x.eventSink().inboundPublished()).register(registry);
    }

    @Override
    public Integer call() throws Exception {
        Vumi2Config settings = Vumi2Config.load(config, System.getenv());
        if (parent != null && parent.logLevel == null) {
            Logging.configure(parent.logFormat, settings.logLevel());
        }
        RedisSettings redisSettings = settings.redis();
        PrometheusMeterRegistry registry = ProcessMetrics.registry();
        RedisComponents redis = null;
        if (redisSettings != null) {
            redis = RedisComponents.openOrLog(redisSettings, settings.ratePerSecond(), registry, LOG);
            if (redis == null) {
                return Main.FAILED;
            }
        }
        RedisComponents shared = redis;
        Vumi2Transport transport;
        HttpEndpoint http;
        try {
            ClientConfig.Builder client = settings.client().meterRegistry(registry);
            if (shared != null) {
                // Correlation store, rate limit and sequencer shared in Redis; the outbox stays the broker's.
                shared.configure(client);
            }
            transport = Vumi2Transport.create(settings.transport(), client);
            bindMetrics(transport, registry);
            http = settings.httpPort() >= 0
                    ? HttpEndpoint.start(settings.httpHost(), settings.httpPort(), transport.client(), registry) : null;
        } catch (RuntimeException e) {
            if (shared != null) {
                shared.close();
            }
            throw e;
        }
        ShutdownHook hook = ShutdownHook.install("ujumbe-vumi2-shutdown", () -> {
            LOG.atInfo().addKeyValue("inFlight", transport.outbox().size())
                    .addKeyValue("drainTimeout", settings.drainTimeout().toString())
                    .log("shutting down: no new outbound messages; finishing those in flight");
            transport.stop(settings.drainTimeout()).join();
            if (http != null) {
                http.close();
            }
            if (shared != null) {
                shared.close();
            }
            LOG.atInfo().addKeyValue("acks", transport.eventSink().acksPublished())
                    .addKeyValue("nacks", transport.eventSink().nacksPublished())
                    .addKeyValue("deliveryReports", transport.eventSink().reportsPublished())
                    .addKeyValue("inbound", transport.eventSink().inboundPublished()).log("stopped");
            return Main.OK;
        });
        LOG.atInfo().addKeyValue("transport", settings.transport().transportName())
                .addKeyValue("broker", settings.transport().amqpRedactedUri())
                .addKeyValue("smsc", settings.smsc()).addKeyValue("systemId", settings.systemId())
                .addKeyValue("prefetch", settings.transport().prefetch())
                .addKeyValue("httpPort", http != null ? http.port() : -1).log("ujumbe vumi2 starting");
        System.out.println("vumi2 transport " + settings.transport().transportName() + ": "
                + settings.transport().amqpRedactedUri() + " <-> smpp " + settings.smsc());
        if (http != null) {
            System.out.println("http on port " + http.port());
        }
        System.out.flush();
        try {
            // Both links reconnect by themselves; this fails only when the SMSC keeps refusing the bind.
            transport.start();
            transport.client().start().get();
        } catch (ExecutionException e) {
            hook.disarm();
            LOG.atError().addKeyValue("smsc", settings.smsc()).log("giving up binding: {}", e.getCause().getMessage());
            transport.stop(java.time.Duration.ofSeconds(1)).join();
            if (http != null) {
                http.close();
            }
            if (shared != null) {
                shared.close();
            }
            return Main.FAILED;
        }
        Thread.currentThread().join();
        return Main.OK;
    }
}
