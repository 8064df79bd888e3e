package io.ujumbe.smsc;

import io.ujumbe.pdu.Bind;
import io.ujumbe.pdu.BindResp;
import io.ujumbe.pdu.CommandStatus;
import io.ujumbe.pdu.DataSm;
import io.ujumbe.pdu.DataSmResp;
import io.ujumbe.pdu.DeliverSmResp;
import io.ujumbe.pdu.Pdu;
import io.ujumbe.pdu.PduRequest;
import io.ujumbe.pdu.PduResponse;
import io.ujumbe.pdu.SubmitMulti;
import io.ujumbe.pdu.SubmitSm;
import io.ujumbe.pdu.SubmitSmResp;
import io.ujumbe.pdu.Tlv;
import io.ujumbe.pdu.Tlvs;
import io.ujumbe.session.BindState;
import io.ujumbe.session.SessionHandler;
import io.ujumbe.session.SmppSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The simulator's handler for one connection: checks binds against the accounts, injects the
 * configured faults into submissions, and passes requests to the {@link MessageCenter}.
 */
final class SmscSessionHandler implements SessionHandler {
    private static final Logger log = LoggerFactory.getLogger(SmscSessionHandler.class);
    /** A rejected ESME gets time to read its bind_resp before the connection closes. */
    private static final Duration CLOSE_AFTER_REJECT = Duration.ofMillis(50);
    static final String SMSC_SYSTEM_ID = "ujumbe-smsc";

    private final SmscConfig config;
    /** The fault settings now: the console and {@link SmscSimulator#faults(FaultConfig)} change them at run time. */
    private final Supplier<FaultConfig> faults;
    private final MessageCenter center;
    private final Deliveries deliveries;
    private final Counters counters;
    private final SmscRecord record;
    private final Set<SmppSession> sessions;
    private final ScheduledExecutorService timer;
    private final Random random;
    private final SmppSession session;
    private double tokens;
    private long refilledAt = System.nanoTime();
    private volatile ScheduledFuture<?> unbindTimer;
    /** What this session's messages share, made at its first submission (it is bound by then). */
    private StoredMessage.Origin origin;

    SmscSessionHandler(SmscConfig config, MessageCenter center, Deliveries deliveries, Counters counters,
                       SmscRecord record, Set<SmppSession> sessions, ScheduledExecutorService timer, Random random,
                       SmppSession session, Supplier<FaultConfig> faults) {
        this.config = config;
        this.faults = faults;
        this.center = center;
        this.deliveries = deliveries;
        this.counters = counters;
        this.record = record;
        this.sessions = sessions;
        this.timer = timer;
        this.random = random;
        this.session = session;
        this.tokens = Math.max(1, faults.get().maxRatePerSession());
        sessions.add(session);
    }

    @Override
    public CompletionStage<PduResponse> onRequest(SmppSession s, PduRequest request) {
        try {
            return answer(s, request);
        } catch (RuntimeException e) {
            // The session answers a failed stage with its handler error status; the ESME may retry.
            log.atWarn().setMessage("request not handled").addKeyValue("session", s.id())
                    .addKeyValue("systemId", s.systemId()).addKeyValue("command", request.commandId().smppName())
                    .addKeyValue("reason", e.toString()).log();
            return CompletableFuture.failedFuture(e);
        }
    }

    private CompletionStage<PduResponse> answer(SmppSession s, PduRequest request) {
        CompletionStage<PduResponse> answer = answerWithoutCongestion(s, request);
        int congestion = faults.get().congestionState();
        if (congestion < 0 || !(request instanceof SubmitSm || request instanceof SubmitMulti || request instanceof DataSm)) {
            return answer;
        }
        Tlv tlv = Tlv.congestionState(congestion);
        return answer.thenApply(resp -> {
            if (resp instanceof SubmitSmResp r) {
                return new SubmitSmResp(r.commandStatus(), r.sequenceNumber(), r.messageId(), r.tlvs().with(tlv));
            }
            if (resp instanceof DataSmResp r) {
                return new DataSmResp(r.commandStatus(), r.sequenceNumber(), r.messageId(), r.tlvs().with(tlv));
            }
            return resp;
        });
    }

    private CompletionStage<PduResponse> answerWithoutCongestion(SmppSession s, PduRequest request) {
        FaultConfig faults = this.faults.get();
        if (request instanceof Bind bind) {
            return CompletableFuture.completedFuture(bind(bind));
        }
        if (!(request instanceof SubmitSm || request instanceof SubmitMulti || request instanceof DataSm)) {
            return center.handle(s, request);
        }
        StoredMessage.Origin o = origin;
        if (o == null || !o.systemId().equals(s.systemId())) {
            // Racy between threads by design, which is harmless: an Origin is immutable.
            o = center.origin(s);
            origin = o;
        }
        if (faults.maxRatePerSession() > 0 && !tryAcquire()) {
            fault(Counters.THROTTLED, request);
            return CompletableFuture.completedFuture(request.createResponse(CommandStatus.ESME_RTHROTTLED));
        }
        // No draw when no fault can be drawn: the Random is shared by every session (a CAS per draw).
        double draw = faults.disconnectShare() + faults.dropShare() + faults.errorShare() > 0 ? random.nextDouble() : 1.0;
        if (draw < faults.disconnectShare()) {
            fault(Counters.DISCONNECTED, request);
            s.close("fault injection: connection closed instead of answering");
            return new CompletableFuture<>();
        }
        draw -= faults.disconnectShare();
        if (draw < faults.dropShare()) {
            fault(Counters.DROPPED, request);
            return new CompletableFuture<>();
        }
        draw -= faults.dropShare();
        CompletionStage<PduResponse> answer;
        if (draw < faults.errorShare()) {
            fault(Counters.ERROR, request);
            answer = CompletableFuture.completedFuture(request.createResponse(faults.errorStatus()));
        } else {
            answer = center.handle(s, o, request);
        }
        long latency = latencyNanos();
        if (latency <= 0) {
            return answer;
        }
        counters.fault(Counters.LATENCY);
        CompletableFuture<PduResponse> delayed = new CompletableFuture<>();
        answer.whenComplete((resp, err) -> {
            Runnable complete = () -> {
                if (err != null) {
                    delayed.completeExceptionally(err);
                } else {
                    delayed.complete(resp);
                }
            };
            try {
                timer.schedule(complete, latency, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                complete.run();
            }
        });
        return delayed;
    }

    @Override
    public void onStateChanged(SmppSession s, BindState from, BindState to) {
        if (!to.isBound() || from.isBound()) {
            return;
        }
        try {
            // Not inline: this runs before the bind_resp is written, and receipts must follow it.
            timer.execute(() -> deliveries.onBound(s));
            Duration after = faults.get().unbindAfter();
            if (after != null) {
                unbindTimer = timer.schedule(() -> {
                    if (s.state().isBound()) {
                        counters.fault(Counters.UNBIND);
                        log.atInfo().setMessage("fault injection: SMSC sends unbind").addKeyValue("session", s.id())
                                .addKeyValue("systemId", s.systemId()).addKeyValue("after", after).log();
                        s.unbind();
                    }
                }, after.toNanos(), TimeUnit.NANOSECONDS);
            }
        } catch (RejectedExecutionException e) {
            // Closing down: nothing more to schedule.
        }
    }

    /** A deliver_sm_resp may answer a deliver_sm that already timed out: the deliveries must hear it. */
    @Override
    public void afterReceive(SmppSession s, Pdu pdu) {
        if (pdu instanceof DeliverSmResp resp) {
            deliveries.onResponseReceived(s, resp);
        }
    }

    @Override
    public void onWindowAvailable(SmppSession s) {
        deliveries.pump(s);
    }

    @Override
    public void onClosed(SmppSession s, String reason) {
        sessions.remove(s);
        deliveries.onClosed(s);
        ScheduledFuture<?> t = unbindTimer;
        if (t != null) {
            t.cancel(false);
        }
        log.atDebug().setMessage("session closed").addKeyValue("session", s.id()).addKeyValue("systemId", s.systemId())
                .addKeyValue("reason", reason).log();
    }

    private PduResponse bind(Bind bind) {
        CommandStatus status = authenticate(bind);
        record.add(new BindRecord(session.id(), bind.systemId(), bind.type(), status, Instant.now()));
        if (status.isOk()) {
            counters.bindsAccepted.increment();
            log.atInfo().setMessage("bind accepted").addKeyValue("session", session.id())
                    .addKeyValue("systemId", bind.systemId()).addKeyValue("bindType", bind.type()).log();
            return new BindResp(bind.type(), status, bind.sequenceNumber(), SMSC_SYSTEM_ID,
                    Tlvs.of(Tlv.scInterfaceVersion(Bind.SMPP_34)));
        }
        counters.bindsRejected.increment();
        log.atWarn().setMessage("bind rejected").addKeyValue("session", session.id())
                .addKeyValue("systemId", bind.systemId()).addKeyValue("bindType", bind.type())
                .addKeyValue("status", status.name()).log();
        try {
            timer.schedule(() -> session.close("bind rejected: " + status.name()), CLOSE_AFTER_REJECT.toNanos(),
                    TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            session.close("bind rejected: " + status.name());
        }
        return new BindResp(bind.type(), status, bind.sequenceNumber(), SMSC_SYSTEM_ID);
    }

    /**
     * An unknown system_id is ESME_RINVSYSID, a wrong password ESME_RINVPASWD, and a bind type
     * the account may not use ESME_RBINDFAIL: SMPP 3.4 has no status for that, and
     * ESME_RINVBNDSTS means a command not allowed in the session's current bind state.
     */
    private CommandStatus authenticate(Bind bind) {
        List<SmscAccount> accounts = config.accounts();
        if (accounts.isEmpty()) {
            return CommandStatus.ESME_ROK;
        }
        for (SmscAccount a : accounts) {
            if (a.systemId().equals(bind.systemId())) {
                if (!a.password().equals(bind.password())) {
                    return CommandStatus.ESME_RINVPASWD;
                }
                return a.allowedBindTypes().contains(bind.type()) ? CommandStatus.ESME_ROK : CommandStatus.ESME_RBINDFAIL;
            }
        }
        return CommandStatus.ESME_RINVSYSID;
    }

    /** A token bucket holding one second of the allowed rate. */
    private synchronized boolean tryAcquire() {
        long now = System.nanoTime();
        double rate = faults.get().maxRatePerSession();
        tokens = Math.min(Math.max(1, rate), tokens + (now - refilledAt) / 1e9 * rate);
        refilledAt = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    private long latencyNanos() {
        FaultConfig now = faults.get();
        long min = now.latencyMin().toNanos();
        long max = now.latencyMax().toNanos();
        if (max <= 0) {
            return 0;
        }
        return min == max ? min : min + (long) (random.nextDouble() * (max - min));
    }

    private void fault(String name, PduRequest request) {
        counters.fault(name);
        // Throttling can happen thousands of times a second: it is counted, and logged only at debug.
        (Counters.THROTTLED.equals(name) ? log.atDebug() : log.atInfo()).setMessage("fault injected").addKeyValue("fault", name).addKeyValue("session", session.id())
                .addKeyValue("systemId", session.systemId()).addKeyValue("command", request.commandId().smppName())
                .addKeyValue("seq", request.sequenceNumber()).log();
    }
}
