package io.ujumbe.smsc;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.ujumbe.pdu.MessageState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The simulator's HTTP endpoint (the JDK's server, one thread): {@code GET /stats} (JSON),
 * {@code POST /mo} (JSON {@code {"from","to","text","systemId"?}}), {@code GET /metrics}
 * (Prometheus text format 0.0.4) and {@code GET /health}.
 */
final class HttpApi implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HttpApi.class);
    private static final int MAX_BODY = 64 * 1024;

    private final HttpServer server;
    private final ExecutorService executor;
    private final SmscSimulator smsc;

    private HttpApi(HttpServer server, ExecutorService executor, SmscSimulator smsc) {
        this.server = server;
        this.executor = executor;
        this.smsc = smsc;
    }

    static HttpApi start(String host, int port, SmscSimulator smsc) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen for HTTP on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "ujumbe-smsc-http");
            t.setDaemon(true);
            return t;
        });
        HttpApi api = new HttpApi(server, executor, smsc);
        server.setExecutor(executor);
        server.createContext("/", api::handle);
        server.start();
        return api;
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange ex) {
        try {
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
            switch (path) {
                case "/stats" -> {
                    if (allow(ex, method, "GET")) {
                        send(ex, 200, "application/json", Json.write(statsJson(smsc.stats())));
                    }
                }
                case "/health" -> {
                    if (allow(ex, method, "GET")) {
                        Map<String, Object> body = new LinkedHashMap<>();
                        body.put("status", "UP");
                        body.put("sessions", smsc.stats().sessions());
                        send(ex, 200, "application/json", Json.write(body));
                    }
                }
                case "/metrics" -> {
                    if (allow(ex, method, "GET")) {
                        send(ex, 200, smsc.metricsContentType(), smsc.metricsText());
                    }
                }
                case "/mo" -> {
                    if (allow(ex, method, "POST")) {
                        mo(ex);
                    }
                }
                default -> send(ex, 404, "application/json", error("no such endpoint: " + path));
            }
        } catch (RuntimeException e) {
            log.atWarn().setMessage("HTTP request failed").addKeyValue("path", ex.getRequestURI().getPath())
                    .addKeyValue("reason", e.toString()).log();
            send(ex, 500, "application/json", error(e.toString()));
        }
    }

    private void mo(HttpExchange ex) {
        Map<String, Object> body;
        try {
            body = Json.readObject(readBody(ex));
        } catch (IllegalArgumentException e) {
            send(ex, 400, "application/json", error(e.getMessage()));
            return;
        }
        String from = string(body, "from");
        String to = string(body, "to");
        String text = string(body, "text");
        String systemId = string(body, "systemId");
        if (from == null || from.isBlank() || to == null || to.isBlank() || text == null) {
            send(ex, 400, "application/json", error("\"from\", \"to\" and \"text\" are required strings"));
            return;
        }
        int parts;
        try {
            parts = smsc.injectMoParts(from, to, text, systemId).join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            int status = cause instanceof IllegalArgumentException ? 400 : 409;
            send(ex, status, "application/json", error(cause.getMessage()));
            return;
        } catch (IllegalArgumentException e) {
            send(ex, 400, "application/json", error(e.getMessage()));
            return;
        }
        Map<String, Object> ok = new LinkedHashMap<>();
        ok.put("delivered", true);
        ok.put("parts", parts);
        send(ex, 200, "application/json", Json.write(ok));
    }

    private static String string(Map<String, Object> body, String key) {
        Object v = body.get(key);
        return v == null ? null : v.toString();
    }

    private static boolean allow(HttpExchange ex, String method, String allowed) {
        if (method.equals(allowed)) {
            return true;
        }
        ex.getResponseHeaders().add("Allow", allowed);
        send(ex, 405, "application/json", error(method + " is not allowed here; use " + allowed));
        return false;
    }

    private static String readBody(HttpExchange ex) {
        try (InputStream in = ex.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                throw new IllegalArgumentException("body larger than " + MAX_BODY + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String error(String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", message);
        return Json.write(m);
    }

    private static void send(HttpExchange ex, int status, String contentType, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = ex.getResponseBody()) {
            ex.getResponseHeaders().set("Content-Type", contentType);
            ex.sendResponseHeaders(status, bytes.length);
            out.write(bytes);
        } catch (IOException e) {
            log.atDebug().setMessage("HTTP response not sent").addKeyValue("reason", e.toString()).log();
        } finally {
            ex.close();
        }
    }

    static Map<String, Object> statsJson(SmscStats s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sessions", s.sessions());
        m.put("boundSessions", s.boundSessions());
        m.put("bindsAccepted", s.bindsAccepted());
        m.put("bindsRejected", s.bindsRejected());
        m.put("submits", s.submits());
        m.put("submitRate", s.submitRate());
        Map<String, Object> states = new LinkedHashMap<>();
        for (MessageState st : MessageState.values()) {
            states.put(st.name(), s.messages(st));
        }
        m.put("messagesByState", states);
        m.put("receiptsSent", s.receiptsSent());
        m.put("receiptsPending", s.receiptsPending());
        m.put("moSent", s.moSent());
        m.put("faults", new LinkedHashMap<>(s.faults()));
        return m;
    }

    static String prometheus(SmscStats s) {
        StringBuilder sb = new StringBuilder(2048);
        metric(sb, "ujumbe_smsc_sessions", "gauge", "Connections open.", "", s.sessions());
        metric(sb, "ujumbe_smsc_bound_sessions", "gauge", "Connections bound.", "", s.boundSessions());
        header(sb, "ujumbe_smsc_binds_total", "counter", "Bind requests answered, by result.");
        sample(sb, "ujumbe_smsc_binds_total", "{result=\"accepted\"}", s.bindsAccepted());
        sample(sb, "ujumbe_smsc_binds_total", "{result=\"rejected\"}", s.bindsRejected());
        metric(sb, "ujumbe_smsc_submits_total", "counter", "Submissions accepted (each part counts).", "", s.submits());
        metric(sb, "ujumbe_smsc_submit_rate", "gauge", "Submissions accepted per second over the last 10 s.", "",
                s.submitRate());
        header(sb, "ujumbe_smsc_messages", "gauge", "Messages held, by state.");
        for (MessageState st : MessageState.values()) {
            sample(sb, "ujumbe_smsc_messages", "{state=\"" + st.name() + "\"}", s.messages(st));
        }
        metric(sb, "ujumbe_smsc_receipts_sent_total", "counter", "Receipts acknowledged by ESMEs.", "", s.receiptsSent());
        metric(sb, "ujumbe_smsc_receipts_pending", "gauge", "Receipts waiting for a receiver or a retry.", "",
                s.receiptsPending());
        metric(sb, "ujumbe_smsc_mo_sent_total", "counter", "MO parts acknowledged by ESMEs.", "", s.moSent());
        header(sb, "ujumbe_smsc_faults_total", "counter", "Faults injected, by kind.");
        s.faults().forEach((k, v) -> sample(sb, "ujumbe_smsc_faults_total", "{fault=\"" + k + "\"}", v));
        return sb.toString();
    }

    private static void metric(StringBuilder sb, String name, String type, String help, String labels, double value) {
        header(sb, name, type, help);
        sample(sb, name, labels, value);
    }

    private static void header(StringBuilder sb, String name, String type, String help) {
        sb.append("# HELP ").append(name).append(' ').append(help).append('\n');
        sb.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static void sample(StringBuilder sb, String name, String labels, double value) {
        sb.append(name).append(labels).append(' ');
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            sb.append((long) value);
        } else {
            sb.append(value);
        }
        sb.append('\n');
    }
}
