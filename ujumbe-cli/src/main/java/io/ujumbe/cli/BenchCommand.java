package io.ujumbe.cli;

import io.ujumbe.client.ClientConfig;
import io.ujumbe.client.ClientListener;
import io.ujumbe.client.InMemoryOutbox;
import io.ujumbe.client.MessageOutcome;
import io.ujumbe.client.OutboundMessage;
import io.ujumbe.client.ReceiptEvent;
import io.ujumbe.client.SmppClient;
import io.ujumbe.client.TextEncoding;
import io.ujumbe.pdu.Address;
import io.ujumbe.pdu.RegisteredDelivery;
import io.ujumbe.process.CpuTime;
import io.ujumbe.process.LoadWindow;
import io.ujumbe.process.WarmUp;
import io.ujumbe.smsc.SmscAccount;
import io.ujumbe.smsc.SmscConfig;
import io.ujumbe.smsc.SmscSimulator;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code ujumbe bench}: a load test of ujumbe's client against an SMSC (any host:port, or the
 * simulator in this process). It keeps at most window × sessions messages in flight, optionally
 * paced to a rate, and prints throughput, per-message latency percentiles (send() to outcome),
 * the process's CPU time and heap. {@code --json} prints one JSON object instead, the same shape
 * the cloudhopper and jSMPP harnesses in ujumbe-bench print, so runs compare line by line.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Load-test the client: throughput, latency percentiles, CPU and heap.")
final class BenchCommand implements Callable<Integer> {

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    @Option(names = "--system-id", defaultValue = "bench", description = "The account's system_id (default: ${DEFAULT-VALUE}).")
    String systemId;

    @Option(names = "--password", defaultValue = "bench", description = "The account's password (default: ${DEFAULT-VALUE}).")
    String password;

    @Option(names = "--count", required = true, description = "Messages to send (measured).")
    int count;

    @Option(names = "--warmup", defaultValue = "0", description = "Messages sent first and not measured (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--warmup-seconds", defaultValue = "0", description = "After the --warmup messages, keep warming up "
            + "in batches until this many seconds have passed (default: ${DEFAULT-VALUE}): the same time for every client "
            + "being compared, whatever its speed.")
    double warmupSeconds;

    @Option(names = "--window", required = true, description = "Requests in flight per session.")
    int window;

    @Option(names = "--sessions", defaultValue = "1", description = "Binds (TCP connections) (default: ${DEFAULT-VALUE}).")
    int sessions;

    @Option(names = "--rate", defaultValue = "0", description = "Submits per second; 0 = as fast as the windows allow.")
    double rate;

    @Option(names = "--size", defaultValue = "20", description = "short_message length in GSM characters, 1..160 (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Option(names = "--receipts", description = "Ask for a delivery receipt with every message (registered_delivery 1) "
            + "and wait, after the measured run, until every receipt has arrived (at most 60 s); the SMSC's "
            + "receipt work then falls within the run.")
    boolean receipts;

    /** Where the SMSC is. */
    static final class Target {
        @Option(names = "--embedded", required = true, description = "Start the simulator in this process (receipts off).")
        boolean embedded;

        @ArgGroup(exclusive = false)
        Remote remote;
    }

    /** A remote SMSC. */
    static final class Remote {
        @Option(names = "--host", defaultValue = "127.0.0.1", description = "SMSC host (default: ${DEFAULT-VALUE}).")
        String host;

        @Option(names = "--port", required = true, description = "SMSC port.")
        int port;
    }

    @Override
    public Integer call() throws Exception {
        check(count >= 1, "--count must be at least 1, was " + count);
        check(warmup >= 0, "--warmup must be 0 or more, was " + warmup);
        check(warmupSeconds >= 0 && warmupSeconds <= 3600, "--warmup-seconds must be in 0..3600, was " + warmupSeconds);
        check(window >= 1 && window <= 100_000, "--window must be in 1..100000, was " + window);
        check(sessions >= 1 && sessions <= 64, "--sessions must be in 1..64, was " + sessions);
        check(rate >= 0 && !Double.isInfinite(rate), "--rate must be 0 (unlimited) or more, was " + rate);
        check(size >= 1 && size <= 160, "--size must be in 1..160, was " + size);

        SmscSimulator smsc = target.embedded ? startSimulator() : null;
        String host = smsc != null ? "127.0.0.1" : target.remote.host;
        int port = smsc != null ? smsc.port() : target.remote.port;
        int inFlight = window * sessions;
        // Messages wait in the application (the semaphore), not in the outbox, so latency is the
        // SMSC round trip plus the client's own work, as in the peers' harnesses.
        SmppClient client = SmppClient.create(ClientConfig.builder()
                .host(host).port(port).systemId(systemId).password(password)
                .binds(sessions).windowSize(window).maxBindRejections(1)
                .responseTimeout(Duration.ofSeconds(30))
                .outbox(new InMemoryOutbox(Math.max(inFlight, 1) + 16))
                .defaultSource(Address.alphanumeric("ujumbe"))
                .defaultRegisteredDelivery(receipts ? RegisteredDelivery.RECEIPT : RegisteredDelivery.NONE)
                .addListener(new ClientListener() {
                    @Override
                    public CompletionStage<Void> onReceipt(ReceiptEvent receipt) {
                        receiptsReceived.incrementAndGet();
                        return CompletableFuture.completedFuture(null);
                    }
                })
                .build());
        try {
            try {
                client.start().get(15, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                ErrorLines.print("bench", "could not bind to " + host + ":" + port + " as " + systemId + ": "
                        + (e instanceof ExecutionException ? e.getCause().getMessage() : "timed out"), Main.FAILED);
                return Main.FAILED;
            }
            // Every bind up before the clock starts, so that sessions > 1 measures them all.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (client.boundSessions() < sessions && System.nanoTime() < deadline) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
            }
            String text = "x".repeat(size);
            long warmed = WarmUp.run(warmup, warmupSeconds, n -> run(client, text, n, inFlight));
            Run r = run(client, text, count, inFlight);
            if (receipts) {
                // The receipts of warm-up and run: the SMSC sends them after its receipt delay.
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (receiptsReceived.get() < warmed + count && System.nanoTime() < until) {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
                }
            }
            Report report = Report.of(r, count, warmed, window, sessions, receipts ? receiptsReceived.get() : -1);
            System.out.println(json ? report.json() : report.text());
            return r.failed.get() == 0 ? Main.OK : Main.FAILED;
        } finally {
            client.stop(Duration.ofSeconds(5)).join();
            if (smsc != null) {
                smsc.close();
            }
        }
    }

    private final AtomicLong receiptsReceived = new AtomicLong();

    private SmscSimulator startSimulator() {
        return SmscSimulator.start(SmscConfig.builder().port(0)
                .account(SmscAccount.allowingAll(systemId, password)).build());
    }

    private Run run(SmppClient client, String text, int n, int inFlight) throws InterruptedException {
        Run r = new Run(n);
        // Refilled in steps of a tenth, not woken per completion (see LoadWindow); the same in the peers' harnesses.
        LoadWindow permits = new LoadWindow(inFlight);
        long interval = rate > 0 ? (long) (1e9 / rate) : 0;
        r.cpuAtStart = CpuTime.processNanos();
        r.jitAtStart = CpuTime.compilerNanos();
        r.allocAtStart = allocatedBytes();
        r.start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            if (interval > 0) {
                long due = r.start + i * interval;
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
            }
            permits.acquire();
            OutboundMessage m = OutboundMessage.builder().correlationId(Integer.toString(i))
                    .to("254700000001").text(text).encoding(TextEncoding.GSM7).build();
            final int index = i;
            long sent = System.nanoTime();
            client.send(m).whenComplete((outcome, error) -> {
                r.latencies[index] = System.nanoTime() - sent;
                if (error != null || !(outcome instanceof MessageOutcome.Accepted)) {
                    r.failed.incrementAndGet();
                }
                r.done();
                permits.release();
            });
        }
        r.awaitDone();
        return r;
    }

    /**
     * Bytes allocated on the heap by every live thread so far (the client's threads live for the
     * whole run, so the difference over a run is what the run allocated).
     */
    static long allocatedBytes() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (long a : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
            sum += Math.max(0, a);
        }
        return sum;
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** The figures of one measured run. */
    private static final class Run {
        final long[] latencies;
        final AtomicInteger failed = new AtomicInteger();
        private final AtomicInteger remaining;
        private final Object lock = new Object();
        long start;
        long cpuAtStart;
        long jitAtStart;
        long allocAtStart;
        volatile long end;
        volatile long cpuAtEnd;
        volatile long jitAtEnd;
        volatile long allocAtEnd;

        Run(int n) {
            latencies = new long[n];
            remaining = new AtomicInteger(n);
        }

        void done() {
            if (remaining.decrementAndGet() == 0) {
                end = System.nanoTime();
                cpuAtEnd = CpuTime.processNanos();
                jitAtEnd = CpuTime.compilerNanos();
                allocAtEnd = allocatedBytes();
                synchronized (lock) {
                    lock.notifyAll();
                }
            }
        }

        void awaitDone() throws InterruptedException {
            synchronized (lock) {
                while (remaining.get() > 0) {
                    lock.wait(100);
                }
            }
        }
    }

    /** What is printed: throughput, latency percentiles, CPU and heap of this process. */
    private record Report(int count, long warmup, int failed, int window, int sessions, double seconds, double perSecond,
                          double p50, double p90, double p99, double max, double cpuSeconds, double jitSeconds,
                          double heapMb, int threads, double allocPerMessage, long receipts) {
        static Report of(Run r, int count, long warmup, int window, int sessions, long receipts) {
            long[] sorted = r.latencies.clone();
            Arrays.sort(sorted);
            double seconds = (r.end - r.start) / 1e9;
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            return new Report(count, warmup, r.failed.get(), window, sessions, seconds, count / seconds,
                    ms(percentile(sorted, 0.50)), ms(percentile(sorted, 0.90)), ms(percentile(sorted, 0.99)),
                    ms(sorted[sorted.length - 1]), (r.cpuAtEnd - r.cpuAtStart) / 1e9,
                    r.jitAtStart < 0 || r.jitAtEnd < 0 ? -1 : (r.jitAtEnd - r.jitAtStart) / 1e9, heap / (1024.0 * 1024.0),
                    threads.getThreadCount(), (r.allocAtEnd - r.allocAtStart) / (double) count, receipts);
        }

        private static long percentile(long[] sorted, double p) {
            int i = (int) Math.ceil(p * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
        }

        private static double ms(long nanos) {
            return nanos / 1e6;
        }

        String json() {
            return String.format(Locale.ROOT, "{\"client\":\"ujumbe\",\"count\":%d,\"warmup\":%d,\"accepted\":%d,\"failed\":%d,"
                            + "\"window\":%d,\"sessions\":%d,\"elapsed_s\":%.3f,\"throughput_per_s\":%.1f,"
                            + "\"latency_ms\":{\"p50\":%.3f,\"p90\":%.3f,\"p99\":%.3f,\"max\":%.3f},"
                            + "\"cpu_s\":%.2f,\"cpu_us_per_msg\":%.2f,%s\"alloc_bytes_per_msg\":%.0f,"
                            + "\"heap_used_mb\":%.1f,\"threads\":%d%s}",
                    count, warmup, count - failed, failed, window, sessions, seconds, perSecond, p50, p90, p99, max,
                    cpuSeconds, cpuSeconds * 1e6 / count, CpuTime.jsonFields(cpuSeconds, jitSeconds, count),
                    allocPerMessage, heapMb, threads,
                    receipts < 0 ? "" : ",\"receipts\":" + receipts);
        }

        String text() {
            return String.format(Locale.ROOT, "sent %d (accepted %d, failed %d) in %.2f s with window %d x %d session(s)%n"
                            + "throughput  %.0f msg/s%n"
                            + "latency ms  p50 %.3f  p90 %.3f  p99 %.3f  max %.3f%n"
                            + "cpu         %s%n"
                            + "allocated   %.0f bytes/msg (heap, every thread)%n"
                            + "heap used   %.1f MB, %d threads",
                    count, count - failed, failed, seconds, window, sessions, perSecond, p50, p90, p99, max,
                    CpuTime.describe(cpuSeconds, jitSeconds, count), allocPerMessage, heapMb, threads);
        }
    }
}
