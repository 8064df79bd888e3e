package io.ujumbe.client;

import io.ujumbe.pdu.AlertNotification;
import io.ujumbe.pdu.CommandStatus;
import io.ujumbe.session.BindState;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * What the application hears from the client. Every method has a default, so implement only what
 * you need. Methods are called on the client's I/O thread, the one its binds run on: return
 * quickly and never block (no database call, no {@code join()}, never {@code client.stop(..).join()});
 * hand slow work to your own executor and, for receipts and inbound SMS, return its stage. An
 * exception thrown here is caught and logged.
 *
 * <p>Inbound messages and receipts are answered to the SMSC only when the returned stage
 * completes; if it fails, the SMSC gets the configured error status and delivers again. So a
 * receipt or an SMS is never acknowledged before the application has taken it.
 */
public interface ClientListener {

    /** Each message's terminal outcome, exactly once. */
    default void onOutcome(MessageOutcome outcome) {
    }

    /** A delivery receipt. */
    default CompletionStage<Void> onReceipt(ReceiptEvent receipt) {
        return CompletableFuture.completedFuture(null);
    }

    /** An inbound (MO) SMS, reassembled if it came in parts. */
    default CompletionStage<Void> onInboundMessage(InboundMessage message) {
        return CompletableFuture.completedFuture(null);
    }

    /** A bind changed state (bound, unbound, closed). */
    default void onBindStateChanged(String sessionId, BindState from, BindState to) {
    }

    /**
     * The SMSC's alert_notification: a handset ({@code alert.sourceAddress()}) for which this
     * ESME asked to be told (set_dpf) has become available. There is no response to send.
     */
    default void onAlertNotification(String sessionId, AlertNotification alert) {
    }

    /**
     * A connection or bind attempt failed without a bind_resp the client could read: the SMSC
     * could not be reached, closed the connection, or answered with bytes that do not decode (then
     * {@code error} is an {@link io.ujumbe.pdu.PduDecodeException}, or a closed session whose
     * reason is a framing error). The client retries with backoff.
     */
    default void onBindFailed(Throwable error) {
    }

    /** The SMSC refused a bind (wrong password, unknown system_id …); the client retries per its policy. */
    default void onBindRejected(CommandStatus status, int consecutiveRejections) {
    }
}
