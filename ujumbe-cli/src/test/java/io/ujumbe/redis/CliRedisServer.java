package io.ujumbe.redis;

/**
 * The ujumbe-redis tests' {@link RedisServerProcess} (package-private there, shared through that
 * module's test-jar) made reachable from the CLI's tests: a real redis-server on a free port.
 */
public final class CliRedisServer implements AutoCloseable {
    private final RedisServerProcess process;

    private CliRedisServer(RedisServerProcess process) {
        this.process = process;
    }

    /** Starts redis-server (REDIS_SERVER or the PATH's) and waits until it answers PING. */
    public static CliRedisServer start() {
        return new CliRedisServer(RedisServerProcess.start());
    }

    public int port() {
        return process.port();
    }

    @Override
    public void close() {
        process.close();
    }
}
