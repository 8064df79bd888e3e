package io.ujumbe.smsc;

import com.fasterxml.jackson.databind.JsonNode;
import io.ujumbe.http.HttpException;
import io.ujumbe.http.HttpHandler;
import io.ujumbe.http.HttpRequest;
import io.ujumbe.http.HttpResponse;
import io.ujumbe.http.HttpServer;
import io.ujumbe.http.HttpServerConfig;
import io.ujumbe.http.Router;
import io.ujumbe.pdu.MessageState;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * The simulator's HTTP endpoint, on ujumbe's non-blocking HTTP server: {@code GET /stats} (JSON),
 * {@code POST /mo} (JSON {@code {"from","to","text","systemId"?}}), {@code GET /metrics}
 * (Prometheus text format 0.0.4) and {@code GET /health}. No handler waits: an MO is answered when
 * its delivery completes, on whatever thread completes it.
 */
final class HttpApi implements AutoCloseable {
    private static final int MAX_BODY = 64 * 1024;
    private final HttpServer server;
    private final ConsoleApi console;

    private HttpApi(HttpServer server, ConsoleApi console) {
        this.server = server;
        this.console = console;
    }

    static HttpApi start(String host, int port, SmscSimulator smsc) {
        ConsoleApi console = new ConsoleApi(smsc);
        Router.Builder routes = Router.builder()
                .get("/stats", HttpHandler.sync(r -> HttpResponse.json(200, statsJson(smsc.stats()))))
                .get("/health", HttpHandler.sync(r -> {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("status", "UP");
                    body.put("sessions", smsc.stats().sessions());
                    return HttpResponse.json(200, body);
                }))
                .get("/metrics", HttpHandler.sync(r -> HttpResponse.text(200, smsc.metricsContentType(),
                        smsc.metricsText())))
                .post("/mo", r -> mo(smsc, r));
        console.routes(routes);
        Router router = routes.build();
        HttpServerConfig config = HttpServerConfig.builder().name("smsc-http").host(host).port(port)
                .maxRequestBytes(MAX_BODY).build();
        try {
            return new HttpApi(HttpServer.start(config, router), console);
        } catch (RuntimeException e) {
            console.close();
            throw e;
        }
    }

    int port() {
        return server.port();
    }

    @Override
    public void close() {
        console.close();
        server.close();
    }

    /**
     * {@code POST /mo} and the console's {@code POST /api/mo}: queued at once, delivered
     * asynchronously (stored until a receiver binds when none is): 202 with the MO's id, parts and
     * whether it waits for a receiver; 400 naming the field; 503 when the MO store is full.
     */
    static CompletionStage<HttpResponse> mo(SmscSimulator smsc, HttpRequest request) {
        JsonNode body = request.json();
        if (!body.isObject()) {
            throw HttpException.badRequest(null, "the body must be a JSON object with \"from\", \"to\" and \"text\"");
        }
        String from = requiredText(body, "from");
        String to = requiredText(body, "to");
        JsonNode textNode = body.get("text");
        if (textNode == null || !textNode.isTextual()) {
            throw HttpException.badRequest("text", "\"text\" is required and must be a string");
        }
        String systemId = optionalText(body, "systemId");
        String coding = optionalText(body, "coding");
        MoRequest mo;
        try {
            mo = new MoRequest(from, to, textNode.asText(), systemId, coding);
        } catch (IllegalArgumentException e) {
            throw HttpException.badRequest(e.getMessage().startsWith("coding") ? "coding" : null, e.getMessage());
        }
        return smsc.queueMo(mo).handle((ticket, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                return cause instanceof IllegalArgumentException
                        ? HttpResponse.error(400, "bad_request", cause.getMessage(), "text")
                        : HttpResponse.error(503, "mo_store_full", cause.getMessage(), null);
            }
            Map<String, Object> ok = new LinkedHashMap<>();
            ok.put("status", ticket.waiting() ? "stored" : "queued");
            ok.put("id", ticket.id());
            ok.put("parts", ticket.parts());
            return HttpResponse.json(202, ok);
        });
    }

    private static String optionalText(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw HttpException.badRequest(field, "\"" + field + "\" must be a string");
        }
        return v.asText();
    }

    private static String requiredText(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw HttpException.badRequest(field, "\"" + field + "\" is required and must be a non-empty string");
        }
        return v.asText();
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
}
