package io.ujumbe.gateway;

import io.ujumbe.http.HttpRequest;
import io.ujumbe.http.HttpResponse;
import io.ujumbe.http.HttpServer;
import io.ujumbe.http.HttpServerConfig;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A real HTTP server that plays a customer's webhook receiver: records every request and answers
 * as the test tells it (200 by default).
 */
final class WebhookReceiver implements AutoCloseable {
    final List<HttpRequest> requests = new CopyOnWriteArrayList<>();
    private volatile Function<HttpRequest, HttpResponse> answer = r -> HttpResponse.text(200, "text/plain", "ACK/Jasmin");
    private final HttpServer server;

    WebhookReceiver() {
        server = HttpServer.start(HttpServerConfig.builder().name("receiver").port(0).build(), r -> {
            requests.add(r);
            return java.util.concurrent.CompletableFuture.completedFuture(answer.apply(r));
        });
    }

    WebhookReceiver answer(Function<HttpRequest, HttpResponse> a) {
        this.answer = a;
        return this;
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    List<HttpRequest> on(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    @Override
    public void close() {
        server.close();
    }
}
