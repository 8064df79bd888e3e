package io.ujumbe.session;

import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.IdentityCipherSuiteFilter;
import io.netty.handler.ssl.JdkSslContext;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.ujumbe.pdu.PduCodec;

import javax.net.ssl.SSLException;
import java.util.concurrent.TimeUnit;

/** Builds the Netty side of a session: event loops, TLS contexts and the handler pipeline. */
final class Pipelines {
    private Pipelines() {
    }

    static EventLoopGroup newGroup(String name, int threads) {
        return new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory(name, true),
                Transport.CHOSEN.ioHandlerFactory());
    }

    static SslContext sslContext(TlsConfig tls) {
        if (tls == null) {
            return null;
        }
        if (tls.sslContext() != null) {
            return new JdkSslContext(tls.sslContext(), !tls.isServer(), null, IdentityCipherSuiteFilter.INSTANCE, null,
                    ClientAuth.NONE, null, false);
        }
        try {
            if (tls.isServer()) {
                return SslContextBuilder.forServer(tls.certificateChainPem().toFile(), tls.privateKeyPem().toFile()).build();
            }
            SslContextBuilder b = SslContextBuilder.forClient();
            if (tls.insecureTrustAll()) {
                b.trustManager(InsecureTrustManagerFactory.INSTANCE);
            } else if (tls.trustedCertificatesPem() != null) {
                b.trustManager(tls.trustedCertificatesPem().toFile());
            }
            return b.build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid TLS configuration " + tls + ": " + e.getMessage(), e);
        }
    }

    /** Installs the session's handlers on a new channel and returns the session. */
    static DefaultSmppSession install(Channel ch, SessionRole role, SessionConfig config, SslContext ssl,
                                      SessionHandler handler, String peerHost, int peerPort) {
        ch.config().setOption(ChannelOption.TCP_NODELAY, config.tcpNoDelay());
        ChannelPipeline p = ch.pipeline();
        if (ssl != null) {
            p.addLast("tls", role == SessionRole.ESME && peerHost != null
                    ? ssl.newHandler(ch.alloc(), peerHost, peerPort) : ssl.newHandler(ch.alloc()));
        }
        DefaultSmppSession session = new DefaultSmppSession(role, config, handler);
        // Encoding and flushing in one handler, next to the socket (or TLS): see PduWriter.
        PduWriter writer = new PduWriter(PduCodec.DEFAULT, config.flushAfterWrites(), session);
        p.addLast("writer", writer);
        session.writeThrough(writer);
        long idle = config.enquireLinkInterval().toMillis();
        if (idle > 0) {
            p.addLast("idle", new IdleTimer(idle, TimeUnit.MILLISECONDS));
        }
        p.addLast("decoder", new PduFrameDecoder(PduCodec.DEFAULT, config.maxPduSize(), config.pduCompletionTimeout()));
        p.addLast("session", session);
        return session;
    }
}
