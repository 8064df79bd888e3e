package io.ujumbe.gateway.redis;

import io.ujumbe.gateway.CallbackQueue;
import io.ujumbe.gateway.ConfigStore;
import io.ujumbe.gateway.ConnectorConfig;
import io.ujumbe.gateway.GatewayConfig;
import io.ujumbe.gateway.GatewayState;
import io.ujumbe.gateway.IdempotencyStore;
import io.ujumbe.gateway.StatusStore;
import io.ujumbe.gateway.UsageLimiter;
import io.ujumbe.client.CorrelationStore;
import io.ujumbe.client.Outbox;

import java.util.Optional;

/** Placeholder: replaced below. */
public final class RedisGatewayState implements GatewayState {
    public static RedisGatewayState open(GatewayConfig config) {
        throw new UnsupportedOperationException("redis");
    }

    public ConfigStore configStore() {
        return ConfigStore.none();
    }

    @Override public StatusStore statusStore() { return null; }
    @Override public IdempotencyStore idempotencyStore() { return null; }
    @Override public CallbackQueue callbackQueue() { return null; }
    @Override public UsageLimiter usageLimiter() { return null; }
    @Override public Outbox outbox(ConnectorConfig connector) { return null; }
    @Override public Optional<CorrelationStore> correlationStore(ConnectorConfig connector) { return Optional.empty(); }
    @Override public boolean durable() { return true; }
    @Override public void close() { }
}
