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
    private final Map<MessageState, LongAdder> states = new EnumMap<>(MessageState.class);
    private final RateWindow submitRate = new RateWindow(10);

    Counters() {
        for (String f : FAULTS) {
            faults.put(f, new LongAdder());
        }
        for (MessageState s : MessageState.values()) {
            states.put(s, new LongAdder());
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
            states.get(from).decrement();
        }
        states.get(to).increment();
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
        states.forEach((k, v) -> {
            long n = v.sum();
            if (n != 0) {
                out.put(k, n);
            }
        });
        return out;
    }

    /** Events per second over the last {@code seconds} whole seconds, in one-second buckets. */
    static final class RateWindow {
        private final long[] counts;
        private final long[] secondOf;

        RateWindow(int seconds) {
            counts = new long[seconds];
            secondOf = new long[seconds];
        }

        synchronized void record(long nanos) {
            long second = nanos / 1_000_000_000L;
            int i = (int) Math.floorMod(second, (long) counts.length);
            if (secondOf[i] != second) {
                secondOf[i] = second;
                counts[i] = 0;
            }
            counts[i]++;
        }

        synchronized double perSecond(long nanos) {
            long now = nanos / 1_000_000_000L;
            long sum = 0;
            for (int i = 0; i < counts.length; i++) {
                if (now - secondOf[i] < counts.length) {
                    sum += counts[i];
                }
            }
            return (double) sum / counts.length;
        }
    }
}
