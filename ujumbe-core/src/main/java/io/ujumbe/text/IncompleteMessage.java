package io.ujumbe.text;

import java.util.ArrayList;
import java.util.List;

/**
 * A multipart message that a {@link CaffeineReassembler} gave up on, handed to its eviction
 * listener so that the application can log it, or deliver what arrived. Immutable.
 */
public final class IncompleteMessage {
    /** Why the parts were dropped. */
    public enum Cause {
        /** The missing parts did not arrive within the time-to-live. */
        EXPIRED,
        /** Too many incomplete messages were held; this one was dropped to bound memory. */
        SIZE
    }

    private final String source;
    private final String destination;
    private final int reference;
    private final int total;
    private final boolean sixteenBit;
    private final List<InboundPart> receivedParts;
    private final Cause cause;

    IncompleteMessage(String source, String destination, int reference, int total, boolean sixteenBit,
                      List<InboundPart> receivedParts, Cause cause) {
        this.source = source;
        this.destination = destination;
        this.reference = reference;
        this.total = total;
        this.sixteenBit = sixteenBit;
        this.receivedParts = List.copyOf(receivedParts);
        this.cause = cause;
    }

    public String source() {
        return source;
    }

    public String destination() {
        return destination;
    }

    /** The concatenation reference the parts shared. */
    public int reference() {
        return reference;
    }

    /** True when the reference was 16-bit (UDH IE 0x08 or SAR). */
    public boolean sixteenBit() {
        return sixteenBit;
    }

    /** The number of parts the message announced. */
    public int totalParts() {
        return total;
    }

    /** The parts that did arrive, in sequence order. */
    public List<InboundPart> receivedParts() {
        return receivedParts;
    }

    /** The sequence numbers that did arrive, ascending. */
    public List<Integer> receivedSequences() {
        List<Integer> seqs = new ArrayList<>(receivedParts.size());
        for (InboundPart p : receivedParts) {
            seqs.add(p.concatenation().orElseThrow().sequence());
        }
        return List.copyOf(seqs);
    }

    public Cause cause() {
        return cause;
    }

    @Override
    public String toString() {
        return "IncompleteMessage{" + source + " -> " + destination + ", reference=" + reference
                + (sixteenBit ? " (16-bit)" : " (8-bit)") + ", received " + receivedSequences() + " of " + total
                + ", cause=" + cause + '}';
    }
}
