package io.ujumbe.gateway;

import io.ujumbe.client.CorrelationStore;
import io.ujumbe.client.Outbox;

import java.util.Optional;

/**
 * Where a gateway keeps what outlives one request: message statuses, idempotency keys, the callback
 * queue, users' usage, and each connector's queue and receipt correlation. In memory
 * ({@link InMemoryGatewayState}) for one process; in Redis for several processes that share it all.
 */
public interface GatewayState extends AutoCloseable {

    /** @return the status store */
    StatusStore statusStore();

    /** @return the idempotency keys */
    IdempotencyStore idempotencyStore();

    /** @return the callback queue */
    CallbackQueue callbackQueue();

    /** @return rate limits and quotas */
    UsageLimiter usageLimiter();

    /**
     * The queue of one connector (shared by every gateway on the same state).
     *
     * @param connector the connector's configuration
     * @return its outbox
     */
    Outbox outbox(ConnectorConfig connector);

    /**
     * The receipt correlation store of one connector, when shared; empty for the client's default.
     *
     * @param connector the connector's configuration
     * @return the store
     */
    Optional<CorrelationStore> correlationStore(ConnectorConfig connector);

    /**
     * Where the SMPP front keeps receipts and inbound SMS for users with no receiver bound. Called
     * once, when the front starts. The default keeps them in this process.
     *
     * @param maxPerUser entries kept per user
     * @return the queue
     */
    default io.ujumbe.gateway.smpp.DeliveryQueue deliveryQueue(int maxPerUser) {
        return new io.ujumbe.gateway.smpp.InMemoryDeliveryQueue(maxPerUser);
    }

    /** @return true when the state survives this process */
    boolean durable();

    /** Closes whatever the state opened (connections); never throws. */
    @Override
    void close();
}
