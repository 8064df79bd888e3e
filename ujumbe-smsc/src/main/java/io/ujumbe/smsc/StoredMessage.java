package io.ujumbe.smsc;

import io.ujumbe.pdu.Address;
import io.ujumbe.pdu.MessageState;
import io.ujumbe.pdu.RegisteredDelivery;

import java.time.Instant;
import java.util.List;

/**
 * A message the simulator holds, with its state. Mutable under its own lock: the state moves
 * from SCHEDULED/ENROUTE to a final state once, by the receipt timer, cancel_sm or replace_sm.
 */
final class StoredMessage {
    final String messageId;
    final long number;
    final String systemId;
    final Address source;
    final List<Address> destinations;
    final int dataCoding;
    final Instant submittedAt;
    private MessageState state;
    private Instant finalAt;
    private int errorCode;
    private byte[] shortMessage;
    private RegisteredDelivery registeredDelivery;

    StoredMessage(String messageId, long number, String systemId, Address source, List<Address> destinations,
                  int dataCoding, byte[] shortMessage, RegisteredDelivery registeredDelivery, MessageState state,
                  Instant submittedAt) {
        this.messageId = messageId;
        this.number = number;
        this.systemId = systemId;
        this.source = source;
        this.destinations = List.copyOf(destinations);
        this.dataCoding = dataCoding;
        this.shortMessage = shortMessage.clone();
        this.registeredDelivery = registeredDelivery;
        this.state = state;
        this.submittedAt = submittedAt;
    }

    synchronized MessageState state() {
        return state;
    }

    synchronized byte[] shortMessage() {
        return shortMessage.clone();
    }

    synchronized RegisteredDelivery registeredDelivery() {
        return registeredDelivery;
    }

    /** Moves to a final state unless already final; returns the state before, or null when it was final. */
    synchronized MessageState finish(MessageState to, int error, Instant at) {
        if (state.isFinal()) {
            return null;
        }
        MessageState from = state;
        state = to;
        errorCode = error;
        finalAt = at;
        return from;
    }

    /** Replaces the text and registered_delivery of a pending message; false when it is already final. */
    synchronized boolean replace(byte[] message, RegisteredDelivery rd) {
        if (state.isFinal()) {
            return false;
        }
        shortMessage = message.clone();
        registeredDelivery = rd;
        return true;
    }

    synchronized SimulatedMessage snapshot() {
        return new SimulatedMessage(messageId, systemId, source.address(), destinations.isEmpty() ? "" : destinations.get(0).address(),
                state, submittedAt, finalAt, errorCode, shortMessage);
    }
}
