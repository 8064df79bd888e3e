package io.ujumbe.gateway;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Random (version 4) UUIDs for message, callback and inbound ids, as {@link UUID#randomUUID()}
 * makes them, but from one {@link SecureRandom} per thread. {@code randomUUID()} draws from one
 * shared NativePRNG whose lock every I/O thread contended for (a message made three ids: the
 * message's and its two callbacks'; the gateway's profile showed the lock held up to tens of ms
 * under load). The ids stay unguessable: each thread's generator is a DRBG seeded from the system.
 */
final class Ids {
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(Ids::newRandom);

    private Ids() {
    }

    /** A new random UUID in its usual text form. */
    static String uuid() {
        SecureRandom r = RANDOM.get();
        long msb = r.nextLong();
        long lsb = r.nextLong();
        msb = (msb & ~0xF000L) | 0x4000L;                       // version 4
        lsb = (lsb & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
        return new UUID(msb, lsb).toString();
    }

    private static SecureRandom newRandom() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            // Every JDK since 9 has DRBG; a JDK without it still gets a working, if shared, generator.
            return new SecureRandom();
        }
    }
}
