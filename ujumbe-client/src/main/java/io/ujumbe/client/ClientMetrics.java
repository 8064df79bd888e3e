package io.ujumbe.client;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.ujumbe.pdu.CommandStatus;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The client's Micrometer meters, all tagged with the client id. Names follow Micrometer's dotted
 * convention ({@code ujumbe.messages.accepted} becomes {@code ujumbe_messages_accepted_total} in
 * Prometheus).
 */
final class ClientMetrics {
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
        this.submitLatency = Timer.builder("ujumbe.response.latency").description("submit_sm to submit_sm_resp")
                .tags(tags).publishPercentiles(0.5, 0.9, 0.99).register(registry);
    }

    void failed(CommandStatus status) {
        String key = status == null ? "exception" : status.name();
        failedByStatus.computeIfAbsent(key, k -> Counter.builder("ujumbe.messages.failed")
                .description("messages that ended failed").tags(tags.and("status", k)).register(registry)).increment();
    }

    void receipt(String state) {
        // Resolved once per state: a receipt is counted per message under receipt traffic.
        receiptsByState.computeIfAbsent(state, k -> Counter.builder("ujumbe.receipts")
                .description("delivery receipts by state").tags(tags.and("state", k)).register(registry)).increment();
    }

    void submitLatency(long nanos) {
        submitLatency.record(nanos, TimeUnit.NANOSECONDS);
    }

    void gauge(String name, String description, Supplier<Number> value) {
        io.micrometer.core.instrument.Gauge.builder(name, value).description(description).tags(tags).register(registry);
    }
}
