package io.ujumbe.smsc;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The messages the simulator holds for query_sm, cancel_sm and replace_sm: the latest
 * {@code capacity} by message number, in a ring indexed by that number. A message id is turned
 * back into its number (see {@link MessageIdFormat#number}) to find its slot, so storing a message
 * is one array write: no hashing, no key string, no map to resize, no eviction work. A cache
 * (Caffeine) did that per submit_sm and was a sixth of the simulator's I/O thread at peak, plus
 * its maintenance thread. The ring's chunks are allocated as numbers reach them, so a simulator
 * that takes a few messages stays small. Thread-safe.
 */
final class MessageTable {
    private static final int CHUNK_BITS = 12;
    private static final int CHUNK = 1 << CHUNK_BITS;

    private final MessageIdFormat format;
    private final int capacity;
    private final AtomicReferenceArray<AtomicReferenceArray<StoredMessage>> chunks;

    MessageTable(MessageIdFormat format, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.format = format;
        this.capacity = capacity;
        this.chunks = new AtomicReferenceArray<>((capacity + CHUNK - 1) / CHUNK);
    }

    /** Holds {@code m}, replacing the message {@code capacity} numbers older, if still held. */
    void put(StoredMessage m) {
        int slot = slot(m.number);
        chunk(slot).setRelease(slot & (CHUNK - 1), m);
    }

    /** The message with this id (any letter case, blanks around ignored), or null. */
    StoredMessage get(String messageId) {
        if (messageId == null) {
            return null;
        }
        long n = format.number(messageId);
        if (n < 0) {
            return null;
        }
        int slot = slot(n);
        AtomicReferenceArray<StoredMessage> c = chunks.getAcquire(slot >>> CHUNK_BITS);
        StoredMessage m = c == null ? null : c.getAcquire(slot & (CHUNK - 1));
        // The number matches only the message held in that slot; the text check keeps ids that
        // parse to the same number but differ (leading zeros) as unknown, as before.
        return m != null && m.number == n && m.messageId().equalsIgnoreCase(messageId.trim()) ? m : null;
    }

    /** Every message held, in no particular order. */
    List<StoredMessage> all() {
        List<StoredMessage> out = new ArrayList<>();
        for (int i = 0; i < chunks.length(); i++) {
            AtomicReferenceArray<StoredMessage> c = chunks.getAcquire(i);
            if (c == null) {
                continue;
            }
            for (int j = 0; j < CHUNK; j++) {
                StoredMessage m = c.getAcquire(j);
                if (m != null) {
                    out.add(m);
                }
            }
        }
        return out;
    }

    private int slot(long number) {
        return (int) Math.floorMod(number, (long) capacity);
    }

    private AtomicReferenceArray<StoredMessage> chunk(int slot) {
        int i = slot >>> CHUNK_BITS;
        AtomicReferenceArray<StoredMessage> c = chunks.getAcquire(i);
        if (c == null) {
            AtomicReferenceArray<StoredMessage> fresh = new AtomicReferenceArray<>(CHUNK);
            c = chunks.compareAndExchange(i, null, fresh);
            if (c == null) {
                c = fresh;
            }
        }
        return c;
    }
}
