package io.ujumbe.session;

import io.netty.util.concurrent.FastThreadLocal;

/**
 * A thread's reusable byte array for frames that go through an array on their way to or from a
 * direct buffer (one bulk copy instead of a buffer view per PDU). It grows to the largest frame
 * seen, up to a limit; larger frames (rare: long message_payloads) get a temporary array so that
 * one huge PDU does not pin memory.
 *
 * <p>One per event-loop thread and use, not one per channel: an array is only used within one
 * encode or decode call, and a simulator or gateway holding thousands of idle sessions paid
 * 2 x 272 bytes per session for arrays it used once, at bind.
 */
final class ScratchArray {
    private static final int LIMIT = 64 * 1024;

    /** The encoder's array of the calling thread. */
    static final FastThreadLocal<ScratchArray> ENCODING = perThread();
    /** The decoder's array of the calling thread (separate: a decoded frame's read may trigger a write). */
    static final FastThreadLocal<ScratchArray> DECODING = perThread();

    private static FastThreadLocal<ScratchArray> perThread() {
        return new FastThreadLocal<>() {
            @Override
            protected ScratchArray initialValue() {
                return new ScratchArray();
            }
        };
    }

    private byte[] array = new byte[256];

    /** An array of at least {@code length} octets, this one's when it fits under the limit. */
    byte[] atLeast(int length) {
        if (length <= array.length) {
            return array;
        }
        if (length > LIMIT) {
            return new byte[length];
        }
        array = new byte[Math.min(LIMIT, Math.max(length, 2 * array.length))];
        return array;
    }
}
