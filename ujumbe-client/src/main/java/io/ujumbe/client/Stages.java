package io.ujumbe.client;

import java.util.concurrent.CompletionStage;

/**
 * Helpers for stages returned by pluggable parts (outbox, correlation store) that usually
 * complete at once: on the per-message path, a stage that is already done needs no callback stage
 * and no hop onto the executor.
 */
final class Stages {
    private Stages() {
    }

    /** True for the in-memory parts' shared done stages, else as {@link io.ujumbe.session.Stages#isCompletedNormally}. */
    static boolean isCompletedNormally(CompletionStage<?> stage) {
        return stage == InMemoryOutbox.DONE || stage == InMemoryCorrelationStore.DONE
                || io.ujumbe.session.Stages.isCompletedNormally(stage);
    }
}
