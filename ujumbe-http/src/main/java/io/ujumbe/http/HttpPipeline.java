package io.ujumbe.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;

import java.util.concurrent.TimeUnit;

/**
 * The handlers of one HTTP connection, each with one job: TLS, the request deadline (started by a
 * request's first byte), HTTP/1.1 framing, body aggregation with its size limit, idle detection,
 * and the dispatcher that calls the application's handler and writes answers in order.
 */
final class HttpPipeline {
    private static final int MAX_INITIAL_LINE = 8192;
    private static final int MAX_CHUNK = 16 * 1024;

    private HttpPipeline() {
    }

    static void configure(SocketChannel ch, HttpServerConfig config, SslContext ssl, HttpHandler handler) {
        ChannelPipeline p = ch.pipeline();
        RequestDispatcher dispatcher = new RequestDispatcher(config, handler);
        if (ssl != null) {
            p.addLast("tls", ssl.newHandler(ch.alloc()));
        }
        p.addLast("deadline", new FirstByteWatch(dispatcher));
        p.addLast("codec", new HttpServerCodec(MAX_INITIAL_LINE, config.maxHeaderBytes(), MAX_CHUNK));
        p.addLast("aggregator", new BodyLimit(config.maxRequestBytes(), dispatcher));
        p.addLast("idle", new IdleStateHandler(0, 0, config.idleTimeout().toMillis(), TimeUnit.MILLISECONDS));
        p.addLast("dispatcher", dispatcher);
    }

    /** Tells the dispatcher when bytes of a new request begin to arrive, so it can start the deadline. */
    private static final class FirstByteWatch extends ChannelInboundHandlerAdapter {
        private final RequestDispatcher dispatcher;

        FirstByteWatch(RequestDispatcher dispatcher) {
            this.dispatcher = dispatcher;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof ByteBuf buf && buf.isReadable()) {
                dispatcher.bytesArrived(ctx);
            }
            ctx.fireChannelRead(msg);
        }
    }

    /** Netty's aggregator, answering an oversized body with the JSON 413 the rest of the API uses. */
    private static final class BodyLimit extends HttpObjectAggregator {
        private final RequestDispatcher dispatcher;

        BodyLimit(int maxContentLength, RequestDispatcher dispatcher) {
            super(maxContentLength);
            this.dispatcher = dispatcher;
        }

        @Override
        protected void handleOversizedMessage(ChannelHandlerContext ctx, io.netty.handler.codec.http.HttpMessage oversized) {
            dispatcher.rejectOversized(ctx, maxContentLength());
        }
    }
}
