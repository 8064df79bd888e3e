package io.ujumbe.client;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Picks the concatenation reference of each long message. A handset joins parts by (sender,
 * reference), so two messages in flight to one handset must not share one. Every client starts
 * from a random reference, so that two processes sending to the same handset do not both count
 * from 0: the counter of each destination starts at random (a bounded cache: destinations not written to for
 * an hour are forgotten), and counts on from there, so that a handset sees the 256 (8-bit) or
 * 65,536 (16-bit) values in turn before one comes back. Thread-safe.
 */
final class ConcatenationReferences {
    private static final int MAX_DESTINATIONS = 100_000;

    private final Cache<String, AtomicInteger> byDestination = Caffeine.newBuilder()
            .maximumSize(MAX_DESTINATIONS)
            .expireAfterAccess(Duration.ofHours(1))
            .build();
    /** Seeded per client, so that processes started together do not draw the same values. */
    private final SecureRandom random = new SecureRandom();

    /** The next reference (0..65535) for a message to {@code destination}; callers mask it to 8 bits when needed. */
    int next(String destination) {
        AtomicInteger counter = byDestination.get(destination,
                d -> new AtomicInteger(random.nextInt(0x10000)));
        return counter.getAndIncrement() & 0xFFFF;
    }
}
