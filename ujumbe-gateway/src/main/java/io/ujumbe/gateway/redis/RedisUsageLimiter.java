package io.ujumbe.gateway.redis;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.ujumbe.gateway.UsageLimiter;
import io.ujumbe.gateway.UserConfig;

import java.util.concurrent.CompletionStage;

/**
 * Users' rates and quotas shared by every gateway on the Redis: a counter per user and second
 * ({@code <prefix>rate:<user>:<second>}, at most the rate, so no second ever exceeds it) and a
 * counter of all messages ({@code <prefix>quota:<user>}). One script checks and counts both.
 */
final class RedisUsageLimiter implements UsageLimiter {
    private static final String ACQUIRE = "local n = tonumber(ARGV[1]) "
            + "local quota = tonumber(ARGV[2]) local rate = tonumber(ARGV[3]) "
            + "if quota > 0 then local used = tonumber(redis.call('GET', KEYS[1]) or '0') "
            + "  if used + n > quota then return 2 end end "
            + "if rate > 0 then local inSecond = tonumber(redis.call('GET', KEYS[2]) or '0') "
            + "  if inSecond + n > rate then return 1 end "
            + "  redis.call('INCRBY', KEYS[2], n) redis.call('PEXPIRE', KEYS[2], 2000) end "
            + "redis.call('INCRBY', KEYS[1], n) "
            + "return 0";
    private final RedisAsyncCommands<String, String> redis;
    private final String prefix;

    RedisUsageLimiter(RedisAsyncCommands<String, String> redis, String prefix) {
        this.redis = redis;
        this.prefix = prefix;
    }

    @Override
    public CompletionStage<Verdict> acquire(UserConfig user, int messages) {
        long second = System.currentTimeMillis() / 1000;
        // A fractional rate (0.5/s) allows at least one message a second.
        long rate = user.ratePerSecond() <= 0 ? 0 : Math.max(1, (long) Math.floor(user.ratePerSecond()));
        return redis.<Long>eval(ACQUIRE, ScriptOutputType.INTEGER,
                new String[] {prefix + "quota:" + user.name(), prefix + "rate:" + user.name() + ":" + second},
                Integer.toString(messages), Long.toString(user.quota()), Long.toString(rate))
                .thenApply(r -> r == 0 ? Verdict.ALLOWED : r == 1 ? Verdict.RATE_LIMITED : Verdict.QUOTA_EXHAUSTED);
    }

    @Override
    public CompletionStage<Long> used(UserConfig user) {
        return redis.get(prefix + "quota:" + user.name()).thenApply(v -> v == null ? 0L : Long.parseLong(v));
    }
}
