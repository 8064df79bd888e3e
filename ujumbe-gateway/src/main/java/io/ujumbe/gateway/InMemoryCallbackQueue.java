package io.ujumbe.gateway;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

/** The callback queue of one process, ordered by due time; lost on restart. */
public final class InMemoryCallbackQueue implements CallbackQueue {
    private final ConcurrentSkipListSet<Callback> due = new ConcurrentSkipListSet<>(
            Comparator.comparingLong(Callback::dueAt).thenComparing(Callback::id));
    private final Map<String, Callback> all = new ConcurrentHashMap<>();

    @Override
    public CompletionStage<Void> add(Callback callback) {
        all.put(callback.id(), callback);
        due.add(callback);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<List<Callback>> claimDue(int max, long leaseMillis) {
        long now = System.currentTimeMillis();
        List<Callback> out = new ArrayList<>();
        while (out.size() < max) {
            Callback first = due.pollFirst();
            if (first == null) {
                break;
            }
            if (first.dueAt() > now) {
                due.add(first);
                break;
            }
            out.add(first);
        }
        return CompletableFuture.completedFuture(out);
    }

    @Override
    public CompletionStage<Void> done(Callback callback) {
        all.remove(callback.id());
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> reschedule(Callback callback) {
        all.put(callback.id(), callback);
        due.add(callback);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<List<Callback>> peek(int max) {
        List<Callback> out = new ArrayList<>();
        for (Callback c : all.values()) {
            out.add(c);
        }
        out.sort(Comparator.comparingLong(Callback::dueAt).thenComparing(Callback::id));
        return CompletableFuture.completedFuture(out.size() > max ? List.copyOf(out.subList(0, max)) : out);
    }

    @Override
    public long pending() {
        return all.size();
    }
}
