package io.ujumbe.client;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

/**
 * The entries of an {@link InMemoryCorrelationStore}, with no object per entry: a ring of slots
 * in put order whose fields are primitive arrays, the two ids' characters in one byte arena
 * (itself a ring: entries leave it in the order they came), and an open-addressing index (linear
 * probing) from id to slot. Not thread-safe: the store holds its lock around every call.
 *
 * <p>Why: the store keeps up to a million entries for days. As objects (a map entry, a timestamp,
 * the correlation, two strings and their arrays per accepted part) each one was copied by the
 * young collections that it survived and then scanned, which cost the client about a tenth of
 * its CPU at 100,000 parts a second and young pauses that grew with the store. Primitive arrays
 * hold no references, so the collector neither copies nor scans what is in them. An entry whose
 * ids are not Latin-1, or that has metadata, keeps those in a side array of objects instead.
 *
 * <p>A removed entry leaves a hole in its slot; holes at the head go as the head moves on. The
 * ring grows by doubling up to its limit, a quarter more than the maximum size, so that once it
 * is full either the maximum is reached (the oldest entry goes) or at least a quarter of its slots
 * are holes, squeezed out in one pass: a cost spread over that many removals.
 */
final class CorrelationRing {
    /** The largest maximum size: every array stays well under 2^31 elements. */
    static final int MAX_ENTRIES = 200_000_000;
    private static final int FIRST_CAPACITY = 16;
    /** Lengths above this are kept as strings (SMPP ids are at most 65 octets; correlation ids are the application's). */
    private static final int MAX_INLINE = 255;

    private final int maximumSize;
    private final int limit;
    private int[] offset = new int[FIRST_CAPACITY];
    /** The id's length in the arena, then the correlation id's; -1 when they are in {@link #spilled}. */
    private short[] idLength = new short[FIRST_CAPACITY];
    private short[] correlationIdLength = new short[FIRST_CAPACITY];
    private int[] hash = new int[FIRST_CAPACITY];
    /** partNumber in the high half, totalParts in the low. */
    private long[] parts = new long[FIRST_CAPACITY];
    private long[] submittedSeconds = new long[FIRST_CAPACITY];
    private int[] submittedNanos = new int[FIRST_CAPACITY];
    long[] putAt = new long[FIRST_CAPACITY];
    /** What does not fit the arrays (null for nearly every entry). */
    private Spilled[] spilled = new Spilled[FIRST_CAPACITY];
    /**
     * The id's hash in the high half and its slot + 1 in the low (0: empty); a power of two, at
     * least twice the slots. The hash is here, not only in {@link #hash}, so that a probe reads one
     * array: at a million entries every other read is a cache miss.
     */
    private long[] index = new long[2 * FIRST_CAPACITY];
    private byte[] arena = new byte[FIRST_CAPACITY * 32];
    private int arenaTail;
    private int arenaBytes;
    private int head;
    /** Slots used from the head, holes included. */
    private int used;
    /** Entries, holes not counted. */
    int live;

    /** An entry's ids and metadata when they are not inline; a hole's slot has none. */
    private record Spilled(String id, String correlationId, Map<String, String> metadata) {
    }

    CorrelationRing(int maximumSize) {
        this.maximumSize = maximumSize;
        this.limit = (int) Math.min(MAX_ENTRIES + MAX_ENTRIES / 4, maximumSize + Math.max(1L, maximumSize / 4L));
    }

    private int capacity() {
        return offset.length;
    }

    private boolean isHole(int s) {
        return idLength[s] == 0;
    }

    /** The slot of an id, or -1. */
    int find(String id) {
        int i = position(id);
        return i < 0 ? -1 : slot(index[i]);
    }

    /** Where in the index the id's entry is, or -1. */
    private int position(String id) {
        int h = id.hashCode();
        int mask = index.length - 1;
        for (int i = home(h, mask); ; i = (i + 1) & mask) {
            long e = index[i];
            if (e == 0) {
                return -1;
            }
            if ((int) (e >>> 32) == h && idEquals(slot(e), id)) {
                return i;
            }
        }
    }

    private boolean idEquals(int s, String id) {
        int n = idLength[s];
        if (n < 0) {
            return spilled[s].id.equals(id);
        }
        if (n != id.length()) {
            return false;
        }
        byte[] a = arena;
        int at = offset[s];
        for (int k = 0; k < n; k++) {
            if ((a[at + k] & 0xFF) != id.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    Correlation correlation(int slot) {
        Spilled sp = spilled[slot];
        String correlationId;
        Map<String, String> metadata;
        if (idLength[slot] < 0) {
            correlationId = sp.correlationId;
        } else {
            correlationId = new String(arena, offset[slot] + idLength[slot], correlationIdLength[slot],
                    StandardCharsets.ISO_8859_1);
        }
        metadata = sp == null ? Map.of() : sp.metadata;
        long p = parts[slot];
        return new Correlation(correlationId, metadata, (int) (p >>> 32), (int) p,
                Instant.ofEpochSecond(submittedSeconds[slot], submittedNanos[slot]));
    }

    /** Appends an entry; the caller has removed any entry of the same id. */
    void add(String id, Correlation c, long now) {
        while (live >= maximumSize) {
            dropHead();
        }
        String cid = c.correlationId();
        boolean inline = !id.isEmpty() && id.length() <= MAX_INLINE && cid.length() <= MAX_INLINE && latin1(id) && latin1(cid);
        int bytes = inline ? id.length() + cid.length() : 0;
        int at = inline ? arenaRoom(bytes) : -1;
        if (used == capacity() || inline && at < 0) {
            // Full of entries and holes: grow, or squeeze the holes out (at least a quarter of the slots).
            int slots = used < capacity() || capacity() == limit ? capacity() : (int) Math.min(limit, 2L * capacity());
            relayout(slots, arenaSizeFor(bytes));
            at = inline ? arenaRoom(bytes) : -1;
        }
        int s = (head + used) % capacity();
        used++;
        live++;
        int h = id.hashCode();
        hash[s] = h;
        Map<String, String> metadata = c.metadata();
        if (inline) {
            offset[s] = at;
            idLength[s] = (short) id.length();
            correlationIdLength[s] = (short) cid.length();
            put(id, at);
            put(cid, at + id.length());
            arenaTail = at + bytes;
            arenaBytes += bytes;
            spilled[s] = metadata.isEmpty() ? null : new Spilled(null, null, metadata);
        } else {
            offset[s] = arenaTail;
            idLength[s] = -1;
            correlationIdLength[s] = -1;
            spilled[s] = new Spilled(id, cid, metadata);
        }
        parts[s] = (long) c.partNumber() << 32 | c.totalParts();
        submittedSeconds[s] = c.submittedAt().getEpochSecond();
        submittedNanos[s] = c.submittedAt().getNano();
        putAt[s] = now;
        insert(h, s);
    }

    private void insert(int h, int s) {
        int mask = index.length - 1;
        int i = home(h, mask);
        while (index[i] != 0) {
            i = (i + 1) & mask;
        }
        index[i] = (long) h << 32 | (s + 1L);
    }

    private static int slot(long e) {
        return (int) e - 1;
    }

    private static boolean latin1(String s) {
        for (int k = 0; k < s.length(); k++) {
            if (s.charAt(k) > 0xFF) {
                return false;
            }
        }
        return true;
    }

    private void put(String s, int at) {
        byte[] a = arena;
        for (int k = 0; k < s.length(); k++) {
            a[at + k] = (byte) s.charAt(k);
        }
    }

    /**
     * Where {@code n} more bytes fit in the arena after the newest entry's, or -1. The arena's
     * bytes run from the head entry's offset to {@link #arenaTail}, wrapping to 0 at most once.
     */
    private int arenaRoom(int n) {
        if (used == 0) {
            arenaTail = 0;
            return n <= arena.length ? 0 : -1;
        }
        int first = offset[head];
        if (arenaTail >= first) {
            if (arena.length - arenaTail >= n) {
                return arenaTail;
            }
            return n < first ? 0 : -1; // wrap; strictly below, so tail never meets head
        }
        return arenaTail + n < first ? arenaTail : -1;
    }

    private int arenaSizeFor(int more) {
        long need = (long) arenaBytes + more;
        long size = arena.length;
        while (size < 2 * need) {
            size *= 2;
        }
        return (int) Math.min(Integer.MAX_VALUE - 8, size);
    }

    /** Drops the entry of an id, if there is one, leaving a hole. */
    void remove(String id) {
        int i = position(id);
        if (i >= 0) {
            int s = slot(index[i]);
            unindex(i);
            clear(s);
            dropHoles();
        }
    }

    /** Drops entries from the head while they have expired (entries expire in put order). */
    void dropExpired(long now, long ttlNanos) {
        while (used > 0 && (isHole(head) || now - putAt[head] >= ttlNanos)) {
            dropHead();
        }
    }

    private void dropHead() {
        if (!isHole(head)) {
            int mask = index.length - 1;
            int i = home(hash[head], mask);
            while (slot(index[i]) != head) {
                i = (i + 1) & mask;
            }
            unindex(i);
            clear(head);
        }
        advanceHead();
        dropHoles();
    }

    private void dropHoles() {
        while (used > 0 && isHole(head)) {
            advanceHead();
        }
    }

    private void advanceHead() {
        head = (head + 1) % capacity();
        if (--used == 0) {
            head = 0;
            arenaTail = 0;
        }
    }

    /** Makes slot {@code s} a hole; its arena bytes stay until the head passes them. */
    private void clear(int s) {
        if (idLength[s] > 0) {
            arenaBytes -= idLength[s] + correlationIdLength[s];
        }
        idLength[s] = 0;
        spilled[s] = null;
        live--;
    }

    /**
     * Empties an index position without breaking the probe chains that pass over it: later
     * entries of the run move back into it when their home is not between it and them.
     */
    private void unindex(int hole) {
        int mask = index.length - 1;
        int i = hole;
        while (true) {
            i = (i + 1) & mask;
            long e = index[i];
            if (e == 0) {
                break;
            }
            int h = home((int) (e >>> 32), mask);
            // Movable when its home is not cyclically within (hole, i].
            if (hole <= i ? h <= hole || h > i : h <= hole && h > i) {
                index[hole] = index[i];
                hole = i;
            }
        }
        index[hole] = 0;
    }

    /** Copies the entries, in order and without holes, into arrays of the given sizes. */
    private void relayout(int newCapacity, int newArenaSize) {
        int[] oOffset = offset;
        short[] oIdLength = idLength;
        short[] oCorrelationIdLength = correlationIdLength;
        int[] oHash = hash;
        long[] oParts = parts;
        long[] oSeconds = submittedSeconds;
        int[] oNanos = submittedNanos;
        long[] oPutAt = putAt;
        Spilled[] oSpilled = spilled;
        byte[] oArena = arena;
        int oCapacity = oOffset.length;
        offset = new int[newCapacity];
        idLength = new short[newCapacity];
        correlationIdLength = new short[newCapacity];
        hash = new int[newCapacity];
        parts = new long[newCapacity];
        submittedSeconds = new long[newCapacity];
        submittedNanos = new int[newCapacity];
        putAt = new long[newCapacity];
        spilled = new Spilled[newCapacity];
        arena = new byte[newArenaSize];
        int tableSize = Integer.highestOneBit(Math.max(FIRST_CAPACITY, newCapacity) - 1) << 2;
        if (index.length != tableSize) {
            index = new long[tableSize];
        } else {
            Arrays.fill(index, 0);
        }
        int n = 0;
        int tail = 0;
        for (int k = 0; k < used; k++) {
            int from = (head + k) % oCapacity;
            if (oIdLength[from] == 0) {
                continue;
            }
            int bytes = oIdLength[from] < 0 ? 0 : oIdLength[from] + oCorrelationIdLength[from];
            System.arraycopy(oArena, oOffset[from], arena, tail, bytes);
            offset[n] = tail;
            tail += bytes;
            idLength[n] = oIdLength[from];
            correlationIdLength[n] = oCorrelationIdLength[from];
            hash[n] = oHash[from];
            parts[n] = oParts[from];
            submittedSeconds[n] = oSeconds[from];
            submittedNanos[n] = oNanos[from];
            putAt[n] = oPutAt[from];
            spilled[n] = oSpilled[from];
            insert(hash[n], n);
            n++;
        }
        head = 0;
        used = n;
        arenaTail = tail;
    }

    /**
     * Reads the index where puts of these ids, and the evictions they will cause, probe first
     * (see {@link InMemoryCorrelationStore#prefetch}); returns a sum of what it read.
     */
    long touch(String[] ids, int n) {
        long[] ix = index;
        int mask = ix.length - 1;
        long sum = 0;
        for (int k = 0; k < n; k++) {
            String id = ids[k];
            if (id != null) {
                sum += ix[home(id.hashCode(), mask)];
            }
        }
        int evictions = Math.min(used, live + n - maximumSize);
        int cap = capacity();
        int s = head;
        for (int k = 0; k < evictions; k++) {
            sum += ix[home(hash[s], mask)];
            if (++s == cap) {
                s = 0;
            }
        }
        return sum;
    }

    /** The most consecutive occupied index positions, wrapping: how far a probe can have to go (for tests). */
    int longestRun() {
        int longest = 0;
        int run = 0;
        for (int k = 0; k < 2 * index.length && run < index.length; k++) {
            run = index[k & index.length - 1] == 0 ? 0 : run + 1;
            longest = Math.max(longest, run);
        }
        return longest;
    }

    private static int home(int h, int mask) {
        h ^= h >>> 16;
        h *= 0x9E3779B1; // spreads ids that differ only in their last characters (sequential ids)
        return (h ^ h >>> 15) & mask;
    }
}
