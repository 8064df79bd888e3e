package io.ujumbe.gateway;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The callbacks waiting to be made, by when they are due: at-least-once. A claimed callback is
 * leased: unless {@link #done} or {@link #reschedule}d before the lease ends, it is due again (the
 * process that claimed it may have died). The default is {@link InMemoryCallbackQueue}; the Redis
 * queue survives restarts and is shared by every gateway on that Redis.
 */
public interface CallbackQueue {

    /**
     * Adds a callback.
     *
     * @param callback the callback
     * @return done when stored
     */
    CompletionStage<Void> add(Callback callback);

    /**
     * Takes callbacks due now.
     *
     * @param max the most to take
     * @param leaseMillis how long they stay this caller's before they are due again
     * @return the callbacks, possibly none
     */
    CompletionStage<List<Callback>> claimDue(int max, long leaseMillis);

    /**
     * Removes a callback for good (made, or given up).
     *
     * @param callback the callback
     * @return done when removed
     */
    CompletionStage<Void> done(Callback callback);

    /**
     * Puts a claimed callback back, due at {@link Callback#dueAt()}.
     *
     * @param callback the callback as it is now
     * @return done when stored
     */
    CompletionStage<Void> reschedule(Callback callback);

    /** @return callbacks waiting (approximate) */
    long pending();

    /**
     * The callbacks waiting, soonest due first, without claiming them (for the console). A queue
     * that cannot list them answers none.
     *
     * @param max the most to return
     * @return the callbacks
     */
    default CompletionStage<List<Callback>> peek(int max) {
        return CompletableFuture.completedFuture(List.of());
    }
}
