package io.ujumbe.session;

/**
 * Hands out the sequence_number of each request a session sends. SMPP allows 1 to 0x7FFFFFFF;
 * implementations return only values in that range and repeat a value only after the whole range
 * has been used, so a response can always be matched to its request. Thread-safe.
 *
 * <p>The default is {@link InMemorySequencer}; a shared implementation (Redis) lets several
 * processes bound to one account draw from one sequence.
 */
public interface Sequencer {

    /** The next sequence number, between 1 and 0x7FFFFFFF inclusive. */
    int next();
}
