package io.ujumbe.client;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.ujumbe.pdu.CommandStatus;
import io.ujumbe.pdu.MessageState;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The client's Micrometer meters, all tagged with the client id. Names follow Micrometer's dotted
 * convention ({@code ujumbe.messages.accepted} becomes {@code ujumbe_messages_accepted_total} in
 * Prometheus). Every meter is registered when the client is created, the tagged ones for each
 * status and state in {@link #FAILED_STATUSES} and {@link MessageState}, so that a dashboard or an
 * alert sees 0, not a missing series, before the first failure. Response latency is a histogram
 * with the fixed buckets {@link #LATENCY_BUCKETS_MS}: buckets of several processes add up, which
 * client-side percentiles do not (and those cost CPU on every record).
 */
final class ClientMetrics {
    /**
     * The {@code status} tags of {@code ujumbe.messages.failed} registered up front: {@code exception}
     * (no SMSC status: timeout, lost connection, unencodable text, stop), the statuses the default
     * retry policy retries, and the usual permanent rejections. Others appear on first use.
     */
    static final List<String> FAILED_STATUSES = List.of("exception",
            CommandStatus.ESME_RTHROTTLED.name(), CommandStatus.ESME_RMSGQFUL.name(), CommandStatus.ESME_RSYSERR.name(),
            CommandStatus.ESME_RSUBMITFAIL.name(), CommandStatus.ESME_RINVDSTADR.name(),
            CommandStatus.ESME_RINVSRCADR.name());
    /** The upper bounds (ms) of the response latency buckets, the same in every process. */
    static final long[] LATENCY_BUCKETS_MS = {1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000};

    private final MeterRegistry registry;
    private final Tags tags;
    final Counter partsSubmitted;
    final Counter accepted;
    final Counter retried;
    final Counter throttled;
    final Counter reconnects;
    final Counter bindRejections;
    final Counter inbound;
    final Counter inboundFailed;
    private final Timer submitLatency;
    private final Map<String, Counter> failedByStatus = new ConcurrentHashMap<>();
    private final Map<String, Counter> receiptsByState = new ConcurrentHashMap<>();

    ClientMetrics(MeterRegistry registry, String clientId) {
        this.registry = registry;
        this.tags = Tags.of("client", clientId);
        this.partsSubmitted = Counter.builder("ujumbe.parts.submitted").description("submit_sm PDUs sent")
                .tags(tags).register(registry);
        this.accepted = Counter.builder("ujumbe.messages.accepted").description("messages accepted by the SMSC")
                .tags(tags).register(registry);
        this.retried = Counter.builder("ujumbe.messages.retried").description("messages returned to the outbox for a retry")
                .tags(tags).register(registry);
        this.throttled = Counter.builder("ujumbe.responses.throttled").description("ESME_RTHROTTLED/ESME_RMSGQFUL responses")
                .tags(tags).register(registry);
        this.reconnects = Counter.builder("ujumbe.reconnects").description("connection attempts after the first")
                .tags(tags).register(registry);
        this.bindRejections = Counter.builder("ujumbe.binds.rejected").description("bind responses with an error status")
                .tags(tags).register(registry);
        this.inbound = Counter.builder("ujumbe.inbound.messages").description("inbound SMS handed to listeners (after reassembly)")
                .tags(tags).register(registry);
        this.inboundFailed = Counter.builder("ujumbe.inbound.listener_failures")
                .description("deliver_sm answered with an error because a listener failed").tags(tags).register(registry);
        Duration[] buckets = new Duration[LATENCY_BUCKETS_MS.length];
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = Duration.ofMillis(LATENCY_BUCKETS_MS[i]);
        }
        this.submitLatency = Timer.builder("ujumbe.response.latency").description("submit_sm to submit_sm_resp")
                .tags(tags).serviceLevelObjectives(buckets).publishPercentileHistogram(false).register(registry);
        for (String status : FAILED_STATUSES) {
            failedCounter(status);
        }
        for (MessageState state : MessageState.values()) {
            receiptCounter(state.name());
        }
    }

    void failed(CommandStatus status) {
        failedCounter(status == null ? "exception" : status.name()).increment();
    }

    void receipt(String state) {
        receiptCounter(state).increment();
    }

    private Counter failedCounter(String status) {
        return failedByStatus.computeIfAbsent(status, k -> Counter.builder("ujumbe.messages.failed")
                .description("messages that ended failed").tags(tags.and("status", k)).register(registry));
    }

    private Counter receiptCounter(String state) {
        // Resolved once per state: a receipt is counted per message under receipt traffic.
        return receiptsByState.computeIfAbsent(state, k -> Counter.builder("ujumbe.receipts")
                .description("delivery receipts by state").tags(tags.and("state", k)).register(registry));
    }

    void submitLatency(long nanos) {
        submitLatency.record(nanos, TimeUnit.NANOSECONDS);
    }

    void gauge(String name, String description, Supplier<Number> value) {
        io.micrometer.core.instrument.Gauge.builder(name, value).description(description).tags(tags).register(registry);
    }
}
