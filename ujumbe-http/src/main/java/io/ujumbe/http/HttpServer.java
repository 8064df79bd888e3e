package io.ujumbe.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLException;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP/1.1 server of every ujumbe endpoint (the simulator's API and console, {@code ujumbe run}'s
 * health and metrics, the gateway). Non-blocking, on Netty's HTTP codec: every connection is served
 * on its own, so a client that stalls in the middle of a request delays nobody else, and is answered
 * 408 and closed when its request has not arrived within {@link HttpServerConfig#requestTimeout()}.
 * Requests on one connection are answered in order (pipelining is honoured). Bodies over
 * {@link HttpServerConfig#maxRequestBytes()} are answered 413, oversized headers 431, malformed
 * requests 400, and a handler that does not answer within {@link HttpServerConfig#handlerTimeout()} 503.
 */
public final class HttpServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HttpServer.class);

    private final HttpServerConfig config;
    private final EventLoopGroup group;
    private final Channel serverChannel;
    private final ChannelGroup connections;

    private HttpServer(HttpServerConfig config, EventLoopGroup group, Channel serverChannel, ChannelGroup connections) {
        this.config = config;
        this.group = group;
        this.serverChannel = serverChannel;
        this.connections = connections;
    }

    /**
     * Listens and serves {@code handler} (usually a {@link Router}). Blocks the calling thread until
     * the port is bound; call it at start-up, never on an event loop.
     *
     * @param config where to listen and the limits
     * @param handler answers every request
     * @return the running server
     * @throws IllegalStateException when the port cannot be bound (the message names host and port)
     *         or the TLS files cannot be read
     */
    public static HttpServer start(HttpServerConfig config, HttpHandler handler) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(handler, "handler");
        SslContext ssl = sslContext(config);
        // Jackson's first use loads a few hundred classes (0.5 s on a busy machine): not on a probe's clock.
        Json.write(java.util.Map.of("warm", true));
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(config.ioThreads(),
                new DefaultThreadFactory("ujumbe-" + config.name(), true), NioIoHandler.newFactory());
        ChannelGroup connections = new DefaultChannelGroup(config.name(), GlobalEventExecutor.INSTANCE);
        AtomicInteger open = new AtomicInteger();
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (open.incrementAndGet() > config.maxConnections()) {
                            open.decrementAndGet();
                            log.atWarn().setMessage("HTTP connection refused: too many open")
                                    .addKeyValue("server", config.name())
                                    .addKeyValue("maxConnections", config.maxConnections()).log();
                            ch.close();
                            return;
                        }
                        ch.closeFuture().addListener(f -> open.decrementAndGet());
                        connections.add(ch);
                        HttpPipeline.configure(ch, config, ssl, handler);
                    }
                });
        ChannelFuture bound = bootstrap.bind(new InetSocketAddress(config.host(), config.port())).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            Throwable cause = bound.cause();
            throw new IllegalStateException("cannot listen for HTTP on " + config.host() + ":" + config.port()
                    + ": " + (cause == null ? "bind failed" : cause.getMessage()), cause);
        }
        Channel channel = bound.channel();
        HttpServer server = new HttpServer(config, group, channel, connections);
        log.atInfo().setMessage("HTTP server listening").addKeyValue("server", config.name())
                .addKeyValue("host", config.host()).addKeyValue("port", server.port())
                .addKeyValue("tls", ssl != null).log();
        return server;
    }

    private static SslContext sslContext(HttpServerConfig config) {
        if (config.tlsCertificateChain().isEmpty()) {
            return null;
        }
        try {
            return SslContextBuilder.forServer(config.tlsCertificateChain().get().toFile(),
                    config.tlsPrivateKey().orElseThrow().toFile()).build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot use the HTTPS certificate " + config.tlsCertificateChain().get()
                    + " and key " + config.tlsPrivateKey().orElseThrow() + ": " + e.getMessage(), e);
        }
    }

    /** @return the port listened on (the one picked when the configuration said 0) */
    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /** @return the configuration */
    public HttpServerConfig config() {
        return config;
    }

    /** @return the connections open now */
    public int openConnections() {
        return connections.size();
    }

    /**
     * Stops listening, closes every connection (event streams included) and stops the I/O threads.
     * Blocks for at most a couple of seconds; never call it on an event loop.
     */
    @Override
    public void close() {
        serverChannel.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        connections.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
    }
}
