package io.ujumbe.cli;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.micrometer.core.instrument.MeterRegistry;
import io.ujumbe.client.ClientConfig;
import io.ujumbe.client.ClientListener;
import io.ujumbe.client.InboundMessage;
import io.ujumbe.client.MessageOutcome;
import io.ujumbe.client.ReceiptEvent;
import io.ujumbe.redis.RedisClients;
import io.ujumbe.redis.RedisCorrelationStore;
import io.ujumbe.redis.RedisEventPublisher;
import io.ujumbe.redis.RedisOutbox;
import io.ujumbe.redis.RedisRateLimiter;
import io.ujumbe.redis.RedisReassemblyStore;
import io.ujumbe.redis.RedisSequencer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The Redis-backed parts of a {@code ujumbe run} client, built from {@link RedisSettings}: one
 * Lettuce client, the shared outbox, correlation store, inbound reassembly store, and, when configured, the shared rate
 * limiter, sequencer and event publisher. {@link #close()} closes them in reverse order and shuts
 * the Lettuce client down; call it after the SMPP client has stopped.
 */
final class RedisComponents implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RedisComponents.class);

    private final RedisClient client;
    private final List<AutoCloseable> opened = new ArrayList<>();
    private final RedisSettings settings;
    private RedisOutbox outbox;
    private RedisCorrelationStore correlationStore;
    private RedisRateLimiter rateLimiter;
    private RedisSequencer sequencer;
    private RedisEventPublisher publisher;
    private RedisReassemblyStore reassembly;

    private RedisComponents(RedisSettings settings) {
        this.settings = settings;
        this.client = RedisClients.create(RedisURI.create(settings.uri), settings.commandTimeout);
    }

    /**
     * Connects and builds every component, talking to Redis on the calling thread (start-up only).
     * On failure whatever was opened is closed again and the exception is rethrown.
     *
     * @param ratePerSecond the account's rate, shared when the settings turn the rate limit on
     * @param registry where the outbox's meters go (ujumbe.redis.outbox.lost)
     */
    /**
     * {@link #open}, for a command's start-up: when it cannot, logs why (the password scrubbed
     * from the message) on the command's logger and returns null, and the command exits 1.
     */
    static RedisComponents openOrLog(RedisSettings settings, double ratePerSecond, MeterRegistry registry, Logger log) {
        try {
            return open(settings, ratePerSecond, registry);
        } catch (RuntimeException e) {
            log.atError().addKeyValue("redis", settings.redactedUri())
                    .log("cannot set up the Redis components: {}", settings.scrub(String.valueOf(e.getMessage())));
            return null;
        }
    }

    static RedisComponents open(RedisSettings settings, double ratePerSecond, MeterRegistry registry) {
        RedisComponents c = new RedisComponents(settings);
        try {
            c.build(ratePerSecond, registry);
        } catch (RuntimeException e) {
            c.close();
            throw e;
        }
        return c;
    }

    private void build(double ratePerSecond, MeterRegistry registry) {
        RedisOutbox.Builder ob = RedisOutbox.builder(client).keyPrefix(settings.keyPrefix).group(settings.group)
                .maxLength(settings.maxLength).maxAttempts(settings.maxAttempts).claimIdle(settings.claimIdle)
                .meterRegistry(registry);
        if (settings.consumer != null) {
            ob.consumer(settings.consumer);
        }
        correlationStore = track(RedisCorrelationStore.builder(client).keyPrefix(settings.correlationKeyPrefix())
                .ttl(settings.correlationTtl).build());
        reassembly = track(RedisReassemblyStore.builder(client).keyPrefix(settings.keyPrefix)
                .timeToLive(settings.reassemblyTtl).maximumIncomplete(settings.reassemblyMaxIncomplete)
                .deliveryLease(settings.reassemblyDeliveryLease).build());
        if (settings.rateLimit) {
            RedisRateLimiter.Builder rb = RedisRateLimiter.builder(client).key(settings.rateKey()).ratePerSecond(ratePerSecond);
            if (settings.rateCapacity > 0) {
                rb.capacity(settings.rateCapacity);
            }
            if (settings.rateBatch > 0) {
                rb.batch(settings.rateBatch);
            }
            rateLimiter = track(rb.build());
        }
        if (settings.sequencer) {
            sequencer = track(RedisSequencer.builder(client).key(settings.sequenceKey())
                    .blockSize(settings.sequencerBlockSize).build());
        }
        if (settings.publishesEvents()) {
            RedisEventPublisher.Builder pb = RedisEventPublisher.builder(client);
            if (settings.outcomesStream != null) {
                pb.outcomesStream(settings.outcomesStream);
            }
            if (settings.receiptsStream != null) {
                pb.receiptsStream(settings.receiptsStream);
            }
            if (settings.inboundStream != null) {
                pb.inboundStream(settings.inboundStream);
            }
            publisher = track(pb.build());
            if (settings.outcomesStream != null) {
                // A message dead-lettered before any client saw it still gets its Failed outcome published.
                ob.deadLetterListener(new SelectedEvents(publisher, true, false, false));
            }
        }
        // Built last, so that it can tell the publisher of what it dead-letters; closed first.
        outbox = track(ob.build());
    }

    private <T extends AutoCloseable> T track(T component) {
        opened.add(component);
        return component;
    }

    /** The shared outbox the client consumes (and the JSON-lines feeder, if any, offers into). */
    RedisOutbox outbox() {
        return outbox;
    }

    /** Puts every Redis component into the client's configuration. */
    ClientConfig.Builder configure(ClientConfig.Builder b) {
        b.outbox(outbox).correlationStore(correlationStore).reassemblyStore(reassembly);
        if (rateLimiter != null) {
            b.rateLimiter(rateLimiter);
        }
        if (sequencer != null) {
            // One instance for every bind: the sequence space is the account's, across processes.
            RedisSequencer shared = sequencer;
            b.sequencer(() -> shared);
        }
        if (publisher != null) {
            b.addListener(new SelectedEvents(publisher, settings.outcomesStream != null,
                    settings.receiptsStream != null, settings.inboundStream != null));
        }
        return b;
    }

    /** Closes every component, newest first, then shuts the Lettuce client down. Never throws. */
    @Override
    public void close() {
        for (int i = opened.size() - 1; i >= 0; i--) {
            try {
                opened.get(i).close();
            } catch (Exception e) {
                LOG.atWarn().addKeyValue("component", opened.get(i).getClass().getSimpleName())
                        .log("closing a Redis component failed: {}", e.toString());
            }
        }
        opened.clear();
        try {
            client.shutdown();
        } catch (RuntimeException e) {
            LOG.atWarn().log("shutting the Redis client down failed: {}", e.toString());
        }
    }

    /** Publishes only the kinds of event that have a stream configured. */
    private static final class SelectedEvents implements ClientListener {
        private final RedisEventPublisher publisher;
        private final boolean outcomes;
        private final boolean receipts;
        private final boolean inbound;

        SelectedEvents(RedisEventPublisher publisher, boolean outcomes, boolean receipts, boolean inbound) {
            this.publisher = publisher;
            this.outcomes = outcomes;
            this.receipts = receipts;
            this.inbound = inbound;
        }

        @Override
        public void onOutcome(MessageOutcome outcome) {
            if (outcomes) {
                publisher.onOutcome(outcome);
            }
        }

        @Override
        public CompletionStage<Void> onReceipt(ReceiptEvent event) {
            return receipts ? publisher.onReceipt(event) : CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<Void> onInboundMessage(InboundMessage message) {
            return inbound ? publisher.onInboundMessage(message) : CompletableFuture.completedFuture(null);
        }
    }
}
