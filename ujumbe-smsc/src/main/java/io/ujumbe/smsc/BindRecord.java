package io.ujumbe.smsc;

import io.ujumbe.pdu.BindType;
import io.ujumbe.pdu.CommandStatus;

import java.time.Instant;
import java.util.Objects;

/**
 * One bind request the simulator answered (the password is not kept).
 *
 * @param sessionId the session it came on
 * @param systemId  the system_id given
 * @param type      transmitter, receiver or transceiver
 * @param status    the answer: ESME_ROK, or why it was refused
 * @param at        when it was answered
 */
public record BindRecord(String sessionId, String systemId, BindType type, CommandStatus status, Instant at) {

    /** @throws NullPointerException when a component is null */
    public BindRecord {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(systemId, "systemId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
    }

    public boolean accepted() {
        return status.isOk();
    }
}
