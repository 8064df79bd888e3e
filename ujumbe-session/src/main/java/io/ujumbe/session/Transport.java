package io.ujumbe.session;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import org.slf4j.LoggerFactory;

/**
 * The socket transport every event loop and channel of this process uses: Linux's native epoll when
 * it loads (it spends less CPU per read and write than NIO: no selector key sets, no per-write NIO
 * buffer views), NIO everywhere else. The system property {@value #PROPERTY}{@code =nio} forces NIO
 * (as Lettuce's {@code io.lettuce.core.epoll=false} does for Redis), e.g. to rule the native library
 * out while investigating a problem. The choice is made once, at class loading, and logged at DEBUG.
 */
enum Transport {
    EPOLL, NIO;

    static final String PROPERTY = "ujumbe.transport";
    static final Transport CHOSEN = choose(System.getProperty(PROPERTY, "auto"));

    /** The transport for the property's value: auto (epoll when it loads), epoll (the same) or nio. */
    static Transport choose(String asked) {
        if ("nio".equalsIgnoreCase(asked)) {
            return NIO;
        }
        if (!"auto".equalsIgnoreCase(asked) && !"epoll".equalsIgnoreCase(asked)) {
            throw new IllegalArgumentException(PROPERTY + " must be auto, epoll or nio, was \"" + asked + "\"");
        }
        boolean available = Epoll.isAvailable();
        if (!available) {
            LoggerFactory.getLogger(SmppSession.class).debug("epoll transport not available, using NIO: {}",
                    String.valueOf(Epoll.unavailabilityCause()));
        }
        return available ? EPOLL : NIO;
    }

    IoHandlerFactory ioHandlerFactory() {
        return this == EPOLL ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    }

    Class<? extends SocketChannel> socketChannel() {
        return this == EPOLL ? EpollSocketChannel.class : NioSocketChannel.class;
    }

    Class<? extends ServerChannel> serverChannel() {
        return this == EPOLL ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }
}
