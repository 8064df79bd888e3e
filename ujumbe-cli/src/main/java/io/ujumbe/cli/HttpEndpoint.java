package io.ujumbe.cli;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.ujumbe.client.SmppClient;
import io.ujumbe.http.HttpHandler;
import io.ujumbe.http.HttpResponse;
import io.ujumbe.http.HttpServer;
import io.ujumbe.http.HttpServerConfig;
import io.ujumbe.http.Router;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The health and metrics endpoint of {@code ujumbe run}, on ujumbe's non-blocking HTTP server:
 * {@code GET /health} (200 with {@code "status":"UP"} while at least one bind is bound, else 503)
 * and {@code GET /metrics} (Prometheus text). A scrape walks every meter, so it runs on a thread of
 * its own rather than on the I/O thread that answers {@code /health}.
 */
final class HttpEndpoint implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService scrapes;

    private HttpEndpoint(HttpServer server, ExecutorService scrapes) {
        this.server = server;
        this.scrapes = scrapes;
    }

    static HttpEndpoint start(String host, int port, SmppClient client, PrometheusMeterRegistry registry) {
        ExecutorService scrapes = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "ujumbe-metrics-scrape");
            t.setDaemon(true);
            return t;
        });
        Router router = Router.builder()
                .get("/health", HttpHandler.sync(r -> {
                    int bound = client.boundSessions();
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("status", bound > 0 ? "UP" : "DOWN");
                    body.put("boundSessions", bound);
                    body.put("binds", client.config().binds());
                    body.put("outbox", client.outbox().size());
                    return HttpResponse.json(bound > 0 ? 200 : 503, body);
                }))
                .get("/metrics", HttpHandler.sync(r -> HttpResponse.text(200, HttpResponse.PROMETHEUS, registry.scrape()))
                        .on(scrapes))
                .build();
        try {
            return new HttpEndpoint(HttpServer.start(HttpServerConfig.builder().name("run-http").host(host).port(port)
                    .build(), router), scrapes);
        } catch (RuntimeException e) {
            scrapes.shutdownNow();
            throw e;
        }
    }

    int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.close();
        scrapes.shutdownNow();
    }
}
