package io.ujumbe.gateway;

import java.util.Set;

/**
 * An inbound (MO) SMS as the gateway posts it, reassembled by the client.
 *
 * @param id the gateway's id for it
 * @param from the sender's number
 * @param to the number or short code it was sent to
 * @param text the decoded text
 * @param dataCoding its data_coding
 * @param parts how many PDUs carried it
 * @param connector the connector it came through
 * @param receivedAt when, epoch milliseconds
 * @param tags tags set by MO interceptors, for MO routes
 */
public record InboundSms(String id, String from, String to, String text, int dataCoding, int parts, String connector,
                         long receivedAt, Set<String> tags) {
    /** Copies the tags. */
    public InboundSms {
        tags = Set.copyOf(tags);
    }

    /**
     * This message with one more tag.
     *
     * @param tag the tag
     * @return the copy
     */
    public InboundSms withTag(String tag) {
        java.util.Set<String> t = new java.util.LinkedHashSet<>(tags);
        t.add(tag);
        return new InboundSms(id, from, to, text, dataCoding, parts, connector, receivedAt, t);
    }

    @Override
    public String toString() {
        return "InboundSms{" + id + ", from=" + from + ", to=" + to + ", parts=" + parts + "}";
    }
}
