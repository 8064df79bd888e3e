package io.ujumbe.smsc;

import io.ujumbe.pdu.CommandStatus;
import io.ujumbe.pdu.DeliverSm;
import io.ujumbe.pdu.DeliverSmResp;
import io.ujumbe.pdu.PduResponse;
import io.ujumbe.session.ResponseTimeoutException;
import io.ujumbe.session.SmppSession;
import io.ujumbe.session.WindowFullException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends deliver_sm PDUs (receipts and MO) to bound receiver or transceiver sessions, like an
 * SMSC's store and forward: what finds no receiver of its account waits until one binds
 * (receipts up to {@link #RETENTION}; MO up to the configured TTL and store limit); a deliver_sm
 * answered with an error or lost with its connection is tried again, at most
 * {@link #MAX_ATTEMPTS} times.
 *
 * <p>A deliver_sm not answered within the session's response timeout is not sent again at
 * once: the ESME may still be working on it. The simulator waits as long again for the late
 * answer (which the session itself drops, and {@link #onResponseReceived} sees); a late
 * ESME_ROK counts as delivered and nothing is sent again. Only when no answer comes at all is it
 * sent again, so delivery is at-least-once: an ESME that answers later than twice the response
 * timeout may see the same deliver_sm twice, one that answers in time never does.
 *
 * <p>Runs on the simulator's timer and the sessions' futures; it never blocks.
 */
final class Deliveries {
    static final int MAX_ATTEMPTS = 5;
    static final Duration RETENTION = Duration.ofMinutes(10);
    static final Duration RETRY_STEP = Duration.ofMillis(200);
    /** The queue key of deliveries for a receiver of any account (a system_id cannot hold NUL). */
    private static final String ANY = "\u0000any";
    private static final Logger log = LoggerFactory.getLogger(Deliveries.class);

    private final ScheduledExecutorService timer;
    private final Set<SmppSession> sessions;
    private final Counters counters;
    private final SmscRecord record;
    private final int moStoreLimit;
    private final Map<String, Queue<Delivery>> waiting = new ConcurrentHashMap<>();
    /** Deliveries whose response timed out, by session id and sequence number, until a late answer or the retry. */
    private final Map<String, Delivery> unanswered = new ConcurrentHashMap<>();
    private final AtomicLong pending = new AtomicLong();
    private final AtomicInteger moStored = new AtomicInteger();
    private final AtomicInteger roundRobin = new AtomicInteger();

    Deliveries(ScheduledExecutorService timer, Set<SmppSession> sessions, Counters counters, SmscRecord record,
               int moStoreLimit) {
        this.timer = timer;
        this.sessions = sessions;
        this.counters = counters;
        this.record = record;
        this.moStoreLimit = moStoreLimit;
    }

    /** One deliver_sm to send; {@code systemId} null means any bound receiver. */
    static final class Delivery {
        final String systemId;
        final String preferredSession;
        final DeliverSm pdu;
        final DeliveryRecord.Kind kind;
        final String messageId;
        final boolean waitForReceiver;
        /** How long it may wait for a receiver; null = {@link #RETENTION}, checked when one binds. */
        final Duration ttl;
        /** {@link System#nanoTime()} when made: an Instant per receipt was garbage on the timer thread. */
        final long createdAtNanos = System.nanoTime();
        final CompletableFuture<Void> done = new CompletableFuture<>();
        int attempts;

        Delivery(String systemId, String preferredSession, DeliverSm pdu, DeliveryRecord.Kind kind, String messageId,
                 boolean waitForReceiver) {
            this(systemId, preferredSession, pdu, kind, messageId, waitForReceiver, null);
        }

        Delivery(String systemId, String preferredSession, DeliverSm pdu, DeliveryRecord.Kind kind, String messageId,
                 boolean waitForReceiver, Duration ttl) {
            this.systemId = systemId;
            this.preferredSession = preferredSession;
            this.pdu = pdu;
            this.kind = kind;
            this.messageId = messageId;
            this.waitForReceiver = waitForReceiver;
            this.ttl = ttl;
        }

        private String queueKey() {
            return systemId == null ? ANY : systemId;
        }
    }

    long pending() {
        return pending.get();
    }

    /** MO parts stored now, waiting for a receiver. */
    int moStored() {
        return moStored.get();
    }

    /** Deliveries whose answer timed out and that wait for a late answer before being sent again. */
    int awaitingLateAnswer() {
        return unanswered.size();
    }

    /** True when {@code parts} more MO parts fit in the store. */
    boolean moStoreHasRoom(int parts) {
        return moStored.get() + parts <= moStoreLimit;
    }

    /** True when a session of this account (any account when null) can receive now. */
    boolean hasReceiver(String systemId) {
        return receiver(systemId, null) != null;
    }

    /** A session of this account (any when null) that can receive now, or null; round robin. */
    SmppSession receiver(String systemId) {
        return receiver(systemId, null);
    }

    void send(Delivery d) {
        SmppSession target = receiver(d.systemId, d.preferredSession);
        if (target == null) {
            if (d.waitForReceiver) {
                store(d);
            } else {
                d.done.completeExceptionally(new IllegalStateException(
                        "no receiver or transceiver session is bound" + (d.systemId == null ? "" : " for system_id " + d.systemId)));
            }
            return;
        }
        transmit(target, d);
    }

    private void store(Delivery d) {
        if (d.kind == DeliveryRecord.Kind.MO) {
            if (moStored.incrementAndGet() > moStoreLimit) {
                moStored.decrementAndGet();
                log.atWarn().setMessage("MO dropped: the store is full").addKeyValue("systemId", label(d.systemId))
                        .addKeyValue("mo", d.messageId).addKeyValue("moStoreLimit", moStoreLimit).log();
                d.done.completeExceptionally(new IllegalStateException("the MO store is full (" + moStoreLimit
                        + " parts wait for a receiver)"));
                return;
            }
        }
        pending.incrementAndGet();
        waiting.computeIfAbsent(d.queueKey(), k -> new ConcurrentLinkedQueue<>()).add(d);
        log.atDebug().setMessage(d.kind == DeliveryRecord.Kind.MO ? "MO waits for a receiver" : "receipt waits for a receiver")
                .addKeyValue("systemId", label(d.systemId)).addKeyValue("messageId", d.messageId).log();
        if (d.ttl != null) {
            schedule(() -> expire(d), d.ttl);
        }
        // A receiver may have bound between the look-up and the add; onBound would then have missed this one.
        if (receiver(d.systemId, null) != null) {
            drain(d.queueKey(), null);
        }
    }

    /** The TTL of a stored delivery passed: drop it, unless a bind took it first. */
    private void expire(Delivery d) {
        Queue<Delivery> queue = waiting.get(d.queueKey());
        if (queue == null || !queue.remove(d)) {
            return;
        }
        unstore(d);
        log.atWarn().setMessage(d.kind == DeliveryRecord.Kind.MO ? "MO dropped: no receiver bound in time"
                        : "receipt dropped: no receiver bound in time").addKeyValue("systemId", label(d.systemId))
                .addKeyValue("messageId", d.messageId).addKeyValue("ttl", d.ttl).log();
        d.done.completeExceptionally(new IllegalStateException("no receiver bound within " + d.ttl));
    }

    private void unstore(Delivery d) {
        pending.decrementAndGet();
        if (d.kind == DeliveryRecord.Kind.MO) {
            moStored.decrementAndGet();
        }
    }

    /**
     * Deliveries waiting for room in a session's window, by session id, oldest first. An SMSC
     * holds what it cannot send yet; before, a deliver_sm that met a full window failed at once
     * (WindowFullException, with its stack trace), counted as an attempt and was scheduled again
     * 200 ms later, so a burst of receipts above the window cost a scheduled task per receipt and
     * receipts were given up after five tries. Made on a session's first receipt, dropped when it closes.
     */
    private final Map<String, Backlog> backlogs = new ConcurrentHashMap<>();

    /** One session's waiting deliveries; guarded by itself. */
    private static final class Backlog {
        final ArrayDeque<Delivery> queue = new ArrayDeque<>();
        /** A pump is running on the thread holding the lock: a callback that runs inside it must not start another (the stack would grow with the backlog). */
        boolean pumping;
        /**
         * deliver_sm sent on the session and not yet settled. The simulator's only windowed requests
         * are these, so this mirrors the session's window (it lags by the callback, never leads): no
         * send is tried that would fail with a WindowFullException (a stack trace per receipt).
         */
        int inFlight;
    }

    private void transmit(SmppSession target, Delivery d) {
        Backlog backlog = backlogs.computeIfAbsent(target.id(), k -> new Backlog());
        synchronized (backlog) {
            backlog.queue.addLast(d);
            pump(target, backlog);
        }
    }

    /** Sends from the session's backlog while its window has room; the head stays when it is full. Holds the backlog's lock. */
    private void pump(SmppSession target, Backlog backlog) {
        if (backlog.pumping) {
            return;
        }
        backlog.pumping = true;
        try {
            pumpQueue(target, backlog);
        } finally {
            backlog.pumping = false;
        }
    }

    private void pumpQueue(SmppSession target, Backlog backlog) {
        int window = target.config().windowSize();
        Delivery d;
        while (backlog.inFlight < window && (d = backlog.queue.peekFirst()) != null) {
            CompletableFuture<PduResponse> sent = target.send(d.pdu);
            if (sent.isCompletedExceptionally() && windowFull(sent)) {
                // Sent again when an answer frees a place (the answer's callback pumps).
                return;
            }
            backlog.queue.pollFirst();
            backlog.inFlight++;
            d.attempts++;
            Delivery delivery = d;
            sent.whenComplete((resp, err) -> {
                synchronized (backlog) {
                    backlog.inFlight--;
                }
                if (err instanceof ResponseTimeoutException t && t.sequenceNumber() >= 0) {
                    awaitLateAnswer(target, delivery, t);
                } else {
                    answered(target, delivery, err == null ? resp.commandStatus() : null, err);
                }
                pump(target);
            });
        }
    }

    /** A place in the session's window may be free (an answer came, or the window said so): send what waits. */
    void pump(SmppSession target) {
        Backlog backlog = backlogs.get(target.id());
        if (backlog == null) {
            return;
        }
        synchronized (backlog) {
            pump(target, backlog);
        }
    }

    /** The session closed: what still waits for its window goes to another receiver, or is stored. */
    void onClosed(SmppSession session) {
        Backlog backlog = backlogs.remove(session.id());
        if (backlog == null) {
            return;
        }
        List<Delivery> left;
        synchronized (backlog) {
            left = new ArrayList<>(backlog.queue);
            backlog.queue.clear();
        }
        if (!left.isEmpty()) {
            log.atInfo().setMessage("deliver_sm waiting for a closed session's window sent elsewhere")
                    .addKeyValue("session", session.id()).addKeyValue("systemId", session.systemId())
                    .addKeyValue("count", left.size()).log();
        }
        left.forEach(this::send);
    }

    private static boolean windowFull(CompletableFuture<PduResponse> failed) {
        try {
            failed.getNow(null);
            return false;
        } catch (CompletionException e) {
            return e.getCause() instanceof WindowFullException;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void answered(SmppSession target, Delivery d, CommandStatus status, Throwable err) {
        if (status != null && record.keepsEntries()) {
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
        retryOrGiveUp(target, d, why);
    }

    private void retryOrGiveUp(SmppSession target, Delivery d, String why) {
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
    }

    /** Holds a timed-out delivery for as long again as the timeout, for its late answer, then retries. */
    private void awaitLateAnswer(SmppSession target, Delivery d, ResponseTimeoutException timeout) {
        String key = key(target, timeout.sequenceNumber());
        unanswered.put(key, d);
        pending.incrementAndGet();
        Duration grace = target.config().responseTimeout();
        log.atInfo().setMessage("deliver_sm not answered in time; waiting for a late answer before sending it again")
                .addKeyValue("session", target.id()).addKeyValue("systemId", target.systemId())
                .addKeyValue("kind", d.kind).addKeyValue("messageId", d.messageId)
                .addKeyValue("seq", timeout.sequenceNumber()).addKeyValue("graceMs", grace.toMillis()).log();
        schedule(() -> {
            if (unanswered.remove(key, d)) {
                pending.decrementAndGet();
                retryOrGiveUp(target, d, "no answer within " + grace.multipliedBy(2).toMillis() + " ms");
            }
        }, grace);
        // Closed before the late answer: nothing more can come on it; retry now (on another session).
        target.closeFuture().whenComplete((v, e) -> {
            if (unanswered.remove(key, d)) {
                pending.decrementAndGet();
                retryOrGiveUp(target, d, "connection closed before a late answer");
            }
        });
    }

    /**
     * Every deliver_sm_resp a session receives, before the session matches it: one that answers a
     * timed-out deliver_sm (the session drops it as answering nothing) settles that delivery.
     */
    void onResponseReceived(SmppSession session, DeliverSmResp resp) {
        if (unanswered.isEmpty()) {
            return;
        }
        Delivery d = unanswered.remove(key(session, resp.sequenceNumber()));
        if (d == null) {
            return;
        }
        pending.decrementAndGet();
        log.atInfo().setMessage("late deliver_sm_resp: " + (resp.commandStatus().isOk()
                        ? "delivered, not sent again" : "refused, will be retried"))
                .addKeyValue("session", session.id()).addKeyValue("systemId", session.systemId())
                .addKeyValue("kind", d.kind).addKeyValue("messageId", d.messageId)
                .addKeyValue("status", resp.commandStatus()).log();
        answered(session, d, resp.commandStatus(), null);
    }

    private static String key(SmppSession session, int sequenceNumber) {
        return session.id() + "#" + sequenceNumber;
    }

    /** A session bound: what waited for its account, and for any account, goes out now. */
    void onBound(SmppSession session) {
        if (!session.state().canReceive()) {
            return;
        }
        drain(session.systemId(), session);
        drain(ANY, session);
    }

    private void drain(String queueKey, SmppSession session) {
        Queue<Delivery> queue = waiting.get(queueKey);
        if (queue == null) {
            return;
        }
        long now = System.nanoTime();
        List<Delivery> ready = new ArrayList<>();
        for (Delivery d; (d = queue.poll()) != null; ) {
            unstore(d);
            if (d.ttl == null && now - d.createdAtNanos > RETENTION.toNanos()) {
                log.atWarn().setMessage("receipt dropped: no receiver bound in time").addKeyValue("systemId", d.systemId)
                        .addKeyValue("messageId", d.messageId).log();
                d.done.completeExceptionally(new IllegalStateException("no receiver bound within " + RETENTION));
                continue;
            }
            ready.add(d);
        }
        if (!ready.isEmpty() && session != null) {
            log.atInfo().setMessage("stored deliver_sm sent to a receiver that bound").addKeyValue("session", session.id())
                    .addKeyValue("systemId", session.systemId()).addKeyValue("count", ready.size()).log();
        }
        ready.forEach(this::send);
    }

    /**
     * Called once per receipt: the preferred session (the one the message came on) is taken when it
     * can receive, without building a list of candidates; else one of the others, round robin.
     */
    private SmppSession receiver(String systemId, String preferred) {
        int candidates = 0;
        for (SmppSession s : sessions) {
            if (canReceive(s, systemId)) {
                if (s.id().equals(preferred)) {
                    return s;
                }
                candidates++;
            }
        }
        if (candidates == 0) {
            return null;
        }
        // A second pass picks the n-th; the set may change in between, so fall back to any match.
        int pick = Math.floorMod(roundRobin.getAndIncrement(), candidates);
        SmppSession any = null;
        for (SmppSession s : sessions) {
            if (canReceive(s, systemId)) {
                if (pick-- == 0) {
                    return s;
                }
                any = s;
            }
        }
        return any;
    }

    private static boolean canReceive(SmppSession s, String systemId) {
        return s.state().canReceive() && (systemId == null || systemId.equals(s.systemId()));
    }

    private static String label(String systemId) {
        return systemId == null ? "*" : systemId;
    }

    private void schedule(Runnable task, Duration delay) {
        try {
            timer.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // The simulator is closing; nothing more goes out.
        }
    }
}
