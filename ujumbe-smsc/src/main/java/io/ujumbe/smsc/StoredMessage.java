package io.ujumbe.smsc;

import io.ujumbe.pdu.Address;
import io.ujumbe.pdu.MessageState;
import io.ujumbe.pdu.NumberingPlan;
import io.ujumbe.pdu.RegisteredDelivery;
import io.ujumbe.pdu.TypeOfNumber;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A message the simulator holds, with its state. Mutable under its own lock: the state moves
 * from SCHEDULED/ENROUTE to a final state once, by the receipt timer, cancel_sm or replace_sm.
 *
 * <p>The simulator holds up to a million of these, and each survives young collections (copied by
 * the collector, then kept in the old generation), so a message is kept as two objects: this one
 * and one array with the destination and the message octets. What every message of a session
 * shares (account, session, id format) is one {@link Origin}; the id is written from the number
 * when asked for, and times are numbers. Before, a message was six objects (~224 bytes: this,
 * a copy of the octets, the PDU's destination address with its string, and a list of it); the
 * collector's copying of them was a large part of the simulator's CPU at peak.
 *
 * <p>The array holds the destination's TON, NPI, the length of its digits, the digits (ISO-8859-1,
 * as SMPP's C-Octet strings are) and then the message octets. A message with several destinations
 * (submit_multi), or a destination that is not ISO-8859-1, keeps its list of addresses instead.
 */
final class StoredMessage {
    /** What the messages of one session share. */
    record Origin(String systemId, String sessionId, MessageIdFormat idFormat, long idSalt) {
    }

    private static final int HEADER = 3;

    private final Origin origin;
    final long number;
    final Address source;
    /** Null when the destination is in {@link #data}; else every destination. */
    private final List<Address> destinations;
    final int dataCoding;
    /** The octets start with a user data header (esm_class UDHI): a receipt's text skips it. */
    final boolean udhi;
    private final long submittedAtNanos;
    /** The final state it takes when the receipt delay has passed (picked on acceptance). */
    final OutcomePicker.Outcome outcome;
    private MessageState state;
    private long finalAtNanos;
    private int errorCode;
    /** The destination (when {@link #destinations} is null) and the message octets. */
    private byte[] data;
    /** Where the message octets start in {@link #data}. */
    private int textStart;
    private RegisteredDelivery registeredDelivery;

    /**
     * The id is {@code origin.idFormat().format(number, origin.idSalt())}; {@code submittedAtNanos} is
     * nanoseconds since the epoch (see {@link #nowNanos()}). {@code shortMessage} is copied.
     */
    StoredMessage(Origin origin, long number, Address source, List<Address> destinations, int dataCoding,
                  boolean udhi, byte[] shortMessage, RegisteredDelivery registeredDelivery, MessageState state,
                  long submittedAtNanos, OutcomePicker.Outcome outcome) {
        this.origin = origin;
        this.number = number;
        this.source = source;
        this.dataCoding = dataCoding;
        this.udhi = udhi;
        this.registeredDelivery = registeredDelivery;
        this.state = state;
        this.submittedAtNanos = submittedAtNanos;
        this.outcome = outcome;
        String digits = destinations.size() == 1 ? destinations.get(0).address() : null;
        if (digits != null && digits.length() <= 255 && isLatin1(digits)) {
            Address d = destinations.get(0);
            int n = digits.length();
            this.destinations = null;
            this.data = new byte[HEADER + n + shortMessage.length];
            data[0] = (byte) d.ton().value();
            data[1] = (byte) d.npi().value();
            data[2] = (byte) n;
            // By hand: getBytes would make an array only to copy it.
            for (int i = 0; i < n; i++) {
                data[HEADER + i] = (byte) digits.charAt(i);
            }
            this.textStart = HEADER + n;
            System.arraycopy(shortMessage, 0, data, textStart, shortMessage.length);
        } else {
            this.destinations = List.copyOf(destinations);
            this.data = shortMessage.clone();
            this.textStart = 0;
        }
    }

    /** The id given in the submit response. */
    String messageId() {
        return origin.idFormat().format(number, origin.idSalt());
    }

    /** The account that submitted it. */
    String systemId() {
        return origin.systemId();
    }

    /** The session it came on: receipts go back on it while it is bound. */
    String sessionId() {
        return origin.sessionId();
    }

    /** Every destination, the first one first. */
    List<Address> destinations() {
        return destinations != null ? destinations : List.of(firstDestination());
    }

    /** The (first) destination. */
    Address firstDestination() {
        if (destinations != null) {
            return destinations.get(0);
        }
        byte[] d = data;
        return new Address(TypeOfNumber.of(d[0] & 0xFF), NumberingPlan.of(d[1] & 0xFF),
                new String(d, HEADER, d[2] & 0xFF, StandardCharsets.ISO_8859_1));
    }

    /** True when {@code digits} is one of its destinations' address text. */
    boolean isFor(String digits) {
        if (destinations != null) {
            for (Address a : destinations) {
                if (a.address().equals(digits)) {
                    return true;
                }
            }
            return false;
        }
        return firstDestination().address().equals(digits);
    }

    long submittedAtNanos() {
        return submittedAtNanos;
    }

    Instant submittedAt() {
        return instant(submittedAtNanos);
    }

    synchronized MessageState state() {
        return state;
    }

    synchronized byte[] shortMessage() {
        return Arrays.copyOfRange(data, textStart, data.length);
    }

    /** The octets of the text itself: the short message without its user data header, if it has one. */
    synchronized byte[] textOctets() {
        int length = data.length - textStart;
        if (!udhi || length == 0) {
            return Arrays.copyOfRange(data, textStart, data.length);
        }
        int start = textStart + Math.min(length, (data[textStart] & 0xFF) + 1);
        return Arrays.copyOfRange(data, start, data.length);
    }

    synchronized RegisteredDelivery registeredDelivery() {
        return registeredDelivery;
    }

    /** Moves to a final state unless already final; returns the state before, or null when it was final. */
    synchronized MessageState finish(MessageState to, int error, long atNanos) {
        if (state.isFinal()) {
            return null;
        }
        MessageState from = state;
        state = to;
        errorCode = error;
        finalAtNanos = atNanos;
        return from;
    }

    /** Replaces the text and registered_delivery of a pending message; false when it is already final. */
    synchronized boolean replace(byte[] message, RegisteredDelivery rd) {
        if (state.isFinal()) {
            return false;
        }
        byte[] d = Arrays.copyOf(data, textStart + message.length);
        System.arraycopy(message, 0, d, textStart, message.length);
        data = d;
        registeredDelivery = rd;
        return true;
    }

    synchronized SimulatedMessage snapshot() {
        return new SimulatedMessage(messageId(), origin.systemId(), source.address(), firstDestination().address(),
                state, submittedAt(), state.isFinal() ? instant(finalAtNanos) : null, errorCode,
                Arrays.copyOfRange(data, textStart, data.length));
    }

    /**
     * Now, in nanoseconds since the epoch (a long holds them until the year 2262), to the
     * millisecond: twice per message, and {@code Instant.now()} allocated an Instant each time.
     * Receipts write times to the second, the console to the millisecond.
     */
    static long nowNanos() {
        return System.currentTimeMillis() * 1_000_000L;
    }

    static Instant instant(long nanos) {
        return Instant.ofEpochSecond(0, nanos);
    }

    private static boolean isLatin1(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0xFF) {
                return false;
            }
        }
        return true;
    }
}
