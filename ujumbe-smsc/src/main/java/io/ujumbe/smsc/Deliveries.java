package io.ujumbe.smsc;

import io.ujumbe.pdu.CommandStatus;
import io.ujumbe.pdu.DeliverSm;
import io.ujumbe.session.SmppSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends deliver_sm PDUs (receipts and MO) to bound receiver or transceiver sessions. Receipts
 * for an account with no receiver bound wait (up to {@link #RETENTION}) until one binds; a
 * deliver_sm answered with an error, timed out or lost with its connection is tried again, at
 * most {@link #MAX_ATTEMPTS} times. Runs on the simulator's timer and the sessions' futures; it
 * never blocks.
 */
final class Deliveries {
    static final int MAX_ATTEMPTS = 5;
    static final Duration RETENTION = Duration.ofMinutes(10);
    static final Duration RETRY_STEP = Duration.ofMillis(200);
    private static final Logger log = LoggerFactory.getLogger(Deliveries.class);

    private final ScheduledExecutorService timer;
    private final Set<SmppSession> sessions;
    private final Counters counters;
    private final SmscRecord record;
    private final Map<String, Queue<Delivery>> waiting = new ConcurrentHashMap<>();
    private final AtomicLong pending = new AtomicLong();
    private final AtomicInteger roundRobin = new AtomicInteger();

    Deliveries(ScheduledExecutorService timer, Set<SmppSession> sessions, Counters counters, SmscRecord record) {
        this.timer = timer;
        this.sessions = sessions;
        this.counters = counters;
        this.record = record;
    }

    /** One deliver_sm to send; {@code systemId} null means any bound receiver. */
    static final class Delivery {
        final String systemId;
        final String preferredSession;
        final DeliverSm pdu;
        final DeliveryRecord.Kind kind;
        final String messageId;
        final boolean waitForReceiver;
        final Instant createdAt = Instant.now();
        final CompletableFuture<Void> done = new CompletableFuture<>();
        int attempts;

        Delivery(String systemId, String preferredSession, DeliverSm pdu, DeliveryRecord.Kind kind, String messageId,
                 boolean waitForReceiver) {
            this.systemId = systemId;
            this.preferredSession = preferredSession;
            this.pdu = pdu;
            this.kind = kind;
            this.messageId = messageId;
            this.waitForReceiver = waitForReceiver;
        }
    }

    long pending() {
        return pending.get();
    }

    /** True when a session of this account (any account when null) can receive now. */
    boolean hasReceiver(String systemId) {
        return receiver(systemId, null) != null;
    }

    void send(Delivery d) {
        SmppSession target = receiver(d.systemId, d.preferredSession);
        if (target == null) {
            if (d.waitForReceiver) {
                pending.incrementAndGet();
                waiting.computeIfAbsent(d.systemId, k -> new ConcurrentLinkedQueue<>()).add(d);
                log.atDebug().setMessage("receipt waits for a receiver").addKeyValue("systemId", d.systemId)
                        .addKeyValue("messageId", d.messageId).log();
            } else {
                d.done.completeExceptionally(new IllegalStateException(
                        "no receiver or transceiver session is bound" + (d.systemId == null ? "" : " for system_id " + d.systemId)));
            }
            return;
        }
        d.attempts++;
        target.send(d.pdu).whenComplete((resp, err) -> {
            CommandStatus status = err == null ? resp.commandStatus() : null;
            if (status != null) {
                record.add(new DeliveryRecord(target.id(), target.systemId(), d.kind, d.messageId, d.pdu, status, Instant.now()));
            }
            if (status != null && status.isOk()) {
                if (d.kind == DeliveryRecord.Kind.MO) {
                    counters.moSent.increment();
                } else {
                    counters.receiptsSent.increment();
                }
                d.done.complete(null);
                return;
            }
            String why = status != null ? status.name() : err.getClass().getSimpleName() + ": " + err.getMessage();
            if (d.attempts >= MAX_ATTEMPTS) {
                counters.receiptsFailed.increment();
                log.atWarn().setMessage("deliver_sm given up").addKeyValue("session", target.id())
                        .addKeyValue("systemId", target.systemId()).addKeyValue("kind", d.kind)
                        .addKeyValue("messageId", d.messageId).addKeyValue("attempts", d.attempts)
                        .addKeyValue("reason", why).log();
                d.done.completeExceptionally(new IllegalStateException("deliver_sm not accepted after "
                        + d.attempts + " attempts: " + why));
                return;
            }
            log.atInfo().setMessage("deliver_sm will be retried").addKeyValue("session", target.id())
                    .addKeyValue("systemId", target.systemId()).addKeyValue("kind", d.kind)
                    .addKeyValue("messageId", d.messageId).addKeyValue("attempt", d.attempts)
                    .addKeyValue("reason", why).log();
            pending.incrementAndGet();
            schedule(() -> {
                pending.decrementAndGet();
                send(d);
            }, RETRY_STEP.multipliedBy(d.attempts));
        });
    }

    /** A session bound: what waited for its account goes out now. */
    void onBound(SmppSession session) {
        Queue<Delivery> queue = waiting.get(session.systemId());
        if (queue == null || !session.state().canReceive()) {
            return;
        }
        Instant oldest = Instant.now().minus(RETENTION);
        List<Delivery> ready = new ArrayList<>();
        for (Delivery d; (d = queue.poll()) != null; ) {
            pending.decrementAndGet();
            if (d.createdAt.isBefore(oldest)) {
                log.atWarn().setMessage("receipt dropped: no receiver bound in time").addKeyValue("systemId", d.systemId)
                        .addKeyValue("messageId", d.messageId).log();
                d.done.completeExceptionally(new IllegalStateException("no receiver bound within " + RETENTION));
                continue;
            }
            ready.add(d);
        }
        ready.forEach(this::send);
    }

    private SmppSession receiver(String systemId, String preferred) {
        List<SmppSession> candidates = new ArrayList<>();
        for (SmppSession s : sessions) {
            if (s.state().canReceive() && (systemId == null || systemId.equals(s.systemId()))) {
                if (s.id().equals(preferred)) {
                    return s;
                }
                candidates.add(s);
            }
        }
        if (candidates.isEmpty()) {
            return null;
        }
        return candidates.get(Math.floorMod(roundRobin.getAndIncrement(), candidates.size()));
    }

    private void schedule(Runnable task, Duration delay) {
        try {
            timer.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // The simulator is closing; nothing more goes out.
        }
    }
}
