package io.ujumbe.gateway.smpp;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Where receipts and inbound SMS for a downstream user wait while it has no receiver or
 * transceiver bound (or its binds refused them): bounded per user (the oldest go first when full)
 * and with a time to live, both counted. In memory ({@link InMemoryDeliveryQueue}) for one gateway;
 * in Redis ({@code io.ujumbe.gateway.redis.RedisDeliveryQueue}) so that they survive a restart and
 * any gateway on the same Redis delivers them. Every method is asynchronous and never blocks.
 */
public interface DeliveryQueue {

    /**
     * Queues a deliver_sm for a user, behind what already waits.
     *
     * @param user the user's name
     * @param delivery the deliver_sm
     * @return done when stored; completes with the number of older entries dropped to make room
     */
    CompletionStage<Integer> add(String user, QueuedDelivery delivery);

    /**
     * Takes the oldest entries of a user; they leave the queue (a caller that cannot deliver them
     * adds them again).
     *
     * @param user the user's name
     * @param max at most this many
     * @return the entries, oldest first, expired ones included (the caller drops and counts them)
     */
    CompletionStage<List<QueuedDelivery>> take(String user, int max);

    /**
     * How many entries wait for a user.
     *
     * @param user the user's name
     * @return the count
     */
    CompletionStage<Long> size(String user);

    /** @return true when the entries survive this process */
    boolean durable();
}
