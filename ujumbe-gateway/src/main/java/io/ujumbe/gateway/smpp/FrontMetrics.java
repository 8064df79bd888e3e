package io.ujumbe.gateway.smpp;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The SMPP front's meters ({@code ujumbe.gateway.smpp.*}), also read by /health. */
final class FrontMetrics {
    private final MeterRegistry registry;
    final Counter bindsAccepted;
    final Counter bindsRejected;
    final Counter submits;
    final Counter accepted;
    final Counter throttled;
    final Counter queries;
    final Counter receiptsSent;
    final Counter moSent;
    final Counter queued;
    final Counter expired;
    final Counter dropped;
    private final Map<String, Counter> rejected = new ConcurrentHashMap<>();

    FrontMetrics(MeterRegistry registry) {
        this.registry = registry;
        bindsAccepted = Counter.builder("ujumbe.gateway.smpp.binds").tag("result", "accepted").register(registry);
        bindsRejected = Counter.builder("ujumbe.gateway.smpp.binds").tag("result", "rejected").register(registry);
        submits = Counter.builder("ujumbe.gateway.smpp.submits").description("submit_sm, data_sm and submit_multi received").register(registry);
        accepted = Counter.builder("ujumbe.gateway.smpp.accepted").description("messages answered with a gateway id").register(registry);
        throttled = Counter.builder("ujumbe.gateway.smpp.throttled").description("submissions answered ESME_RTHROTTLED").register(registry);
        queries = Counter.builder("ujumbe.gateway.smpp.queries").register(registry);
        receiptsSent = Counter.builder("ujumbe.gateway.smpp.delivered").tag("kind", "receipt").register(registry);
        moSent = Counter.builder("ujumbe.gateway.smpp.delivered").tag("kind", "mo").register(registry);
        queued = Counter.builder("ujumbe.gateway.smpp.queued").description("receipts and MO queued for a user without a receiver").register(registry);
        expired = Counter.builder("ujumbe.gateway.smpp.dropped").tag("reason", "ttl").register(registry);
        dropped = Counter.builder("ujumbe.gateway.smpp.dropped").tag("reason", "full").register(registry);
    }

    void rejected(String reason) {
        rejected.computeIfAbsent(reason, r -> Counter.builder("ujumbe.gateway.smpp.rejected").tag("reason", r)
                .register(registry)).increment();
    }

    long rejectedTotal() {
        return (long) rejected.values().stream().mapToDouble(Counter::count).sum();
    }
}
