package io.ujumbe.redis;

/**
 * The ujumbe-redis tests' {@link RedisServerProcess} (package-private there, shared through that
 * module's test-jar) for the gateway's tests: a real redis-server on a free port.
 */
public final class GatewayRedisServer implements AutoCloseable {
    private final RedisServerProcess process;

    private GatewayRedisServer(RedisServerProcess process) {
        this.process = process;
    }

    /** Starts redis-server (REDIS_SERVER or the PATH's) and waits until it answers PING. */
    public static GatewayRedisServer start() {
        return new GatewayRedisServer(RedisServerProcess.start());
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
