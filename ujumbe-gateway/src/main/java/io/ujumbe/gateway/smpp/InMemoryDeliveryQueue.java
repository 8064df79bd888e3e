package io.ujumbe.gateway.smpp;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link DeliveryQueue} in this process: lost on restart. Thread-safe. */
public final class InMemoryDeliveryQueue implements DeliveryQueue {
    private final int maxPerUser;
    private final Map<String, ArrayDeque<QueuedDelivery>> queues = new ConcurrentHashMap<>();

    /**
     * A queue keeping at most {@code maxPerUser} entries per user.
     *
     * @param maxPerUser the bound
     */
    public InMemoryDeliveryQueue(int maxPerUser) {
        if (maxPerUser < 1) {
            throw new IllegalArgumentException("maxPerUser must be at least 1, was " + maxPerUser);
        }
        this.maxPerUser = maxPerUser;
    }

    @Override
    public CompletionStage<Integer> add(String user, QueuedDelivery delivery) {
        ArrayDeque<QueuedDelivery> q = queues.computeIfAbsent(user, u -> new ArrayDeque<>());
        int dropped = 0;
        synchronized (q) {
            q.addLast(delivery);
            while (q.size() > maxPerUser) {
                q.pollFirst();
                dropped++;
            }
        }
        return CompletableFuture.completedFuture(dropped);
    }

    @Override
    public CompletionStage<List<QueuedDelivery>> take(String user, int max) {
        ArrayDeque<QueuedDelivery> q = queues.get(user);
        List<QueuedDelivery> out = new ArrayList<>();
        if (q != null) {
            synchronized (q) {
                while (out.size() < max && !q.isEmpty()) {
                    out.add(q.pollFirst());
                }
            }
        }
        return CompletableFuture.completedFuture(out);
    }

    @Override
    public CompletionStage<Long> size(String user) {
        ArrayDeque<QueuedDelivery> q = queues.get(user);
        if (q == null) {
            return CompletableFuture.completedFuture(0L);
        }
        synchronized (q) {
            return CompletableFuture.completedFuture((long) q.size());
        }
    }

    @Override
    public boolean durable() {
        return false;
    }
}
