package io.ujumbe.process;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The window of a load generator ({@code ujumbe bench} and the peers' asynchronous harnesses): at
 * most {@code size} requests in flight, taken by one sending thread and given back by whichever
 * threads complete them. Like a {@link java.util.concurrent.Semaphore}, except that a sender that
 * found the window full is woken once a tenth of it is free again, not at every completion.
 *
 * <p>Why: with a semaphore the sender waits on every request once the window is full, and each
 * completion wakes it to send one more — a futex wake and a context switch per message, which was a
 * tenth of {@code ujumbe bench}'s CPU at window 100 (async-profiler: Semaphore.release ->
 * pthread_cond_signal), the same in every harness that used one, and none of it the client's. The
 * window still never exceeds {@code size}; it refills in steps of a tenth. Window 1 behaves as before.
 */
public final class LoadWindow {
    private final int wakeAt;
    private final AtomicInteger free;
    /** The sender while it sleeps; taken by the release that wakes it, so that it is woken once. */
    private final AtomicReference<Thread> waiter = new AtomicReference<>();

    /** A window of {@code size} places, all free. */
    public LoadWindow(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a load window holds at least 1 request, was " + size);
        }
        this.free = new AtomicInteger(size);
        this.wakeAt = Math.max(1, size / 10);
    }

    /** Takes a place, waiting while none is free. One thread at a time may call this. */
    public void acquire() throws InterruptedException {
        while (true) {
            int f = free.get();
            if (f > 0) {
                if (free.compareAndSet(f, f - 1)) {
                    return;
                }
                continue;
            }
            Thread me = Thread.currentThread();
            waiter.set(me);
            // Published before this second look: a release that makes enough room after it sees the waiter.
            if (free.get() < wakeAt) {
                LockSupport.park(this);
            }
            waiter.compareAndSet(me, null);
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while waiting for room in the load window");
            }
        }
    }

    /** Gives a place back; wakes the sender once a tenth of the window is free. Any thread. */
    public void release() {
        if (free.incrementAndGet() >= wakeAt) {
            Thread w = waiter.get();
            // One wake per wait: the releases that follow until the sender runs find no waiter.
            if (w != null && waiter.compareAndSet(w, null)) {
                LockSupport.unpark(w);
            }
        }
    }

    /** Places free now. */
    public int available() {
        return free.get();
    }
}
