package io.ujumbe.smsc;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs each task a fixed delay after it was added. Because the delay is the same for every task,
 * tasks fall due in the order they were added, so a FIFO queue and one timer task at a time do the
 * work of a scheduled task per message — the simulator adds one per submit_sm, tens of thousands a
 * second, and a priority queue of that many scheduled tasks (with its lock) was a tenth of the
 * simulator's CPU at peak.
 */
final class DelayLine {
    private static final Logger log = LoggerFactory.getLogger(DelayLine.class);

    private final ScheduledExecutorService timer;
    private final long delayNanos;
    private final ConcurrentLinkedQueue<Entry> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean armed = new AtomicBoolean();

    DelayLine(ScheduledExecutorService timer, Duration delay) {
        this.timer = timer;
        this.delayNanos = delay.toNanos();
    }

    /** Runs {@code task} on the timer thread once the delay has passed. */
    void add(Runnable task) {
        queue.add(new Entry(System.nanoTime() + delayNanos, task));
        if (armed.compareAndSet(false, true)) {
            arm(delayNanos);
        }
    }

    private void arm(long nanos) {
        try {
            timer.schedule(this::runDue, nanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // The simulator is closing; messages stay in their current state.
        }
    }

    private void runDue() {
        long now = System.nanoTime();
        Entry e;
        while ((e = queue.peek()) != null && e.due - now <= 0) {
            queue.poll();
            try {
                e.task.run();
            } catch (RuntimeException ex) {
                log.atWarn().setMessage("delayed simulator task failed").setCause(ex).log();
            }
        }
        // Disarm, then look again: a task added meanwhile either armed the timer itself or is seen here.
        armed.set(false);
        Entry head = queue.peek();
        if (head != null && armed.compareAndSet(false, true)) {
            arm(Math.max(0, head.due - System.nanoTime()));
        }
    }

    private record Entry(long due, Runnable task) {
    }
}
