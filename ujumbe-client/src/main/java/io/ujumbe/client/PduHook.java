package io.ujumbe.client;

import io.ujumbe.pdu.Pdu;

/**
 * Called before each PDU is sent and after each is received, on every bind — for auditing,
 * tracing or metrics of your own (naz and aiosmpplib have the same hooks). Runs on an I/O thread:
 * must not block. An exception thrown here is caught and logged; the PDU goes on regardless.
 */
public interface PduHook {

    default void beforeSend(String sessionId, Pdu pdu) {
    }

    default void afterReceive(String sessionId, Pdu pdu) {
    }
}
