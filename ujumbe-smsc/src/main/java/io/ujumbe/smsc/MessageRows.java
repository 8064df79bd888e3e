package io.ujumbe.smsc;

import io.ujumbe.pdu.Address;
import io.ujumbe.pdu.MessageState;
import io.ujumbe.pdu.NumberingPlan;
import io.ujumbe.pdu.RegisteredDelivery;
import io.ujumbe.pdu.TypeOfNumber;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * One block of the {@link MessageTable}: the messages of up to 4,096 consecutive slots of one
 * generation of the ring (one pass of the message numbers over it), kept as columns — arrays of
 * numbers, times and packed small fields, and one byte array with every destination and text —
 * rather than as an object or two per message.
 *
 * <p>Why: the table holds the latest million messages, so every message outlives young
 * collections. As objects (80 bytes plus a 60-byte array each) the collector copied each one
 * into the survivor space and again into the old generation, refined the cards of the table that
 * pointed at them and marked them there until they died: a third of the simulator's CPU at peak
 * (async-profiler, 2026-12-07). These arrays are allocated once per block and hold no references
 * to per-message objects, so the collector has nothing per message to copy or trace. A message is
 * about 60 bytes of columns plus its octets (the destination's digits and the text), against
 * ~140 bytes before.
 *
 * <p>When the ring comes round to a block, the table puts another block in its place, which keeps
 * the one it replaces as {@link #previous()} until every slot has been written again, so lookups
 * see exactly the latest messages. The block it let go is then {@linkplain #retire() retired} and,
 * once no receipt is still due from it ({@linkplain #write pins}), reused for a later pass: new
 * arrays per block were young objects the collector copied twice too (memcpy, 18 % of the
 * simulator, measured). Because a row is reused, nothing keeps a {@link StoredMessage} beyond the
 * request that looked it up, except the receipt timer, which pins the block; the record of
 * submissions copies what it shows.
 *
 * <p>Thread-safe: every access to a row's state is under this block's lock, which is uncontended in
 * the common case (the I/O threads write the newest block, the receipt timer works on one a receipt
 * delay older).
 */
final class MessageRows {
    /** Per row in {@link #refs}: origin, source, destinations (null when in {@link #bytes}), outcome. */
    private static final int REFS = 4;
    /** Before a destination's digits in {@link #bytes}: its TON, NPI and the number of digits. */
    private static final int HEADER = 3;
    private static final MessageState[] STATES = MessageState.values();
    private static final int UDHI = 1 << 24;

    /**
     * How many times the message numbers had gone round the ring: {@code number / capacity}. Set by
     * {@link #reuse}; volatile because the table reads it without the lock (a long may tear otherwise).
     */
    volatile long generation;
    /** The ring slot of row 0. Set by {@link #reuse}. */
    int firstSlot;
    final int size;
    // Guarded by this.
    private final long[] numbers;
    private final long[] submittedAt;
    private final long[] finalAt;
    /** The state's ordinal (bits 0-7), data_coding (8-15), registered_delivery (16-23), udhi (bit 24). */
    private final int[] info;
    private final int[] errors;
    private final Object[] refs;
    private final int[] dataStart;
    private final int[] dataEnd;
    private byte[] bytes;
    private int top;
    private int written;
    /** Receipts (and intermediate notifications) still due from these rows. */
    private int pins;
    /** Out of the table: it takes no more messages, and is reused once {@link #pins} is 0. */
    private boolean retired;
    private volatile MessageRows previous;
    /** Where a retired block with no pins goes to be reused; null for one never reused. */
    private final Consumer<MessageRows> recycler;

    /**
     * Rows for {@code size} slots from {@code firstSlot}, replacing {@code previous} (or null) slot by
     * slot; {@code recycler} (or null) takes it when it is retired and unpinned.
     */
    MessageRows(long generation, int firstSlot, int size, MessageRows previous, Consumer<MessageRows> recycler) {
        this.size = size;
        this.recycler = recycler;
        this.numbers = new long[size];
        this.submittedAt = new long[size];
        this.finalAt = new long[size];
        this.info = new int[size];
        this.errors = new int[size];
        this.refs = new Object[size * REFS];
        this.dataStart = new int[size];
        this.dataEnd = new int[size];
        // 40 octets a message holds a 12-digit destination and a 25-character text without growing.
        this.bytes = new byte[Math.max(64, size * 40)];
        synchronized (this) {
            place(generation, firstSlot, previous);
        }
    }

    /**
     * Empties a retired block for its {@code size} slots from {@code firstSlot} of this pass, replacing
     * {@code previous} (or null). Called by the table, before it publishes the block.
     */
    synchronized void reuse(long generation, int firstSlot, MessageRows previous) {
        if (pins != 0) {
            throw new IllegalStateException("a block reused while " + pins + " receipts are due from it");
        }
        Arrays.fill(numbers, 0);
        Arrays.fill(refs, null);
        top = 0;
        written = 0;
        retired = false;
        place(generation, firstSlot, previous);
    }

    /** Sets the pass and slots these rows are for, and links the block they replace. Under the lock. */
    private void place(long generation, int firstSlot, MessageRows previous) {
        this.generation = generation;
        this.firstSlot = firstSlot;
        this.previous = previous;
        if (previous != null) {
            // Only one block back is ever looked at: an older one leaves the table.
            MessageRows older = previous.previous;
            previous.previous = null;
            if (older != null) {
                older.retire();
            }
        }
    }

    /** Out of the table for good: reused once no receipt is due from it. Idempotent. */
    void retire() {
        boolean free;
        synchronized (this) {
            if (retired) {
                return;
            }
            retired = true;
            free = pins == 0;
        }
        giveBack(free);
    }

    /** One receipt (or intermediate notification) that {@link #write} counted is done with. */
    void release() {
        boolean free;
        synchronized (this) {
            if (pins <= 0) {
                throw new IllegalStateException("released more receipts than were due");
            }
            free = --pins == 0 && retired;
        }
        giveBack(free);
    }

    /** Outside the lock: the recycler takes a free block for reuse. */
    private void giveBack(boolean free) {
        if (free && recycler != null) {
            recycler.accept(this);
        }
    }

    /** The block this one replaces, while some of its slots have not been written again; else null. */
    MessageRows previous() {
        return previous;
    }

    /**
     * Stores a message of pass {@code generation} in its ring {@code slot}, pinning the block for
     * {@code pins} receipts still to come (each one {@link #release}d when done). {@code shortMessage} is
     * copied. Numbers start at 1: 0 marks an empty row. Returns the row, or -1 when this block no
     * longer takes that message (retired, or reused for another pass or other slots, since the caller
     * found it): the caller stores it elsewhere.
     */
    int write(long generation, int slot, long number, StoredMessage.Origin origin, Address source,
              List<Address> destinations, int dataCoding, boolean udhi, byte[] shortMessage, RegisteredDelivery rd,
              MessageState state, long submittedAtNanos, OutcomePicker.Outcome outcome, int pins) {
        MessageRows full;
        int row;
        synchronized (this) {
            row = slot - firstSlot;
            if (retired || generation != this.generation || row < 0 || row >= size) {
                return -1;
            }
            full = null;
            if (numbers[row] == 0 && ++written == size) {
                // Every slot written again: the pass before is out of the table.
                full = previous;
                previous = null;
            }
            this.pins += pins;
            store(row, number, origin, source, destinations, dataCoding, udhi, shortMessage, rd, state,
                    submittedAtNanos, outcome);
        }
        if (full != null) {
            full.retire();
        }
        return row;
    }

    private void store(int row, long number, StoredMessage.Origin origin, Address source, List<Address> destinations,
                       int dataCoding, boolean udhi, byte[] shortMessage, RegisteredDelivery rd, MessageState state,
                       long submittedAtNanos, OutcomePicker.Outcome outcome) {
        numbers[row] = number;
        submittedAt[row] = submittedAtNanos;
        finalAt[row] = 0;
        info[row] = state.ordinal() | (dataCoding & 0xFF) << 8 | rd.value() << 16 | (udhi ? UDHI : 0);
        errors[row] = 0;
        int ref = row * REFS;
        refs[ref] = origin;
        refs[ref + 1] = source;
        refs[ref + 3] = outcome;
        String digits = destinations.size() == 1 ? destinations.get(0).address() : null;
        if (digits != null && digits.length() <= 255 && isLatin1(digits)) {
            Address d = destinations.get(0);
            int n = digits.length();
            refs[ref + 2] = null;
            int at = reserve(HEADER + n + shortMessage.length);
            bytes[at] = (byte) d.ton().value();
            bytes[at + 1] = (byte) d.npi().value();
            bytes[at + 2] = (byte) n;
            // By hand: getBytes would make an array only to copy it.
            for (int i = 0; i < n; i++) {
                bytes[at + HEADER + i] = (byte) digits.charAt(i);
            }
            System.arraycopy(shortMessage, 0, bytes, at + HEADER + n, shortMessage.length);
            dataStart[row] = at;
            dataEnd[row] = at + HEADER + n + shortMessage.length;
        } else {
            refs[ref + 2] = List.copyOf(destinations);
            int at = reserve(shortMessage.length);
            System.arraycopy(shortMessage, 0, bytes, at, shortMessage.length);
            dataStart[row] = at;
            dataEnd[row] = at + shortMessage.length;
        }
    }

    /** True when {@code row} (which may be out of range: the block may have been reused) holds the message with this number. */
    synchronized boolean holds(int row, long number) {
        return row >= 0 && row < size && numbers[row] == number;
    }

    /** True when some message has been written to {@code row} in this pass. */
    synchronized boolean occupied(int row) {
        return row >= 0 && row < size && numbers[row] != 0;
    }

    /** Adds a handle for every message held, except in rows {@code newer} (or null) has written again. */
    void collect(List<StoredMessage> out, MessageRows newer) {
        synchronized (this) {
            if (retired) {
                return;
            }
        }
        for (int row = 0; row < size; row++) {
            long n;
            synchronized (this) {
                n = numbers[row];
            }
            if (n != 0 && (newer == null || !newer.occupied(row))) {
                out.add(new StoredMessage(this, row, n));
            }
        }
    }

    StoredMessage.Origin origin(int row) {
        return (StoredMessage.Origin) refs[row * REFS];
    }

    Address source(int row) {
        return (Address) refs[row * REFS + 1];
    }

    OutcomePicker.Outcome outcome(int row) {
        return (OutcomePicker.Outcome) refs[row * REFS + 3];
    }

    int dataCoding(int row) {
        return info[row] >>> 8 & 0xFF;
    }

    long submittedAtNanos(int row) {
        return submittedAt[row];
    }

    /** Its state; UNKNOWN (final) when the row has been reused for another message. */
    synchronized MessageState state(int row, long number) {
        return numbers[row] == number ? STATES[info[row] & 0xFF] : MessageState.UNKNOWN;
    }

    synchronized RegisteredDelivery registeredDelivery(int row) {
        return RegisteredDelivery.of(info[row] >>> 16 & 0xFF);
    }

    @SuppressWarnings("unchecked")
    synchronized List<Address> destinations(int row) {
        List<Address> list = (List<Address>) refs[row * REFS + 2];
        return list != null ? list : List.of(destinationInBytes(row));
    }

    synchronized Address firstDestination(int row) {
        @SuppressWarnings("unchecked")
        List<Address> list = (List<Address>) refs[row * REFS + 2];
        return list != null ? list.get(0) : destinationInBytes(row);
    }

    /** The digits of the destination kept in the bytes equal {@code digits}, compared without making a string. */
    synchronized boolean isFor(int row, String digits) {
        @SuppressWarnings("unchecked")
        List<Address> list = (List<Address>) refs[row * REFS + 2];
        if (list != null) {
            for (Address a : list) {
                if (a.address().equals(digits)) {
                    return true;
                }
            }
            return false;
        }
        int at = dataStart[row];
        int n = bytes[at + 2] & 0xFF;
        if (n != digits.length()) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if ((bytes[at + HEADER + i] & 0xFF) != digits.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The short message as submitted (or replaced), a copy. */
    synchronized byte[] shortMessage(int row) {
        return Arrays.copyOfRange(bytes, textStart(row), dataEnd[row]);
    }

    /** The octets of the text itself: the short message without its user data header, if it has one. */
    synchronized byte[] textOctets(int row) {
        int start = textStart(row);
        int length = dataEnd[row] - start;
        if ((info[row] & UDHI) != 0 && length > 0) {
            start += Math.min(length, (bytes[start] & 0xFF) + 1);
        }
        return Arrays.copyOfRange(bytes, start, dataEnd[row]);
    }

    /** Moves to a final state unless already final (or gone); returns the state before, or null when it was final. */
    synchronized MessageState finish(int row, long number, MessageState to, int error, long atNanos) {
        MessageState from = STATES[info[row] & 0xFF];
        if (numbers[row] != number || from.isFinal()) {
            return null;
        }
        info[row] = info[row] & ~0xFF | to.ordinal();
        errors[row] = error;
        finalAt[row] = atNanos;
        return from;
    }

    /** Replaces the text and registered_delivery of a pending message; false when it is already final (or gone). */
    synchronized boolean replace(int row, long number, byte[] message, RegisteredDelivery rd) {
        if (numbers[row] != number || STATES[info[row] & 0xFF].isFinal()) {
            return false;
        }
        int start = textStart(row);
        if (message.length <= dataEnd[row] - start) {
            // In place: a message replaced again and again while pending does not grow the block.
            System.arraycopy(message, 0, bytes, start, message.length);
            dataEnd[row] = start + message.length;
        } else {
            int head = start - dataStart[row];
            int at = reserve(head + message.length);
            System.arraycopy(bytes, dataStart[row], bytes, at, head);
            System.arraycopy(message, 0, bytes, at + head, message.length);
            dataStart[row] = at;
            dataEnd[row] = at + head + message.length;
        }
        info[row] = info[row] & ~(0xFF << 16) | rd.value() << 16;
        return true;
    }

    /** A consistent copy of the message for the console, the HTTP API and query_sm; null when the row was reused. */
    synchronized SimulatedMessage snapshot(int row, long number) {
        if (numbers[row] != number) {
            return null;
        }
        StoredMessage.Origin o = origin(row);
        MessageState state = STATES[info[row] & 0xFF];
        return new SimulatedMessage(o.idFormat().format(number, o.idSalt()), o.systemId(), source(row).address(),
                firstDestination(row).address(), state, StoredMessage.instant(submittedAt[row]),
                state.isFinal() ? StoredMessage.instant(finalAt[row]) : null, errors[row], shortMessage(row));
    }

    private int textStart(int row) {
        int at = dataStart[row];
        return refs[row * REFS + 2] != null ? at : at + HEADER + (bytes[at + 2] & 0xFF);
    }

    private Address destinationInBytes(int row) {
        int at = dataStart[row];
        return new Address(TypeOfNumber.of(bytes[at] & 0xFF), NumberingPlan.of(bytes[at + 1] & 0xFF),
                new String(bytes, at + HEADER, bytes[at + 2] & 0xFF, StandardCharsets.ISO_8859_1));
    }

    /** Room for {@code length} octets at the top of {@link #bytes}, which doubles when full. */
    private int reserve(int length) {
        int at = top;
        if (bytes.length - at < length) {
            long wanted = Math.max(2L * bytes.length, (long) at + length);
            bytes = Arrays.copyOf(bytes, (int) Math.min(wanted, Integer.MAX_VALUE - 8));
        }
        top = at + length;
        return at;
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
