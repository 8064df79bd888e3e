package io.ujumbe.smsc;

import io.ujumbe.pdu.Address;
import io.ujumbe.pdu.MessageState;
import io.ujumbe.pdu.RegisteredDelivery;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;

/**
 * The messages the simulator holds for query_sm, cancel_sm and replace_sm: the latest
 * {@code capacity} by message number, in a ring indexed by that number. A message id is turned
 * back into its number (see {@link MessageIdFormat#number}) to find its slot, so storing a message
 * is a few array writes: no hashing, no key string, no map to resize, no eviction work. A cache
 * (Caffeine) did that per submit_sm and was a sixth of the simulator's I/O thread at peak, plus
 * its maintenance thread.
 *
 * <p>The ring is cut into blocks of 4,096 slots, each a {@link MessageRows} of columns, so that a
 * held message is no object the collector has to copy (see there). A block is made when the first
 * message of a pass of the numbers over the ring reaches it, so a simulator that takes a few
 * messages stays small, and replaces the block of the pass before slot by slot; the block it
 * replaced is reused for a later pass once no receipt is due from it. Thread-safe.
 */
final class MessageTable {
    private static final int BLOCK_BITS = 12;
    private static final int BLOCK = 1 << BLOCK_BITS;
    /** Blocks kept for reuse: one is taken per 4,096 messages, one given back as often. */
    private static final int MAX_SPARE = 8;

    private final MessageIdFormat format;
    private final int capacity;
    /** 1 / capacity, for {@link #generationOf}. */
    private final double inverse;
    private final AtomicReferenceArray<MessageRows> blocks;
    /** Retired full-size blocks no receipt is due from, to be reused; a few at most in steady traffic. */
    private final ConcurrentLinkedQueue<MessageRows> spare = new ConcurrentLinkedQueue<>();
    private final AtomicInteger spareCount = new AtomicInteger();
    private final Consumer<MessageRows> recycler = this::recycle;

    MessageTable(MessageIdFormat format, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.format = format;
        this.capacity = capacity;
        this.inverse = 1.0 / capacity;
        // In long: no int overflow near the largest capacity.
        this.blocks = new AtomicReferenceArray<>((int) ((capacity + (long) BLOCK - 1) / BLOCK));
    }

    /**
     * {@code number / capacity}, by a multiplication: a 64-bit division by a field takes tens of
     * cycles, and this one, once per submit_sm, was 4 % of the simulator's CPU (async-profiler,
     * 2026-12-07). Below 2^52 the number and the quotient are exact in a double and the estimate
     * is off by at most one, which the remainder corrects; above, it divides.
     */
    long generationOf(long number) {
        if (number < 0 || number >= 1L << 52) {
            return number / capacity;
        }
        long g = (long) (number * inverse);
        long rest = number - g * capacity;
        if (rest < 0) {
            g--;
        } else if (rest >= capacity) {
            g++;
        }
        return g;
    }

    /**
     * Holds a message (numbers are positive and given once each), replacing the message
     * {@code capacity} numbers older, if still held. {@code shortMessage} is copied. {@code pins}:
     * the receipts still to come from it, each of which must {@link MessageRows#release} its block
     * when done (until then the block is not reused).
     */
    StoredMessage put(StoredMessage.Origin origin, long number, Address source, List<Address> destinations,
                      int dataCoding, boolean udhi, byte[] shortMessage, RegisteredDelivery rd, MessageState state,
                      long submittedAtNanos, OutcomePicker.Outcome outcome, int pins) {
        if (number <= 0) {
            throw new IllegalArgumentException("message numbers start at 1, was " + number);
        }
        long generation = generationOf(number);
        int slot = (int) (number - generation * capacity);
        MessageRows rows = blocks.getAcquire(slot >>> BLOCK_BITS);
        if (rows == null || rows.generation != generation) {
            rows = rowsFor(slot, generation);
        }
        int row = rows.write(generation, slot, number, origin, source, destinations, dataCoding, udhi, shortMessage,
                rd, state, submittedAtNanos, outcome, pins);
        if (row < 0) {
            // Retired or reused between finding it and writing (another thread's pass overtook
            // this message): it is already out of the table, but still needs a row for its receipt.
            rows = new MessageRows(generation, slot, 1, null, null);
            row = rows.write(generation, slot, number, origin, source, destinations, dataCoding, udhi, shortMessage,
                    rd, state, submittedAtNanos, outcome, pins);
        }
        return new StoredMessage(rows, row, number);
    }

    /** The message with this number in {@code rows} (which {@link #put} stored it in), held or not. */
    StoredMessage at(MessageRows rows, long number) {
        // No division: a 64-bit one here was, by the profile, the receipt timer's biggest item.
        return new StoredMessage(rows, (int) (number - rows.generation * capacity) - rows.firstSlot, number);
    }

    /** The message with this id (any letter case, blanks around ignored), or null. */
    StoredMessage get(String messageId) {
        if (messageId == null) {
            return null;
        }
        long n = format.number(messageId);
        if (n <= 0) {
            return null;
        }
        long generation = generationOf(n);
        int slot = (int) (n - generation * capacity);
        MessageRows rows = blocks.getAcquire(slot >>> BLOCK_BITS);
        if (rows == null) {
            return null;
        }
        if (rows.generation != generation) {
            // The previous pass's message is still held while this pass has not reached its slot.
            if (rows.generation != generation + 1 || rows.occupied(slot - rows.firstSlot)) {
                return null;
            }
            rows = rows.previous();
            if (rows == null || rows.generation != generation) {
                return null;
            }
        }
        int row = slot - rows.firstSlot;
        if (!rows.holds(row, n)) {
            return null;
        }
        StoredMessage m = new StoredMessage(rows, row, n);
        // The number matches only the message held in that slot; the text check keeps ids that
        // parse to the same number but differ (leading zeros) as unknown, as before.
        return m.messageId().equalsIgnoreCase(messageId.trim()) ? m : null;
    }

    /** Every message held, in no particular order. */
    List<StoredMessage> all() {
        List<StoredMessage> out = new ArrayList<>();
        for (int i = 0; i < blocks.length(); i++) {
            MessageRows rows = blocks.getAcquire(i);
            if (rows == null) {
                continue;
            }
            MessageRows before = rows.previous();
            if (before != null) {
                before.collect(out, rows);
            }
            rows.collect(out, null);
        }
        return out;
    }

    /**
     * The block for a message of this pass in this slot. Rare (once per block per pass), so under
     * the table's lock: two I/O threads reaching a new block at once make one.
     */
    private synchronized MessageRows rowsFor(int slot, long generation) {
        int b = slot >>> BLOCK_BITS;
        MessageRows held = blocks.get(b);
        if (held != null && held.generation == generation) {
            return held;
        }
        if (held == null || held.generation < generation) {
            int first = b << BLOCK_BITS;
            int size = Math.min(BLOCK, capacity - first);
            MessageRows replaced = held != null && held.generation == generation - 1 ? held : null;
            MessageRows fresh = size == BLOCK ? spare.poll() : null;
            if (fresh != null) {
                spareCount.decrementAndGet();
                fresh.reuse(generation, first, replaced);
            } else {
                fresh = new MessageRows(generation, first, size, replaced, recycler);
            }
            blocks.setRelease(b, fresh);
            if (held != null && replaced == null) {
                // Not the pass just before (numbers skipped a whole pass here): out of the table now.
                MessageRows older = held.previous();
                held.retire();
                if (older != null) {
                    older.retire();
                }
            }
            return fresh;
        }
        // A message stored after one `capacity` numbers newer (another I/O thread overtook it):
        // already out of the table, it still needs a row of its own for its receipt.
        MessageRows before = held.previous();
        return before != null && before.generation == generation ? before
                : new MessageRows(generation, slot, 1, null, null);
    }

    /** A retired block with no receipt due: kept for reuse, unless enough are kept already. */
    private void recycle(MessageRows rows) {
        if (rows.size == BLOCK && spareCount.incrementAndGet() <= MAX_SPARE) {
            spare.offer(rows);
        } else if (rows.size == BLOCK) {
            spareCount.decrementAndGet();
        }
    }
}
