package io.ujumbe.session;

import io.ujumbe.pdu.Pdu;
import io.ujumbe.pdu.PduRequest;
import io.ujumbe.pdu.PduResponse;

import java.util.concurrent.CompletionStage;

/**
 * What the owner of a session (the client or the simulator) supplies to handle the peer's
 * requests and to hear about the session's life. The session itself answers enquire_link and
 * unbind, enforces the bind state and matches responses; everything else comes here.
 *
 * <p>Methods are called on the session's I/O thread: they must return quickly and never block.
 * Work that takes time goes into the returned stage.
 */
public interface SessionHandler {

    /**
     * A request from the peer that the current state allows (deliver_sm, submit_sm, bind …). The
     * session sends the response when the stage completes; if it completes exceptionally, the
     * session answers with the configured {@link SessionConfig#handlerErrorStatus()} so that the
     * peer delivers again.
     */
    CompletionStage<PduResponse> onRequest(SmppSession session, PduRequest request);

    /**
     * An outbind (SMSC asking the ESME to bind) or an alert_notification: PDUs without a response.
     * The session has already checked the state allows it; an outbind moves it to OUTBOUND.
     */
    default void onNotification(SmppSession session, Pdu pdu) {
    }

    /** The session moved from one state to another (bound, unbound, closed). */
    default void onStateChanged(SmppSession session, BindState from, BindState to) {
    }

    /** Called once when the connection is closed; {@code reason} says why (never null). */
    default void onClosed(SmppSession session, String reason) {
    }

    /**
     * False when this handler's {@link #beforeSend} and {@link #onResponse} do not look at the
     * requests sent with {@link SmppSession#send(PduRequest, java.util.function.BiConsumer)}: the
     * session then skips a numbered copy of each such request (the encoder writes the number), and
     * those methods see the request as it was given, its sequence number unset. True by default.
     */
    default boolean observesOutboundPdus() {
        return true;
    }

    /** Hook called before each PDU is written. Exceptions are caught and logged by the session. */
    default void beforeSend(SmppSession session, Pdu pdu) {
    }

    /** Hook called after each PDU is decoded, before it is handled. Exceptions are caught and logged. */
    default void afterReceive(SmppSession session, Pdu pdu) {
    }

    /** A response arrived for one of this session's requests, {@code latencyNanos} after it was sent. */
    default void onResponse(SmppSession session, PduRequest request, PduResponse response, long latencyNanos) {
    }

    /** There is room in the send window again after it was full. */
    default void onWindowAvailable(SmppSession session) {
    }
}
