package io.ujumbe.bench.load;

import io.ujumbe.process.CpuTime;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * One measured run of a load harness: per-message latencies in a plain array (no HdrHistogram),
 * the failures, and the report printed at the end — the same text and JSON as {@code ujumbe bench}
 * prints, so that the comparison script reads every client's output the same way.
 */
public final class LoadRun {
    private final long[] latencies;
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger remaining;
    private final Object lock = new Object();
    private long start;
    private long cpuAtStart;
    private long jitAtStart;
    private volatile long end;
    private volatile long cpuAtEnd;
    private volatile long jitAtEnd;

    public LoadRun(int count) {
        latencies = new long[count];
        remaining = new AtomicInteger(count);
    }

    /** Starts the clock. */
    public void start() {
        cpuAtStart = CpuTime.processNanos();
        jitAtStart = CpuTime.compilerNanos();
        start = System.nanoTime();
    }

    /** Waits, without spinning, until message {@code index} is due at {@code intervalNanos} spacing. */
    public void pace(int index, long intervalNanos) {
        if (intervalNanos <= 0) {
            return;
        }
        long due = start + index * intervalNanos;
        long wait;
        while ((wait = due - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    /** Message {@code index} reached its outcome {@code latencyNanos} after it was sent. */
    public void done(int index, long latencyNanos, boolean ok) {
        latencies[index] = latencyNanos;
        if (!ok) {
            failed.incrementAndGet();
        }
        if (remaining.decrementAndGet() == 0) {
            end = System.nanoTime();
            cpuAtEnd = CpuTime.processNanos();
            jitAtEnd = CpuTime.compilerNanos();
            synchronized (lock) {
                lock.notifyAll();
            }
        }
    }

    /** Waits until every message has its outcome. */
    public void awaitDone() throws InterruptedException {
        synchronized (lock) {
            while (remaining.get() > 0) {
                lock.wait(100);
            }
        }
    }

    public int failed() {
        return failed.get();
    }

    /**
     * The report line(s): one JSON object when {@code json}, else a few lines of text.
     * {@code warmedUp}: the messages sent before, not measured (what {@link io.ujumbe.process.WarmUp#run} returned).
     */
    public String report(String client, LoadOptions o, long warmedUp) {
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        int count = sorted.length;
        double seconds = (end - start) / 1e9;
        double cpu = (cpuAtEnd - cpuAtStart) / 1e9;
        double jit = jitAtStart < 0 || jitAtEnd < 0 ? -1 : (jitAtEnd - jitAtStart) / 1e9;
        double heapMb = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
        int threads = ManagementFactory.getThreadMXBean().getThreadCount();
        int bad = failed.get();
        double p50 = ms(percentile(sorted, 0.50));
        double p90 = ms(percentile(sorted, 0.90));
        double p99 = ms(percentile(sorted, 0.99));
        double max = ms(sorted[count - 1]);
        if (o.json()) {
            return String.format(Locale.ROOT, "{\"client\":\"%s\",\"count\":%d,\"warmup\":%d,\"accepted\":%d,\"failed\":%d,"
                            + "\"window\":%d,\"sessions\":%d,\"elapsed_s\":%.3f,\"throughput_per_s\":%.1f,"
                            + "\"latency_ms\":{\"p50\":%.3f,\"p90\":%.3f,\"p99\":%.3f,\"max\":%.3f},"
                            + "\"cpu_s\":%.2f,\"cpu_us_per_msg\":%.2f,%s\"heap_used_mb\":%.1f,\"threads\":%d}",
                    client, count, warmedUp, count - bad, bad, o.window(), o.sessions(), seconds, count / seconds,
                    p50, p90, p99, max, cpu, cpu * 1e6 / count, CpuTime.jsonFields(cpu, jit, count), heapMb, threads);
        }
        return String.format(Locale.ROOT, "%s: sent %d (accepted %d, failed %d) in %.2f s with window %d x %d session(s)%n"
                        + "throughput  %.0f msg/s%n"
                        + "latency ms  p50 %.3f  p90 %.3f  p99 %.3f  max %.3f%n"
                        + "cpu         %s%n"
                        + "heap used   %.1f MB, %d threads",
                client, count, count - bad, bad, seconds, o.window(), o.sessions(), count / seconds,
                p50, p90, p99, max, CpuTime.describe(cpu, jit, count), heapMb, threads);
    }

    private static long percentile(long[] sorted, double p) {
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
