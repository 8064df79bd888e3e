package io.ujumbe.gateway;

import io.ujumbe.http.HttpException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * What every door does before handing messages to the {@link MessageService}: the user's allowed
 * senders (403), the idempotency key (a repeat gets the first answer and sends nothing), the rate
 * limit (429) and quota (403). Shared by the JSON API and the Kannel and Jasmin endpoints.
 */
final class Admission {
    private final MessageService service;
    private final GatewayState state;
    private final Supplier<Snapshot> snapshot;

    Admission(MessageService service, GatewayState state, Supplier<Snapshot> snapshot) {
        this.service = service;
        this.state = state;
        this.snapshot = snapshot;
    }

    /** The answer of a submission: the results, and whether it repeats an earlier answer. */
    record Answer(List<Map<String, Object>> messages, boolean repeated) {
    }

    /** The checks and counts without an idempotency key, for other doors: the results themselves. */
    CompletionStage<List<SubmitResult>> admitResults(UserConfig user, List<GatewayMessage> messages) {
        checkSenders(user, messages);
        return state.usageLimiter().acquire(user, messages.size()).thenCompose(verdict -> verdict == UsageLimiter.Verdict.ALLOWED
                ? service.submit(messages) : CompletableFuture.failedFuture(refusal(user, verdict)));
    }

    CompletionStage<Answer> admit(UserConfig user, List<GatewayMessage> messages, String idempotencyKey) {
        checkSenders(user, messages);
        Duration ttl = snapshot.get().config().messageTtl();
        if (idempotencyKey == null) {
            return limitThenSubmit(user, messages, null, ttl);
        }
        String key = user.name() + ":" + idempotencyKey;
        List<Map<String, Object>> provisional = new ArrayList<>();
        for (GatewayMessage m : messages) {
            provisional.add(new SubmitResult(m.id(), m.to(), "queued", null, null).toJson());
        }
        return state.idempotencyStore().putIfAbsent(key, Callbacks.json(provisional), ttl).thenCompose(previous -> {
            if (previous.isPresent()) {
                return CompletableFuture.completedFuture(new Answer(readAnswer(previous.get()), true));
            }
            return limitThenSubmit(user, messages, key, ttl);
        });
    }

    private static void checkSenders(UserConfig user, List<GatewayMessage> messages) {
        for (int i = 0; i < messages.size(); i++) {
            GatewayMessage m = messages.get(i);
            if (m.from() != null && !user.allowsSender(m.from())) {
                throw new HttpException(403, "sender_not_allowed", "user " + user.name() + " may not send from '"
                        + m.from() + "'", messages.size() > 1 ? "messages[" + i + "].from" : "from");
            }
            if (m.from() == null && !user.allowedSenders().isEmpty()) {
                throw new HttpException(403, "sender_required", "user " + user.name()
                        + " must name one of its allowed senders in from", "from");
            }
        }
    }

    private static HttpException refusal(UserConfig user, UsageLimiter.Verdict verdict) {
        return verdict == UsageLimiter.Verdict.RATE_LIMITED
                ? new HttpException(429, "rate_limited", "user " + user.name() + " may send "
                + user.ratePerSecond() + " messages per second; slow down and retry", null)
                : new HttpException(403, "quota_exhausted", "user " + user.name() + " has used its quota of "
                + user.quota() + " messages", null);
    }

    private CompletionStage<Answer> limitThenSubmit(UserConfig user, List<GatewayMessage> messages, String key, Duration ttl) {
        return state.usageLimiter().acquire(user, messages.size()).thenCompose(verdict -> {
            if (verdict != UsageLimiter.Verdict.ALLOWED) {
                CompletionStage<Void> forget = key != null ? state.idempotencyStore().remove(key)
                        : CompletableFuture.completedFuture(null);
                HttpException e = refusal(user, verdict);
                return forget.thenCompose(v -> CompletableFuture.<Answer>failedFuture(e));
            }
            CompletionStage<List<SubmitResult>> submitted;
            try {
                submitted = service.submit(messages);
            } catch (RuntimeException e) {
                submitted = CompletableFuture.failedFuture(e);
            }
            return submitted.handle((results, err) -> {
                if (err != null) {
                    // Nothing was taken: the key must not answer "queued" for messages never queued.
                    CompletionStage<Void> forget = key != null ? state.idempotencyStore().remove(key)
                            : CompletableFuture.completedFuture(null);
                    return forget.thenCompose(v -> CompletableFuture.<Answer>failedFuture(err));
                }
                List<Map<String, Object>> out = new ArrayList<>(results.size());
                for (SubmitResult r : results) {
                    out.add(r.toJson());
                }
                CompletionStage<Void> saved = key != null ? state.idempotencyStore().put(key, Callbacks.json(out), ttl)
                        : CompletableFuture.completedFuture(null);
                return saved.thenApply(v -> new Answer(out, false));
            }).thenCompose(java.util.function.Function.identity());
        });
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> readAnswer(String json) {
        try {
            List<Object> list = Callbacks.JSON.readValue(json, List.class);
            List<Map<String, Object>> out = new ArrayList<>();
            for (Object o : list) {
                out.add(new LinkedHashMap<>((Map<String, Object>) o));
            }
            return out;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a stored idempotent answer cannot be read", e);
        }
    }
}
