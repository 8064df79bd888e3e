package io.ujumbe.session;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Helpers for stages that usually complete at once (a handler's answer, a store's put): on the
 * per-message path, a stage that is already done needs no dependent stage and no callback.
 */
public final class Stages {
    private Stages() {
    }

    /**
     * True for a plain {@link CompletableFuture} that completed normally. Other stages (such as
     * {@link CompletableFuture#completedStage}, whose {@code isDone} is unsupported) are not
     * inspected, and callers take their general path.
     *
     * @param stage any stage, not null
     * @return whether its value can be taken at once
     */
    public static boolean isCompletedNormally(CompletionStage<?> stage) {
        if (stage.getClass() != CompletableFuture.class) {
            return false;
        }
        CompletableFuture<?> f = (CompletableFuture<?>) stage;
        return f.isDone() && !f.isCompletedExceptionally();
    }
}
