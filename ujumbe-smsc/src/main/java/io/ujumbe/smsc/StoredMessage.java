package io.ujumbe.smsc;

import io.ujumbe.pdu.Address;
import io.ujumbe.pdu.MessageState;
import io.ujumbe.pdu.RegisteredDelivery;

import java.time.Instant;
import java.util.List;

/**
 * A message the simulator holds, with its state. Mutable under its own lock: the state moves
 * from SCHEDULED/ENROUTE to a final state once, by the receipt timer, cancel_sm or replace_sm.
 * The message octets are never changed in place (replace_sm swaps in a new array), so the array
 * handed to the constructor may be shared with the submission's record.
 *
 * <p>The simulator holds up to a million of these, and each survives young collections, so the
 * id is written from the number when asked for and times are kept as numbers: three objects
 * fewer per message to copy and mark.
 */
final class StoredMessage {
    private final MessageIdFormat idFormat;
    private final long idSalt;
    final long number;
    final String systemId;
    final Address source;
    final List<Address> destinations;
    final int dataCoding;
    /** The octets start with a user data header (esm_class UDHI): a receipt's text skips it. */
    final boolean udhi;
    private final long submittedAtNanos;
    private MessageState state;
    private long finalAtNanos;
    private int errorCode;
    private byte[] shortMessage;
    private RegisteredDelivery registeredDelivery;

    /** The id is {@code idFormat.format(number, idSalt)}. */
    StoredMessage(MessageIdFormat idFormat, long idSalt, long number, String systemId, Address source,
                  List<Address> destinations, int dataCoding, boolean udhi, byte[] shortMessage,
                  RegisteredDelivery registeredDelivery, MessageState state, Instant submittedAt) {
        this.idFormat = idFormat;
        this.idSalt = idSalt;
        this.number = number;
        this.systemId = systemId;
        this.source = source;
        this.destinations = List.copyOf(destinations);
        this.dataCoding = dataCoding;
        this.udhi = udhi;
        // Handed over by the caller (already a copy of the PDU's), not copied again.
        this.shortMessage = shortMessage;
        this.registeredDelivery = registeredDelivery;
        this.state = state;
        this.submittedAtNanos = nanos(submittedAt);
    }

    /** The id given in the submit response. */
    String messageId() {
        return idFormat.format(number, idSalt);
    }

    Instant submittedAt() {
        return instant(submittedAtNanos);
    }

    synchronized MessageState state() {
        return state;
    }

    synchronized byte[] shortMessage() {
        return shortMessage.clone();
    }

    /** The octets of the text itself: the short message without its user data header, if it has one. */
    synchronized byte[] textOctets() {
        if (!udhi || shortMessage.length == 0) {
            return shortMessage.clone();
        }
        int start = Math.min(shortMessage.length, (shortMessage[0] & 0xFF) + 1);
        return java.util.Arrays.copyOfRange(shortMessage, start, shortMessage.length);
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
        finalAtNanos = nanos(at);
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
        return new SimulatedMessage(messageId(), systemId, source.address(), destinations.isEmpty() ? "" : destinations.get(0).address(),
                state, submittedAt(), state.isFinal() ? instant(finalAtNanos) : null, errorCode, shortMessage);
    }

    /** Nanoseconds since the epoch: a long holds them until the year 2262. */
    private static long nanos(Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000_000L), at.getNano());
    }

    private static Instant instant(long nanos) {
        return Instant.ofEpochSecond(0, nanos);
    }
}
