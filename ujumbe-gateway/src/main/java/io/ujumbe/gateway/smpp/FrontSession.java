package io.ujumbe.gateway.smpp;

import io.ujumbe.gateway.GatewayMessage;
import io.ujumbe.gateway.MessageStatus;
import io.ujumbe.gateway.MessageView;
import io.ujumbe.gateway.SubmitResult;
import io.ujumbe.gateway.UserConfig;
import io.ujumbe.http.HttpException;
import io.ujumbe.pdu.Bind;
import io.ujumbe.pdu.CancelSm;
import io.ujumbe.pdu.CancelSmResp;
import io.ujumbe.pdu.CommandStatus;
import io.ujumbe.pdu.DataSm;
import io.ujumbe.pdu.DataSmResp;
import io.ujumbe.pdu.DestinationAddress;
import io.ujumbe.pdu.MessageState;
import io.ujumbe.pdu.Pdu;
import io.ujumbe.pdu.PduRequest;
import io.ujumbe.pdu.PduResponse;
import io.ujumbe.pdu.QuerySm;
import io.ujumbe.pdu.QuerySmResp;
import io.ujumbe.pdu.SubmitMulti;
import io.ujumbe.pdu.SubmitMultiResp;
import io.ujumbe.pdu.SubmitSm;
import io.ujumbe.pdu.SubmitSmResp;
import io.ujumbe.pdu.Tlvs;
import io.ujumbe.pdu.UnsuccessSme;
import io.ujumbe.session.BindState;
import io.ujumbe.session.SessionHandler;
import io.ujumbe.session.SmppSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One downstream connection to the SMPP front: its bind (checked against the gateway's users off
 * the I/O thread), its submissions (each answered with the gateway's id once the gateway has
 * recorded and queued it, or with the reason it did not), query_sm and cancel_sm from the status
 * store. The session itself answers enquire_link and unbind and refuses requests the bind state
 * does not allow (a receiver's submit_sm gets ESME_RINVBNDSTS).
 */
final class FrontSession implements SessionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(FrontSession.class);

    private final SmppFront front;
    private final SmppSession session;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile UserConfig user;
    private volatile boolean receiver;

    FrontSession(SmppFront front, SmppSession session) {
        this.front = front;
        this.session = session;
    }

    SmppSession session() {
        return session;
    }

    UserConfig user() {
        return user;
    }

    boolean receiver() {
        return receiver;
    }

    @Override
    public CompletionStage<PduResponse> onRequest(SmppSession s, PduRequest request) {
        try {
            if (request instanceof Bind) {
                return front.bind(this, (Bind) request).thenApply(resp -> {
                    if (resp.commandStatus().isOk()) {
                        receiver = ((Bind) request).type().canReceive();
                    }
                    return resp;
                });
            }
            UserConfig bound = user;
            if (bound == null) {
                return done(request.createResponse(CommandStatus.ESME_RINVBNDSTS));
            }
            // The user as configured now: the admin API may have changed its limits since the bind.
            UserConfig u = front.gateway().authenticator().user(bound.name()).orElse(bound);
            if (request instanceof SubmitSm) {
                SubmitSm sm = (SubmitSm) request;
                return submit(u, request, List.of(sm.destinationAddress()), content(sm));
            }
            if (request instanceof DataSm) {
                DataSm d = (DataSm) request;
                return submit(u, request, List.of(d.destinationAddress()), new FrontPdus.Content(d.sourceAddress(),
                        d.esmClass(), 0, 0, "", "", d.registeredDelivery(), d.dataCoding(), new byte[0], d.tlvs()));
            }
            if (request instanceof SubmitMulti) {
                SubmitMulti m = (SubmitMulti) request;
                return submitMulti(u, m);
            }
            if (request instanceof QuerySm) {
                return query(u, (QuerySm) request);
            }
            if (request instanceof CancelSm) {
                return cancel(u, (CancelSm) request);
            }
            front.metrics().rejected("unsupported");
            return done(request.createResponse(CommandStatus.ESME_RINVCMDID));
        } catch (RuntimeException e) {
            LOG.atWarn().addKeyValue("session", s.id()).addKeyValue("systemId", s.systemId())
                    .addKeyValue("command", request.commandId().smppName()).log("request not handled: {}", e.toString());
            return done(request.createResponse(CommandStatus.ESME_RSYSERR));
        }
    }

    private static FrontPdus.Content content(SubmitSm sm) {
        return new FrontPdus.Content(sm.sourceAddress(), sm.esmClass(), sm.protocolId(), sm.priorityFlag(),
                sm.scheduleDeliveryTime(), sm.validityPeriod(), sm.registeredDelivery(), sm.dataCoding(),
                sm.shortMessage(), sm.tlvs());
    }

    private CompletionStage<PduResponse> submit(UserConfig u, PduRequest request, List<io.ujumbe.pdu.Address> to,
                                                FrontPdus.Content content) {
        front.metrics().submits.increment();
        if (inFlight.incrementAndGet() > u.smppWindow()) {
            inFlight.decrementAndGet();
            front.metrics().throttled.increment();
            return done(request.createResponse(CommandStatus.ESME_RTHROTTLED));
        }
        List<GatewayMessage> messages = new ArrayList<>(to.size());
        String base = UUID.randomUUID().toString();
        try {
            for (int i = 0; i < to.size(); i++) {
                messages.add(FrontPdus.message(i == 0 ? base : base + "." + i, u.name(), to.get(i), content));
            }
        } catch (IllegalArgumentException e) {
            inFlight.decrementAndGet();
            front.metrics().rejected("invalid");
            LOG.atInfo().addKeyValue("session", session.id()).addKeyValue("user", u.name())
                    .log("submission refused: {}", e.getMessage());
            return done(request.createResponse(e.getMessage().contains("destination")
                    ? CommandStatus.ESME_RINVDSTADR : CommandStatus.ESME_RINVMSGLEN));
        }
        CompletionStage<List<SubmitResult>> admitted;
        try {
            admitted = front.gateway().admit(u, messages);
        } catch (RuntimeException e) {
            admitted = CompletableFuture.failedFuture(e);
        }
        return admitted.handle((results, err) -> {
            inFlight.decrementAndGet();
            if (err != null) {
                CommandStatus status = statusOf(err);
                if (status == CommandStatus.ESME_RTHROTTLED) {
                    front.metrics().throttled.increment();
                } else {
                    front.metrics().rejected(status.name());
                }
                return respond(request, status, null, List.of());
            }
            List<UnsuccessSme> failed = new ArrayList<>();
            String id = null;
            CommandStatus first = CommandStatus.ESME_ROK;
            for (int i = 0; i < results.size(); i++) {
                SubmitResult r = results.get(i);
                if (r.queued()) {
                    id = id == null ? r.id() : id;
                    front.metrics().accepted.increment();
                } else {
                    CommandStatus st = statusOf(r.error());
                    front.metrics().rejected(st.name());
                    failed.add(new UnsuccessSme(to.get(i), st));
                    first = first.isOk() ? st : first;
                }
            }
            if (id == null) {
                return respond(request, first, null, List.of());
            }
            return respond(request, CommandStatus.ESME_ROK, id, failed);
        });
    }

    private CompletionStage<PduResponse> submitMulti(UserConfig u, SubmitMulti m) {
        List<io.ujumbe.pdu.Address> to = new ArrayList<>();
        for (DestinationAddress d : m.destinations()) {
            if (d.isDistributionList()) {
                front.metrics().rejected("distribution_list");
                return done(m.createResponse(CommandStatus.ESME_RINVDESTFLAG));
            }
            to.add(d.address());
        }
        return submit(u, m, to, new FrontPdus.Content(m.sourceAddress(), m.esmClass(), m.protocolId(),
                m.priorityFlag(), m.scheduleDeliveryTime(), m.validityPeriod(), m.registeredDelivery(),
                m.dataCoding(), m.shortMessage(), m.tlvs()));
    }

    private static PduResponse respond(PduRequest request, CommandStatus status, String id, List<UnsuccessSme> failed) {
        int seq = request.sequenceNumber();
        if (!status.isOk()) {
            return request.createResponse(status);
        }
        if (request instanceof SubmitSm) {
            return new SubmitSmResp(status, seq, id);
        }
        if (request instanceof DataSm) {
            return new DataSmResp(status, seq, id);
        }
        return new SubmitMultiResp(status, seq, id, failed, Tlvs.EMPTY);
    }

    /** The SMPP status of the gateway's refusal (an admission error or a failed result's code). */
    static CommandStatus statusOf(Throwable err) {
        Throwable t = err;
        while ((t instanceof java.util.concurrent.CompletionException || t instanceof java.util.concurrent.ExecutionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof HttpException) {
            return statusOf(((HttpException) t).code());
        }
        LOG.atWarn().log("a submission failed in the gateway: {}", t.toString());
        return CommandStatus.ESME_RSYSERR;
    }

    static CommandStatus statusOf(String code) {
        switch (code == null ? "" : code) {
            case "rate_limited":
                return CommandStatus.ESME_RTHROTTLED;
            case "sender_not_allowed":
            case "sender_required":
                return CommandStatus.ESME_RINVSRCADR;
            case "queue_failed":
                return CommandStatus.ESME_RMSGQFUL;
            case "invalid":
                return CommandStatus.ESME_RINVMSGLEN;
            case "no_route":
            case "no_connector":
                return CommandStatus.ESME_RINVDSTADR;
            default:
                // quota_exhausted, an interceptor's refusal, anything else: the submission failed.
                return CommandStatus.ESME_RSUBMITFAIL;
        }
    }

    private CompletionStage<PduResponse> query(UserConfig u, QuerySm q) {
        front.metrics().queries.increment();
        return front.gateway().statusStore().find(q.messageId()).handle((view, err) -> {
            if (err != null) {
                return q.createResponse(CommandStatus.ESME_RQUERYFAIL);
            }
            if (view.isEmpty() || !view.get().record().user().equals(u.name())) {
                return q.createResponse(CommandStatus.ESME_RINVMSGID);
            }
            MessageView v = view.get();
            MessageStatus status = v.status();
            String finalDate = "";
            if (status.isFinal()) {
                finalDate = QuerySmResp.finalDate(Instant.ofEpochMilli(v.finalAt()));
            }
            return new QuerySmResp(CommandStatus.ESME_ROK, q.sequenceNumber(), q.messageId(), finalDate,
                    stateOf(status).value(), 0);
        });
    }

    static MessageState stateOf(MessageStatus s) {
        switch (s) {
            case DELIVERED:
                return MessageState.DELIVERED;
            case EXPIRED:
                return MessageState.EXPIRED;
            case FAILED:
                return MessageState.UNDELIVERABLE;
            case SENT:
                // Accepted upstream with no receipt asked for: nothing more will be known.
                return MessageState.ACCEPTED;
            default:
                return MessageState.ENROUTE;
        }
    }

    /**
     * The gateway hands a message to its connector's queue at once and has no way to withdraw it
     * from there, so a message it knows is never cancellable: unknown or another user's ids get
     * ESME_RINVMSGID, every other one ESME_RCANCELFAIL (documented in docs/gateway.md).
     */
    private CompletionStage<PduResponse> cancel(UserConfig u, CancelSm c) {
        return front.gateway().statusStore().find(c.messageId()).handle((view, err) -> {
            Optional<MessageView> v = err == null ? view : Optional.empty();
            if (v.isEmpty() || !v.get().record().user().equals(u.name())) {
                return (PduResponse) c.createResponse(CommandStatus.ESME_RINVMSGID);
            }
            return new CancelSmResp(CommandStatus.ESME_RCANCELFAIL, c.sequenceNumber());
        });
    }

    void bound(UserConfig u) {
        this.user = u;
    }

    @Override
    public void onStateChanged(SmppSession s, BindState from, BindState to) {
        if (to.isBound() && !from.isBound() && user != null) {
            front.onBound(this);
        } else if (from.isBound() && !to.isBound()) {
            front.onUnbound(this);
        }
    }

    @Override
    public void onClosed(SmppSession s, String reason) {
        front.onUnbound(this);
        LOG.atDebug().addKeyValue("session", s.id()).addKeyValue("systemId", s.systemId()).addKeyValue("reason", reason)
                .log("downstream session closed");
    }

    @Override
    public void onWindowAvailable(SmppSession s) {
        if (receiver && user != null) {
            front.drainSoon(user.name());
        }
    }

    @Override
    public void afterReceive(SmppSession s, Pdu pdu) {
        // Nothing: the session matches deliver_sm_resp to its request.
    }

    private static CompletionStage<PduResponse> done(PduResponse r) {
        return CompletableFuture.completedFuture(r);
    }
}
