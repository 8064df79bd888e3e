package io.ujumbe.smsc;

import io.ujumbe.pdu.Address;
import io.ujumbe.pdu.MessageState;
import io.ujumbe.pdu.RegisteredDelivery;

import java.time.Instant;
import java.util.List;

/**
 * A message the simulator holds, with its state: a handle on its row in a {@link MessageRows}
 * block, made when a message is looked up and dropped after use (the block keeps the message;
 * see there for why it is not an object per message). The state moves from SCHEDULED/ENROUTE to a
 * final state once, by the receipt timer, cancel_sm or replace_sm. Two handles on the same row
 * are equal. Thread-safe.
 *
 * <p>A handle is for the request that made it: the block reuses the row once the message has
 * left the table and no receipt is due from it. The state, finish, replace and snapshot check the
 * row still holds this message (UNKNOWN, null, false, null when not); the other readers do not,
 * as no request lasts the million messages that takes.
 */
final class StoredMessage {
    /** What the messages of one session share. */
    record Origin(String systemId, String sessionId, MessageIdFormat idFormat, long idSalt) {
    }

    private final MessageRows rows;
    private final int row;
    final long number;

    StoredMessage(MessageRows rows, int row, long number) {
        this.rows = rows;
        this.row = row;
        this.number = number;
    }

    /** The block that holds it. */
    MessageRows rows() {
        return rows;
    }

    /** The id given in the submit response. */
    String messageId() {
        Origin o = rows.origin(row);
        return o.idFormat().format(number, o.idSalt());
    }

    /** The account that submitted it. */
    String systemId() {
        return rows.origin(row).systemId();
    }

    /** The session it came on: receipts go back on it while it is bound. */
    String sessionId() {
        return rows.origin(row).sessionId();
    }

    Address source() {
        return rows.source(row);
    }

    int dataCoding() {
        return rows.dataCoding(row);
    }

    /** The final state it takes when the receipt delay has passed (picked on acceptance). */
    OutcomePicker.Outcome outcome() {
        return rows.outcome(row);
    }

    /** Every destination, the first one first. */
    List<Address> destinations() {
        return rows.destinations(row);
    }

    /** The (first) destination. */
    Address firstDestination() {
        return rows.firstDestination(row);
    }

    /** True when {@code digits} is one of its destinations' address text. */
    boolean isFor(String digits) {
        return rows.isFor(row, digits);
    }

    long submittedAtNanos() {
        return rows.submittedAtNanos(row);
    }

    Instant submittedAt() {
        return instant(submittedAtNanos());
    }

    MessageState state() {
        return rows.state(row, number);
    }

    byte[] shortMessage() {
        return rows.shortMessage(row);
    }

    /** The octets of the text itself: the short message without its user data header, if it has one. */
    byte[] textOctets() {
        return rows.textOctets(row);
    }

    RegisteredDelivery registeredDelivery() {
        return rows.registeredDelivery(row);
    }

    /** Moves to a final state unless already final; returns the state before, or null when it was final. */
    MessageState finish(MessageState to, int error, long atNanos) {
        return rows.finish(row, number, to, error, atNanos);
    }

    /** The receipt timer's step: see {@link MessageRows#finishDue}. */
    int finishDue(long atNanos) {
        return rows.finishDue(row, number, atNanos);
    }

    /** Replaces the text and registered_delivery of a pending message; false when it is already final. */
    boolean replace(byte[] message, RegisteredDelivery rd) {
        return rows.replace(row, number, message, rd);
    }

    /** A copy for the console, the HTTP API and query_sm; null when its row has been reused (long out of the table). */
    SimulatedMessage snapshot() {
        return rows.snapshot(row, number);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoredMessage m && m.rows == rows && m.row == row && m.number == number;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(number);
    }

    @Override
    public String toString() {
        return "StoredMessage[" + number + "]";
    }

    /**
     * Now, in nanoseconds since the epoch (a long holds them until the year 2262), to the
     * millisecond: twice per message, and {@code Instant.now()} allocated an Instant each time.
     * Receipts write times to the second, the console to the millisecond.
     */
    static long nowNanos() {
        return System.currentTimeMillis() * 1_000_000L;
    }

    /**
     * The same as {@link #nowNanos()}, worked out from a {@code System.nanoTime()} reading the
     * caller has anyway, against the wall clock as read at most a second before: one clock read per
     * submit_sm instead of two (each a few percent of the simulator at peak). Re-read every second,
     * so a wall clock that is set follows within one.
     */
    static long nowNanos(long nanoTime) {
        ClockBase b = clockBase;
        long since = nanoTime - b.nanoTime;
        if (since < 0 || since >= 1_000_000_000L) {
            b = new ClockBase(nanoTime, System.currentTimeMillis() * 1_000_000L);
            clockBase = b;
            since = 0;
        }
        long wall = b.wallNanos + since;
        return wall - wall % 1_000_000L;
    }

    /** A wall clock reading and the {@code System.nanoTime()} taken with it. */
    private record ClockBase(long nanoTime, long wallNanos) {
    }

    private static volatile ClockBase clockBase = new ClockBase(System.nanoTime(), System.currentTimeMillis() * 1_000_000L);

    static Instant instant(long nanos) {
        return Instant.ofEpochSecond(0, nanos);
    }
}
