package io.ujumbe.client;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * The default {@link Outbox}: bounded, in this process's memory, so it does not survive a crash
 * (use a durable outbox for that). Capacity counts every entry not yet acknowledged — waiting,
 * delayed for a retry, or handed out — so memory stays bounded whatever the SMSC does. Retries
 * never count against capacity twice: a nacked entry keeps its place.
 *
 * <p>Retries whose delay has passed are handed out before new messages: a message's attempts must
 * not each wait behind the whole backlog (with 200,000 messages queued, five attempts would
 * otherwise take five passes through it).
 *
 * <p>Why two locks: senders offer on their own threads while the client polls and acks on its
 * I/O thread, once per message each. With one monitor for both, a busy sender and the client
 * took turns inflating it, and both sides parked on it. New messages now wait in their own queue
 * with its own short lock (offer appends, poll moves a batch out), the count of unacknowledged
 * entries is one atomic, and what the consumers own (retries, the leased entries) stays under
 * the outbox's monitor, which senders never take.
 */
public final class InMemoryOutbox implements Outbox {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ujumbe-outbox-timer");
        t.setDaemon(true);
        return t;
    });

    private final int capacity;
    private final LongSupplier nanoTime;
    /**
     * A stage completed at once, shared: callers cannot complete or obtrude it, and the client
     * knows it (no callback stage, no future per offer or ack).
     */
    static final CompletionStage<Void> DONE = CompletableFuture.completedStage(null);

    /** Every entry not yet acknowledged: offered, waiting for a retry, or handed out. */
    private final AtomicInteger unacknowledged = new AtomicInteger();
    /**
     * Messages offered and not handed out yet, guarded by itself (the only lock a sender takes).
     * Their entry and id are made when they are handed out: a million queued messages cost no
     * entry and no id string each.
     */
    private final ArrayDeque<OutboundMessage> incoming = new ArrayDeque<>();
    // Guarded by this (lock order: this, then incoming):
    /** Entries given back for an immediate retry or released; handed out before new messages. */
    private final ArrayDeque<OutboxEntry> returned = new ArrayDeque<>();
    private final PriorityQueue<Delayed> delayed = new PriorityQueue<>();
    private final Map<String, OutboxEntry> leased = new HashMap<>();
    private long lastId;
    private long delayedSeq;
    /** Where a poll takes new messages out of {@link #incoming}, so that it holds that lock briefly. */
    private OutboundMessage[] taking = new OutboundMessage[64];

    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    /** An outbox holding at most {@code capacity} unacknowledged messages. */
    public InMemoryOutbox(int capacity) {
        this(capacity, System::nanoTime);
    }

    /** For tests: a custom time source for retry delays. */
    InMemoryOutbox(int capacity, LongSupplier nanoTime) {
        if (capacity < 1) {
            throw new IllegalArgumentException("outbox capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.nanoTime = nanoTime;
    }

    public int capacity() {
        return capacity;
    }

    @Override
    public CompletionStage<Void> offer(OutboundMessage message) {
        java.util.Objects.requireNonNull(message, "message");
        for (int n = unacknowledged.get(); ; n = unacknowledged.get()) {
            if (n >= capacity) {
                return CompletableFuture.failedFuture(new OutboxFullException(
                        "outbox is full (" + capacity + " messages not yet sent or acknowledged)"));
            }
            if (unacknowledged.compareAndSet(n, n + 1)) {
                break;
            }
        }
        synchronized (incoming) {
            incoming.add(message);
        }
        notifyListeners();
        return DONE;
    }

    @Override
    public CompletionStage<List<OutboxEntry>> poll(int max) {
        List<OutboxEntry> out = new ArrayList<>(Math.min(max, 64));
        synchronized (this) {
            takeLocked(out, max, false);
        }
        return CompletableFuture.completedFuture(out);
    }

    /**
     * Hands out everything left, retries still waiting for their delay included: the client fails
     * them all when it stops (an in-memory outbox keeps nothing for a next run), and a retry waiting
     * its backoff must get its outcome too.
     */
    List<OutboxEntry> pollAll() {
        List<OutboxEntry> out = new ArrayList<>();
        synchronized (this) {
            takeLocked(out, Integer.MAX_VALUE, true);
        }
        return out;
    }

    /**
     * Due retries first, oldest due first (all of them when {@code everything}); then entries given
     * back; then new messages, each getting its entry and id now.
     */
    private void takeLocked(List<OutboxEntry> out, int max, boolean everything) {
        long now = nanoTime.getAsLong();
        while (out.size() < max && !delayed.isEmpty() && (everything || delayed.peek().readyAt - now <= 0)) {
            lease(delayed.poll().entry, out);
        }
        while (out.size() < max && !returned.isEmpty()) {
            lease(returned.poll(), out);
        }
        while (out.size() < max) {
            int n;
            synchronized (incoming) {
                n = Math.min(Math.min(max - out.size(), taking.length), incoming.size());
                for (int i = 0; i < n; i++) {
                    taking[i] = incoming.poll();
                }
            }
            if (n == 0) {
                return;
            }
            for (int i = 0; i < n; i++) {
                lease(new OutboxEntry(Long.toString(++lastId), taking[i], 1), out);
                taking[i] = null;
            }
        }
    }

    private void lease(OutboxEntry e, List<OutboxEntry> out) {
        leased.put(e.id(), e);
        out.add(e);
    }

    @Override
    public CompletionStage<Void> ack(OutboxEntry entry) {
        boolean removed;
        synchronized (this) {
            removed = leased.remove(entry.id()) != null;
        }
        if (removed) {
            unacknowledged.decrementAndGet();
        }
        return DONE;
    }

    @Override
    public CompletionStage<Void> nack(OutboxEntry entry, Duration retryAfter) {
        // The dispatcher recorded the attempt's progress and send state on the entry: both are kept.
        OutboxEntry next = entry.withAttempt(entry.attempt() + 1);
        long delayNanos = Math.max(0, retryAfter.toNanos());
        synchronized (this) {
            if (leased.remove(entry.id()) == null) {
                return CompletableFuture.failedFuture(new IllegalStateException(
                        "outbox entry " + entry.id() + " is not handed out (already acked or nacked)"));
            }
            if (delayNanos == 0) {
                returned.addFirst(next);
            } else {
                delayed.add(new Delayed(next, nanoTime.getAsLong() + delayNanos, delayedSeq++));
            }
        }
        if (delayNanos == 0) {
            notifyListeners();
        } else {
            TIMER.schedule(this::notifyListeners, delayNanos, TimeUnit.NANOSECONDS);
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> release(OutboxEntry entry) {
        synchronized (this) {
            if (leased.remove(entry.id()) == null) {
                return CompletableFuture.failedFuture(new IllegalStateException(
                        "outbox entry " + entry.id() + " is not handed out (already acked or released)"));
            }
            returned.addFirst(entry);
        }
        notifyListeners();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void onAvailable(Runnable callback) {
        listeners.add(callback);
    }

    @Override
    public long size() {
        return unacknowledged.get();
    }

    /** Entries ready to be handed out now. */
    public int readyCount() {
        int fresh;
        synchronized (incoming) {
            fresh = incoming.size();
        }
        synchronized (this) {
            return returned.size() + fresh;
        }
    }

    private void notifyListeners() {
        for (Runnable r : listeners) {
            r.run();
        }
    }

    private static final class Delayed implements Comparable<Delayed> {
        final OutboxEntry entry;
        final long readyAt;
        final long seq;

        Delayed(OutboxEntry entry, long readyAt, long seq) {
            this.entry = entry;
            this.readyAt = readyAt;
            this.seq = seq;
        }

        @Override
        public int compareTo(Delayed o) {
            int c = Long.compare(readyAt - o.readyAt, 0);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }
}
