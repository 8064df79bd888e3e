package io.ujumbe.gateway;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The status store of a single gateway process: a bounded Caffeine cache whose entries expire a
 * while after their last event. Lost on restart; use the Redis store to keep statuses.
 */
public final class InMemoryStatusStore implements StatusStore {
    private final Cache<String, Entry> entries;
    private final ConcurrentLinkedDeque<String> latest = new ConcurrentLinkedDeque<>();
    private final AtomicInteger latestSize = new AtomicInteger();

    /**
     * A store.
     *
     * @param ttl how long a message is kept after its last event
     * @param maxMessages the most messages kept (the oldest go first)
     */
    public InMemoryStatusStore(Duration ttl, long maxMessages) {
        this.entries = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maxMessages).build();
    }

    @Override
    public CompletionStage<Void> create(MessageRecord record, MessageEvent first) {
        Entry e = new Entry(record);
        e.events.add(first);
        entries.put(record.id(), e);
        latest.addFirst(record.id());
        // The deque's size() walks it: an own count keeps the trim cheap.
        if (latestSize.incrementAndGet() > RECENT && latest.pollLast() != null) {
            latestSize.decrementAndGet();
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<List<MessageView>> recent(int limit) {
        List<MessageView> out = new ArrayList<>(Math.min(limit, RECENT));
        for (String id : latest) {
            if (out.size() >= limit) {
                break;
            }
            find(id).toCompletableFuture().getNow(Optional.empty()).ifPresent(out::add);
        }
        return CompletableFuture.completedFuture(out);
    }

    @Override
    public CompletionStage<Void> append(String id, MessageEvent event) {
        Entry e = entries.getIfPresent(id);
        if (e != null) {
            synchronized (e) {
                e.events.add(event);
            }
            entries.put(id, e);
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Optional<MessageView>> find(String id) {
        Entry e = entries.getIfPresent(id);
        if (e == null) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        List<MessageEvent> copy;
        synchronized (e) {
            copy = new ArrayList<>(e.events);
        }
        return CompletableFuture.completedFuture(Optional.of(new MessageView(e.record, copy)));
    }

    /** @return messages held now (approximate) */
    public long size() {
        return entries.estimatedSize();
    }

    private static final class Entry {
        final MessageRecord record;
        final List<MessageEvent> events = new ArrayList<>(4);

        Entry(MessageRecord record) {
            this.record = record;
        }
    }
}
