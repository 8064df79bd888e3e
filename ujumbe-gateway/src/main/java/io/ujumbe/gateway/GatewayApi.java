package io.ujumbe.gateway;

import io.ujumbe.http.HttpException;
import io.ujumbe.http.HttpHandler;
import io.ujumbe.http.HttpRequest;
import io.ujumbe.http.HttpResponse;
import io.ujumbe.http.Router;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;

/**
 * The gateway's HTTP endpoints: the JSON API ({@code /v1/messages}, {@code /v1/connectors},
 * {@code /v1/openapi.json}), the Kannel and Jasmin compatibility endpoints, the admin API, the
 * console ({@code /console}), and {@code /health} and {@code /metrics}. Handlers run on the I/O
 * thread and only chain asynchronous steps; the metrics scrape, which walks every meter, runs on its
 * own thread.
 */
final class GatewayApi {
    private final Gateway gateway;
    private final byte[] openApi;

    GatewayApi(Gateway gateway) {
        this.gateway = gateway;
        this.openApi = resource("openapi.json");
    }

    Router router(ExecutorService slow) {
        KannelApi kannel = new KannelApi(gateway);
        JasminApi jasmin = new JasminApi(gateway);
        AdminApi admin = new AdminApi(gateway);
        Router.Builder b = Router.builder()
                .post("/v1/messages", basicOffloaded(this::postMessages, slow))
                .get("/v1/messages/{id}", basicOffloaded(this::getMessage, slow))
                .get("/v1/connectors", HttpHandler.sync(this::connectors))
                .get("/v1/openapi.json", HttpHandler.sync(r -> HttpResponse.of(200, HttpResponse.JSON, openApi)))
                .get("/health", HttpHandler.sync(r -> health()))
                .get("/metrics", HttpHandler.sync(r -> HttpResponse.text(200, HttpResponse.PROMETHEUS,
                        gateway.metricsScrape().get())).on(slow))
                // Their passwords come with every request: PBKDF2 (when not cached) stays off the I/O thread.
                .get("/cgi-bin/sendsms", ((HttpHandler) kannel::handle).on(slow))
                .post("/cgi-bin/sendsms", ((HttpHandler) kannel::handle).on(slow))
                .get("/send", ((HttpHandler) jasmin::handle).on(slow))
                .post("/send", ((HttpHandler) jasmin::handle).on(slow));
        admin.register(b, slow);
        new GatewayConsole(gateway).register(b, slow);
        return b.build();
    }

    /** Basic auth means PBKDF2 (when not cached): verified off the I/O thread; API keys stay on it (one SHA-256). */
    private static HttpHandler basicOffloaded(HttpHandler h, ExecutorService slow) {
        HttpHandler off = h.on(slow);
        return request -> request.header("Authorization").orElse("").regionMatches(true, 0, "Basic ", 0, 6)
                ? off.handle(request) : h.handle(request);
    }

    private CompletionStage<HttpResponse> postMessages(HttpRequest request) {
        try {
            Snapshot s = gateway.snapshot();
            UserConfig user = s.authenticator().authenticate(request);
            MessageRequests.Parsed parsed = MessageRequests.parse(request.json(), user, s.config().maxBatch());
            String key = parsed.idempotencyKey() != null ? parsed.idempotencyKey()
                    : request.header("Idempotency-Key").orElse(null);
            return gateway.admission().admit(user, parsed.messages(), key).thenApply(answer -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("messages", answer.messages());
                HttpResponse resp = HttpResponse.json(202, body);
                return answer.repeated() ? resp.withHeader("Idempotent-Replayed", "true") : resp;
            });
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private CompletionStage<HttpResponse> getMessage(HttpRequest request) {
        try {
            UserConfig user = gateway.snapshot().authenticator().authenticate(request);
            String id = request.pathParameter("id");
            return gateway.messageService().find(id).thenApply(view -> {
                // Another user's message is as unknown as a missing one: ids are not to be probed.
                if (view.isEmpty() || !view.get().record().user().equals(user.name())) {
                    throw HttpException.notFound("no message " + id);
                }
                return HttpResponse.json(200, view.get().toJson());
            });
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private HttpResponse connectors(HttpRequest request) {
        gateway.authenticateUserOrAdmin(request);
        List<Map<String, Object>> list = new ArrayList<>();
        for (Connector c : gateway.connectors().values()) {
            list.add(c.toJson());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("connectors", list);
        body.put("pendingCallbacks", gateway.state().callbackQueue().pending());
        return HttpResponse.json(200, body);
    }

    private HttpResponse health() {
        int bound = 0;
        Map<String, Object> per = new LinkedHashMap<>();
        for (Connector c : gateway.connectors().values()) {
            bound += c.boundSessions() > 0 ? 1 : 0;
            per.put(c.name(), c.boundSessions());
        }
        boolean up = bound > 0 && !gateway.stopping();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "UP" : "DOWN");
        body.put("connectorsBound", bound);
        body.put("connectors", per);
        body.put("pendingCallbacks", gateway.state().callbackQueue().pending());
        gateway.smppFront().ifPresent(f -> body.put("smpp", f.health()));
        return HttpResponse.json(up ? 200 : 503, body);
    }

    private static byte[] resource(String name) {
        try (InputStream in = GatewayApi.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the resource " + name + " is missing from the gateway's jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
