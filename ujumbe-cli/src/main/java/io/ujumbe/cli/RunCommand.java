package io.ujumbe.cli;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.ujumbe.client.ClientConfig;
import io.ujumbe.client.ClientListener;
import io.ujumbe.client.InMemoryOutbox;
import io.ujumbe.client.InboundMessage;
import io.ujumbe.client.MessageOutcome;
import io.ujumbe.client.Outbox;
import io.ujumbe.client.ReceiptEvent;
import io.ujumbe.client.SmppClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code ujumbe run --config FILE}: a long-running client. Messages come from a JSON-lines file or
 * stdin into the client's outbox, or, with a {@code redis} section, from the Redis outbox that
 * several processes share (the JSON-lines reader then feeds that outbox); every outcome and
 * receipt is logged; Prometheus metrics and a health check are served over HTTP; SIGTERM or SIGINT
 * drains what is in flight (and, in memory, what is queued), unbinds and exits 0.
 */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Run a long-lived client from a config file (JSON or YAML) until SIGTERM/SIGINT.")
final class RunCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "Settings, JSON or YAML (see the README).")
    Path config;

    @Override
    public Integer call() throws Exception {
        RunConfig settings = RunConfig.load(config, System.getenv());
        // Every JSON event of this process (Redis components, the command itself) names the client too.
        Map<String, String> identity = new LinkedHashMap<>();
        identity.put("client", settings.clientId());
        identity.put("smsc", settings.host() + ":" + settings.port());
        identity.put("systemId", settings.systemId());
        identity.putAll(settings.logMetadata());
        Logging.addFields(identity);
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
        InMemoryOutbox memoryOutbox = shared == null ? new InMemoryOutbox(settings.outboxCapacity()) : null;
        Outbox outbox = shared != null ? shared.outbox() : memoryOutbox;
        AtomicLong accepted = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        SmppClient client;
        HttpEndpoint http;
        try {
            ClientConfig.Builder builder = settings.clientBuilder().outbox(outbox).meterRegistry(registry)
                    .addListener(new LoggingListener(settings.logMetadata(), accepted, failed));
            if (shared != null) {
                shared.configure(builder);
            }
            client = SmppClient.create(builder.build());
            http = settings.httpPort() >= 0
                    ? HttpEndpoint.start(settings.httpHost(), settings.httpPort(), client, registry) : null;
        } catch (RuntimeException e) {
            if (shared != null) {
                shared.close();
            }
            throw e;
        }
        JsonlFeeder feeder = settings.outboxType() == RunConfig.OutboxType.JSONL
                ? new JsonlFeeder(settings.outboxPath(), outbox) : null;

        ShutdownHook hook = ShutdownHook.install("ujumbe-run-shutdown", () -> {
            LOG.atInfo().addKeyValue("queued", outbox.size()).addKeyValue("drainTimeout", settings.drainTimeout().toString())
                    .log(shared == null ? "shutting down: draining the outbox" : "shutting down: finishing messages in flight");
            if (feeder != null) {
                feeder.stop();
            }
            if (memoryOutbox != null) {
                drain(memoryOutbox, settings.drainTimeout());
                client.stop(Duration.ofSeconds(5)).join();
            } else {
                // The Redis outbox is shared: wait only for this process's requests in flight; what it
                // has not sent stays in Redis for the other processes (or the next run).
                client.stop(settings.drainTimeout()).join();
            }
            if (http != null) {
                http.close();
            }
            if (shared != null) {
                shared.close();
            }
            LOG.atInfo().addKeyValue("accepted", accepted.get()).addKeyValue("failed", failed.get())
                    .addKeyValue("left", memoryOutbox != null ? memoryOutbox.size() : 0).log("stopped");
            return Main.OK;
        });

        LOG.atInfo().addKeyValue("client", settings.clientId()).addKeyValue("smsc", settings.host() + ":" + settings.port())
                .addKeyValue("systemId", settings.systemId()).addKeyValue("bind", settings.bindType()).addKeyValue("binds", settings.binds())
                .addKeyValue("outbox", settings.outboxPath() != null ? settings.outboxPath() : "redis")
                .addKeyValue("redis", redisSettings != null ? redisSettings.redactedUri() : null)
                .addKeyValue("httpPort", http != null ? http.port() : -1)
                .log("ujumbe run starting");
        if (http != null) {
            System.out.println("http on port " + http.port());
            System.out.flush();
        }
        if (feeder != null) {
            feeder.start();
        }
        try {
            // The client reconnects by itself; start() fails only when it gives up (smsc.maxBindRejections).
            client.start().get();
        } catch (ExecutionException e) {
            hook.disarm();
            LOG.atError().addKeyValue("smsc", settings.host() + ":" + settings.port())
                    .log("giving up binding: {}", e.getCause().getMessage());
            if (feeder != null) {
                feeder.stop();
            }
            client.stop(Duration.ofSeconds(1)).join();
            if (http != null) {
                http.close();
            }
            if (shared != null) {
                shared.close();
            }
            return Main.FAILED;
        }
        // Runs until SIGTERM/SIGINT: the shutdown hook drains and ends the process.
        Thread.currentThread().join();
        return Main.OK;
    }

    /** Waits until every queued or in-flight message has its outcome, or the timeout passes. */
    private static void drain(InMemoryOutbox outbox, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (outbox.size() > 0 && System.nanoTime() - deadline < 0) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (outbox.size() > 0) {
            LOG.atWarn().addKeyValue("left", outbox.size()).log("drain timeout passed; stopping with messages still queued");
        }
    }

    /**
     * Logs every outcome, receipt and inbound SMS as a key-value event. Bind state changes and
     * rejections are not logged here: the session and the client log each once.
     */
    private static final class LoggingListener implements ClientListener {
        private static final Logger OUTCOMES = LoggerFactory.getLogger("io.ujumbe.cli.outcomes");

        private final Map<String, String> logMetadata;
        private final AtomicLong accepted;
        private final AtomicLong failed;

        LoggingListener(Map<String, String> logMetadata, AtomicLong accepted, AtomicLong failed) {
            this.logMetadata = logMetadata;
            this.accepted = accepted;
            this.failed = failed;
        }

        private LoggingEventBuilder with(LoggingEventBuilder b, Map<String, String> metadata) {
            for (Map.Entry<String, String> e : logMetadata.entrySet()) {
                b = b.addKeyValue(e.getKey(), e.getValue());
            }
            for (Map.Entry<String, String> e : metadata.entrySet()) {
                b = b.addKeyValue("meta." + e.getKey(), e.getValue());
            }
            return b;
        }

        @Override
        public void onOutcome(MessageOutcome outcome) {
            if (outcome instanceof MessageOutcome.Accepted) {
                accepted.incrementAndGet();
                MessageOutcome.Accepted a = (MessageOutcome.Accepted) outcome;
                with(OUTCOMES.atInfo(), a.metadata()).addKeyValue("correlationId", a.correlationId())
                        .addKeyValue("messageIds", String.join(",", a.messageIds())).addKeyValue("attempts", a.attempts())
                        .log("message accepted");
            } else {
                failed.incrementAndGet();
                MessageOutcome.Failed f = (MessageOutcome.Failed) outcome;
                with(OUTCOMES.atWarn(), f.metadata()).addKeyValue("correlationId", f.correlationId())
                        .addKeyValue("status", f.status() != null ? f.status().name() : null)
                        .addKeyValue("reason", f.reason()).addKeyValue("attempts", f.attempts())
                        .log("message failed");
            }
        }

        @Override
        public CompletionStage<Void> onReceipt(ReceiptEvent event) {
            with(OUTCOMES.atInfo(), event.correlation().map(c -> c.metadata()).orElse(Map.of()))
                    .addKeyValue("session", event.sessionId())
                    .addKeyValue("correlationId", event.correlationId().orElse(null))
                    .addKeyValue("messageId", event.receipt().messageId())
                    .addKeyValue("stat", event.receipt().stat()).addKeyValue("err", event.receipt().err())
                    .log("receipt");
            return ClientListener.super.onReceipt(event);
        }

        @Override
        public CompletionStage<Void> onInboundMessage(InboundMessage message) {
            with(OUTCOMES.atInfo(), Map.of()).addKeyValue("session", message.sessionId())
                    .addKeyValue("from", message.source().address())
                    .addKeyValue("to", message.destination().address()).addKeyValue("parts", message.parts())
                    .addKeyValue("length", message.text().length())
                    .log("inbound message");
            return ClientListener.super.onInboundMessage(message);
        }
    }
}
