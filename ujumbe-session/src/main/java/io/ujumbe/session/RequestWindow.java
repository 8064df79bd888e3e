package io.ujumbe.session;

import io.ujumbe.pdu.PduRequest;
import io.ujumbe.pdu.PduResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * The requests a session has sent and not yet seen answered. Places are reserved from any thread
 * (so a caller learns at once that the window is full); the map of pending requests is touched
 * only on the session's I/O thread.
 *
 * <p>Requests with the session's usual response timeout are also linked, in the order they were
 * sent, into one list: with one timeout for all, send order is deadline order, so one timer
 * watching the head of the list replaces a scheduled task per request.
 */
final class RequestWindow {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SmppSession.class);
    private final int size;
    private final AtomicInteger used = new AtomicInteger();
    /**
     * Pending requests by sequence number, open addressing with linear probing: no boxed keys and
     * no node per request. At most half full.
     */
    private Pending[] table;
    /** The sequence number of each slot of {@link #table}: probes read this array, not the requests. */
    private int[] keys;
    private int count;
    /** Oldest and newest of the requests with the usual timeout, linked in send order. */
    private Pending head;
    private Pending tail;

    RequestWindow(int size) {
        this.size = size;
        // Small at first, grown (doubling, on the I/O thread) as requests are in flight: an idle
        // session of window 100 held 2 KB of empty tables; a busy one grows to its window in a
        // few steps once and keeps the size.
        this.table = new Pending[16];
        this.keys = new int[16];
    }

    /** Reserves a place; false when the window is full. Any thread. */
    boolean tryReserve() {
        while (true) {
            int u = used.get();
            if (u >= size) {
                return false;
            }
            if (used.compareAndSet(u, u + 1)) {
                return true;
            }
        }
    }

    /** Returns a reserved place; true when the window was full before. Any thread. */
    boolean release() {
        return used.getAndDecrement() == size;
    }

    int used() {
        return used.get();
    }

    int available() {
        return Math.max(0, size - used.get());
    }

    int size() {
        return size;
    }

    /** I/O thread: registers a request; false when its sequence number is still pending. */
    boolean register(Pending p) {
        if (indexOf(p.seq) >= 0) {
            return false;
        }
        if ((count + 1) * 2 > table.length) {
            grow();
        }
        insert(p);
        count++;
        return true;
    }

    /** I/O thread. */
    Pending remove(int sequenceNumber) {
        int i = indexOf(sequenceNumber);
        if (i < 0) {
            return null;
        }
        Pending removed = table[i];
        table[i] = null;
        count--;
        int[] keys = this.keys;
        // Backward-shift deletion: move later entries of the probe run into the gap so that every
        // entry stays reachable from its home slot without tombstones.
        int mask = table.length - 1;
        int gap = i;
        int j = i;
        while (true) {
            j = (j + 1) & mask;
            Pending q = table[j];
            if (q == null) {
                return removed;
            }
            int home = slot(keys[j], mask);
            // q may move into the gap unless its home lies cyclically in (gap, j].
            boolean stays = gap <= j ? gap < home && home <= j : gap < home || home <= j;
            if (!stays) {
                table[gap] = q;
                keys[gap] = keys[j];
                table[j] = null;
                gap = j;
            }
        }
    }

    /** I/O thread: removes and returns every pending request (the connection is closing). */
    List<Pending> drain() {
        List<Pending> all = new ArrayList<>(count);
        for (int i = 0; i < table.length; i++) {
            if (table[i] != null) {
                all.add(table[i]);
                table[i] = null;
            }
        }
        count = 0;
        while (head != null) {
            unlink(head);
        }
        return all;
    }

    private static int slot(int seq, int mask) {
        int h = seq * 0x9E3779B9;
        return (h ^ (h >>> 16)) & mask;
    }

    private int indexOf(int seq) {
        int mask = table.length - 1;
        for (int i = slot(seq, mask); ; i = (i + 1) & mask) {
            if (table[i] == null) {
                return -1;
            }
            if (keys[i] == seq) {
                return i;
            }
        }
    }

    private void insert(Pending p) {
        int mask = table.length - 1;
        int i = slot(p.seq, mask);
        while (table[i] != null) {
            i = (i + 1) & mask;
        }
        table[i] = p;
        keys[i] = p.seq;
    }

    private void grow() {
        Pending[] old = table;
        table = new Pending[old.length * 2];
        keys = new int[old.length * 2];
        for (Pending p : old) {
            if (p != null) {
                insert(p);
            }
        }
    }

    /** I/O thread: appends a request to the deadline list; it must have been sent after every other in it. */
    void link(Pending p) {
        p.linked = true;
        p.prev = tail;
        if (tail == null) {
            head = p;
        } else {
            tail.next = p;
        }
        tail = p;
    }

    /** I/O thread: takes a request out of the deadline list, if it is in it. */
    void unlink(Pending p) {
        if (!p.linked) {
            return;
        }
        if (p.prev == null) {
            head = p.next;
        } else {
            p.prev.next = p.next;
        }
        if (p.next == null) {
            tail = p.prev;
        } else {
            p.next.prev = p.prev;
        }
        p.prev = null;
        p.next = null;
        p.linked = false;
    }

    /** I/O thread: the request of the deadline list with the earliest deadline, or null. */
    Pending oldestLinked() {
        return head;
    }

    /** One request in flight. */
    static class Pending {
        final PduRequest request;
        final int seq;
        /**
         * Who is told the outcome: a {@link CompletableFuture} (the future-returning send) or a
         * callback (the callback send: no future per request).
         */
        private final Object sink;
        final boolean counted;
        final long sentNanos;
        /** Its own timer, when its timeout is not the usual one (then it is not linked). */
        ScheduledFuture<?> timeout;
        /** When it times out, for a linked request. */
        long deadlineNanos;
        private boolean linked;
        private Pending prev;
        private Pending next;

        Pending(PduRequest request, CompletableFuture<PduResponse> future, boolean counted, long sentNanos) {
            this(request, request.sequenceNumber(), future, counted, sentNanos);
        }

        /**
         * {@code seq}: the number it is sent with ({@code request}'s own may be unset: the encoder
         * writes this one); {@code sink}: a {@link CompletableFuture} of the response or a
         * {@link BiConsumer} of (response, error).
         */
        Pending(PduRequest request, int seq, Object sink, boolean counted, long sentNanos) {
            this.request = request;
            this.seq = seq;
            this.sink = sink;
            this.counted = counted;
            this.sentNanos = sentNanos;
        }

        /** Tells the sender the response. */
        final void succeed(PduResponse response) {
            tell(sink, response, null);
        }

        /** Tells the sender the request failed. */
        final void fail(Throwable error) {
            tell(sink, null, error);
        }

        /** Completes a future or calls a callback; a callback's exception is logged, not thrown into the session. */
        @SuppressWarnings("unchecked")
        static void tell(Object sink, PduResponse response, Throwable error) {
            if (sink instanceof CompletableFuture) {
                CompletableFuture<PduResponse> f = (CompletableFuture<PduResponse>) sink;
                if (error == null) {
                    f.complete(response);
                } else {
                    f.completeExceptionally(error);
                }
                return;
            }
            try {
                ((BiConsumer<? super PduResponse, ? super Throwable>) sink).accept(response, error);
            } catch (RuntimeException e) {
                LOG.warn("response callback threw; ignored", e);
            }
        }
    }
}
