package io.ujumbe.gateway;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Remembers the first answer given for an idempotency key, so that a repeated request gets the same
 * answer and sends nothing again. The answer is reserved before anything is sent (its ids are made
 * first), so two requests racing with one key cannot both send. Asynchronous, never blocks.
 */
public interface IdempotencyStore {

    /**
     * Stores {@code answer} under {@code key} unless the key is taken.
     *
     * @param key the user's name and the key
     * @param answer the JSON answer to give for it
     * @param ttl how long the key is remembered
     * @return empty when stored (go ahead), else the answer stored first
     */
    CompletionStage<Optional<String>> putIfAbsent(String key, String answer, Duration ttl);

    /**
     * Replaces the answer of a key this caller reserved (with the final statuses).
     *
     * @param key the key
     * @param answer the answer
     * @param ttl how long it is remembered
     * @return done when stored
     */
    CompletionStage<Void> put(String key, String answer, Duration ttl);

    /**
     * Forgets a key this caller reserved but did not use (the request was refused), so a retry may go.
     *
     * @param key the key
     * @return done when removed
     */
    CompletionStage<Void> remove(String key);
}
