package io.ujumbe.session;

import io.ujumbe.pdu.PduRequest;
import io.ujumbe.pdu.PduResponse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The requests a session has sent and not yet seen answered. Places are reserved from any thread
 * (so a caller learns at once that the window is full); the map of pending requests is touched
 * only on the session's I/O thread.
 */
final class RequestWindow {
    private final int size;
    private final AtomicInteger used = new AtomicInteger();
    private final Map<Integer, Pending> pending = new HashMap<>();

    RequestWindow(int size) {
        this.size = size;
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
        return pending.putIfAbsent(p.request.sequenceNumber(), p) == null;
    }

    /** I/O thread. */
    Pending remove(int sequenceNumber) {
        return pending.remove(sequenceNumber);
    }

    /** I/O thread: removes and returns every pending request (the connection is closing). */
    List<Pending> drain() {
        List<Pending> all = new ArrayList<>(pending.values());
        pending.clear();
        return all;
    }

    /** One request in flight. */
    static final class Pending {
        final PduRequest request;
        final CompletableFuture<PduResponse> future;
        final boolean counted;
        final long sentNanos;
        ScheduledFuture<?> timeout;

        Pending(PduRequest request, CompletableFuture<PduResponse> future, boolean counted, long sentNanos) {
            this.request = request;
            this.future = future;
            this.counted = counted;
            this.sentNanos = sentNanos;
        }
    }
}
