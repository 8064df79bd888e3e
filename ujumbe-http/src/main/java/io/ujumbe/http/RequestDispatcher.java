package io.ujumbe.http;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * Per connection: turns each whole request into an {@link HttpRequest}, calls the handler, writes
 * the answers in the order the requests came, and enforces the request deadline, the handler
 * timeout and idle closing. All state is touched on the connection's event loop only.
 */
final class RequestDispatcher extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(HttpServer.class);
    /** Pipelined requests waiting behind the one being answered; a client sending more is cut off. */
    private static final int MAX_QUEUED = 32;

    private final HttpServerConfig config;
    private final HttpHandler handler;
    private final ArrayDeque<FullHttpRequest> queued = new ArrayDeque<>();

    private ScheduledFuture<?> deadline;
    private boolean receiving;
    private boolean answering;
    private boolean streaming;
    private boolean closeAfterAnswer;
    private ChannelEventStream stream;

    RequestDispatcher(HttpServerConfig config, HttpHandler handler) {
        this.config = config;
        this.handler = handler;
    }

    /** The first bytes of a request arrived (or more bytes of one): start its deadline once. */
    void bytesArrived(ChannelHandlerContext ctx) {
        if (!receiving && !streaming) {
            receiving = true;
            deadline = ctx.executor().schedule(() -> requestTimedOut(ctx), config.requestTimeout().toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    private void requestTimedOut(ChannelHandlerContext ctx) {
        deadline = null;
        if (!receiving) {
            return;
        }
        log.atDebug().setMessage("HTTP request not complete in time: closing").addKeyValue("server", config.name())
                .addKeyValue("remote", String.valueOf(ctx.channel().remoteAddress()))
                .addKeyValue("timeoutMs", config.requestTimeout().toMillis()).log();
        if (answering) {
            closeAfterAnswer = true;
            return;
        }
        writeAndClose(ctx, HttpResponse.error(408, "request_timeout", "the request did not arrive within "
                + config.requestTimeout().toMillis() + " ms", null));
    }

    void rejectOversized(ChannelHandlerContext ctx, int limit) {
        cancelDeadline();
        HttpResponse error = HttpResponse.error(413, "payload_too_large",
                "the request body is larger than " + limit + " bytes", null);
        if (answering) {
            closeAfterAnswer = true;
            ctx.channel().config().setAutoRead(false);
            return;
        }
        writeAndClose(ctx, error);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest request)) {
            if (msg instanceof HttpObject o && o.decoderResult().isFailure()) {
                ReferenceCountUtil.release(msg);
                decodeFailed(ctx, o.decoderResult().cause());
                return;
            }
            ReferenceCountUtil.release(msg);
            return;
        }
        receiving = false;
        cancelDeadline();
        if (closeAfterAnswer || streaming) {
            request.release();
            return;
        }
        if (answering) {
            if (queued.size() >= MAX_QUEUED) {
                request.release();
                closeAfterAnswer = true;
                return;
            }
            queued.add(request);
            return;
        }
        answer(ctx, request);
    }

    private void decodeFailed(ChannelHandlerContext ctx, Throwable cause) {
        cancelDeadline();
        receiving = false;
        HttpResponse error;
        if (cause instanceof TooLongHttpLineException) {
            error = HttpResponse.error(414, "uri_too_long", "the request line is too long", null);
        } else if (cause instanceof TooLongHttpHeaderException) {
            error = HttpResponse.error(431, "headers_too_large", "the request headers are larger than "
                    + config.maxHeaderBytes() + " bytes", null);
        } else if (cause instanceof TooLongFrameException) {
            error = HttpResponse.error(400, "bad_request", "the request is too long", null);
        } else {
            error = HttpResponse.error(400, "bad_request", "the request is not valid HTTP/1.1: "
                    + String.valueOf(cause.getMessage()), null);
        }
        if (answering) {
            closeAfterAnswer = true;
            return;
        }
        writeAndClose(ctx, error);
    }

    private void answer(ChannelHandlerContext ctx, FullHttpRequest raw) {
        answering = true;
        boolean keepAlive = HttpUtil.isKeepAlive(raw);
        boolean head = raw.method().name().equals("HEAD");
        long started = System.nanoTime();
        HttpRequest request;
        try {
            if (raw.decoderResult().isFailure()) {
                answering = false;
                decodeFailed(ctx, raw.decoderResult().cause());
                return;
            }
            HttpRequest.Builder b = HttpRequest.builder(raw.method().name(), raw.uri())
                    .bodyNoCopy(ByteBufUtil.getBytes(raw.content()));
            raw.headers().forEach(e -> b.header(e.getKey(), e.getValue()));
            if (ctx.channel().remoteAddress() instanceof InetSocketAddress remote) {
                b.remoteAddress(remote);
            }
            request = b.build();
        } catch (IllegalArgumentException e) {
            write(ctx, HttpResponse.error(400, "bad_request", "the request target is not valid: " + e.getMessage(),
                    null), false, head, started, null);
            return;
        } finally {
            raw.release();
        }
        HttpRequest routed = head ? request.withMethod("HEAD") : request;
        CompletionStage<HttpResponse> stage;
        try {
            stage = handler.handle(routed);
        } catch (RuntimeException e) {
            stage = java.util.concurrent.CompletableFuture.failedFuture(e);
        }
        boolean[] done = new boolean[1];
        ScheduledFuture<?> timeout = ctx.executor().schedule(() -> {
            if (!done[0]) {
                done[0] = true;
                log.atWarn().setMessage("HTTP handler did not answer in time").addKeyValue("server", config.name())
                        .addKeyValue("request", routed.toString())
                        .addKeyValue("timeoutMs", config.handlerTimeout().toMillis()).log();
                write(ctx, HttpResponse.error(503, "timeout", "the server did not answer within "
                        + config.handlerTimeout().toMillis() + " ms", null), keepAlive, head, started, routed);
            }
        }, config.handlerTimeout().toMillis(), TimeUnit.MILLISECONDS);
        stage.whenComplete((response, failure) -> {
            Runnable finish = () -> {
                if (done[0]) {
                    return;
                }
                done[0] = true;
                timeout.cancel(false);
                write(ctx, response != null && failure == null ? response : failureResponse(failure, routed),
                        keepAlive, head, started, routed);
            };
            if (ctx.executor().inEventLoop()) {
                finish.run();
            } else {
                ctx.executor().execute(finish);
            }
        });
    }

    private HttpResponse failureResponse(Throwable failure, HttpRequest request) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof HttpException h) {
            return h.toResponse();
        }
        if (cause == null) {
            cause = new IllegalStateException("the handler answered nothing");
        }
        log.atWarn().setMessage("HTTP handler failed").addKeyValue("server", config.name())
                .addKeyValue("request", request.toString()).addKeyValue("reason", cause.toString())
                .setCause(cause).log();
        return HttpResponse.error(500, "internal_error", "the server failed to answer: " + cause.getMessage(), null);
    }

    private void write(ChannelHandlerContext ctx, HttpResponse response, boolean keepAlive, boolean head,
                       long started, HttpRequest request) {
        if (!ctx.channel().isActive()) {
            releaseQueued();
            return;
        }
        boolean keep = keepAlive && !closeAfterAnswer;
        HttpResponseStatus status = HttpResponseStatus.valueOf(response.status());
        if (log.isDebugEnabled()) {
            log.atDebug().setMessage("HTTP request answered").addKeyValue("server", config.name())
                    .addKeyValue("request", String.valueOf(request)).addKeyValue("status", response.status())
                    .addKeyValue("micros", (System.nanoTime() - started) / 1000).log();
        }
        if (response.eventStreamOpener() != null && !head) {
            DefaultHttpResponse head0 = new DefaultHttpResponse(HttpVersion.HTTP_1_1, status);
            response.headers().forEach(head0.headers()::set);
            HttpUtil.setTransferEncodingChunked(head0, true);
            streaming = true;
            ctx.writeAndFlush(head0);
            stream = new ChannelEventStream(ctx.channel());
            try {
                response.eventStreamOpener().accept(stream);
            } catch (RuntimeException e) {
                log.atWarn().setMessage("HTTP event stream failed to open").addKeyValue("server", config.name())
                        .addKeyValue("reason", e.toString()).log();
                stream.close();
            }
            return;
        }
        byte[] body = response.bodyNoCopy();
        FullHttpResponse out = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body));
        for (Map.Entry<String, String> h : response.headers().entrySet()) {
            out.headers().set(h.getKey(), h.getValue());
        }
        out.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        out.headers().set(HttpHeaderNames.CONNECTION, keep ? HttpHeaderValues.KEEP_ALIVE : HttpHeaderValues.CLOSE);
        if (!keep) {
            ctx.writeAndFlush(out).addListener(ChannelFutureListener.CLOSE);
            answering = false;
            releaseQueued();
            return;
        }
        ctx.writeAndFlush(out);
        answering = false;
        FullHttpRequest next = queued.poll();
        if (next != null) {
            answer(ctx, next);
        }
    }

    /**
     * Answers an error in the middle of a request (deadline, oversized body, bad framing) and closes.
     * Written as bytes beneath the HTTP codec: the codec's encoder pairs answers with decoded
     * requests, and a request cut off half-way has none to pair with.
     */
    private void writeAndClose(ChannelHandlerContext ctx, HttpResponse response) {
        closeAfterAnswer = true;
        answering = true;
        ctx.channel().config().setAutoRead(false);
        log.atDebug().setMessage("HTTP request refused").addKeyValue("server", config.name())
                .addKeyValue("remote", String.valueOf(ctx.channel().remoteAddress()))
                .addKeyValue("status", response.status()).log();
        byte[] body = response.bodyNoCopy();
        StringBuilder head = new StringBuilder(128).append("HTTP/1.1 ").append(response.status()).append(' ')
                .append(HttpResponseStatus.valueOf(response.status()).reasonPhrase()).append("\r\n");
        response.headers().forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        head.append("Content-Length: ").append(body.length).append("\r\nConnection: close\r\n\r\n");
        ChannelHandlerContext below = ctx.pipeline().context("deadline");
        below.writeAndFlush(Unpooled.wrappedBuffer(head.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII), body))
                .addListener(ChannelFutureListener.CLOSE);
        releaseQueued();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent) {
            if (streaming && stream != null) {
                stream.comment("keepalive");
            } else if (!answering && !receiving) {
                ctx.close();
            }
            return;
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancelDeadline();
        releaseQueued();
        if (stream != null) {
            stream.closed();
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.atDebug().setMessage("HTTP connection failed").addKeyValue("server", config.name())
                .addKeyValue("remote", String.valueOf(ctx.channel().remoteAddress()))
                .addKeyValue("reason", cause.toString()).log();
        ctx.close();
    }

    private void cancelDeadline() {
        if (deadline != null) {
            deadline.cancel(false);
            deadline = null;
        }
    }

    private void releaseQueued() {
        FullHttpRequest r;
        while ((r = queued.poll()) != null) {
            r.release();
        }
    }
}
