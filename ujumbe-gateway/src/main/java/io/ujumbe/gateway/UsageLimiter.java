package io.ujumbe.gateway;

import java.util.concurrent.CompletionStage;

/**
 * Each user's rate limit and quota: asked before a request's messages are taken. Asynchronous, so
 * the Redis implementation can share the counts between gateways.
 */
public interface UsageLimiter {

    /** What the limiter decided. */
    enum Verdict {
        /** Go ahead: the messages are counted. */
        ALLOWED,
        /** Over the user's rate: answer 429. */
        RATE_LIMITED,
        /** The user's quota is used up: answer 403. */
        QUOTA_EXHAUSTED
    }

    /**
     * Counts {@code messages} against the user's rate and quota, or refuses them all.
     *
     * @param user the user
     * @param messages how many messages the request carries
     * @return the verdict
     */
    CompletionStage<Verdict> acquire(UserConfig user, int messages);

    /**
     * Messages the user has sent, counted against the quota.
     *
     * @param user the user
     * @return the count
     */
    CompletionStage<Long> used(UserConfig user);
}
