package io.ujumbe.session;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Opens ESME sessions to an SMSC. Owns its I/O threads: create one per client, share it among that
 * client's sessions, and {@link #close()} it when done. Connecting never blocks the caller.
 */
public final class SmppConnector implements AutoCloseable {
    private final EventLoopGroup group;

    private SmppConnector(int ioThreads, String threadName) {
        this.group = Pipelines.newGroup(threadName, ioThreads);
    }

    /** A connector with {@code ioThreads} I/O threads (1 is plenty for a few sessions). */
    public static SmppConnector create(int ioThreads) {
        Validate.range("ioThreads", ioThreads, 1, 1024);
        return new SmppConnector(ioThreads, "ujumbe-esme-io");
    }

    /**
     * Connects to {@code host:port} and completes with an open (unbound) session once TCP — and TLS,
     * when configured — is up. Fails with {@link SessionClosedException} if the connection cannot be
     * made within the configured connect timeout.
     */
    public CompletableFuture<SmppSession> connect(String host, int port, SessionConfig config, SessionHandler handler) {
        Validate.notBlank("host", host);
        Validate.range("port", port, 1, 65535);
        SslContext ssl = Pipelines.sslContext(config.tls());
        AtomicReference<DefaultSmppSession> session = new AtomicReference<>();
        Bootstrap b = new Bootstrap()
                .group(group)
                .channel(Transport.CHOSEN.socketChannel())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, config.connectTimeout().toMillis()))
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        session.set(Pipelines.install(ch, SessionRole.ESME, config, ssl, handler, host, port));
                    }
                });
        CompletableFuture<SmppSession> result = new CompletableFuture<>();
        ChannelFuture cf = b.connect(host, port);
        cf.addListener(f -> {
            if (!f.isSuccess()) {
                result.completeExceptionally(new SessionClosedException("cannot connect to " + host + ":" + port
                        + ": " + f.cause().getMessage(), f.cause()));
                return;
            }
            SslHandler tls = cf.channel().pipeline().get(SslHandler.class);
            if (tls == null) {
                result.complete(session.get());
                return;
            }
            tls.handshakeFuture().addListener(h -> {
                if (h.isSuccess()) {
                    result.complete(session.get());
                } else {
                    cf.channel().close();
                    result.completeExceptionally(new SessionClosedException("TLS handshake with " + host + ":" + port
                            + " failed: " + h.cause().getMessage(), h.cause()));
                }
            });
        });
        return result;
    }

    /**
     * One of this connector's I/O threads as a scheduler, for an owner that wants its own
     * bookkeeping on the thread its sessions run on (no hand-off between threads per request).
     * Whatever runs there must never block: it holds up the sessions' I/O. With one I/O thread
     * (the default), every session of this connector runs on it.
     */
    public java.util.concurrent.ScheduledExecutorService executor() {
        return group.next();
    }

    /** Stops the I/O threads; open sessions are closed. Waits at most {@code timeout}. */
    public void close(Duration timeout) {
        group.shutdownGracefully(0, timeout.toMillis(), TimeUnit.MILLISECONDS).awaitUninterruptibly(timeout.toMillis());
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }
}
