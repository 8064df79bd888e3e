package io.ujumbe.smsc;

import io.ujumbe.pdu.MessageState;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** The simulator's counters, shared by its parts; read into {@link SmscStats}. */
final class Counters {
    static final String THROTTLED = "throttled";
    static final String ERROR = "error";
    static final String DROPPED = "dropped";
    static final String DISCONNECTED = "disconnected";
    static final String UNBIND = "unbind";
    static final String LATENCY = "latency";
    private static final String[] FAULTS = {THROTTLED, ERROR, DROPPED, DISCONNECTED, UNBIND, LATENCY};

    final LongAdder bindsAccepted = new LongAdder();
    final LongAdder bindsRejected = new LongAdder();
    final LongAdder submits = new LongAdder();
    final LongAdder receiptsSent = new LongAdder();
    final LongAdder receiptsFailed = new LongAdder();
    final LongAdder moSent = new LongAdder();
    private final Map<String, LongAdder> faults = new LinkedHashMap<>();
    /*
     * Messages in each state are those that entered it less those that left it, counted apart:
     * an accepted message enters ENROUTE on an I/O thread and leaves it on the timer thread, and one
     * adder for both made the two threads contend on it for every message (its cells, and a CAS that
     * failed): 6 % of the simulator's CPU at peak. Each of these is written by one thread in practice.
     */
    private final LongAdder[] entered = adders();
    private final LongAdder[] left = adders();
    private final RateWindow submitRate = new RateWindow(10, submits);

    Counters() {
        for (String f : FAULTS) {
            faults.put(f, new LongAdder());
        }
    }

    void fault(String name) {
        faults.get(name).increment();
    }

    /** A message was accepted; {@code nowNanos}: the caller's {@code System.nanoTime()}. */
    void submitted(long nowNanos) {
        submits.increment();
        submitRate.record(nowNanos);
    }

    /** A message entered {@code to} (from {@code from}, or null when new). */
    void moved(MessageState from, MessageState to) {
        if (from != null) {
            left[from.ordinal()].increment();
        }
        entered[to.ordinal()].increment();
    }

    double submitRate() {
        return submitRate.perSecond(System.nanoTime());
    }

    Map<String, Long> faults() {
        Map<String, Long> out = new LinkedHashMap<>();
        faults.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    Map<MessageState, Long> states() {
        Map<MessageState, Long> out = new EnumMap<>(MessageState.class);
        for (MessageState state : MessageState.values()) {
            // Left first: a message counted as having left is one that entered before.
            long gone = left[state.ordinal()].sum();
            long n = entered[state.ordinal()].sum() - gone;
            if (n != 0) {
                out.put(state, n);
            }
        }
        return out;
    }

    private static LongAdder[] adders() {
        LongAdder[] a = new LongAdder[MessageState.values().length];
        for (int i = 0; i < a.length; i++) {
            a[i] = new LongAdder();
        }
        return a;
    }

    /**
     * Events per second over the last {@code seconds} whole seconds (the current one included), from
     * a running total: the total is noted at the first event of each second, so counting an event
     * costs a read and a compare, not a lock (a synchronized bucket update per message showed in the
     * simulator's profile).
     */
    static final class RateWindow {
        private final LongAdder total;
        /** The total before the first event of a second, and that second; a ring of {@code seconds}. */
        private final long[] totalBefore;
        private final long[] secondOf;
        private volatile long current = Long.MIN_VALUE;

        /** {@code total}: the count each {@link #record} follows an increment of. */
        RateWindow(int seconds, LongAdder total) {
            this.total = total;
            this.totalBefore = new long[seconds];
            this.secondOf = new long[seconds];
            java.util.Arrays.fill(secondOf, Long.MIN_VALUE);
        }

        /** An event at {@code nanos} ({@code System.nanoTime()}), already counted in the total. */
        void record(long nanos) {
            long second = Math.floorDiv(nanos, 1_000_000_000L);
            if (second != current) {
                roll(second);
            }
        }

        private synchronized void roll(long second) {
            if (second <= current) {
                return;
            }
            int i = (int) Math.floorMod(second, (long) secondOf.length);
            secondOf[i] = second;
            totalBefore[i] = total.sum() - 1; // this event is in the sum already
            current = second;
        }

        synchronized double perSecond(long nanos) {
            long now = Math.floorDiv(nanos, 1_000_000_000L);
            long first = now - secondOf.length + 1;
            // The total before the window: before the oldest second in it that had events (none
            // came between the window's start and that second).
            long before = -1;
            long oldest = Long.MAX_VALUE;
            for (int i = 0; i < secondOf.length; i++) {
                long s = secondOf[i];
                if (s >= first && s <= now && s < oldest) {
                    oldest = s;
                    before = totalBefore[i];
                }
            }
            if (before < 0) {
                return 0;
            }
            return (double) Math.max(0, total.sum() - before) / secondOf.length;
        }
    }
}
