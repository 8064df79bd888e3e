package io.ujumbe.client;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Maps the message_id an SMSC gave a submitted part to the {@link Correlation} the application
 * needs to match its delivery receipt. Asynchronous so that a remote store (Redis) can implement
 * it without blocking an event loop; an in-memory store completes at once. Ids are matched
 * exactly: the client normalises them (hex or decimal) before calling. Thread-safe.
 *
 * <p>The default implementation is {@link InMemoryCorrelationStore}.
 */
public interface CorrelationStore {

    /** Remembers {@code correlation} under {@code messageId}, replacing any earlier entry. */
    CompletionStage<Void> put(String messageId, Correlation correlation);

    /** The correlation stored under {@code messageId}, or empty if none (or it expired). */
    CompletionStage<Optional<Correlation>> get(String messageId);

    /** Forgets {@code messageId}; completes normally whether or not it was stored. */
    CompletionStage<Void> remove(String messageId);
}
