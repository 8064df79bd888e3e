package io.ujumbe.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lettuce.core.RedisClient;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.ujumbe.client.Correlation;
import io.ujumbe.client.CorrelationStore;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * A {@link CorrelationStore} in Redis, so that a delivery receipt reaching any client process, or
 * arriving after a restart, is matched to its message. Each entry is one key,
 * {@code <prefix><messageId>}, holding the correlation as JSON and expiring after the TTL
 * ({@code SET key json PX ttl}); GET reads it, DEL forgets it. Default prefix
 * {@code ujumbe:corr:}, TTL 3 days (receipts can take that long; an entry that never gets a
 * receipt must not stay forever).
 *
 * <p>Value format, version 1: {@code {"version":1,"correlationId":"…","metadata":{…},"part":1,
 * "parts":1,"submittedAt":"2025-01-01T00:00:00Z"}}. Close it after the client stops; the
 * {@link RedisClient} belongs to the caller.
 */
public final class RedisCorrelationStore implements CorrelationStore, AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String keyPrefix;
    private final Duration ttl;
    private final StatefulRedisConnection<String, String> connection;
    private final RedisAsyncCommands<String, String> redis;

    private RedisCorrelationStore(Builder b) {
        this.keyPrefix = b.keyPrefix;
        this.ttl = b.ttl;
        this.connection = b.client.connect();
        this.redis = connection.async();
    }

    public static Builder builder(RedisClient client) {
        return new Builder(client);
    }

    @Override
    public CompletionStage<Void> put(String messageId, Correlation correlation) {
        Objects.requireNonNull(correlation, "correlation");
        return redis.set(key(messageId), encode(correlation), SetArgs.Builder.px(ttl.toMillis()))
                .thenApply(ok -> null);
    }

    @Override
    public CompletionStage<Optional<Correlation>> get(String messageId) {
        String key = key(messageId);
        return redis.get(key).thenApply(json -> json == null ? Optional.empty() : Optional.of(decode(key, json)));
    }

    @Override
    public CompletionStage<Void> remove(String messageId) {
        return redis.del(key(messageId)).thenApply(n -> null);
    }

    /** The Redis key a message_id is stored under. */
    public String key(String messageId) {
        return keyPrefix + Objects.requireNonNull(messageId, "messageId");
    }

    public Duration ttl() {
        return ttl;
    }

    /** Closes this store's connection (not the RedisClient). */
    @Override
    public void close() {
        if (connection.isOpen()) {
            connection.close();
        }
    }

    @Override
    public String toString() {
        return "RedisCorrelationStore[keyPrefix=" + keyPrefix + ", ttl=" + ttl + "]";
    }

    private static String encode(Correlation c) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("version", 1);
        o.put("correlationId", c.correlationId());
        ObjectNode meta = o.putObject("metadata");
        c.metadata().forEach(meta::put);
        o.put("part", c.partNumber());
        o.put("parts", c.totalParts());
        o.put("submittedAt", c.submittedAt().toString());
        return o.toString();
    }

    private static Correlation decode(String key, String json) {
        try {
            JsonNode o = MAPPER.readTree(json);
            Map<String, String> meta = new LinkedHashMap<>();
            JsonNode m = o.path("metadata");
            for (Map.Entry<String, JsonNode> e : m.properties()) {
                meta.put(e.getKey(), e.getValue().asText());
            }
            return new Correlation(o.path("correlationId").asText(), meta, o.path("part").asInt(1),
                    o.path("parts").asInt(1), Instant.parse(o.path("submittedAt").asText()));
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalStateException("correlation stored under redis key " + key + " cannot be read: "
                    + e.getMessage(), e);
        }
    }

    /** Settings of a {@link RedisCorrelationStore}; every one has a default. */
    public static final class Builder {
        private final RedisClient client;
        private String keyPrefix = "ujumbe:corr:";
        private Duration ttl = Duration.ofDays(3);

        private Builder(RedisClient client) {
            this.client = Objects.requireNonNull(client, "client");
        }

        /** Prefix of the keys; default {@code ujumbe:corr:}. */
        public Builder keyPrefix(String prefix) {
            if (prefix == null || prefix.isEmpty()) {
                throw new IllegalArgumentException("redis correlation keyPrefix must not be empty");
            }
            this.keyPrefix = prefix;
            return this;
        }

        /** How long an entry lives after it was put: 1 ms .. 365 days, default 3 days. */
        public Builder ttl(Duration ttl) {
            if (ttl == null || ttl.toMillis() < 1 || ttl.compareTo(Duration.ofDays(365)) > 0) {
                throw new IllegalArgumentException("redis correlation ttl must be between 1 ms and 365 days, was " + ttl);
            }
            this.ttl = ttl;
            return this;
        }

        /** Connects (once, on the calling thread). */
        public RedisCorrelationStore build() {
            return new RedisCorrelationStore(this);
        }
    }
}
