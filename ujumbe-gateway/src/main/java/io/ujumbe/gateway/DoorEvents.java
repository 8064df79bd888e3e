package io.ujumbe.gateway;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * What a door other than HTTP (the SMPP front) hears from the gateway's message flow: every
 * delivery report of a message once it is stored (to relay receipts to the user's binds), and
 * inbound SMS whose MO route names {@code smpp:<user>}. Called on I/O threads: must not block. The
 * upstream SMSC hears a receipt or MO is taken only when the returned stage completes, so a stage
 * should complete once the event is sent or durably queued.
 */
public interface DoorEvents {

    /** Hears nothing. */
    DoorEvents NONE = new DoorEvents() {
    };

    /**
     * A delivery report of a message, after the status store has it.
     *
     * @param view the message and its timeline, the report's event included
     * @param report the report
     * @return done when relayed or queued
     */
    default CompletionStage<Void> onReport(MessageView view, DeliveryReport report) {
        return CompletableFuture.completedFuture(null);
    }

    /**
     * An inbound SMS routed to a user's SMPP binds.
     *
     * @param user the user named by the route's {@code smpp:<user>}
     * @param sms the message
     * @param payload its user data, parts joined and headers removed
     * @return done when delivered or queued
     */
    default CompletionStage<Void> onInbound(String user, InboundSms sms, byte[] payload) {
        return CompletableFuture.failedFuture(new IllegalStateException("no SMPP front to deliver to " + user));
    }
}
