package io.ujumbe.client;

import io.ujumbe.receipt.MessageIdFormat;
import io.ujumbe.receipt.MessageIdNormalizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Matches delivery receipts to the messages they report on. On acceptance it stores the
 * correlation under a normalised form of the submit_sm_resp message_id; a receipt looks it up under
 * each form its receipted id may correspond to (hex vs decimal, leading zeros, case). A receipt
 * that arrives before its submit_sm_resp was processed waits (briefly, without blocking) for the
 * correlation to be stored instead of being reported unmatched.
 */
final class Correlator {
    private static final Logger LOG = LoggerFactory.getLogger(Correlator.class);

    private final ClientLog log;
    private final CorrelationStore store;
    /** The store when it is the in-memory one (which reads ahead and takes the caller's clock), else null. */
    private final InMemoryCorrelationStore inMemory;
    private final MessageIdNormalizer normalizer;
    private final ScheduledExecutorService timer;
    private final Duration wait;
    private final Map<String, List<CompletableFuture<Correlation>>> waiters = new ConcurrentHashMap<>();
    /** What {@link #remember} returns when the store completed at once. Never completed by anyone else. */
    static final CompletableFuture<Void> STORED = CompletableFuture.completedFuture(null);

    Correlator(CorrelationStore store, MessageIdFormat format, ScheduledExecutorService timer, Duration wait,
               ClientConfig config) {
        this.log = new ClientLog(LOG, config);
        this.store = store;
        this.inMemory = store instanceof InMemoryCorrelationStore ? (InMemoryCorrelationStore) store : null;
        this.normalizer = MessageIdNormalizer.of(format);
        this.timer = timer;
        this.wait = wait;
    }

    /**
     * Stores the correlation of an accepted part, then wakes any receipt waiting for it. Returns
     * {@link #STORED} (and allocates no stage) when the store completed at once, as the in-memory
     * one does: this runs for every accepted part.
     */
    CompletableFuture<Void> remember(String submitMessageId, Correlation correlation, long nowNanos) {
        String key = submitKey(submitMessageId);
        // The in-memory store takes the dispatcher's clock reading instead of reading its own per put.
        CompletionStage<Void> put = inMemory != null ? inMemory.put(key, correlation, nowNanos)
                : store.put(key, correlation);
        if (put == InMemoryCorrelationStore.DONE || Stages.isCompletedNormally(put)) {
            stored(key, correlation);
            return STORED;
        }
        return put.handle((v, err) -> {
            if (err != null) {
                log.warn(null).setCause(err).addKeyValue("messageId", submitMessageId)
                        .log("correlation store put failed; the receipt of this message will not be matched");
            }
            stored(key, correlation);
            return (Void) null;
        }).toCompletableFuture();
    }

    /**
     * Lets an in-memory store read ahead where the next {@code n} puts will go (see {@link
     * InMemoryCorrelationStore#prefetch}). The ids as the SMSC wrote them: for the usual formats
     * they are the keys; where normalising changes one, its read ahead is wasted, nothing else.
     */
    void prefetch(String[] submitMessageIds, int n) {
        if (inMemory != null) {
            inMemory.prefetch(submitMessageIds, n);
        }
    }

    /** Whether {@link #prefetch} does anything: the caller need not collect ids for a remote store. */
    boolean readsAhead() {
        return inMemory != null;
    }

    private void stored(String key, Correlation correlation) {
        // Nearly always empty. A receipt registers its waiter before it looks in the store a second
        // time, so a put that finds no waiter here is found by that second lookup instead.
        if (waiters.isEmpty()) {
            return;
        }
        List<CompletableFuture<Correlation>> w = waiters.remove(key);
        if (w != null) {
            for (CompletableFuture<Correlation> f : w) {
                f.complete(correlation);
            }
        }
    }

    /** Finds the correlation for a receipt's id, waiting up to the configured time if it is not stored yet. */
    CompletionStage<Optional<Correlation>> find(String receiptMessageId) {
        return find(receiptMessageId, Optional.empty());
    }

    /**
     * Like {@link #find(String)}, also trying a second id the receipt named (its text's id when the
     * TLV's was used): both are looked up, and waited for, together, so a miss costs one wait.
     */
    CompletionStage<Optional<Correlation>> find(String receiptMessageId, Optional<String> alternateId) {
        List<String> keys = receiptKeys(receiptMessageId);
        if (alternateId.isPresent()) {
            keys = new java.util.ArrayList<>(keys);
            for (String k : receiptKeys(alternateId.get())) {
                if (!keys.contains(k)) {
                    keys.add(k);
                }
            }
        }
        List<String> allKeys = keys;
        return lookup(allKeys, 0).thenCompose(found -> {
            if (found.isPresent() || wait.isZero()) {
                return CompletableFuture.completedFuture(found);
            }
            CompletableFuture<Correlation> waiter = new CompletableFuture<>();
            for (String k : allKeys) {
                waiters.computeIfAbsent(k, x -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(waiter);
            }
            timer.schedule(() -> waiter.complete(null), wait.toMillis(), TimeUnit.MILLISECONDS);
            // The put may have happened between the lookup and the registration: look once more.
            lookup(allKeys, 0).thenAccept(again -> again.ifPresent(waiter::complete));
            return waiter.thenApply(c -> {
                for (String k : allKeys) {
                    waiters.computeIfPresent(k, (x, list) -> {
                        list.remove(waiter);
                        return list.isEmpty() ? null : list;
                    });
                }
                return Optional.ofNullable(c);
            });
        });
    }

    private CompletionStage<Optional<Correlation>> lookup(List<String> keys, int i) {
        if (i >= keys.size()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return store.get(keys.get(i)).thenCompose(found -> found.isPresent()
                ? CompletableFuture.completedFuture(found) : lookup(keys, i + 1));
    }

    /** The key a submit_sm_resp id is stored under. */
    String submitKey(String id) {
        return normalizer.normalizeSubmitId(id == null ? "" : id.trim());
    }

    /** The keys a receipt's id may be stored under, most likely first. */
    List<String> receiptKeys(String id) {
        return normalizer.candidates(id == null ? "" : id.trim());
    }
}
