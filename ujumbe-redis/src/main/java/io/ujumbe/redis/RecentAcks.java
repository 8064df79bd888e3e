package io.ujumbe.redis;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stable ids of the outbox entries this process acknowledged most recently, at most
 * {@code capacity} of them (the oldest forgotten first).
 *
 * <p>Why: Redis acknowledges a write before it is on disk ({@code appendfsync everysec}, or an
 * fsync that is slow and postponed), so a Redis killed right after an ack may come back with the
 * entry pending again, or not even delivered: the outbox would hand it out a second time and the
 * message would be sent twice and get two outcomes. The done mark written by the ack is lost
 * with it, so only this process's memory can tell. Thread-safe; the lock is held for a map
 * operation only.
 */
final class RecentAcks {
    private final int capacity;
    private final Map<String, Boolean> ids;

    RecentAcks(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must not be negative, was " + capacity);
        }
        this.capacity = capacity;
        this.ids = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > RecentAcks.this.capacity;
            }
        };
    }

    /** Remembers that the entry with this stable id has its outcome and was (or is being) acked. */
    synchronized void add(String stableId) {
        if (capacity > 0) {
            ids.put(stableId, Boolean.TRUE);
        }
    }

    /** Whether this process acked the entry with this stable id lately. */
    synchronized boolean contains(String stableId) {
        return ids.containsKey(stableId);
    }
}
