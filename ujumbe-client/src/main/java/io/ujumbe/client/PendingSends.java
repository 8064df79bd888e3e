package io.ujumbe.client;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The futures {@code send()} returned whose message has no outcome yet, found by correlation id.
 *
 * <p>Why not a {@code ConcurrentHashMap<String, CompletableFuture>}: a queued message would then
 * hold its correlation id as a string (80 bytes for a random UUID), a map node (32 bytes) and a
 * future (24 bytes). Here each future is its own table node and the id is compared through the
 * message ({@link OutboundMessage#sameCorrelationId}), so a million queued messages cost a million
 * 32-byte futures and their table slots. The table is split in stripes, each with its own lock held
 * for one bucket walk, so senders on many threads and the dispatcher rarely wait on each other.
 */
final class PendingSends {
    private static final int STRIPES = 32;

    /** A send()'s future, chained in its bucket. */
    static final class Pending extends CompletableFuture<MessageOutcome> {
        final OutboundMessage message;
        final int hash;
        Pending next;

        Pending(OutboundMessage message, int hash) {
            this.message = message;
            this.hash = hash;
        }
    }

    private static final class Stripe {
        Pending[] table = new Pending[16];
        int size;
    }

    private final Stripe[] stripes = new Stripe[STRIPES];

    PendingSends() {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Stripe();
        }
    }

    private static int spread(int h) {
        h ^= h >>> 16;
        return h * 0x9E3779B9;
    }

    /** A new future for {@code message}, or null when one with its correlation id is in progress. */
    Pending add(OutboundMessage message) {
        int h = spread(message.correlationIdHash());
        Stripe s = stripes[h >>> 27];
        synchronized (s) {
            Pending[] t = s.table;
            int i = h & (t.length - 1);
            for (Pending p = t[i]; p != null; p = p.next) {
                if (p.hash == h && p.message.sameCorrelationId(message)) {
                    return null;
                }
            }
            Pending n = new Pending(message, h);
            n.next = t[i];
            t[i] = n;
            if (++s.size > t.length - (t.length >>> 2)) {
                grow(s);
            }
            return n;
        }
    }

    /** Removes and returns the future of the message with this one's correlation id, or null. */
    Pending remove(OutboundMessage message) {
        return unlink(spread(message.correlationIdHash()), message, null);
    }

    /** Removes exactly this future (its message could not be queued); false when it is gone already. */
    boolean remove(Pending pending) {
        return unlink(pending.hash, null, pending) != null;
    }

    /** Unlinks {@code exact} if given, else the first future whose message has {@code message}'s id. */
    private Pending unlink(int h, OutboundMessage message, Pending exact) {
        Stripe s = stripes[h >>> 27];
        synchronized (s) {
            Pending[] t = s.table;
            int i = h & (t.length - 1);
            for (Pending p = t[i], prev = null; p != null; prev = p, p = p.next) {
                if (exact != null ? p == exact
                        : p.hash == h && (p.message == message || p.message.sameCorrelationId(message))) {
                    if (prev == null) {
                        t[i] = p.next;
                    } else {
                        prev.next = p.next;
                    }
                    p.next = null;
                    s.size--;
                    return p;
                }
            }
            return null;
        }
    }

    /** Removes and returns every future (the client stopped). */
    List<Pending> drain() {
        List<Pending> all = new ArrayList<>();
        for (Stripe s : stripes) {
            synchronized (s) {
                for (Pending head : s.table) {
                    for (Pending p = head; p != null; p = p.next) {
                        all.add(p);
                    }
                }
                s.table = new Pending[16];
                s.size = 0;
            }
        }
        return all;
    }

    /** How many futures wait. */
    int size() {
        int n = 0;
        for (Stripe s : stripes) {
            synchronized (s) {
                n += s.size;
            }
        }
        return n;
    }

    private static void grow(Stripe s) {
        Pending[] old = s.table;
        Pending[] t = new Pending[old.length * 2];
        for (Pending head : old) {
            for (Pending p = head; p != null; ) {
                Pending next = p.next;
                int i = p.hash & (t.length - 1);
                p.next = t[i];
                t[i] = p;
                p = next;
            }
        }
        s.table = t;
    }
}
