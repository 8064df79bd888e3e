package io.ujumbe.smsc;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A concatenated message whose parts (UDH or SAR) have all arrived, joined in order.
 *
 * @param systemId    the account that submitted the parts
 * @param source      the source address
 * @param destination the destination address
 * @param dataCoding  the data_coding of the parts
 * @param text        the joined text decoded by the data_coding (empty when binary)
 * @param payload     the joined user data, headers removed
 * @param messageIds  the ids given to the parts, in part order
 */
public record JoinedMessage(String systemId, String source, String destination, int dataCoding, String text,
                            byte[] payload, List<String> messageIds) {

    /** @throws NullPointerException when a component is null */
    public JoinedMessage {
        Objects.requireNonNull(systemId, "systemId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(text, "text");
        payload = payload.clone();
        messageIds = List.copyOf(messageIds);
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** The number of parts joined. */
    public int parts() {
        return messageIds.size();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JoinedMessage m && systemId.equals(m.systemId) && source.equals(m.source)
                && destination.equals(m.destination) && dataCoding == m.dataCoding && text.equals(m.text)
                && Arrays.equals(payload, m.payload) && messageIds.equals(m.messageIds);
    }

    @Override
    public int hashCode() {
        return Objects.hash(systemId, source, destination, text, messageIds);
    }

    @Override
    public String toString() {
        return "JoinedMessage{systemId=" + systemId + ", " + source + " -> " + destination + ", parts=" + parts()
                + ", text=" + text + "}";
    }
}
