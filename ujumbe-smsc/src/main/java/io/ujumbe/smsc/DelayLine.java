package io.ujumbe.smsc;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Hands each item to its action a fixed delay after it was added. Because the delay is the same for
 * every item, items fall due in the order they were added, so a FIFO and one timer task at a time do
 * the work of a scheduled task per message — the simulator adds one per submit_sm, tens of thousands
 * a second, and a priority queue of that many scheduled tasks (with its lock) was a tenth of the
 * simulator's CPU at peak.
 *
 * <p>The FIFO is a ring of three arrays (due times, items and a number per item) under one lock, not
 * a queue of nodes: adding an item allocates nothing (a lambda, an entry and a queue node per submit_sm were ~75 bytes
 * a message before). The ring grows by doubling to the number of items waiting (the submit rate
 * times the delay) and shrinks back once it has drained. The action runs on the timer thread,
 * outside the lock, in batches. The number beside each item lets a shared item stand for many: the
 * simulator adds the block of rows a message is stored in with the message's number, so a message
 * waiting for its receipt is no object of its own.
 *
 * @param <T> what is delayed
 */
final class DelayLine<T> {
    private static final Logger log = LoggerFactory.getLogger(DelayLine.class);
    private static final int INITIAL = 64;
    /** A ring this large that has drained is given back, so that one burst does not hold its memory for ever. */
    private static final int SHRINK_ABOVE = 1 << 16;
    /** Items taken out of the ring per lock acquisition on the timer thread. */
    private static final int BATCH = 256;

    private final ScheduledExecutorService timer;
    private final long delayNanos;
    private final long coalesceNanos;
    private final Action<? super T> action;
    private final Object lock = new Object();
    // Guarded by lock.
    private long[] due = new long[INITIAL];
    private Object[] items = new Object[INITIAL];
    private long[] keys = new long[INITIAL];
    private int head;
    private int count;
    private boolean armed;
    /** Times the timer thread has run the line; read by tests. */
    private volatile long wakeUps;
    /** The timer thread's batch; only it touches this. */
    private final Object[] batch = new Object[BATCH];
    private final long[] batchKeys = new long[BATCH];

    /** What is done with a due item and its number, told the wall clock as read once for its batch. */
    @FunctionalInterface
    interface Action<T> {
        /**
         * {@code key}: the number it was added with (0 when none). {@code wallNanos}: {@link StoredMessage#nowNanos()}, the simulator's wall clock, read once per batch
         * of due items rather than once per item (a clock read per message showed in the profile).
         */
        void due(T item, long key, long wallNanos);
    }

    DelayLine(ScheduledExecutorService timer, Duration delay, Action<? super T> action) {
        this.timer = timer;
        this.delayNanos = delay.toNanos();
        this.coalesceNanos = coalesce(delayNanos);
        this.action = Objects.requireNonNull(action, "action");
    }

    /**
     * How long after the item that falls due first the timer may wait, so that one wake-up takes the
     * items due meanwhile: 1 % of the delay, at least a millisecond (or the delay, if shorter) and at
     * most ten. Why: each wake-up of the timer thread cost ~30 µs of CPU in the kernel on this VM
     * (futex and timer programming; async-profiler, 2026-12-07), so at 1,000 wake-ups a second it was
     * three quarters of the timer thread. Ten milliseconds late on the default second is within
     * what real SMSCs' receipts vary by.
     */
    static long coalesce(long delayNanos) {
        long ms = TimeUnit.MILLISECONDS.toNanos(1);
        return Math.min(delayNanos, Math.max(ms, Math.min(delayNanos / 100, 10 * ms)));
    }

    /** Hands {@code item} (with the number 0) to the action on the timer thread once the delay has passed. */
    void add(T item) {
        add(item, 0, System.nanoTime());
    }

    /** Like {@link #add(Object)}, with a number for the action and the caller's {@code System.nanoTime()} reading. */
    void add(T item, long key, long nowNanos) {
        long at = nowNanos + delayNanos;
        boolean arm;
        synchronized (lock) {
            if (count == items.length) {
                grow();
            }
            int tail = (head + count) & (items.length - 1);
            due[tail] = at;
            items[tail] = item;
            keys[tail] = key;
            count++;
            arm = !armed;
            armed = true;
        }
        if (arm) {
            arm(delayNanos);
        }
    }

    /** Items waiting now. */
    int size() {
        synchronized (lock) {
            return count;
        }
    }

    private void grow() {
        int n = items.length;
        long[] d = new long[n * 2];
        Object[] it = new Object[n * 2];
        long[] k = new long[n * 2];
        for (int i = 0; i < count; i++) {
            int from = (head + i) & (n - 1);
            d[i] = due[from];
            it[i] = items[from];
            k[i] = keys[from];
        }
        due = d;
        items = it;
        keys = k;
        head = 0;
    }

    private void arm(long nanos) {
        try {
            timer.schedule(this::runDue, nanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // The simulator is closing; messages stay in their current state.
        }
    }

    /** How many times the timer thread has run this line so far. */
    long wakeUps() {
        return wakeUps;
    }

    @SuppressWarnings("unchecked")
    private void runDue() {
        wakeUps++; // only the timer thread writes it, one run at a time
        long next;
        while (true) {
            int n = 0;
            long now = System.nanoTime();
            synchronized (lock) {
                int mask = items.length - 1;
                while (n < BATCH && count > 0 && due[head] - now <= 0) {
                    batchKeys[n] = keys[head];
                    batch[n++] = items[head];
                    items[head] = null;
                    head = (head + 1) & mask;
                    count--;
                }
                if (n == 0) {
                    if (count == 0) {
                        armed = false;
                        if (items.length > SHRINK_ABOVE) {
                            due = new long[INITIAL];
                            items = new Object[INITIAL];
                            keys = new long[INITIAL];
                            head = 0;
                        }
                        return;
                    }
                    // Still armed: this thread schedules the next run, and add() does not. Not
                    // sooner than coalesceNanos from now: under load the next item is due
                    // microseconds later, and waking for each one cost the timer thread a park and
                    // an unpark per message; this way a wake-up takes a batch.
                    next = Math.max(due[head] - now, coalesceNanos);
                    break;
                }
            }
            long wallNanos = StoredMessage.nowNanos();
            for (int i = 0; i < n; i++) {
                T item = (T) batch[i];
                batch[i] = null;
                try {
                    action.due(item, batchKeys[i], wallNanos);
                } catch (RuntimeException ex) {
                    log.atWarn().setMessage("delayed simulator task failed").setCause(ex).log();
                }
            }
        }
        arm(next);
    }
}
