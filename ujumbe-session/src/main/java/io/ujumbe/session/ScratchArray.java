package io.ujumbe.session;

/**
 * A channel's reusable byte array for frames that go through an array on their way to or from a
 * direct buffer (one bulk copy instead of a buffer view per PDU). Used only on the channel's event
 * loop. It grows to the largest frame seen, up to a limit; larger frames (rare: long
 * message_payloads) get a temporary array so that one huge PDU does not pin memory.
 */
final class ScratchArray {
    private static final int LIMIT = 64 * 1024;

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
