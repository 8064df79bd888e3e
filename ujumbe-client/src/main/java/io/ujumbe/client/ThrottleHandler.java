package io.ujumbe.client;

import io.ujumbe.pdu.CommandStatus;
import java.time.Duration;

/**
 * Watches the SMSC's responses and holds sending while the SMSC says it is overloaded (naz's
 * throttle handler). The client reports every response to a submit, asks {@link #allowRequest()}
 * just before each send (once the window and the rate limiter let the part go, so that a "yes"
 * is always followed by a send: a handler may let one probe through that way), and when refused
 * asks again after {@link #throttleDelay()}. Thread-safe: several sessions report to one handler.
 *
 * <p>The default implementation is {@link PercentageThrottleHandler}.
 */
public interface ThrottleHandler {

    /** A response with ESME_RTHROTTLED or ESME_RMSGQFUL arrived. */
    void onThrottled();

    /** Any other response to a submit arrived. */
    void onNotThrottled();

    /** False while sending must hold. */
    boolean allowRequest();

    /** How long to wait, after {@link #allowRequest()} said no, before asking again (e.g. the rest of a pause). */
    Duration throttleDelay();

    /** Reports a response by its status: a throttle status or any other. */
    default void onResponse(CommandStatus status) {
        if (status.isThrottle()) {
            onThrottled();
        } else {
            onNotThrottled();
        }
    }
}
