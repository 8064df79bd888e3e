package io.ujumbe.bench.load;

import io.ujumbe.client.ClientConfig;
import io.ujumbe.client.InMemoryOutbox;
import io.ujumbe.client.OutboundMessage;
import io.ujumbe.client.SmppClient;
import io.ujumbe.pdu.RegisteredDelivery;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Scale measurements that are not throughput:
 * <ul>
 * <li>{@code outbox --messages 1000000}: the client's heap with that many messages queued in an
 *     in-memory outbox and no SMSC reachable (sent with {@code send()}, so each also holds its
 *     future, as an application's would).</li>
 * <li>{@code sessions --port P --sessions 1000 --smsc-pid PID}: opens that many binds to an SMSC
 *     (ujumbe clients of up to 50 binds each), then reads the SMSC process's CPU, RSS and threads
 *     from /proc while the binds sit idle and while they carry a light paced load.</li>
 * </ul>
 * Prints one JSON object. Run: {@code java -cp benchmarks.jar io.ujumbe.bench.load.ScaleProbe outbox}
 */
public final class ScaleProbe {
    private static final int BINDS_PER_CLIENT = 50;

    private ScaleProbe() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            throw new IllegalArgumentException("first argument must be outbox or sessions");
        }
        String host = "127.0.0.1";
        int port = 1;
        int messages = 1_000_000;
        int sessions = 1_000;
        long smscPid = -1;
        int idleSeconds = 20;
        int loadSeconds = 20;
        double rate = 2_000;
        for (int i = 1; i + 1 < args.length; i += 2) {
            String v = args[i + 1];
            switch (args[i]) {
                case "--host" -> host = v;
                case "--port" -> port = Integer.parseInt(v);
                case "--messages" -> messages = Integer.parseInt(v);
                case "--sessions" -> sessions = Integer.parseInt(v);
                case "--smsc-pid" -> smscPid = Long.parseLong(v);
                case "--idle-seconds" -> idleSeconds = Integer.parseInt(v);
                case "--load-seconds" -> loadSeconds = Integer.parseInt(v);
                case "--rate" -> rate = Double.parseDouble(v);
                default -> throw new IllegalArgumentException("unknown flag " + args[i]);
            }
        }
        switch (args[0]) {
            case "outbox" -> outbox(messages);
            case "sessions" -> sessions(host, port, sessions, smscPid, idleSeconds, loadSeconds, rate);
            default -> throw new IllegalArgumentException("first argument must be outbox or sessions, was " + args[0]);
        }
        System.exit(0);
    }

    private static void outbox(int messages) {
        long before = usedHeapAfterGc();
        // Port 1 on loopback refuses connections: the client keeps reconnecting with backoff while
        // everything stays queued.
        SmppClient client = SmppClient.create(ClientConfig.builder().host("127.0.0.1").port(1)
                .systemId("bench").password("bench").outbox(new InMemoryOutbox(messages))
                .defaultRegisteredDelivery(RegisteredDelivery.RECEIPT).build());
        client.start();
        long t0 = System.nanoTime();
        for (int i = 0; i < messages; i++) {
            client.send(OutboundMessage.builder().to("2547" + (10_000_000 + i % 90_000_000))
                    .text("Your code is " + (100_000 + i % 900_000) + ", valid 10 min").build());
        }
        double offerSeconds = (System.nanoTime() - t0) / 1e9;
        long after = usedHeapAfterGc();
        long queued = client.outbox().size();
        System.out.println(String.format(Locale.ROOT, "{\"probe\":\"outbox\",\"messages\":%d,\"queued\":%d,"
                        + "\"heap_before_mb\":%.1f,\"heap_after_mb\":%.1f,\"bytes_per_message\":%.0f,\"send_per_s\":%.0f,"
                        + "\"max_heap_mb\":%d}",
                messages, queued, before / 1048576.0, after / 1048576.0, (after - before) / (double) messages,
                messages / offerSeconds, Runtime.getRuntime().maxMemory() / 1048576));
        client.stop(Duration.ofSeconds(1)).join();
    }

    private static void sessions(String host, int port, int sessions, long smscPid, int idleSeconds, int loadSeconds,
                                 double rate) throws Exception {
        if (smscPid <= 0) {
            throw new IllegalArgumentException("--smsc-pid is required for sessions");
        }
        Proc base = Proc.read(smscPid);
        List<SmppClient> clients = new ArrayList<>();
        for (int left = sessions, c = 0; left > 0; left -= BINDS_PER_CLIENT, c++) {
            int binds = Math.min(BINDS_PER_CLIENT, left);
            SmppClient client = SmppClient.create(ClientConfig.builder().host(host).port(port)
                    .systemId("bench").password("bench").binds(binds).windowSize(10)
                    .defaultRegisteredDelivery(RegisteredDelivery.NONE)
                    .enquireLinkInterval(Duration.ofSeconds(30)).build());
            client.start();
            clients.add(client);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (bound(clients) < sessions && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        int bound = bound(clients);
        // A script may now force a GC in the SMSC and read its heap (bench/scale.sh does).
        System.err.println("bound " + bound);
        Thread.sleep(5_000);
        Proc idleStart = Proc.read(smscPid);
        Thread.sleep(idleSeconds * 1000L);
        Proc idleEnd = Proc.read(smscPid);

        int total = (int) (rate * loadSeconds);
        long interval = (long) (1e9 / rate);
        List<CompletableFuture<?>> done = new ArrayList<>(total);
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            done.add(clients.get(i % clients.size()).send(OutboundMessage.text("254700000001", "load")));
        }
        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        Proc loadEnd = Proc.read(smscPid);
        double loadWall = (System.nanoTime() - start) / 1e9;

        System.out.println(String.format(Locale.ROOT, "{\"probe\":\"sessions\",\"sessions\":%d,\"bound\":%d,"
                        + "\"smsc_rss_base_mb\":%.1f,\"smsc_rss_mb\":%.1f,\"smsc_rss_kb_per_session\":%.1f,"
                        + "\"smsc_threads\":%d,\"idle_s\":%d,\"smsc_idle_cpu_pct\":%.2f,\"smsc_idle_cpu_us_per_session_s\":%.2f,"
                        + "\"load_msgs\":%d,\"load_per_s\":%.0f,\"smsc_load_cpu_pct\":%.1f,\"smsc_load_cpu_us_per_msg\":%.1f}",
                sessions, bound, base.rssKb / 1024.0, idleEnd.rssKb / 1024.0, (idleEnd.rssKb - base.rssKb) / (double) bound,
                idleEnd.threads, idleSeconds, 100.0 * (idleEnd.cpuSeconds - idleStart.cpuSeconds) / idleSeconds,
                (idleEnd.cpuSeconds - idleStart.cpuSeconds) * 1e6 / idleSeconds / Math.max(1, bound),
                total, total / loadWall, 100.0 * (loadEnd.cpuSeconds - idleEnd.cpuSeconds) / loadWall,
                (loadEnd.cpuSeconds - idleEnd.cpuSeconds) * 1e6 / Math.max(1, total)));
        for (SmppClient c : clients) {
            c.stop(Duration.ofSeconds(5));
        }
    }

    private static int bound(List<SmppClient> clients) {
        int n = 0;
        for (SmppClient c : clients) {
            n += c.boundSessions();
        }
        return n;
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** A process's CPU time, resident memory and thread count, from Linux's /proc. */
    private record Proc(double cpuSeconds, long rssKb, int threads) {
        static Proc read(long pid) throws IOException {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // Fields after the command name, which is in parentheses and may hold spaces.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            double ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            long rss = 0;
            int threads = 0;
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = Long.parseLong(line.replaceAll("\\D", ""));
                } else if (line.startsWith("Threads:")) {
                    threads = Integer.parseInt(line.replaceAll("\\D", ""));
                }
            }
            return new Proc(ticks / 100.0, rss, threads);
        }
    }
}
