package io.ujumbe.gateway.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.ujumbe.client.CorrelationStore;
import io.ujumbe.client.Outbox;
import io.ujumbe.gateway.CallbackQueue;
import io.ujumbe.gateway.ConfigStore;
import io.ujumbe.gateway.ConnectorConfig;
import io.ujumbe.gateway.GatewayConfig;
import io.ujumbe.gateway.GatewayState;
import io.ujumbe.gateway.IdempotencyStore;
import io.ujumbe.gateway.StatusStore;
import io.ujumbe.gateway.UsageLimiter;
import io.ujumbe.redis.RedisClients;
import io.ujumbe.redis.RedisCorrelationStore;
import io.ujumbe.redis.RedisOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The state of gateways that share one Redis: any of them answers {@code GET /v1/messages/{id}},
 * honours an idempotency key another took, counts the same rate limits and quotas, makes the
 * callbacks any of them queued (pending callbacks survive restarts), and consumes each connector's
 * queue (the client's {@link RedisOutbox}, one stream per connector) and correlation store. Every
 * key starts with {@link GatewayConfig#redisKeyPrefix()}. Redis must persist ({@code appendonly yes})
 * for queues and callbacks to survive a Redis restart.
 */
public final class RedisGatewayState implements GatewayState {
    private static final Logger LOG = LoggerFactory.getLogger(RedisGatewayState.class);

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final String prefix;
    private final String consumer;
    private final Duration messageTtl;
    private final RedisStatusStore statuses;
    private final RedisIdempotencyStore idempotency;
    private final RedisCallbackQueue callbacks;
    private final RedisUsageLimiter usage;
    private final Map<String, RedisCorrelationStore> correlations = new ConcurrentHashMap<>();
    private final List<AutoCloseable> opened = new ArrayList<>();

    private RedisGatewayState(String uri, String prefix, Duration messageTtl) {
        this.client = RedisClients.create(RedisURI.create(uri), RedisClients.DEFAULT_COMMAND_TIMEOUT);
        try {
            this.connection = client.connect();
        } catch (RuntimeException e) {
            client.shutdown();
            throw new IllegalStateException("cannot connect to Redis " + redact(uri) + ": " + e.getMessage(), e);
        }
        this.prefix = prefix;
        this.messageTtl = messageTtl;
        this.consumer = host() + ":" + ManagementFactory.getRuntimeMXBean().getPid() + ":"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt());
        RedisAsyncCommands<String, String> redis = connection.async();
        this.statuses = new RedisStatusStore(redis, prefix, messageTtl);
        this.idempotency = new RedisIdempotencyStore(redis, prefix);
        this.callbacks = new RedisCallbackQueue(redis, prefix);
        this.usage = new RedisUsageLimiter(redis, prefix);
        LOG.atInfo().addKeyValue("redis", redact(uri)).addKeyValue("keyPrefix", prefix).addKeyValue("consumer", consumer)
                .log("gateway state in Redis");
    }

    /**
     * Connects to the configuration's Redis (blocking: start-up only).
     *
     * @param config the configuration, with a redis URI
     * @return the state
     * @throws IllegalStateException when Redis cannot be reached (the message hides the password)
     */
    public static RedisGatewayState open(GatewayConfig config) {
        return new RedisGatewayState(config.redisUri().orElseThrow(() -> new IllegalArgumentException("redis.uri is not set")),
                config.redisKeyPrefix(), config.messageTtl());
    }

    @Override
    public io.ujumbe.gateway.smpp.DeliveryQueue deliveryQueue(int maxPerUser) {
        return new RedisDeliveryQueue(connection.async(), prefix, maxPerUser);
    }

    /** @return where the admin API's changes are kept (one Redis key) */
    public ConfigStore configStore() {
        return new RedisConfigStore(connection.sync(), prefix + "config");
    }

    @Override
    public StatusStore statusStore() {
        return statuses;
    }

    @Override
    public IdempotencyStore idempotencyStore() {
        return idempotency;
    }

    @Override
    public CallbackQueue callbackQueue() {
        return callbacks;
    }

    @Override
    public UsageLimiter usageLimiter() {
        return usage;
    }

    @Override
    public synchronized Outbox outbox(ConnectorConfig connector) {
        RedisOutbox outbox = RedisOutbox.builder(client).keyPrefix(prefix + "connector:" + connector.name() + ":")
                .group("ujumbe-gateway").consumer(consumer).maxLength(Math.max(1000, connector.outboxCapacity())).build();
        opened.add(outbox);
        return outbox;
    }

    @Override
    public Optional<CorrelationStore> correlationStore(ConnectorConfig connector) {
        return Optional.of(correlations.computeIfAbsent(connector.name(), n -> RedisCorrelationStore.builder(client)
                .keyPrefix(prefix + "connector:" + n + ":corr:").ttl(messageTtl).build()));
    }

    @Override
    public boolean durable() {
        return true;
    }

    @Override
    public synchronized void close() {
        for (AutoCloseable c : opened) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.atWarn().log("closing a Redis component failed: {}", e.toString());
            }
        }
        opened.clear();
        correlations.values().forEach(RedisCorrelationStore::close);
        correlations.clear();
        try {
            connection.close();
            client.shutdown();
        } catch (RuntimeException e) {
            LOG.atWarn().log("closing the Redis client failed: {}", e.toString());
        }
    }

    static String redact(String uri) {
        return uri.replaceAll("//[^@/]*@", "//***@");
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "host";
        }
    }
}
