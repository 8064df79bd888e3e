package io.ujumbe.client;

import io.ujumbe.pdu.CommandStatus;
import io.ujumbe.pdu.PduResponse;
import io.ujumbe.pdu.SubmitSm;
import io.ujumbe.pdu.SubmitSmResp;
import io.ujumbe.session.SessionClosedException;
import io.ujumbe.session.SmppSession;
import io.ujumbe.session.WindowFullException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The outbound engine. Takes entries from the outbox, turns each message into its submit_sm parts,
 * and sends them as the rate limiter, the throttle handler and the binds' windows allow; collects
 * each part's answer and decides the message's fate: accepted, retried (nack to the outbox) or
 * failed. Every field is touched only on the dispatcher thread, so no locks; callbacks from the
 * I/O threads hop onto it. Nothing here ever waits: when it cannot send, it returns and is woken
 * by the event that changes that (window room, a bind, the outbox, a timer).
 */
final class Dispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private final ClientLog log;

    private final ClientConfig config;
    private final ScheduledExecutorService executor;
    private final MessageAssembler assembler;
    private final Supplier<List<SmppSession>> transmitters;
    private final OutcomeSink outcomes;
    private final ClientMetrics metrics;
    private final Correlator correlator;

    private final ArrayDeque<PartSend> ready = new ArrayDeque<>();
    /**
     * Messages with parts in flight or waiting, linked through the jobs themselves: adding and
     * removing one per message costs no map entry and no hashing.
     */
    private Job firstJob;
    private Job lastJob;
    private int jobCount;
    /** What earlier attempts of a message achieved, so a retry resends only the missing parts. */
    private final Map<String, Progress> progress = new HashMap<>();
    private final ConcatenationReferences references = new ConcatenationReferences();
    private final AtomicLong availableSignals = new AtomicLong();
    private final java.util.concurrent.atomic.AtomicBoolean wakePending = new java.util.concurrent.atomic.AtomicBoolean();
    /** Answers from the I/O threads, taken on the dispatcher thread in bursts. */
    private final java.util.concurrent.ConcurrentLinkedQueue<PartSend> answers = new java.util.concurrent.ConcurrentLinkedQueue<>();
    /**
     * The answers being handled, taken from {@link #answers} together (dispatcher thread only):
     * {@link #burstNext} up to {@link #burstSize} are still to handle.
     */
    private PartSend[] burst = new PartSend[64];
    private int burstSize;
    private int burstNext;
    /** The message ids of the accepted parts in a burst, while it is taken. */
    private String[] burstIds = new String[64];
    private final Runnable takeAnswers = this::takeAnswers;
    private final java.util.concurrent.atomic.AtomicBoolean answersPending = new java.util.concurrent.atomic.AtomicBoolean();
    private boolean polling;
    /** The time of the answers being taken now: read once per burst, not per part. */
    private Instant acceptedAt;
    /** The default throttle handler when it runs on the system clock: it is then given the clock readings below. */
    private final PercentageThrottleHandler timedThrottle;
    /** The clock as read for the answers being taken now. */
    private long answerNanos;
    /** The clock as read by the first send of the current drain. */
    private long sendNanos;
    private boolean sendClockRead;
    private boolean drainScheduled;
    private long drainScheduledAt;
    private boolean stopping;
    private int roundRobin;
    private int inFlightParts;
    /**
     * Pause on throttle ({@link ClientConfig#pauseOnThrottle()}): throttled parts wait here, in the
     * order they were first sent, and go before anything else once the pause is over.
     */
    private final java.util.PriorityQueue<PartSend> throttledFirst =
            new java.util.PriorityQueue<>(java.util.Comparator.comparingLong((PartSend p) -> p.order));
    private long sendOrder;
    private boolean paused;
    private long pausedUntil;
    private long pauseStartedAt;
    private long pauseNanos;
    /** True from a pause until a response other than a throttle: a throttle meanwhile doubles the pause. */
    private boolean pauseBackoff;

    Dispatcher(ClientConfig config, ScheduledExecutorService executor, MessageAssembler assembler,
               Supplier<List<SmppSession>> transmitters, OutcomeSink outcomes, ClientMetrics metrics, Correlator correlator) {
        this.config = config;
        this.log = new ClientLog(LOG, config);
        this.executor = executor;
        this.assembler = assembler;
        this.transmitters = transmitters;
        this.outcomes = outcomes;
        this.metrics = metrics;
        this.correlator = correlator;
        this.timedThrottle = config.throttleHandler() instanceof PercentageThrottleHandler
                && ((PercentageThrottleHandler) config.throttleHandler()).onSystemClock()
                ? (PercentageThrottleHandler) config.throttleHandler() : null;
        config.outbox().onAvailable(this::signalAvailable);
    }

    /** Where terminal outcomes go (the client completes futures and tells listeners). */
    interface OutcomeSink {
        void terminal(MessageOutcome outcome);
    }

    // ---- wake-ups (any thread) --------------------------------------------------------------

    void signalAvailable() {
        availableSignals.incrementAndGet();
        wake();
    }

    void wake() {
        // Coalesce: a burst of offers or window signals needs one drain, not one task each.
        if (wakePending.compareAndSet(false, true)) {
            try {
                executor.execute(() -> {
                    wakePending.set(false);
                    drain();
                });
            } catch (java.util.concurrent.RejectedExecutionException stopped) {
                // The client has stopped: a late signal from the outbox has nothing left to wake.
            }
        }
    }

    // ---- the loop (dispatcher thread) --------------------------------------------------------

    void drain() {
        if (stopping) {
            return;
        }
        if (!answers.isEmpty()) {
            // A window freed by an answer can wake this before the answer is taken: take it
            // first, so that a throttled part is back at the head of the line (pause on throttle)
            // before the room it left is given to the next part.
            processAnswers();
        }
        sendClockRead = false;
        while (true) {
            PartSend part = throttledFirst.isEmpty() ? ready.peek() : throttledFirst.peek();
            if (part == null) {
                if (poll()) {
                    continue;
                }
                return;
            }
            if (paused) {
                long left = pausedUntil - System.nanoTime();
                if (left > 0) {
                    scheduleDrain(left);
                    return;
                }
                paused = false;
            }
            SmppSession session = pickSession();
            if (session == null) {
                return;
            }
            if (config.rateLimitParts() || part.index == firstUnsentIndex(part.job)) {
                long wait = config.rateLimiter().tryAcquire(1);
                if (wait > 0) {
                    scheduleDrain(wait);
                    return;
                }
            }
            // Asked last: when it lets a probe through after a pause, the probe must really go
            // (a probe granted and then held back by the window or the rate would cost a pause).
            ThrottleHandler throttle = config.throttleHandler();
            if (!(timedThrottle != null ? timedThrottle.allowRequest(sendClock()) : throttle.allowRequest())) {
                scheduleDrain(throttle.throttleDelay().toNanos());
                return;
            }
            if (throttledFirst.isEmpty()) {
                ready.poll();
            } else {
                throttledFirst.poll();
            }
            send(session, part);
        }
    }

    /**
     * Pause on throttle: the part goes back to the head of the line (before every part sent after
     * it) and all sending pauses. Parts sent before the pause began that come back throttled join
     * the line without extending the pause; one sent after it doubles the pause (up to 32 times).
     */
    private void pauseForThrottle(PartSend part, CommandStatus status) {
        PartSend again = new PartSend(this, part.job, part.index);
        again.order = part.order;
        throttledFirst.add(again);
        part.job.queued++;
        long now = System.nanoTime();
        if (paused && part.sentNanos - pauseStartedAt < 0) {
            return;
        }
        long base = config.pauseOnThrottle().toNanos();
        pauseNanos = pauseBackoff ? Math.min(pauseNanos * 2, base * 32) : base;
        pauseBackoff = true;
        paused = true;
        pauseStartedAt = now;
        pausedUntil = now + pauseNanos;
        LOG.atWarn().addKeyValue("client", config.clientId()).addKeyValue("status", status.name())
                .addKeyValue("pauseMs", pauseNanos / 1_000_000).addKeyValue("waiting", throttledFirst.size())
                .log("SMSC throttled a message: all sending paused; the throttled messages go first, in order");
    }

    private int firstUnsentIndex(Job job) {
        for (int i = 0; i < job.parts.size(); i++) {
            if (job.messageIds[i] == null) {
                return i;
            }
        }
        return 0;
    }

    private void send(SmppSession session, PartSend part) {
        inFlightParts++;
        if (part.order == 0) {
            part.order = ++sendOrder;
        }
        part.job.sentThisAttempt++;
        metrics.partsSubmitted.increment();
        part.sentNanos = sendClock();
        session.send(part.job.parts.get(part.index), part); // a callback: no future per part
    }

    /**
     * The clock as read once per drain, not per part: the parts of a drain go out within
     * microseconds of each other (and a pause never starts in the middle of one).
     */
    private long sendClock() {
        if (!sendClockRead) {
            sendNanos = System.nanoTime();
            sendClockRead = true;
        }
        return sendNanos;
    }

    /** Any thread: a part's answer arrived; queue it for the dispatcher thread. */
    private void answered(PartSend part) {
        answers.add(part);
        if (answersPending.compareAndSet(false, true)) {
            try {
                executor.execute(takeAnswers);
            } catch (java.util.concurrent.RejectedExecutionException stopped) {
                // The client has stopped: its remaining jobs were failed when it did.
            }
        }
    }

    /**
     * Handles every answer that has arrived, then sends what the freed window allows. The I/O
     * thread reads responses in bursts; one hop onto this thread per burst, not per response,
     * keeps the executor's queue lock and the thread wake-ups off the per-message path.
     */
    private void takeAnswers() {
        processAnswers();
        drain();
    }

    private void processAnswers() {
        answersPending.set(false);
        acceptedAt = null;
        // One clock read per burst of answers (they were read together), not one per answer.
        boolean clockRead = false;
        while (burstNext < burstSize || takeBurst() > 0) {
            if (!clockRead) {
                answerNanos = System.nanoTime();
                clockRead = true;
            }
            long now = answerNanos;
            while (burstNext < burstSize) {
                // Taken out before it is handled: one that throws is not handled twice, and the
                // rest of the burst stays for the next call, as it stayed in the queue before.
                PartSend a = burst[burstNext];
                burst[burstNext++] = null;
                onAnswer(a, a.response, a.error, Math.max(0, now - a.sentNanos));
            }
        }
    }

    /**
     * Moves the answers queued now into {@link #burst}, and lets the correlation store read
     * ahead where the accepted ones among them will be stored; returns how many answers.
     */
    private int takeBurst() {
        int n = 0;
        int ids = 0;
        boolean readAhead = correlator.readsAhead();
        PartSend a;
        while ((a = answers.poll()) != null) {
            if (n == burst.length) {
                burst = java.util.Arrays.copyOf(burst, n * 2);
                burstIds = java.util.Arrays.copyOf(burstIds, n * 2);
            }
            burst[n++] = a;
            if (readAhead && a.response instanceof SubmitSmResp && a.response.commandStatus().isOk()) {
                burstIds[ids++] = ((SubmitSmResp) a.response).messageId();
            }
        }
        burstSize = n;
        burstNext = 0;
        if (ids > 1) {
            correlator.prefetch(burstIds, ids);
        }
        java.util.Arrays.fill(burstIds, 0, ids, null);
        return n;
    }

    private Instant acceptedAt() {
        if (acceptedAt == null) {
            acceptedAt = Instant.now();
        }
        return acceptedAt;
    }

    private SmppSession pickSession() {
        List<SmppSession> sessions = transmitters.get();
        int n = sessions.size();
        for (int i = 0; i < n; i++) {
            SmppSession s = sessions.get(Math.floorMod(roundRobin + i, n));
            if (s.state().canTransmit() && s.windowAvailable() > 0) {
                roundRobin = Math.floorMod(roundRobin + i + 1, n);
                return s;
            }
        }
        return null;
    }

    private void scheduleDrain(long nanos) {
        long at = System.nanoTime() + nanos;
        if (drainScheduled && drainScheduledAt - at <= 0) {
            return;
        }
        drainScheduled = true;
        drainScheduledAt = at;
        executor.schedule(() -> {
            if (drainScheduledAt == at) {
                drainScheduled = false;
            }
            drain();
        }, nanos, TimeUnit.NANOSECONDS);
    }

    private int room() {
        int room = 0;
        for (SmppSession s : transmitters.get()) {
            if (s.state().canTransmit()) {
                room += s.windowAvailable();
            }
        }
        return room;
    }

    /**
     * Asks the outbox for as many entries as the windows have room for. Returns true when the
     * outbox answered at once (the in-memory one does) and entries were admitted, or more were
     * offered meanwhile: the caller then goes on draining, with no executor task per poll.
     */
    private boolean poll() {
        if (polling || stopping) {
            return false;
        }
        int room = room();
        if (room <= 0) {
            return false;
        }
        polling = true;
        long signalsAtStart = availableSignals.get();
        int max = Math.min(256, Math.max(1, room));
        CompletionStage<List<OutboxEntry>> polled = config.outbox().poll(max);
        if (Stages.isCompletedNormally(polled)) {
            return polled(polled.toCompletableFuture().join(), signalsAtStart);
        }
        polled.whenComplete((entries, err) -> executor.execute(() -> {
            if (err != null) {
                polling = false;
                log.warn(null).setCause(err)
                        .log("outbox poll failed; retrying in 1 s");
                scheduleDrain(TimeUnit.SECONDS.toNanos(1));
                return;
            }
            if (polled(entries, signalsAtStart)) {
                drain();
            }
        }));
        return false;
    }

    /** Admits what a poll returned; true when there is something new to drain. */
    private boolean polled(List<OutboxEntry> entries, long signalsAtStart) {
        polling = false;
        if (stopping) {
            returnUnsent(entries);
            return false;
        }
        for (OutboxEntry e : entries) {
            admit(e);
        }
        return !entries.isEmpty() || availableSignals.get() != signalsAtStart;
    }

    /** Turns an outbox entry into parts ready to go, or fails it at once if it cannot be encoded. */
    private void admit(OutboxEntry entry) {
        OutboundMessage m = entry.message();
        Progress p = progress.isEmpty() ? null : progress.get(entry.id());
        if (p == null && entry.progress() != null) {
            // Recorded with the entry, maybe by another process: same reference, only the missing parts.
            p = new Progress(entry.progress().reference(), entry.progress().messageIds());
        }
        List<SubmitSm> parts;
        int reference;
        try {
            parts = assembler.assemble(m, p != null ? p.reference : MessageAssembler.NO_REFERENCE, references);
            reference = assembler.lastReference();
        } catch (RuntimeException e) {
            log.warn(null).addKeyValue("correlationId", m.correlationId())
                    .addKeyValue("error", e.getMessage()).log("message cannot be sent as given; failed");
            finish(entry, new MessageOutcome.Failed(m, null, "message cannot be encoded: " + e.getMessage(), e,
                    entry.attempt(), entry.sendState()));
            return;
        }
        Job job = new Job(entry, parts, p != null && p.messageIds.length == parts.size() ? p.messageIds.clone()
                : new String[parts.size()], reference);
        addJob(job);
        for (int i = 0; i < parts.size(); i++) {
            if (job.messageIds[i] == null) {
                ready.add(new PartSend(this, job, i));
                job.queued++;
            }
        }
        if (job.pendingParts() == 0) {
            complete(job);
        }
    }

    private void onAnswer(PartSend part, PduResponse resp, Throwable err, long latencyNanos) {
        inFlightParts--;
        Job job = part.job;
        if (resp == null && notSent(err)) {
            unsent(part);
            return;
        }
        job.answeredThisAttempt++;
        if (resp != null) {
            metrics.submitLatency(latencyNanos);
            CommandStatus status = resp.commandStatus();
            if (timedThrottle != null && !status.isThrottle()) {
                timedThrottle.onNotThrottled(answerNanos);
            } else {
                config.throttleHandler().onResponse(status);
            }
            java.util.OptionalInt congestion = resp.tlvs().congestionState();
            if (congestion.isPresent()) {
                // SMPP 5.0: the SMSC's load, 0..100; a bad value is clamped, not trusted.
                config.rateLimiter().onCongestion(Math.max(0, Math.min(100, congestion.getAsInt())));
            }
            if (status.isThrottle()) {
                metrics.throttled.increment();
                if (!config.pauseOnThrottle().isZero() && !stopping) {
                    pauseForThrottle(part, status);
                    maybeFinish(job);
                    return;
                }
            } else {
                pauseBackoff = false;
            }
            if (status.isOk() && resp instanceof SubmitSmResp) {
                String messageId = ((SubmitSmResp) resp).messageId();
                job.messageIds[part.index] = messageId;
                CompletableFuture<Void> remembered = correlator.remember(messageId, new Correlation(
                        job.entry.message().correlationId(), job.entry.message().metadata(), part.index + 1,
                        job.parts.size(), acceptedAt()), answerNanos);
                if (remembered != Correlator.STORED && !remembered.isDone()) {
                    // A remote store: the message is finished only once its correlation is stored.
                    job.correlating++;
                    remembered.whenComplete((v, e) -> executor.execute(() -> {
                        job.correlating--;
                        maybeFinish(job);
                    }));
                }
            } else {
                job.state = job.state.and(SendState.REJECTED);
                CommandStatus effective = status.isOk() ? CommandStatus.ESME_RUNKNOWNERR : status;
                RetryDecision d = config.retryPolicy().onStatus(effective, job.entry.attempt());
                record(job, d, effective, null);
            }
        } else {
            job.state = job.state.and(SendState.SENT_NO_ANSWER);
            RetryDecision d = config.retryPolicy().onException(err, job.entry.attempt());
            record(job, d, null, err);
        }
        maybeFinish(job);
    }

    /**
     * True when the part's bytes never left this process: the session refused it or its write
     * failed on a dead connection. That is no attempt: the SMSC cannot have it.
     */
    private static boolean notSent(Throwable err) {
        Throwable e = err;
        while (e instanceof java.util.concurrent.CompletionException && e.getCause() != null) {
            e = e.getCause();
        }
        return e instanceof SessionClosedException && !((SessionClosedException) e).requestSent()
                || e instanceof WindowFullException;
    }

    /**
     * A part that was not sent (its session died before it could be written) waits for the next
     * usable session at the head of the queue, without costing its message an attempt. The dead
     * session takes no more writes, so this does not spin: drain finds no session until a bind.
     */
    private void unsent(PartSend part) {
        Job job = part.job;
        job.sentThisAttempt--;
        if (job.finished) {
            return;
        }
        if (job.failure != null || job.retryDelay != null) {
            maybeFinish(job); // its fate is decided by another part; this one need not go
            return;
        }
        if (stopping) {
            if (job.sentThisAttempt == 0 && job.answeredThisAttempt == 0) {
                job.finished = true;
                removeJob(job);
                giveBack(job.entry, job.state);
            } else {
                job.retryDelay = Duration.ZERO;
                job.lastError = "client stopping";
                maybeFinish(job);
            }
            return;
        }
        ready.addFirst(new PartSend(this, job, part.index));
    }

    private void record(Job job, RetryDecision d, CommandStatus status, Throwable err) {
        if (d.retry() && (!stopping || config.outbox().durable())) {
            Duration delay = d.delay();
            if (job.retryDelay == null || delay.compareTo(job.retryDelay) > 0) {
                job.retryDelay = delay;
            }
            job.lastError = status != null ? status.toString() : String.valueOf(err);
        } else if (job.failure == null) {
            String reason = stopping && d.retry() ? "client stopped before a retry could be made" : d.reason();
            job.failure = new MessageOutcome.Failed(job.entry.message(), status, reason, err, job.entry.attempt(),
                    job.failedState());
        }
    }

    private void maybeFinish(Job job) {
        if (job.answeredThisAttempt < job.sentThisAttempt || job.correlating > 0 || job.finished) {
            return;
        }
        if (job.failure == null && job.retryDelay == null && job.pendingParts() > 0) {
            return; // parts still waiting in the ready queue
        }
        complete(job);
    }

    private void complete(Job job) {
        job.finished = true;
        removeJob(job);
        // Parts of this job still in the ready queue are dropped: the job has its outcome or retries.
        // (Only when some were never sent: the scan is not paid by every accepted message.)
        if (job.sentThisAttempt < job.queued) {
            ready.removeIf(p -> p.job == job);
            throttledFirst.removeIf(p -> p.job == job);
        }
        if (job.failure != null) {
            finish(job.entry, job.failure);
        } else if (job.retryDelay != null) {
            progress.put(job.entry.id(), new Progress(job.reference, job.messageIds.clone()));
            metrics.retried.increment();
            log.info(null)
                    .addKeyValue("correlationId", job.entry.message().correlationId())
                    .addKeyValue("attempt", job.entry.attempt()).addKeyValue("retryInMs", job.retryDelay.toMillis())
                    .addKeyValue("lastError", job.lastError).log("message will be retried");
            // A one-part message drew no reference (NO_REFERENCE); the record needs 0..65535 and a
            // single part never uses it.
            config.outbox().nack(job.entry.withProgress(PartProgress.of(Math.max(0, job.reference), job.messageIds))
                            .withSendState(job.failedState()), job.retryDelay)
                    .whenComplete((v, e) -> {
                if (e != null) {
                    log.error(null).setCause(e)
                            .addKeyValue("correlationId", job.entry.message().correlationId())
                            .log("outbox refused the retry; the message fails");
                    executor.execute(() -> finish(job.entry, new MessageOutcome.Failed(job.entry.message(), null,
                            "could not requeue for retry: " + e.getMessage(), e, job.entry.attempt(), job.failedState())));
                }
            });
        } else {
            finish(job.entry, new MessageOutcome.Accepted(job.entry.message(), job.messageIds.length == 1
                    ? List.of(job.messageIds[0]) : Arrays.asList(job.messageIds), job.entry.attempt()));
        }
    }

    private void finish(OutboxEntry entry, MessageOutcome outcome) {
        if (!progress.isEmpty()) {
            progress.remove(entry.id());
        }
        CompletionStage<Void> acked = config.outbox().ack(entry);
        if (Stages.isCompletedNormally(acked)) {
            // The in-memory outbox: nothing to wait for, and no callback stage per message.
            outcomes.terminal(outcome);
            return;
        }
        acked.whenComplete((v, e) -> {
            if (e != null) {
                log.warn(null).setCause(e)
                        .addKeyValue("correlationId", entry.message().correlationId())
                        .log("outbox ack failed; the message may be handed out again");
            }
        });
        outcomes.terminal(outcome);
    }

    // ---- stopping ----------------------------------------------------------------------------

    /** Stops sending; parts not yet sent go back to the outbox (durable) or fail (in memory). */
    void beginStop() {
        stopping = true;
        List<Job> unsent = new ArrayList<>();
        java.util.Set<Job> partlySent = new java.util.HashSet<>();
        for (PartSend p : ready) {
            partlySent.add(p.job);
        }
        for (PartSend p : throttledFirst) {
            partlySent.add(p.job);
        }
        for (Job j : jobs()) {
            if (j.sentThisAttempt == 0) {
                unsent.add(j);
                partlySent.remove(j);
            }
        }
        ready.clear();
        throttledFirst.clear();
        for (Job j : unsent) {
            removeJob(j);
            j.finished = true;
            giveBack(j.entry, j.failedState());
        }
        for (Job j : partlySent) {
            // Some parts sent, some not: once the sent ones are answered the message goes back
            // (durable outbox) or fails (in memory); the unsent parts will not go now.
            if (j.failure == null && j.retryDelay == null) {
                j.retryDelay = Duration.ZERO;
                j.lastError = "client stopping";
            }
            maybeFinish(j);
        }
    }

    private void giveBack(OutboxEntry entry) {
        giveBack(entry, entry.sendState());
    }

    /** {@code sofar}: what the attempts so far achieved, which the failure must not understate. */
    private void giveBack(OutboxEntry entry, SendState sofar) {
        if (config.outbox().durable()) {
            progress.remove(entry.id());
            config.outbox().release(entry);
        } else {
            String reason = sofar == SendState.NOT_SENT ? "client stopped before the message was sent"
                    : "client stopped before the message could be sent again (" + describe(sofar) + ")";
            finish(entry, new MessageOutcome.Failed(entry.message(), null, reason, null, entry.attempt(), sofar));
        }
    }

    private static String describe(SendState state) {
        switch (state) {
            case REJECTED:
                return "earlier attempts were rejected by the SMSC";
            case SENT_NO_ANSWER:
                return "an earlier attempt was sent and not answered: the SMSC may have it";
            case PARTLY_ACCEPTED:
                return "some parts were accepted by the SMSC";
            default:
                return "not sent";
        }
    }

    /** Fails (in-memory outbox) what is still queued; called after the sessions are closed. */
    CompletableFuture<Void> failRemaining() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        executor.execute(() -> {
            for (Job j : jobs()) {
                if (!j.finished && config.outbox().durable() && j.failure == null) {
                    // Sent but never answered: the entry goes back for another process or the next run.
                    // (At-least-once: a part the SMSC did take may be sent again.)
                    j.finished = true;
                    removeJob(j);
                    giveBack(j.entry);
                } else if (!j.finished) {
                    if (j.failure == null) {
                        SendState state = j.answeredThisAttempt < j.sentThisAttempt
                                ? j.failedState().and(SendState.SENT_NO_ANSWER) : j.failedState();
                        j.failure = new MessageOutcome.Failed(j.entry.message(), null,
                                "client stopped before every part was answered", null, j.entry.attempt(), state);
                    }
                    j.retryDelay = null;
                    complete(j);
                }
            }
            if (config.outbox().durable()) {
                done.complete(null);
                return;
            }
            drainOutbox(done);
        });
        return done;
    }

    private void drainOutbox(CompletableFuture<Void> done) {
        if (config.outbox() instanceof InMemoryOutbox) {
            // Retries still waiting for their backoff too: poll would leave them without an outcome.
            for (OutboxEntry e : ((InMemoryOutbox) config.outbox()).pollAll()) {
                giveBack(e);
            }
            done.complete(null);
            return;
        }
        config.outbox().poll(1024).whenComplete((entries, err) -> executor.execute(() -> {
            if (err != null || entries.isEmpty()) {
                done.complete(null);
                return;
            }
            for (OutboxEntry e : entries) {
                giveBack(e);
            }
            drainOutbox(done);
        }));
    }

    private void returnUnsent(List<OutboxEntry> entries) {
        for (OutboxEntry e : entries) {
            giveBack(e);
        }
    }

    /** Parts sent and not yet answered (dispatcher thread). */
    int inFlightParts() {
        return inFlightParts;
    }

    /** Messages being worked on (dispatcher thread). */
    int activeJobs() {
        return jobCount;
    }

    int readyParts() {
        return ready.size() + throttledFirst.size();
    }

    private void addJob(Job job) {
        job.listed = true;
        job.prev = lastJob;
        if (lastJob == null) {
            firstJob = job;
        } else {
            lastJob.next = job;
        }
        lastJob = job;
        jobCount++;
    }

    private void removeJob(Job job) {
        if (!job.listed) {
            return;
        }
        if (job.prev == null) {
            firstJob = job.next;
        } else {
            job.prev.next = job.next;
        }
        if (job.next == null) {
            lastJob = job.prev;
        } else {
            job.next.prev = job.prev;
        }
        job.prev = null;
        job.next = null;
        job.listed = false;
        jobCount--;
    }

    /** A copy of the active jobs, oldest first, safe to iterate while jobs finish. */
    private List<Job> jobs() {
        List<Job> all = new ArrayList<>(jobCount);
        for (Job j = firstJob; j != null; j = j.next) {
            all.add(j);
        }
        return all;
    }

    private static final class Job {
        final OutboxEntry entry;
        final List<SubmitSm> parts;
        final String[] messageIds;
        final int reference;
        int queued;
        int sentThisAttempt;
        int answeredThisAttempt;
        int correlating;
        Duration retryDelay;
        String lastError;
        MessageOutcome.Failed failure;
        boolean finished;
        boolean listed;
        Job prev;
        Job next;

        /** What this message's attempts achieved so far, accepted parts aside (see {@link #failedState()}). */
        SendState state;

        Job(OutboxEntry entry, List<SubmitSm> parts, String[] messageIds, int reference) {
            this.entry = entry;
            this.parts = parts;
            this.messageIds = messageIds;
            this.reference = reference;
            this.state = entry.sendState();
        }

        /** The send state to report if the message fails (or retries) now. */
        SendState failedState() {
            for (String id : messageIds) {
                if (id != null) {
                    return state.and(SendState.PARTLY_ACCEPTED);
                }
            }
            return state;
        }

        int pendingParts() {
            int n = 0;
            for (String id : messageIds) {
                if (id == null) {
                    n++;
                }
            }
            return n;
        }
    }

    /**
     * One part to send, sent at most once. It is also the callback of its request's future and
     * carries the answer to the dispatcher thread: one object per part instead of three.
     */
    private static final class PartSend implements java.util.function.BiConsumer<PduResponse, Throwable> {
        final Dispatcher dispatcher;
        final Job job;
        final int index;
        long sentNanos;
        /** When it was first sent, counted from 1 (0: not yet): the order throttled parts are resent in. */
        long order;
        // Written on the I/O thread before the part is queued for the dispatcher thread (the
        // queue's hand-off makes them visible there).
        PduResponse response;
        Throwable error;

        PartSend(Dispatcher dispatcher, Job job, int index) {
            this.dispatcher = dispatcher;
            this.job = job;
            this.index = index;
        }

        @Override
        public void accept(PduResponse resp, Throwable err) {
            response = resp;
            error = err;
            dispatcher.answered(this);
        }
    }

    private static final class Progress {
        final int reference;
        final String[] messageIds;

        Progress(int reference, String[] messageIds) {
            this.reference = reference;
            this.messageIds = messageIds;
        }
    }
}
