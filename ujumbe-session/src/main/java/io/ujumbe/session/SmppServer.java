package io.ujumbe.session;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslContext;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Accepts SMSC-side sessions on a port. Each accepted connection gets a session with the given
 * configuration and a handler from the factory. Used by the SMSC simulator and by tests.
 */
public final class SmppServer implements AutoCloseable {
    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final Channel serverChannel;
    private final Set<SmppSession> sessions;

    private SmppServer(EventLoopGroup boss, EventLoopGroup workers, Channel serverChannel, Set<SmppSession> sessions) {
        this.boss = boss;
        this.workers = workers;
        this.serverChannel = serverChannel;
        this.sessions = sessions;
    }

    /**
     * Listens on {@code host:port} (port 0 picks a free one; see {@link #port()}). Returns once the
     * socket is bound; this is a start-up call, not an I/O-path one.
     */
    public static SmppServer start(String host, int port, int ioThreads, SessionConfig config,
                                   Function<SmppSession, SessionHandler> handlerFactory) {
        return start(host, port, ioThreads, config, handlerFactory, SessionRole.SMSC);
    }

    /**
     * Listens for SMSC-initiated connections on the ESME side (SMPP outbind): each accepted
     * session has the ESME role, waits for the SMSC's outbind and can then bind. No TLS.
     */
    public static SmppServer startForOutbind(String host, int port, SessionConfig config,
                                             Function<SmppSession, SessionHandler> handlerFactory) {
        return start(host, port, 1, config, handlerFactory, SessionRole.ESME);
    }

    private static SmppServer start(String host, int port, int ioThreads, SessionConfig config,
                                    Function<SmppSession, SessionHandler> handlerFactory, SessionRole role) {
        Validate.notBlank("host", host);
        Validate.range("port", port, 0, 65535);
        Validate.range("ioThreads", ioThreads, 1, 1024);
        SslContext ssl = role == SessionRole.SMSC ? Pipelines.sslContext(config.tls()) : null;
        EventLoopGroup boss = Pipelines.newGroup("ujumbe-smsc-accept", 1);
        EventLoopGroup workers = Pipelines.newGroup("ujumbe-smsc-io", ioThreads);
        Set<SmppSession> registry = ConcurrentHashMap.newKeySet();
        ServerBootstrap b = new ServerBootstrap()
                .group(boss, workers)
                .channel(Transport.CHOSEN.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        DelegatingHandler delegate = new DelegatingHandler();
                        DefaultSmppSession s = Pipelines.install(ch, role, config, ssl, delegate, null, 0);
                        delegate.target = handlerFactory.apply(s);
                        registry.add(s);
                        s.closeFuture().whenComplete((v, e) -> registry.remove(s));
                    }
                });
        try {
            Channel ch = b.bind(host, port).syncUninterruptibly().channel();
            return new SmppServer(boss, workers, ch, registry);
        } catch (Exception e) {
            // Not only RuntimeException: the native transport's bind failure is an IOException thrown sneakily.
            boss.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            workers.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            throw new IllegalStateException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    /** The port actually bound. */
    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /** The sessions currently connected. */
    public Collection<SmppSession> sessions() {
        return List.copyOf(sessions);
    }

    /** Stops accepting, closes every session, and releases the threads, waiting at most {@code timeout}. */
    public void close(Duration timeout) {
        serverChannel.close().awaitUninterruptibly(timeout.toMillis());
        List<CompletableFuture<Void>> closing = new ArrayList<>();
        for (SmppSession s : sessions()) {
            closing.add(s.close("server shutting down"));
        }
        try {
            CompletableFuture.allOf(closing.toArray(new CompletableFuture<?>[0])).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            // Best effort: the event loops' shutdown below closes whatever is left.
        }
        workers.shutdownGracefully(0, timeout.toMillis(), TimeUnit.MILLISECONDS).awaitUninterruptibly(timeout.toMillis());
        boss.shutdownGracefully(0, timeout.toMillis(), TimeUnit.MILLISECONDS).awaitUninterruptibly(timeout.toMillis());
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }

    /** Lets the handler factory see the session it serves. */
    private static final class DelegatingHandler implements SessionHandler {
        volatile SessionHandler target;

        @Override
        public java.util.concurrent.CompletionStage<io.ujumbe.pdu.PduResponse> onRequest(SmppSession session,
                                                                                          io.ujumbe.pdu.PduRequest request) {
            return target.onRequest(session, request);
        }

        @Override
        public void onNotification(SmppSession session, io.ujumbe.pdu.Pdu pdu) {
            target.onNotification(session, pdu);
        }

        @Override
        public void onStateChanged(SmppSession session, BindState from, BindState to) {
            target.onStateChanged(session, from, to);
        }

        @Override
        public void onClosed(SmppSession session, String reason) {
            target.onClosed(session, reason);
        }

        @Override
        public void beforeSend(SmppSession session, io.ujumbe.pdu.Pdu pdu) {
            target.beforeSend(session, pdu);
        }

        @Override
        public void afterReceive(SmppSession session, io.ujumbe.pdu.Pdu pdu) {
            target.afterReceive(session, pdu);
        }

        @Override
        public void onResponse(SmppSession session, io.ujumbe.pdu.PduRequest request,
                               io.ujumbe.pdu.PduResponse response, long latencyNanos) {
            target.onResponse(session, request, response, latencyNanos);
        }

        @Override
        public void onWindowAvailable(SmppSession session) {
            target.onWindowAvailable(session);
        }
    }
}
