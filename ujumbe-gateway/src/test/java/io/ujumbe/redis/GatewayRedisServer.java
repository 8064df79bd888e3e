package io.ujumbe.redis;

import io.ujumbe.testkit.RedisServer;

/**
 * ujumbe-testkit's {@link RedisServer} for the gateway's tests: a real redis-server on a free port.
 */
public final class GatewayRedisServer implements AutoCloseable {
    private final RedisServer process;

    private GatewayRedisServer(RedisServer process) {
        this.process = process;
    }

    /** Starts redis-server (REDIS_SERVER, the PATH's, else the embedded 6.2) and waits until it answers PING. */
    public static GatewayRedisServer start() {
        return new GatewayRedisServer(RedisServer.start());
    }

    /** @return the port it listens on */
    public int port() {
        return process.port();
    }

    /** @return its URI */
    public String uri() {
        return "redis://127.0.0.1:" + port();
    }

    @Override
    public void close() {
        process.close();
    }
}
