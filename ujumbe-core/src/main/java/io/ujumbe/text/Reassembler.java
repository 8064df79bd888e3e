package io.ujumbe.text;

import java.util.Optional;

/**
 * Puts inbound multipart messages back together. Each deliver_sm or data_sm is offered as an
 * {@link InboundPart}; the whole message comes back once its last missing part arrives. Parts may
 * arrive in any order; a part seen twice is ignored; a message not in parts comes straight back.
 * Implementations are safe for concurrent use by several sessions.
 */
public interface Reassembler {
    /**
     * Takes one part.
     *
     * @return the whole message when this part completes it (or is a message on its own), else empty
     * @throws InvalidPartException if the part cannot belong to the message its key names
     */
    Optional<ReassembledMessage> accept(InboundPart part);
}
