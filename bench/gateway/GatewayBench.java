import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.net.URLEncoder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load for a running ujumbe gateway (bench/gateway.sh starts one with the simulator upstream):
 * POSTs N messages to /v1/messages with C requests in flight, each asking for every callback at a
 * receiver this program runs; reports HTTP requests/s in, messages/s out (SMSC acceptances reported
 * back), and the latency from the 202 to the "accepted" and the "delivered" callbacks, p50/p99.
 * Plain JDK (java GatewayBench.java ...): no dependency.
 */
public class GatewayBench {
    static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    static final Pattern STATUS = Pattern.compile("\"status\":\"([a-z]+)\"");
    static boolean kannel;

    public static void main(String[] args) throws Exception {
        String url = arg(args, "--url", "http://127.0.0.1:8080");
        String key = arg(args, "--key", "k-bench-123");
        int n = Integer.parseInt(arg(args, "--messages", "5000"));
        int concurrency = Integer.parseInt(arg(args, "--concurrency", "32"));
        int warmup = Integer.parseInt(arg(args, "--warmup", "500"));
        // --kannel: GET /cgi-bin/sendsms with Kannel's parameters (user bench/bench, dlr-mask 9: SMSC
        // acceptance and delivery), the same against Kannel's smsbox and against ujumbe's gateway.
        kannel = Arrays.asList(args).contains("--kannel");
        String label = arg(args, "--label", kannel ? "kannel-api" : "json-api");

        Map<String, Long> answered = new ConcurrentHashMap<>();
        Map<String, Long> accepted = new ConcurrentHashMap<>();
        Map<String, Long> delivered = new ConcurrentHashMap<>();
        AtomicLong lastAccepted = new AtomicLong();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        receiver.setExecutor(Executors.newFixedThreadPool(8));
        receiver.createContext("/kdlr", ex -> {
            long now = System.nanoTime();
            String q = ex.getRequestURI().getRawQuery();
            String id = null;
            String type = null;
            for (String kv : q == null ? new String[0] : q.split("&")) {
                if (kv.startsWith("i=")) {
                    id = kv.substring(2);
                } else if (kv.startsWith("type=")) {
                    type = kv.substring(5);
                }
            }
            if (id != null && "8".equals(type)) {
                accepted.putIfAbsent(id, now);
                lastAccepted.accumulateAndGet(now, Math::max);
            } else if (id != null && "1".equals(type)) {
                delivered.putIfAbsent(id, now);
            }
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        receiver.createContext("/dlr", ex -> {
            long now = System.nanoTime();
            String body;
            try (InputStream in = ex.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Matcher id = ID.matcher(body);
            Matcher st = STATUS.matcher(body);
            if (id.find() && st.find()) {
                if (st.group(1).equals("accepted")) {
                    accepted.putIfAbsent(id.group(1), now);
                    lastAccepted.accumulateAndGet(now, Math::max);
                } else if (st.group(1).equals("delivered")) {
                    delivered.putIfAbsent(id.group(1), now);
                }
            }
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        receiver.start();
        String dlrUrl = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/dlr";

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(4)).connectTimeout(Duration.ofSeconds(10)).build();
        run(http, url, key, dlrUrl, warmup, concurrency, new ConcurrentHashMap<>(), "w");
        // Let the warm-up's callbacks finish before measuring.
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (delivered.size() < warmup && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        accepted.clear();
        delivered.clear();
        lastAccepted.set(0);

        long t0 = System.nanoTime();
        int failures = run(http, url, key, dlrUrl, n, concurrency, answered, "m");
        long t1 = System.nanoTime();
        until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        // Only the measured messages count (late warm-up callbacks may still arrive).
        while (System.nanoTime() < until && !answered.keySet().stream().allMatch(id -> accepted.containsKey(id)
                && delivered.containsKey(id))) {
            Thread.sleep(50);
        }
        List<Long> toAccepted = new ArrayList<>();
        List<Long> toDelivered = new ArrayList<>();
        for (Map.Entry<String, Long> e : answered.entrySet()) {
            Long a = accepted.get(e.getKey());
            Long d = delivered.get(e.getKey());
            if (a != null) {
                toAccepted.add(Math.max(0, a - e.getValue()));
            }
            if (d != null) {
                toDelivered.add(Math.max(0, d - e.getValue()));
            }
        }
        double httpSeconds = (t1 - t0) / 1e9;
        double outSeconds = (lastAccepted.get() - t0) / 1e9;
        System.out.printf(java.util.Locale.ROOT,
                "{\"label\":\"" + label + "\",\"api\":\"" + (kannel ? "kannel" : "json") + "\",\"messages\":%d,\"concurrency\":%d,\"http_failures\":%d,\"requests_per_s\":%.0f,\"messages_out_per_s\":%.0f,"
                        + "\"accepted_callbacks\":%d,\"delivered_callbacks\":%d,"
                        + "\"accepted_cb_p50_ms\":%.1f,\"accepted_cb_p99_ms\":%.1f,\"delivered_cb_p50_ms\":%.1f,\"delivered_cb_p99_ms\":%.1f}%n",
                n, concurrency, failures, answered.size() / httpSeconds, accepted.size() / outSeconds,
                accepted.size(), delivered.size(), pct(toAccepted, 50), pct(toAccepted, 99), pct(toDelivered, 50), pct(toDelivered, 99));
        receiver.stop(0);
        System.exit(0);
    }

    static int run(HttpClient http, String url, String key, String dlrUrl, int n, int concurrency,
                   Map<String, Long> answered, String tag) throws InterruptedException {
        Semaphore window = new Semaphore(concurrency);
        CountDownLatch done = new CountDownLatch(n);
        AtomicLong failures = new AtomicLong();
        for (int i = 0; i < n; i++) {
            window.acquire();
            String to = "2547" + String.format("%08d", i);
            String ref = tag + i;
            HttpRequest r;
            if (kannel) {
                String cb = dlrUrl.replace("/dlr", "/kdlr") + "?i=" + ref + "&type=%d";
                r = HttpRequest.newBuilder(URI.create(url + "/cgi-bin/sendsms?username=bench&password=bench&from=BENCH&to=" + to
                        + "&text=bench+" + ref + "&dlr-mask=9&dlr-url=" + URLEncoder.encode(cb, StandardCharsets.UTF_8)))
                        .timeout(Duration.ofSeconds(30)).GET().build();
            } else {
                String body = "{\"to\":\"" + to + "\",\"text\":\"bench " + ref
                        + "\",\"from\":\"BENCH\",\"dlrUrl\":\"" + dlrUrl + "\",\"dlrLevel\":\"all\"}";
                r = HttpRequest.newBuilder(URI.create(url + "/v1/messages")).timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            }
            http.sendAsync(r, HttpResponse.BodyHandlers.ofString()).whenComplete((resp, err) -> {
                long now = System.nanoTime();
                if (err == null && resp.statusCode() == 202) {
                    Matcher m = ID.matcher(resp.body());
                    if (kannel) {
                        answered.put(ref, now);
                    } else if (m.find()) {
                        answered.put(m.group(1), now);
                    }
                } else if (failures.incrementAndGet() == 1) {
                    System.err.println("GatewayBench: first failure: " + (err != null ? err.toString()
                            : "HTTP " + resp.statusCode() + " " + resp.body()));
                }
                window.release();
                done.countDown();
            });
        }
        done.await(300, TimeUnit.SECONDS);
        return (int) failures.get();
    }

    static double pct(List<Long> nanos, int p) {
        if (nanos.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(nanos);
        int i = (int) Math.ceil(p / 100.0 * nanos.size()) - 1;
        return nanos.get(Math.max(0, Math.min(nanos.size() - 1, i))) / 1e6;
    }

    static String arg(String[] args, String name, String dflt) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return dflt;
    }
}
