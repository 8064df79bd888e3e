package io.ujumbe.session;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link Sequencer} in this process's memory: 1, 2, … 0x7FFFFFFF, then 1 again. Never returns
 * 0 or a negative number. Lock-free, so any number of threads may call {@link #next()}.
 */
public final class InMemorySequencer implements Sequencer {

    /** The largest sequence_number SMPP allows. */
    public static final int MAX = 0x7FFFFFFF;

    /** The last value handed out; 0 before the first call when starting at 1. */
    private final AtomicInteger last;

    /** A sequencer whose first value is 1. */
    public InMemorySequencer() {
        this(1);
    }

    /**
     * A sequencer whose first value is {@code first}, e.g. to test the wrap-around or to resume a
     * sequence.
     *
     * @throws IllegalArgumentException if {@code first} is not between 1 and 0x7FFFFFFF
     */
    public InMemorySequencer(int first) {
        if (first < 1) {
            throw new IllegalArgumentException(
                    "first sequence number must be between 1 and " + MAX + ", was " + first);
        }
        this.last = new AtomicInteger(first - 1);
    }

    @Override
    public int next() {
        // A CAS loop rather than incrementAndGet: the wrap from MAX to 1 must be atomic with the
        // increment, or two threads could both see MAX and one would hand out a negative number.
        while (true) {
            int current = last.get();
            int next = current == MAX ? 1 : current + 1;
            if (last.compareAndSet(current, next)) {
                return next;
            }
        }
    }

    @Override
    public String toString() {
        return "InMemorySequencer[last=" + last.get() + "]";
    }
}
