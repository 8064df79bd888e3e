package io.ujumbe.http;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Answers one HTTP request. Called on the connection's I/O thread: it must not block; work that
 * blocks (disk, a lock, a synchronous call) belongs on an executor, which {@link #on(Executor)} arranges.
 * The returned stage may complete on any thread. A stage that fails with {@link HttpException} is
 * answered with that exception's status and JSON body; any other failure with 500 (logged).
 */
@FunctionalInterface
public interface HttpHandler {

    /**
     * Answers a request.
     *
     * @param request the whole request, its body read (within the server's size limit)
     * @return the response, when it is ready
     */
    CompletionStage<HttpResponse> handle(HttpRequest request);

    /**
     * This handler, called on {@code executor} instead of the I/O thread: for handlers that block.
     *
     * @param executor where to run this handler
     * @return a handler that hands each request to {@code executor}
     */
    default HttpHandler on(Executor executor) {
        Objects.requireNonNull(executor, "executor");
        return request -> CompletableFuture.supplyAsync(() -> handle(request), executor)
                .thenCompose(Function.identity());
    }

    /**
     * A handler that answers synchronously (and quickly: it runs on the I/O thread).
     *
     * @param answer computes the response; may throw {@link HttpException}
     * @return the handler
     */
    static HttpHandler sync(Function<HttpRequest, HttpResponse> answer) {
        Objects.requireNonNull(answer, "answer");
        return request -> {
            try {
                return CompletableFuture.completedFuture(answer.apply(request));
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        };
    }
}
