package io.ujumbe.gateway;

import io.ujumbe.client.CorrelationStore;
import io.ujumbe.client.InMemoryOutbox;
import io.ujumbe.client.Outbox;

import java.time.Duration;
import java.util.Optional;

/** The state of a single gateway process, nothing to install: lost on restart. */
public final class InMemoryGatewayState implements GatewayState {
    private final InMemoryStatusStore statuses;
    private final InMemoryIdempotencyStore idempotency;
    private final InMemoryCallbackQueue callbacks = new InMemoryCallbackQueue();
    private final InMemoryUsageLimiter usage = new InMemoryUsageLimiter();

    /**
     * The state.
     *
     * @param messageTtl how long statuses and idempotency keys are kept
     */
    public InMemoryGatewayState(Duration messageTtl) {
        this.statuses = new InMemoryStatusStore(messageTtl, 2_000_000);
        this.idempotency = new InMemoryIdempotencyStore(messageTtl);
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
    public Outbox outbox(ConnectorConfig connector) {
        return new InMemoryOutbox(connector.outboxCapacity());
    }

    @Override
    public Optional<CorrelationStore> correlationStore(ConnectorConfig connector) {
        return Optional.empty();
    }

    @Override
    public boolean durable() {
        return false;
    }

    @Override
    public void close() {
    }
}
