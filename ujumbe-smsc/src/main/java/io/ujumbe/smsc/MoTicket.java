package io.ujumbe.smsc;

import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * The simulator's receipt for a queued MO ({@link SmscSimulator#queueMo(MoRequest)}): its id (as
 * the simulator's logs name it), how many deliver_sm parts it takes, whether it waits for a
 * receiver to bind, and a stage that completes once the ESME has acknowledged every part.
 * {@link #delivered()} fails when the MO expired in the store before a receiver bound, or when
 * a part was refused every time it was sent.
 *
 * @param id        the MO's id, {@code mo-N}
 * @param parts     deliver_sm parts (more than 1 for a long text, 8-bit UDH concatenation)
 * @param waiting   true when no receiver was bound at queueing: it is stored until one binds
 * @param delivered completes when every part was answered ESME_ROK
 */
public record MoTicket(String id, int parts, boolean waiting, CompletionStage<Void> delivered) {

    /** @throws NullPointerException when {@code id} or {@code delivered} is null */
    public MoTicket {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(delivered, "delivered");
    }
}
