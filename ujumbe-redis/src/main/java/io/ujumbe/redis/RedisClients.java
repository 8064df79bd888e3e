package io.ujumbe.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;

import java.time.Duration;
import java.util.Objects;

/**
 * Creates the Lettuce {@link RedisClient} the ujumbe Redis components expect: it reconnects by
 * itself after Redis restarts, and every command times out, so that every future the components
 * return completes even while Redis is away (the client's contract: nothing waits forever). Pass
 * your own client to the components' builders if you need other options, but keep a command
 * timeout. The caller owns the client: shut it down after closing the components.
 */
public final class RedisClients {

    /** The command timeout of {@link #create(String)}. */
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(5);

    private RedisClients() {
    }

    /** A client for {@code uri} (e.g. {@code redis://localhost:6379/0}) with a 5-second command timeout. */
    public static RedisClient create(String uri) {
        return create(RedisURI.create(Objects.requireNonNull(uri, "uri")), DEFAULT_COMMAND_TIMEOUT);
    }

    /** A client for {@code uri} whose commands fail after {@code commandTimeout} (positive, at most 60 s). */
    public static RedisClient create(RedisURI uri, Duration commandTimeout) {
        Objects.requireNonNull(uri, "uri");
        if (commandTimeout == null || commandTimeout.isNegative() || commandTimeout.isZero()
                || commandTimeout.compareTo(Duration.ofSeconds(60)) > 0) {
            throw new IllegalArgumentException("redis commandTimeout must be between 1 ms and 60 s, was " + commandTimeout);
        }
        uri.setTimeout(commandTimeout);
        RedisClient client = RedisClient.create(uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
                .build());
        return client;
    }
}
