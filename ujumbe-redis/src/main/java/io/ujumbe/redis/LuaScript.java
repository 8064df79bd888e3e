package io.ujumbe.redis;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A Lua script run by its SHA-1 (EVALSHA), falling back to sending the source (EVAL) when the
 * server does not know it: after a Redis restart or SCRIPT FLUSH the cache is empty, and EVAL
 * loads it again for the next EVALSHA.
 *
 * <p>Every script starts with {@code redis.replicate_commands()}: Redis 6.2 refuses a write after a
 * command it deems non-deterministic (TIME, but also XADD, XACK, XPENDING, XAUTOCLAIM) when it is
 * set to replicate scripts verbatim ({@code lua-replicate-commands no}); the call switches to
 * replicating the script's effects, which Redis 7 always does (there it is a no-op).
 */
final class LuaScript {
    private final String source;
    private final String sha;

    LuaScript(String body) {
        this.source = "redis.replicate_commands()\n" + body;
        try {
            this.sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(source.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every Java runtime", e);
        }
    }

    <T> CompletableFuture<T> run(RedisAsyncCommands<String, String> redis, ScriptOutputType type, String[] keys,
                                 String... args) {
        CompletableFuture<T> bySha = redis.<T>evalsha(sha, type, keys, args).toCompletableFuture();
        return bySha.exceptionallyCompose(e -> {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            if (cause instanceof RedisNoScriptException
                    || (cause.getMessage() != null && cause.getMessage().startsWith("NOSCRIPT"))) {
                return redis.<T>eval(source, type, keys, args).toCompletableFuture();
            }
            return CompletableFuture.failedFuture(cause);
        });
    }
}
