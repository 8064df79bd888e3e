package io.ujumbe.smsc;

import io.ujumbe.pdu.CommandStatus;
import io.ujumbe.pdu.DeliverSm;

import java.time.Instant;
import java.util.Objects;

/**
 * One deliver_sm the simulator sent (a receipt or an MO part) and the ESME's answer.
 *
 * @param sessionId the session it went on
 * @param systemId  the system_id that session is bound with
 * @param kind      receipt, intermediate notification or mobile-originated message
 * @param messageId the receipted message id for receipts, empty for MO
 * @param pdu       the deliver_sm sent
 * @param status    the status of the ESME's deliver_sm_resp
 * @param at        when the answer arrived
 */
public record DeliveryRecord(String sessionId, String systemId, Kind kind, String messageId, DeliverSm pdu,
                             CommandStatus status, Instant at) {

    /** What a deliver_sm carried. */
    public enum Kind {
        RECEIPT, INTERMEDIATE, MO
    }

    /** @throws NullPointerException when a component is null */
    public DeliveryRecord {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(systemId, "systemId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(pdu, "pdu");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
    }
}
