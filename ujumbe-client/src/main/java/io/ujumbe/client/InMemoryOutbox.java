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
import java.util.concurrent.atomic.AtomicLong;
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

    /**
     * What waits to be handed out: an {@link OutboundMessage} not yet handed out (its entry and id
     * are made when it is: a million queued messages cost no entry and no id string each), or an
     * {@link OutboxEntry} given back for a retry or released.
     */
    private final ArrayDeque<Object> ready = new ArrayDeque<>();
    private final PriorityQueue<Delayed> delayed = new PriorityQueue<>();
    private final Map<String, OutboxEntry> leased = new HashMap<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();
    private long delayedSeq;

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
        synchronized (this) {
            if (countLocked() >= capacity) {
                return CompletableFuture.failedFuture(new OutboxFullException(
                        "outbox is full (" + capacity + " messages not yet sent or acknowledged)"));
            }
            ready.add(java.util.Objects.requireNonNull(message, "message"));
        }
        notifyListeners();
        return DONE;
    }

    @Override
    public CompletionStage<List<OutboxEntry>> poll(int max) {
        List<OutboxEntry> out = new ArrayList<>(Math.min(max, 64));
        synchronized (this) {
            long now = nanoTime.getAsLong();
            // Due retries first, oldest due first; then the ready queue (which holds immediate
            // retries and released entries at its head, new messages behind them).
            while (out.size() < max && !delayed.isEmpty() && delayed.peek().readyAt - now <= 0) {
                OutboxEntry e = delayed.poll().entry;
                leased.put(e.id(), e);
                out.add(e);
            }
            while (out.size() < max && !ready.isEmpty()) {
                OutboxEntry e = entry(ready.poll());
                leased.put(e.id(), e);
                out.add(e);
            }
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
            while (!delayed.isEmpty()) {
                OutboxEntry e = delayed.poll().entry;
                leased.put(e.id(), e);
                out.add(e);
            }
            while (!ready.isEmpty()) {
                OutboxEntry e = entry(ready.poll());
                leased.put(e.id(), e);
                out.add(e);
            }
        }
        return out;
    }

    /** The entry of a waiting element: a message handed out for the first time gets its id now. */
    private OutboxEntry entry(Object waiting) {
        return waiting instanceof OutboxEntry ? (OutboxEntry) waiting
                : new OutboxEntry(Long.toString(ids.incrementAndGet()), (OutboundMessage) waiting, 1);
    }

    @Override
    public CompletionStage<Void> ack(OutboxEntry entry) {
        synchronized (this) {
            leased.remove(entry.id());
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
                ready.addFirst(next);
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
            ready.addFirst(entry);
        }
        notifyListeners();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void onAvailable(Runnable callback) {
        listeners.add(callback);
    }

    @Override
    public synchronized long size() {
        return countLocked();
    }

    /** Entries ready to be handed out now. */
    public synchronized int readyCount() {
        return ready.size();
    }

    private int countLocked() {
        return ready.size() + delayed.size() + leased.size();
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
