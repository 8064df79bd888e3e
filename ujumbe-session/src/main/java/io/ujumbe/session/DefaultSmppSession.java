package io.ujumbe.session;

import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoop;
import io.netty.handler.timeout.IdleStateEvent;
import io.ujumbe.pdu.Bind;
import io.ujumbe.pdu.BindResp;
import io.ujumbe.pdu.CommandId;
import io.ujumbe.pdu.CommandStatus;
import io.ujumbe.pdu.EnquireLink;
import io.ujumbe.pdu.EnquireLinkResp;
import io.ujumbe.pdu.GenericNack;
import io.ujumbe.pdu.Pdu;
import io.ujumbe.pdu.PduDecodeException;
import io.ujumbe.pdu.PduRequest;
import io.ujumbe.pdu.PduResponse;
import io.ujumbe.pdu.Unbind;
import io.ujumbe.pdu.UnbindResp;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * The session: the last handler of the pipeline. It keeps the bind state, the window of pending
 * requests with their timeouts, answers enquire_link and unbind itself, and passes other requests
 * to the {@link SessionHandler}. All state changes happen on the channel's event loop; the public
 * methods may be called from any thread and never block.
 */
final class DefaultSmppSession extends ChannelDuplexHandler implements SmppSession, PduWriter.Failures {
    private static final AtomicLong IDS = new AtomicLong();
    /** How long to wait for the peer to close after answering its unbind. */
    private static final long PEER_UNBIND_GRACE_MILLIS = 1_000;

    private final String id;
    private final SessionRole role;
    private final SessionConfig config;
    private final SessionHandler handler;
    private final Sequencer sequencer;
    private final RequestWindow window;
    private final SessionLog log;
    private final CompletableFuture<Void> closeFuture = new CompletableFuture<>();
    /** The timeout of most requests: those with it share one timer (see {@link #sweep()}). */
    private final Duration usualTimeout;
    private final long usualTimeoutNanos;
    private final Runnable sweep = this::sweep;
    /** The one timer for requests with the usual timeout; null when none is scheduled. */
    private ScheduledFuture<?> sweepTimer;
    /** True while {@link #sweep()} runs: requests sent from its callbacks leave the timer to it. */
    private boolean sweeping;
    /** The handler next to the socket that encodes and flushes this session's PDUs. */
    private PduWriter writer;
    /** The clock as read by the first PDU of the current burst of reads that asked for it. */
    private long readNanos;
    private boolean readClockRead;

    private volatile Channel channel;
    private volatile BindState state = BindState.OPEN;
    private volatile String systemId = "";
    private volatile String closeReason;
    /**
     * Set the moment the session must take no more writes: a write failed on a dead connection, or
     * the session is closing. Between a socket's death and channelInactive the state still reads
     * bound; without this every queued request was poured into the dead channel, each failing at
     * once and freeing its window slot for the next (one kill -9 burned 10,000 retry attempts in a
     * millisecond).
     */
    private volatile boolean unusable;
    private boolean enquireLinkPending;

    DefaultSmppSession(SessionRole role, SessionConfig config, SessionHandler handler) {
        this.id = (role == SessionRole.ESME ? "esme-" : "smsc-") + IDS.incrementAndGet();
        this.role = role;
        this.config = config;
        this.handler = handler;
        this.sequencer = config.sequencerFactory().get();
        this.window = new RequestWindow(config.windowSize());
        this.log = new SessionLog(LoggerFactory.getLogger(SmppSession.class), id, role, config.logMetadata());
        this.usualTimeout = config.responseTimeout();
        this.usualTimeoutNanos = usualTimeout.toNanos();
    }

    // ---- public API ------------------------------------------------------------------------

    @Override
    public String id() {
        return id;
    }

    @Override
    public SessionRole role() {
        return role;
    }

    @Override
    public BindState state() {
        return state;
    }

    @Override
    public String systemId() {
        return systemId;
    }

    @Override
    public SocketAddress remoteAddress() {
        Channel ch = channel;
        return ch == null ? null : ch.remoteAddress();
    }

    @Override
    public SessionConfig config() {
        return config;
    }

    @Override
    public int pendingRequests() {
        return window.used();
    }

    @Override
    public int windowAvailable() {
        return unusable ? 0 : window.available();
    }

    @Override
    public CompletableFuture<Void> closeFuture() {
        return closeFuture;
    }

    @Override
    public CompletableFuture<PduResponse> send(PduRequest request) {
        return send(request, config.responseTimeout());
    }

    @Override
    public CompletableFuture<PduResponse> send(PduRequest request, Duration responseTimeout) {
        CompletableFuture<PduResponse> future = new CompletableFuture<>();
        send(request, responseTimeout, future);
        return future;
    }

    @Override
    public void send(PduRequest request, BiConsumer<? super PduResponse, ? super Throwable> callback) {
        send(request, config.responseTimeout(), java.util.Objects.requireNonNull(callback, "callback"));
    }

    /** {@code sink}: the future or the callback to tell (see {@link RequestWindow.Pending}). */
    private void send(PduRequest request, Duration responseTimeout, Object sink) {
        CommandId command = request.commandId();
        BindState s = state;
        if (!s.isOpen() || channel == null || unusable && command != CommandId.UNBIND) {
            RequestWindow.Pending.tell(sink, null, new SessionClosedException(
                    "cannot send " + command.smppName() + ": session " + id + " is "
                            + (unusable && s.isOpen() ? "closing" : s)
                            + (closeReason != null ? " (" + closeReason + ")" : ""), null, false));
            return;
        }
        if (!s.allowsOutbound(role, command) && !isSessionManagement(command)) {
            RequestWindow.Pending.tell(sink, null, new InvalidSessionStateException(
                    command.smppName() + " is not allowed in state " + s + " for the " + role + " side"));
            return;
        }
        boolean counted = !isSessionManagement(command);
        if (counted && !window.tryReserve()) {
            RequestWindow.Pending.tell(sink, null, new WindowFullException(
                    "window of " + window.size() + " outstanding requests is full on session " + id));
            return;
        }
        int seq = sequencer.next();
        // The encoder writes the sequence number; a numbered copy of the PDU is made only for those
        // who see the request: the future's callers (bind's response conversion), a handler that
        // observes outbound PDUs (hooks), the debug log.
        PduRequest numbered = sink instanceof CompletableFuture || handler.observesOutboundPdus() || log.isDebug()
                ? request.withSequenceNumber(seq) : request;
        EventLoop loop = channel.eventLoop();
        if (loop.inEventLoop()) {
            write(numbered, seq, sink, counted, responseTimeout);
        } else {
            loop.execute(() -> write(numbered, seq, sink, counted, responseTimeout));
        }
    }

    private static boolean isSessionManagement(CommandId command) {
        return command == CommandId.ENQUIRE_LINK || command == CommandId.UNBIND
                || command == CommandId.BIND_RECEIVER || command == CommandId.BIND_TRANSMITTER
                || command == CommandId.BIND_TRANSCEIVER;
    }

    @Override
    public CompletableFuture<BindResp> bind(Bind bind) {
        if (role != SessionRole.ESME) {
            return CompletableFuture.failedFuture(new InvalidSessionStateException("only an ESME session can bind"));
        }
        BindState s = state;
        if (s != BindState.OPEN && s != BindState.OUTBOUND) {
            return CompletableFuture.failedFuture(new InvalidSessionStateException(
                    "bind is not allowed in state " + s + " on session " + id));
        }
        return send(bind, config.bindTimeout()).thenApply(resp -> {
            if (resp instanceof BindResp) {
                return (BindResp) resp;
            }
            // A generic_nack answering a bind: report its status as the bind's.
            return bind.withSequenceNumber(resp.sequenceNumber()).createResponse(resp.commandStatus());
        });
    }

    @Override
    public CompletableFuture<Void> unbind() {
        Channel ch = channel;
        if (ch == null || !state.isBound()) {
            return close("unbind requested while " + state);
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        send(new Unbind(0), config.unbindTimeout()).whenComplete((resp, err) -> {
            String reason = err == null ? "unbound" : "unbind not answered: " + err.getMessage();
            close(reason).whenComplete((v, e) -> done.complete(null));
        });
        ch.eventLoop().execute(() -> setState(BindState.UNBOUND));
        return done;
    }

    @Override
    public CompletableFuture<Void> close(String reason) {
        Channel ch = channel;
        if (ch == null) {
            return CompletableFuture.completedFuture(null);
        }
        if (closeReason == null) {
            closeReason = reason;
        }
        unusable = true;
        ch.close();
        return closeFuture;
    }

    // ---- outbound -------------------------------------------------------------------------

    private void write(PduRequest request, int seq, Object sink, boolean counted, Duration timeout) {
        Channel ch = channel;
        if (!ch.isActive() || !state.isOpen() && request.commandId() != CommandId.UNBIND) {
            if (!ch.isActive()) {
                unusable = true;
            }
            if (counted) {
                releaseWindow();
            }
            RequestWindow.Pending.tell(sink, null, new SessionClosedException("session " + id + " closed before "
                    + request.commandId().smppName() + " could be sent" + (closeReason != null ? ": " + closeReason : ""),
                    null, false));
            return;
        }
        Outgoing p = new Outgoing(request, seq, sink, counted, System.nanoTime());
        if (!window.register(p)) {
            if (counted) {
                releaseWindow();
            }
            RequestWindow.Pending.tell(sink, null, new IllegalStateException("sequence number " + seq
                    + " is still pending on session " + id + "; the sequencer must not repeat a number in flight"));
            return;
        }
        long timeoutNanos = timeout.toNanos();
        if (timeoutNanos == usualTimeoutNanos) {
            p.deadlineNanos = p.sentNanos + timeoutNanos;
            window.link(p);
            if (sweepTimer == null && !sweeping) {
                sweepTimer = ch.eventLoop().schedule(sweep, timeoutNanos, TimeUnit.NANOSECONDS);
            }
        } else {
            p.timeout = ch.eventLoop().schedule(() -> expire(p, timeout), timeoutNanos, TimeUnit.NANOSECONDS);
        }
        beforeSendHook(request);
        writer.writeAndFlush(p); // on the event loop (see send)
    }

    /**
     * A request in flight that is also told the outcome of its own write: one object per request
     * rather than a pending entry plus a listener and a promise.
     */
    private final class Outgoing extends RequestWindow.Pending implements PduWriter.Numbered {
        /** The write completed: the request's bytes left this process and the peer may have it. */
        boolean written;

        Outgoing(PduRequest request, int seq, Object sink, boolean counted, long sentNanos) {
            super(request, seq, sink, counted, sentNanos);
        }

        @Override
        public Pdu pdu() {
            return request;
        }

        @Override
        public int sequenceNumber() {
            return seq;
        }

        @Override
        public void written() {
            written = true;
        }

        @Override
        public void notWritten(Throwable cause) {
            Channel ch = channel;
            boolean dead = cause instanceof IOException || !ch.isActive();
            if (dead && !unusable) {
                // The connection is gone: take no more writes from now on, not from channelInactive.
                unusable = true;
                if (closeReason == null) {
                    closeReason = "write failed: " + cause.getMessage();
                }
                ch.close();
            }
            RequestWindow.Pending removed = window.remove(seq);
            if (removed != null) {
                settle(removed);
                removed.fail(dead
                        ? new SessionClosedException("could not write " + request.commandId().smppName()
                                + " on session " + id + ": " + cause.getMessage(), cause, false)
                        : cause);
            }
        }
    }

    /**
     * The shared timer of the requests with the usual timeout: times out those whose deadline has
     * passed, oldest first, then sleeps until the next deadline. Every request still times out at
     * its own deadline; an answered one is simply unlinked and costs the timer nothing.
     */
    private void sweep() {
        sweepTimer = null;
        long now = System.nanoTime();
        RequestWindow.Pending p;
        sweeping = true;
        try {
            while ((p = window.oldestLinked()) != null && p.deadlineNanos - now <= 0) {
                expire(p, usualTimeout);
            }
        } finally {
            sweeping = false;
        }
        Channel ch = channel;
        if (p != null && ch != null && ch.isOpen()) {
            sweepTimer = ch.eventLoop().schedule(sweep, p.deadlineNanos - now, TimeUnit.NANOSECONDS);
        }
    }

    private void expire(RequestWindow.Pending p, Duration timeout) {
        window.unlink(p);
        RequestWindow.Pending removed = window.remove(p.seq);
        if (removed != p) {
            if (removed != null) {
                window.register(removed);
            }
            return;
        }
        settle(p);
        log.warn("request timed out", null, "command", p.request.commandId().smppName(),
                "seq", p.seq, "timeoutMs", timeout.toMillis());
        p.fail(new ResponseTimeoutException(p.request.commandId().smppName()
                + " seq=" + p.seq + " not answered within " + timeout.toMillis()
                + " ms on session " + id, p.seq));
    }

    private void settle(RequestWindow.Pending p) {
        if (p.timeout != null) {
            p.timeout.cancel(false);
        }
        window.unlink(p);
        if (p.counted) {
            releaseWindow();
        }
    }

    private void releaseWindow() {
        if (window.release() && state.isOpen() && !unusable) {
            try {
                handler.onWindowAvailable(this);
            } catch (RuntimeException e) {
                log.warn("onWindowAvailable handler failed", e);
            }
        }
    }

    private void writeResponse(PduResponse response) {
        Channel ch = channel;
        if (ch == null || !ch.isActive()) {
            log.debug("response dropped: connection closed", "command", response.commandId().smppName(),
                    "seq", response.sequenceNumber());
            return;
        }
        beforeSendHook(response);
        if (ch.eventLoop().inEventLoop()) {
            writer.writeAndFlush(response);
        } else {
            ch.writeAndFlush(response, ch.voidPromise()); // a handler that answered from another thread
        }
    }

    /**
     * The writer's report of a response that could not be written (no promise per response: one
     * is written per inbound request). The cause names the command when the codec refused the
     * PDU; otherwise the connection is going and its close is logged too.
     */
    @Override
    public void notWritten(Pdu pdu, Throwable cause) {
        log.warn("could not write response", cause, "command", pdu.commandId().smppName(), "seq", pdu.sequenceNumber());
    }

    private void beforeSendHook(Pdu pdu) {
        if (log.isDebug()) {
            log.debug("pdu out", "pdu", pdu);
        }
        try {
            handler.beforeSend(this, pdu);
        } catch (RuntimeException e) {
            log.warn("beforeSend hook threw; the PDU is sent anyway", e, "command", pdu.commandId().smppName());
        }
    }

    /** Set once, before the channel is registered: where this session's writes go. */
    void writeThrough(PduWriter writer) {
        this.writer = writer;
    }

    // ---- channel events -------------------------------------------------------------------

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.channel = ctx.channel();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        log.info("connected", "remote", String.valueOf(ctx.channel().remoteAddress()));
        if (role == SessionRole.SMSC) {
            // A peer that connects and never binds holds a socket for nothing: close it.
            Duration limit = config.bindTimeout();
            ctx.executor().schedule(() -> {
                if (state == BindState.OPEN) {
                    log.warn("closing: no bind received in time", null, "timeoutMs", limit.toMillis());
                    close("no bind within " + limit.toMillis() + " ms");
                }
            }, limit.toNanos(), TimeUnit.NANOSECONDS);
        }
        super.channelActive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof Pdu) {
            onPdu((Pdu) msg);
        } else if (msg instanceof PduFrameDecoder.DecodeFailure) {
            onDecodeFailure((PduFrameDecoder.DecodeFailure) msg);
        } else if (msg instanceof PduFrameDecoder.FramingError) {
            PduFrameDecoder.FramingError fe = (PduFrameDecoder.FramingError) msg;
            log.warn("closing connection: unframeable input", null, "reason", fe.reason);
            writeResponse(new GenericNack(CommandStatus.ESME_RINVCMDLEN, fe.sequenceNumber));
            close("framing error: " + fe.reason);
        } else if (msg instanceof PduFrameDecoder.Stalled) {
            String reason = ((PduFrameDecoder.Stalled) msg).reason;
            log.warn("closing connection: incomplete PDU", null, "reason", reason);
            close(reason);
        } else {
            ctx.fireChannelRead(msg);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        readClockRead = false;
        ctx.fireChannelReadComplete();
    }

    /** The clock, read once per burst of reads. On the I/O thread only. */
    private long burstNanos() {
        if (!readClockRead) {
            readNanos = System.nanoTime();
            readClockRead = true;
        }
        return readNanos;
    }

    @Override
    public long readTimeNanos() {
        Channel ch = channel;
        return ch != null && ch.eventLoop().inEventLoop() ? burstNanos() : System.nanoTime();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent) {
            onIdle();
        } else {
            super.userEventTriggered(ctx, evt);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        unusable = true;
        if (cause instanceof IOException) {
            log.info("connection error", "error", cause.toString());
        } else {
            log.warn("unexpected error in session pipeline", cause);
        }
        close("connection error: " + cause.getMessage());
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (closeReason == null) {
            closeReason = "peer closed the connection";
        }
        unusable = true;
        BindState was = state;
        setState(BindState.CLOSED);
        if (sweepTimer != null) {
            sweepTimer.cancel(false);
            sweepTimer = null;
        }
        int failed = 0;
        for (RequestWindow.Pending p : window.drain()) {
            if (p.timeout != null) {
                p.timeout.cancel(false);
            }
            if (p.counted) {
                window.release();
            }
            failed++;
            boolean written = !(p instanceof Outgoing) || ((Outgoing) p).written;
            p.fail(new SessionClosedException(p.request.commandId().smppName()
                    + " seq=" + p.seq + (written ? " not answered" : " not sent")
                    + ": session " + id + " closed (" + closeReason + ")", null, written));
        }
        // The one event of the change to CLOSED (setState leaves it to here, where the reason and the
        // failed requests are known).
        log.info("state changed", "from", was, "to", BindState.CLOSED, "peerSystemId", systemId,
                "reason", closeReason, "failedPending", failed);
        try {
            handler.onClosed(this, closeReason);
        } catch (RuntimeException e) {
            log.warn("onClosed handler failed", e);
        }
        closeFuture.complete(null);
    }

    private void onIdle() {
        if (!state.isBound() || enquireLinkPending) {
            return;
        }
        enquireLinkPending = true;
        send(new EnquireLink(0), config.enquireLinkTimeout()).whenComplete((resp, err) -> {
            enquireLinkPending = false;
            if (err instanceof ResponseTimeoutException) {
                log.warn("link dead: enquire_link not answered", null,
                        "timeoutMs", config.enquireLinkTimeout().toMillis());
                close("enquire_link not answered within " + config.enquireLinkTimeout().toMillis() + " ms");
            }
        });
    }

    // ---- inbound --------------------------------------------------------------------------

    private void onPdu(Pdu pdu) {
        if (log.isDebug()) {
            log.debug("pdu in", "pdu", pdu);
        }
        try {
            handler.afterReceive(this, pdu);
        } catch (RuntimeException e) {
            log.warn("afterReceive hook threw; the PDU is handled anyway", e, "command", pdu.commandId().smppName());
        }
        if (pdu instanceof PduResponse) {
            onResponse((PduResponse) pdu);
        } else if (pdu instanceof PduRequest) {
            onRequest((PduRequest) pdu);
        } else {
            onNotification(pdu);
        }
    }

    /** outbind and alert_notification: requests the specification defines without a response. */
    private void onNotification(Pdu pdu) {
        if (!state.allowsInbound(role, pdu.commandId())) {
            log.warn("PDU not allowed in this state dropped (it has no response to carry an error)", null,
                    "command", pdu.commandId().smppName(), "state", state);
            return;
        }
        if (pdu.commandId() == CommandId.OUTBIND) {
            setState(BindState.OUTBOUND);
        }
        try {
            handler.onNotification(this, pdu);
        } catch (RuntimeException e) {
            log.warn("onNotification handler failed", e, "command", pdu.commandId().smppName());
        }
    }

    private void onResponse(PduResponse response) {
        RequestWindow.Pending p = window.remove(response.sequenceNumber());
        if (p == null) {
            log.warn("response to no pending request dropped", null, "command", response.commandId().smppName(),
                    "seq", response.sequenceNumber(), "status", response.commandStatus());
            return;
        }
        // One clock read per burst of reads: its responses arrived together.
        long latency = Math.max(0, burstNanos() - p.sentNanos);
        settle(p);
        CommandId expected = p.request.commandId().response().orElse(null);
        if (response.commandId() != expected && response.commandId() != CommandId.GENERIC_NACK) {
            log.warn("response of the wrong type", null, "expected", expected, "got", response.commandId(),
                    "seq", response.sequenceNumber());
            p.fail(new UnexpectedResponseException(p.request.commandId().smppName()
                    + " seq=" + response.sequenceNumber() + " was answered with " + response.commandId().smppName()));
            return;
        }
        if (p.request instanceof Bind && response.commandStatus().isOk() && response instanceof BindResp) {
            Bind bind = (Bind) p.request;
            systemId = ((BindResp) response).systemId();
            setState(boundState(bind));
        }
        // A rejected bind changes no state; the caller (the client) logs it, with its count.
        try {
            handler.onResponse(this, p.request, response, latency);
        } catch (RuntimeException e) {
            log.warn("onResponse handler failed", e);
        }
        p.succeed(response);
    }

    private static BindState boundState(Bind bind) {
        switch (bind.type()) {
            case TRANSMITTER:
                return BindState.BOUND_TX;
            case RECEIVER:
                return BindState.BOUND_RX;
            default:
                return BindState.BOUND_TRX;
        }
    }

    private void onRequest(PduRequest request) {
        CommandId command = request.commandId();
        if (command == CommandId.ENQUIRE_LINK) {
            if (state.isOpen()) {
                writeResponse(new EnquireLinkResp(CommandStatus.ESME_ROK, request.sequenceNumber()));
            }
            return;
        }
        if (!state.allowsInbound(role, command)) {
            CommandStatus status = state.isBound() && request instanceof Bind
                    ? CommandStatus.ESME_RALYBND : CommandStatus.ESME_RINVBNDSTS;
            log.warn("request not allowed in this state", null, "command", command.smppName(),
                    "state", state, "answer", status.name());
            if (command.expectsResponse()) {
                writeResponse(request.createResponse(status));
            }
            return;
        }
        if (command == CommandId.UNBIND) {
            setState(BindState.UNBOUND);
            writeResponse(new UnbindResp(CommandStatus.ESME_ROK, request.sequenceNumber()));
            closeReason = "peer unbound";
            // The side that sent unbind closes the connection once it has our unbind_resp. Closing at
            // once races it: jSMPP, for one, can see the end of the stream before it has handled the
            // response and report a timeout. Give the peer a moment, then close if it has not.
            long grace = Math.min(PEER_UNBIND_GRACE_MILLIS, config.unbindTimeout().toMillis());
            channel.eventLoop().schedule(() -> {
                channel.close();
            }, grace, TimeUnit.MILLISECONDS);
            return;
        }
        CompletionStage<PduResponse> stage;
        try {
            stage = handler.onRequest(this, request);
        } catch (RuntimeException e) {
            stage = CompletableFuture.failedFuture(e);
        }
        if (stage == null) {
            stage = CompletableFuture.failedFuture(new IllegalStateException("handler returned no response stage"));
        }
        if (Stages.isCompletedNormally(stage)) {
            // Answered at once, the common case (the simulator answers every submit_sm so): on this
            // I/O thread, without a dependent stage and a lambda per request.
            answer(request, ((CompletableFuture<PduResponse>) stage).getNow(null), null);
            return;
        }
        stage.whenComplete((response, err) -> {
            if (channel.eventLoop().inEventLoop()) {
                answer(request, response, err);
            } else {
                channel.eventLoop().execute(() -> answer(request, response, err));
            }
        });
    }

    private void answer(PduRequest request, PduResponse response, Throwable err) {
        if (err != null || response == null) {
            log.warn("request handler failed; answering with error so the peer retries",
                    err, "command", request.commandId().smppName(), "seq", request.sequenceNumber(),
                    "status", config.handlerErrorStatus().name());
            writeResponse(request.createResponse(config.handlerErrorStatus()));
            return;
        }
        PduResponse numbered = response.sequenceNumber() == request.sequenceNumber()
                ? response : response.withSequenceNumber(request.sequenceNumber());
        if (request instanceof Bind && numbered.commandStatus().isOk() && state == BindState.OPEN) {
            systemId = ((Bind) request).systemId();
            setState(boundState((Bind) request));
        }
        writeResponse(numbered);
    }

    private void onDecodeFailure(PduFrameDecoder.DecodeFailure failure) {
        PduDecodeException e = failure.exception;
        Optional<CommandId> command = e.commandId();
        if (command.isPresent() && command.get().isResponse()) {
            RequestWindow.Pending p = window.remove(e.sequenceNumber());
            log.warn("undecodable response", e, "seq", e.sequenceNumber(), "field", e.field());
            if (p != null) {
                settle(p);
                p.fail(e);
            }
            return;
        }
        log.warn("undecodable PDU answered with generic_nack", e, "status", e.status().name(),
                "seq", e.sequenceNumber(), "length", failure.length);
        writeResponse(new GenericNack(e.status(), Math.max(0, e.sequenceNumber())));
    }

    private void setState(BindState to) {
        BindState from = state;
        if (from == to || from == BindState.CLOSED) {
            return;
        }
        state = to;
        if (to != BindState.CLOSED) {
            log.info("state changed", "from", from, "to", to, "peerSystemId", systemId);
        }
        try {
            handler.onStateChanged(this, from, to);
        } catch (RuntimeException e) {
            log.warn("onStateChanged handler failed", e);
        }
    }

    @Override
    public String toString() {
        return "SmppSession{" + id + ", " + role + ", " + state + ", systemId=" + systemId
                + ", remote=" + remoteAddress() + '}';
    }
}
