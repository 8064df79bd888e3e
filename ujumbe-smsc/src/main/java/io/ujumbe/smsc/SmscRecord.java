package io.ujumbe.smsc;

import io.ujumbe.pdu.Address;
import io.ujumbe.pdu.MessageState;
import io.ujumbe.pdu.RegisteredDelivery;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * What the simulator received and did, for tests and tools to inspect: accepted submissions
 * (each part, with its session's system_id), concatenated messages joined, messages by id with
 * their state, binds, and the deliver_sm PDUs sent. Thread-safe; every accessor returns a copy.
 *
 * <p>So that long runs do not exhaust memory, each list keeps the latest
 * {@link SmscConfig#recordLimit()} entries ({@value #DEFAULT_LIMIT} by default; none when 0) and
 * the message table the latest {@value #MESSAGE_LIMIT} messages.
 */
public final class SmscRecord {
    static final int DEFAULT_LIMIT = 100_000;
    static final int MAX_LIMIT = 10_000_000;
    static final int MESSAGE_LIMIT = 1_000_000;

    private final Deque<RecordedSubmit> submits = new ArrayDeque<>();
    private final Deque<JoinedMessage> joined = new ArrayDeque<>();
    private final Deque<BindRecord> binds = new ArrayDeque<>();
    private final Deque<DeliveryRecord> deliveries = new ArrayDeque<>();
    private final MessageTable messages;
    private final int limit;

    /**
     * @param messageIds how the simulator writes ids, so that an id leads back to its message
     * @param limit      the entries each list keeps, 0 for none
     */
    SmscRecord(MessageIdFormat messageIds, int limit) {
        this.messages = new MessageTable(messageIds, MESSAGE_LIMIT);
        this.limit = limit;
    }

    /** Accepted submissions, oldest first. */
    public List<ReceivedSubmit> submits() {
        List<RecordedSubmit> held = copy(submits);
        List<ReceivedSubmit> out = new ArrayList<>(held.size());
        for (RecordedSubmit s : held) {
            out.add(s.toReceivedSubmit());
        }
        return List.copyOf(out);
    }

    /** Accepted submissions of one account, oldest first. */
    public List<ReceivedSubmit> submits(String systemId) {
        List<ReceivedSubmit> out = new ArrayList<>();
        for (RecordedSubmit s : copy(submits)) {
            if (s.systemId().equals(systemId)) {
                out.add(s.toReceivedSubmit());
            }
        }
        return List.copyOf(out);
    }

    /** Concatenated messages whose parts have all arrived, oldest first. */
    public List<JoinedMessage> joinedMessages() {
        return copy(joined);
    }

    /** The message with this id, as query_sm would see it. */
    public Optional<SimulatedMessage> message(String messageId) {
        return Optional.ofNullable(stored(messageId)).map(StoredMessage::snapshot);
    }

    /** Every message held, in no particular order. */
    public List<SimulatedMessage> messages() {
        List<SimulatedMessage> out = new ArrayList<>();
        for (StoredMessage m : messages.all()) {
            SimulatedMessage s = m.snapshot();
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    /** Bind requests answered, oldest first. */
    public List<BindRecord> binds() {
        return copy(binds);
    }

    /** deliver_sm PDUs sent and answered (receipts and MO), oldest first. */
    public List<DeliveryRecord> deliveries() {
        return copy(deliveries);
    }

    /** Receipts (final ones, not intermediate notifications) acknowledged by the ESME, oldest first. */
    public List<DeliveryRecord> receipts() {
        return deliveries().stream().filter(d -> d.kind() == DeliveryRecord.Kind.RECEIPT).toList();
    }

    /** Forgets everything recorded (messages held stay queryable until their receipts are done). */
    public void clear() {
        synchronized (submits) {
            submits.clear();
        }
        synchronized (joined) {
            joined.clear();
        }
        synchronized (binds) {
            binds.clear();
        }
        synchronized (deliveries) {
            deliveries.clear();
        }
    }

    /**
     * The latest accepted submissions that pass a filter, newest first, looking at no more than
     * {@code scan} of the latest (the lock is held only to take the references: decoding happens
     * outside it, so the I/O threads appending are not held up by a reader).
     */
    List<ReceivedSubmit> latestSubmits(int limit, int scan, java.util.function.Predicate<ReceivedSubmit> filter) {
        List<RecordedSubmit> taken = new ArrayList<>(Math.min(scan, 1024));
        synchronized (submits) {
            java.util.Iterator<RecordedSubmit> it = submits.descendingIterator();
            while (it.hasNext() && taken.size() < scan) {
                taken.add(it.next());
            }
        }
        List<ReceivedSubmit> out = new ArrayList<>(Math.min(limit, taken.size()));
        for (RecordedSubmit r : taken) {
            ReceivedSubmit s = r.toReceivedSubmit();
            if (filter.test(s)) {
                out.add(s);
                if (out.size() >= limit) {
                    break;
                }
            }
        }
        return out;
    }

    /** When each session last bound successfully, from the latest bind records. */
    java.util.Map<String, java.time.Instant> boundSince() {
        java.util.Map<String, java.time.Instant> out = new java.util.HashMap<>();
        synchronized (binds) {
            for (BindRecord b : binds) {
                if (b.accepted()) {
                    out.put(b.sessionId(), b.at());
                }
            }
        }
        return out;
    }

    /** False when {@code recordLimit} is 0: callers then need not build the entries at all. */
    boolean keepsEntries() {
        return limit != 0;
    }

    void add(RecordedSubmit s) {
        append(submits, s);
    }

    void add(JoinedMessage m) {
        append(joined, m);
    }

    void add(BindRecord b) {
        append(binds, b);
    }

    void add(DeliveryRecord d) {
        append(deliveries, d);
    }

    /** Holds a message for query_sm, cancel_sm and replace_sm; see {@link MessageTable#put}. */
    StoredMessage store(StoredMessage.Origin origin, long number, Address source, List<Address> destinations,
                        int dataCoding, boolean udhi, byte[] shortMessage, RegisteredDelivery rd, MessageState state,
                        long submittedAtNanos, OutcomePicker.Outcome outcome, int pins) {
        return messages.put(origin, number, source, destinations, dataCoding, udhi, shortMessage, rd, state,
                submittedAtNanos, outcome, pins);
    }

    /** The message {@link #store} put in {@code rows} with this number. */
    StoredMessage stored(MessageRows rows, long number) {
        return messages.at(rows, number);
    }

    /** Hex ids are looked up regardless of letter case; leading and trailing blanks are ignored. */
    StoredMessage stored(String messageId) {
        return messages.get(messageId);
    }

    List<StoredMessage> storedMessages() {
        return messages.all();
    }

    private <T> void append(Deque<T> list, T item) {
        if (limit == 0) {
            return;
        }
        synchronized (list) {
            if (list.size() >= limit) {
                list.removeFirst();
            }
            list.addLast(item);
        }
    }

    private static <T> List<T> copy(Deque<T> list) {
        synchronized (list) {
            return List.copyOf(list);
        }
    }
}
