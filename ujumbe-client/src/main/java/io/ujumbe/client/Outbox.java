package io.ujumbe.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The queue the application fills and the client consumes: at-least-once. An entry handed out by
 * {@link #poll} stays owned by the consumer until it is {@linkplain #ack acknowledged} (terminal
 * outcome reached) or {@linkplain #nack returned} for a retry after a delay. All methods are
 * asynchronous so that an implementation can live in Redis; none blocks.
 *
 * <p>The default is {@link InMemoryOutbox}, bounded; a Redis implementation lets several
 * processes share one queue and survive a crash.
 */
public interface Outbox {

    /** Adds a message. Fails with {@link OutboxFullException} when the outbox is at capacity. */
    CompletionStage<Void> offer(OutboundMessage message);

    /** Hands out up to {@code max} entries that are ready now (possibly none). */
    CompletionStage<List<OutboxEntry>> poll(int max);

    /** The entry's message reached its terminal outcome: remove it for good. */
    CompletionStage<Void> ack(OutboxEntry entry);

    /** Returns the entry to the queue, to be handed out again (attempt + 1) after {@code retryAfter}. */
    CompletionStage<Void> nack(OutboxEntry entry, Duration retryAfter);

    /**
     * Gives back an entry this consumer took but did not send (the client is stopping), to be handed
     * out again. Unlike {@link #nack}, this is not a failed attempt; implementations that count
     * attempts should not count it. The default nacks without delay.
     */
    default CompletionStage<Void> release(OutboxEntry entry) {
        return nack(entry, Duration.ZERO);
    }

    /**
     * Registers a callback run (on any thread, quickly) whenever entries may have become ready: a
     * new offer, or a retry whose delay has passed. The consumer then polls.
     */
    void onAvailable(Runnable callback);

    /** Entries waiting, delayed or handed out and not yet acknowledged (approximate). */
    long size();

    /**
     * True when entries survive this process (e.g. Redis): on stop, the client leaves unsent
     * entries in the outbox instead of failing them.
     */
    default boolean durable() {
        return false;
    }
}
