package io.ujumbe.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.ujumbe.client.SmppClient;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The health and metrics endpoint of {@code ujumbe run} on the JDK's HTTP server:
 * {@code GET /health} (200 with {@code "status":"UP"} while at least one bind is bound, else 503)
 * and {@code GET /metrics} (Prometheus text).
 */
final class HttpEndpoint implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor;

    private HttpEndpoint(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    static HttpEndpoint start(String host, int port, SmppClient client, PrometheusMeterRegistry registry) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "ujumbe-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/health", ex -> {
            if (!allowGet(ex)) {
                return;
            }
            int bound = client.boundSessions();
            String body = "{\"status\":\"" + (bound > 0 ? "UP" : "DOWN") + "\",\"boundSessions\":" + bound
                    + ",\"binds\":" + client.config().binds() + ",\"outbox\":" + client.outbox().size() + "}";
            respond(ex, bound > 0 ? 200 : 503, "application/json", body);
        });
        server.createContext("/metrics", ex -> {
            if (allowGet(ex)) {
                respond(ex, 200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape());
            }
        });
        server.start();
        return new HttpEndpoint(server, executor);
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static boolean allowGet(HttpExchange ex) throws IOException {
        if (!"GET".equals(ex.getRequestMethod()) && !"HEAD".equals(ex.getRequestMethod())) {
            ex.getResponseHeaders().set("Allow", "GET, HEAD");
            respond(ex, 405, "text/plain", "method not allowed\n");
            return false;
        }
        return true;
    }

    private static void respond(HttpExchange ex, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", contentType);
        boolean head = "HEAD".equals(ex.getRequestMethod());
        ex.sendResponseHeaders(status, head ? -1 : bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            if (!head) {
                out.write(bytes);
            }
        }
    }
}
