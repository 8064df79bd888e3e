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

    /**
     * Starts redis-server (REDIS_SERVER or the PATH's) with the test settings plus {@code extraArgs}
     * and waits until it answers PING.
     */
    public static CliRedisServer start(String... extraArgs) {
        return new CliRedisServer(RedisServerProcess.start(extraArgs));
    }

    public int port() {
        return process.port();
    }

    @Override
    public void close() {
        process.close();
    }
}
