package io.ujumbe.smsc;

import io.ujumbe.pdu.MessageState;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of a message the simulator holds: what query_sm answers about it.
 *
 * @param messageId   the id given in the submit response
 * @param systemId    the account that submitted it
 * @param source      the source address
 * @param destination the destination address (the first, for submit_multi)
 * @param state       its state now
 * @param submittedAt when it was accepted
 * @param finalAt     when it reached a final state, or null
 * @param errorCode   the network error code of a failure, 0 otherwise
 * @param shortMessage the current message octets (after any replace_sm)
 */
public record SimulatedMessage(String messageId, String systemId, String source, String destination,
                               MessageState state, Instant submittedAt, Instant finalAt, int errorCode,
                               byte[] shortMessage) {

    /** @throws NullPointerException when a required component is null */
    public SimulatedMessage {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(systemId, "systemId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(submittedAt, "submittedAt");
        shortMessage = shortMessage.clone();
    }

    @Override
    public byte[] shortMessage() {
        return shortMessage.clone();
    }

    public Optional<Instant> finalDate() {
        return Optional.ofNullable(finalAt);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SimulatedMessage m && messageId.equals(m.messageId) && systemId.equals(m.systemId)
                && source.equals(m.source) && destination.equals(m.destination) && state == m.state
                && submittedAt.equals(m.submittedAt) && Objects.equals(finalAt, m.finalAt)
                && errorCode == m.errorCode && Arrays.equals(shortMessage, m.shortMessage);
    }

    @Override
    public int hashCode() {
        return Objects.hash(messageId, systemId, state, finalAt, errorCode);
    }

    @Override
    public String toString() {
        return "SimulatedMessage{id=" + messageId + ", systemId=" + systemId + ", " + source + " -> " + destination
                + ", state=" + state + ", errorCode=" + errorCode + ", submittedAt=" + submittedAt
                + ", finalAt=" + finalAt + "}";
    }
}
