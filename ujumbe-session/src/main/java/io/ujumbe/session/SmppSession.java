package io.ujumbe.session;

import io.ujumbe.pdu.Bind;
import io.ujumbe.pdu.BindResp;
import io.ujumbe.pdu.PduRequest;
import io.ujumbe.pdu.PduResponse;

import java.net.SocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * One SMPP connection, either side. Requests are sent asynchronously within a window of
 * outstanding requests; every returned future completes, with the response, a
 * {@link ResponseTimeoutException}, or a {@link SessionClosedException}. Nothing here blocks.
 *
 * <p>Futures complete on the session's I/O thread: continuations must not block.
 */
public interface SmppSession {

    /** A short identifier for logs, unique in this JVM. */
    String id();

    SessionRole role();

    BindState state();

    /** The peer's system_id once bound (or the bind's, on the ESME side), else empty string. */
    String systemId();

    SocketAddress remoteAddress();

    /**
     * {@code System.nanoTime()} as read once for the burst of reads being handled: called from
     * {@link SessionHandler#onRequest} (on the session's I/O thread), the time the request's bytes
     * were taken from the socket, give or take the handling of the PDUs before it in the same burst;
     * called elsewhere, a fresh reading. For handlers that stamp every request: one clock read per
     * burst instead of one per PDU (2.5 % of the simulator's CPU at peak). The default reads the clock.
     */
    default long readTimeNanos() {
        return System.nanoTime();
    }

    /**
     * Sends a request and completes with its response: the matching *_resp or a generic_nack
     * (check {@link PduResponse#commandStatus()}). A sequence number is assigned by the session's
     * {@link Sequencer}; the one on {@code request} is ignored. Fails at once with
     * {@link WindowFullException} when the window is full and with
     * {@link InvalidSessionStateException} when the state does not allow this request.
     */
    CompletableFuture<PduResponse> send(PduRequest request);

    /** Like {@link #send(PduRequest)} with a response timeout other than the configured one. */
    CompletableFuture<PduResponse> send(PduRequest request, Duration responseTimeout);

    /**
     * Like {@link #send(PduRequest)}, but tells {@code callback} the outcome (a response, or an
     * error: the same ones the future fails with) instead of returning a future: for senders of
     * many requests, no future and no completion stage per request. The callback is called exactly
     * once: on the session's I/O thread, or at once on the calling thread when the request cannot
     * be sent (window full, state). It must not block; an exception it throws is logged and ignored.
     */
    default void send(PduRequest request, java.util.function.BiConsumer<? super PduResponse, ? super Throwable> callback) {
        java.util.Objects.requireNonNull(callback, "callback");
        send(request).whenComplete(callback);
    }

    /**
     * Binds (ESME side). Completes with the bind response whatever its status; the session is
     * bound if and only if the status is ESME_ROK. Fails if the connection closes first.
     */
    CompletableFuture<BindResp> bind(Bind bind);

    /** Sends unbind, waits for unbind_resp (at most the configured unbind timeout), then closes. */
    CompletableFuture<Void> unbind();

    /** Closes the connection at once; pending requests fail with SessionClosedException. */
    CompletableFuture<Void> close(String reason);

    /** Completes when the connection has closed, for whatever reason. */
    CompletableFuture<Void> closeFuture();

    /** Requests sent and not yet answered, enquire_link excluded. */
    int pendingRequests();

    /** Free places in the window. */
    int windowAvailable();

    /** The configuration this session runs with. */
    SessionConfig config();
}
