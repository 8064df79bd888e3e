package io.ujumbe.client;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Helpers for stages returned by pluggable parts (outbox, correlation store) that usually
 * complete at once: on the per-message path, a stage that is already done needs no callback stage
 * and no hop onto the executor.
 */
final class Stages {
    private Stages() {
    }

    /**
     * True for a plain {@link CompletableFuture} that completed normally. Other stages (such as
     * {@link CompletableFuture#completedStage}, whose {@code isDone} is unsupported) are not
     * inspected, and callers take their general path.
     */
    static boolean isCompletedNormally(CompletionStage<?> stage) {
        if (stage == InMemoryOutbox.DONE || stage == InMemoryCorrelationStore.DONE) {
            return true;
        }
        if (stage.getClass() != CompletableFuture.class) {
            return false;
        }
        CompletableFuture<?> f = (CompletableFuture<?>) stage;
        return f.isDone() && !f.isCompletedExceptionally();
    }
}
