package io.ujumbe.smsc;

import io.ujumbe.pdu.Address;
import io.ujumbe.pdu.MessageState;
import io.ujumbe.pdu.NumberingPlan;
import io.ujumbe.pdu.RegisteredDelivery;
import io.ujumbe.pdu.TypeOfNumber;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.function.Consumer;

/**
 * One block of the {@link MessageTable}: the messages of up to 4,096 consecutive slots of one
 * generation of the ring (one pass of the message numbers over it), kept as columns — arrays of
 * numbers, times and packed small fields, and one byte array with every source, destination and
 * text — rather than as an object or two per message.
 *
 * <p>Why: the table holds the latest million messages, so every message outlives young
 * collections. As objects (80 bytes plus a 60-byte array each) the collector copied each one
 * into the survivor space and again into the old generation, refined the cards of the table that
 * pointed at them and marked them there until they died: a third of the simulator's CPU at peak
 * (async-profiler, 2026-12-07). These arrays are allocated once per block and storing a message
 * writes no reference into them (except for an address that is not Latin-1 digits), so the
 * collector has nothing per message to copy, trace or refine. A message is 56 bytes of columns plus
 * its octets (the source's and destination's digits and the text), ~125 bytes in all, against ~140
 * before.
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
 * delay older). It is one file of more than 500 lines for that reason: every method reads or writes
 * the same packed columns under the same lock, and split up, the packing would be spread over
 * several classes that all had to know it.
 */
final class MessageRows {
    /**
     * Per row in {@link #refs}: the source and the destinations, each null when in {@link #bytes} (a
     * single address of Latin-1 digits, the common case), so that storing a message writes no
     * reference into these long-lived arrays: every one did (the source address was a new object per
     * message), and the collector's card refinement of them was ~8 % of the simulator's CPU
     * (async-profiler, 2026-12-07).
     */
    private static final int REFS = 2;
    /** Before an address's digits in {@link #bytes}: its TON, NPI and the number of digits. */
    private static final int HEADER = 3;
    private static final MessageState[] STATES = MessageState.values();
    private static final int UDHI = 1 << 24;
    /** Where in {@link #info} the state of the message's picked outcome is (4 bits). */
    private static final int OUTCOME_SHIFT = 25;

    static {
        if (STATES.length > 16) {
            throw new AssertionError("MessageRows packs a message state into 4 bits");
        }
    }

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
    /**
     * The state's ordinal (bits 0-7), data_coding (8-15), registered_delivery (16-23), udhi (bit 24),
     * the picked outcome's state (25-28).
     */
    private final int[] info;
    private final int[] errors;
    /** The error code of the picked outcome. */
    private final int[] outcomeErrors;
    /** The index of the message's origin in {@link #origins}. */
    private final int[] originOf;
    private final Object[] refs;
    /** The sessions whose messages these rows hold: one or a few per block, so one reference each, not one per message. */
    // Volatile: origin(row) reads it without the lock, and a later session's growth replaces the
    // array; the volatile write publishes the copy's elements along with the new array.
    private volatile StoredMessage.Origin[] origins = new StoredMessage.Origin[2];
    private int originCount;
    private int lastOrigin = -1;
    /** Index of {@link #origins}, made with the first message a block holds (once per pass); else null. */
    private IdentityHashMap<StoredMessage.Origin, Integer> originIndex;
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
        this.outcomeErrors = new int[size];
        this.originOf = new int[size];
        this.refs = new Object[size * REFS];
        this.dataStart = new int[size];
        this.dataEnd = new int[size];
        // 64 octets a message hold a 12-digit source and destination and a 34-character text
        // without growing (40 did before the source moved in here: every block grew to twice that).
        this.bytes = new byte[Math.max(64, size * 64)];
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
        Arrays.fill(origins, null);
        originCount = 0;
        lastOrigin = -1;
        originIndex = null;
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
            free = unpin();
        }
        giveBack(free);
    }

    /** Under the lock: one pin less; true when that leaves a retired block free for reuse. */
    private boolean unpin() {
        if (pins <= 0) {
            throw new IllegalStateException("released more receipts than were due");
        }
        return --pins == 0 && retired;
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
        info[row] = state.ordinal() | (dataCoding & 0xFF) << 8 | rd.value() << 16 | (udhi ? UDHI : 0)
                | outcome.state().ordinal() << OUTCOME_SHIFT;
        errors[row] = 0;
        outcomeErrors[row] = outcome.errorCode();
        originOf[row] = originIndex(origin);
        int ref = row * REFS;
        boolean sourceInline = inlinable(source);
        Address only = destinations.size() == 1 ? destinations.get(0) : null;
        boolean destinationInline = only != null && inlinable(only);
        int length = (sourceInline ? HEADER + source.address().length() : 0)
                + (destinationInline ? HEADER + only.address().length() : 0) + shortMessage.length;
        int at = reserve(length);
        dataStart[row] = at;
        if (sourceInline) {
            refs[ref] = null;
            at = putAddress(at, source);
        } else {
            refs[ref] = source;
        }
        if (destinationInline) {
            refs[ref + 1] = null;
            at = putAddress(at, only);
        } else {
            refs[ref + 1] = List.copyOf(destinations);
        }
        System.arraycopy(shortMessage, 0, bytes, at, shortMessage.length);
        dataEnd[row] = at + shortMessage.length;
    }

    /** The index of {@code origin} in {@link #origins}, added if new. Under the lock. */
    private int originIndex(StoredMessage.Origin origin) {
        int last = lastOrigin;
        if (last >= 0 && origins[last] == origin) {
            return last;
        }
        // Another session than the row before: rare unless several interleave in one block.
        if (originIndex == null) {
            originIndex = new IdentityHashMap<>();
        }
        Integer known = originIndex.get(origin);
        int found;
        if (known != null) {
            found = known;
        } else {
            if (originCount == origins.length) {
                origins = Arrays.copyOf(origins, originCount * 2);
            }
            found = originCount++;
            origins[found] = origin;
            originIndex.put(origin, found);
        }
        lastOrigin = found;
        return found;
    }

    /** True when the address goes into {@link #bytes}: digits of one octet each, at most 255 of them. */
    private static boolean inlinable(Address a) {
        String digits = a.address();
        return digits.length() <= 255 && isLatin1(digits);
    }

    /** Writes TON, NPI, length and digits at {@code at} (room reserved); returns where they end. */
    private int putAddress(int at, Address a) {
        String digits = a.address();
        int n = digits.length();
        bytes[at] = (byte) a.ton().value();
        bytes[at + 1] = (byte) a.npi().value();
        bytes[at + 2] = (byte) n;
        // By hand: getBytes would make an array only to copy it.
        for (int i = 0; i < n; i++) {
            bytes[at + HEADER + i] = (byte) digits.charAt(i);
        }
        return at + HEADER + n;
    }

    private Address addressAt(int at) {
        return new Address(TypeOfNumber.of(bytes[at] & 0xFF), NumberingPlan.of(bytes[at + 1] & 0xFF),
                new String(bytes, at + HEADER, bytes[at + 2] & 0xFF, StandardCharsets.ISO_8859_1));
    }

    /** Where the destination is in {@link #bytes}, when it is there. */
    private int destinationAt(int row) {
        int at = dataStart[row];
        return refs[row * REFS] != null ? at : at + HEADER + (bytes[at + 2] & 0xFF);
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

    // The origin and the outcome are written once, with the row, and read without the lock, as
    // the references they replace were: a reader has taken the lock since (a lookup's holds(), the
    // state) or was handed the row through the receipt timer's lock. Three of the receipt timer's
    // five lock round trips per message were these two and the session id.
    StoredMessage.Origin origin(int row) {
        return origins[originOf[row]];
    }

    synchronized Address source(int row) {
        Address a = (Address) refs[row * REFS];
        return a != null ? a : addressAt(dataStart[row]);
    }

    OutcomePicker.Outcome outcome(int row) {
        return new OutcomePicker.Outcome(STATES[info[row] >>> OUTCOME_SHIFT & 0xF], outcomeErrors[row]);
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
        List<Address> list = (List<Address>) refs[row * REFS + 1];
        return list != null ? list : List.of(addressAt(destinationAt(row)));
    }

    synchronized Address firstDestination(int row) {
        @SuppressWarnings("unchecked")
        List<Address> list = (List<Address>) refs[row * REFS + 1];
        return list != null ? list.get(0) : addressAt(destinationAt(row));
    }

    /** The digits of the destination kept in the bytes equal {@code digits}, compared without making a string. */
    synchronized boolean isFor(int row, String digits) {
        @SuppressWarnings("unchecked")
        List<Address> list = (List<Address>) refs[row * REFS + 1];
        if (list != null) {
            for (Address a : list) {
                if (a.address().equals(digits)) {
                    return true;
                }
            }
            return false;
        }
        int at = destinationAt(row);
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

    /** {@link #finishDue}'s answer when the message did not move: it was already final, or is gone. */
    static final int NOT_MOVED = -1;
    /** Set in {@link #finishDue}'s answer when a receipt is wanted for the state the message took. */
    static final int RECEIPT_DUE = 1 << 8;

    /**
     * The receipt timer's step, in one lock round trip (it took three, and a view object, per
     * message: 3-4 % of the simulator at peak, async-profiler 2026-12-07): moves the message to the
     * outcome picked when it was accepted, unless it is already final (cancelled) or gone. Returns
     * {@link #NOT_MOVED}, or the ordinal of the state before (bits 0-3) and of the state taken (bits
     * 4-7), with {@link #RECEIPT_DUE} when its registered_delivery asks for a receipt of that
     * outcome. The pin {@link #write} took for this is released here, except when a receipt is due:
     * then the caller {@link #release}s it once the receipt is made, as that reads the row.
     */
    int finishDue(int row, long number, long atNanos) {
        int answer;
        boolean free = false;
        synchronized (this) {
            int packed = info[row];
            MessageState from = STATES[packed & 0xFF];
            if (numbers[row] != number || from.isFinal()) {
                answer = NOT_MOVED;
            } else {
                MessageState to = STATES[packed >>> OUTCOME_SHIFT & 0xF];
                info[row] = packed & ~0xFF | to.ordinal();
                errors[row] = outcomeErrors[row];
                finalAt[row] = atNanos;
                RegisteredDelivery rd = RegisteredDelivery.of(packed >>> 16 & 0xFF);
                boolean wanted = to == MessageState.DELIVERED ? rd.receiptOnSuccess() : rd.receiptOnFailure();
                answer = from.ordinal() | to.ordinal() << 4 | (wanted ? RECEIPT_DUE : 0);
            }
            if (answer == NOT_MOVED || (answer & RECEIPT_DUE) == 0) {
                free = unpin();
            }
        }
        giveBack(free);
        return answer;
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
        int at = destinationAt(row);
        return refs[row * REFS + 1] != null ? at : at + HEADER + (bytes[at + 2] & 0xFF);
    }

    /** Room for {@code length} octets at the top of {@link #bytes}, which grows by half when full. */
    private int reserve(int length) {
        int at = top;
        if (bytes.length - at < length) {
            long wanted = Math.max(bytes.length + (long) (bytes.length >> 1), (long) at + length);
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
