package io.ujumbe.gateway;

import java.util.List;
import java.util.Map;

/**
 * What the status store keeps of a message once it is taken: who sent it where, and where its
 * reports go. Its events ({@link MessageEvent}) are kept beside it; {@link MessageView} joins them.
 * Holds neither the text nor any secret. Written as JSON (Jackson) by the Redis store.
 *
 * @param id the gateway's id
 * @param user the sender's user name
 * @param to the destination
 * @param from the sender, or null
 * @param clientReference the client's reference, or null
 * @param dlrUrl where reports go, or null
 * @param dlrLevel which reports ({@link DlrLevel#jsonName()})
 * @param callbackFormat json, kannel or jasmin
 * @param dlrMask Kannel's dlr-mask, or 0
 * @param dlrMethod GET or POST for Jasmin's callbacks
 * @param receipt whether a receipt was asked for
 * @param metadata the client's data
 * @param createdAt when the gateway took it, epoch milliseconds
 * @param route the connectors it may go through, in the order they are tried
 */
public record MessageRecord(String id, String user, String to, String from, String clientReference, String dlrUrl,
                            String dlrLevel, String callbackFormat, int dlrMask, String dlrMethod, boolean receipt,
                            Map<String, String> metadata, long createdAt, List<String> route) {
    /** Normalises the collections. */
    public MessageRecord {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        route = route == null ? List.of() : List.copyOf(route);
    }

    /**
     * The record of a message about to be queued.
     *
     * @param m the message
     * @param route the connectors chosen for it
     * @param now the time, epoch milliseconds
     * @return the record
     */
    public static MessageRecord of(GatewayMessage m, List<String> route, long now) {
        return new MessageRecord(m.id(), m.user(), m.to(), m.from(), m.clientReference(), m.dlrUrl(),
                m.dlrLevel().jsonName(), m.callbackFormat().name(), m.dlrMask(), m.dlrMethod(), m.receipt(),
                m.metadata(), now, route);
    }

    /** @return the level of reports asked for */
    public DlrLevel level() {
        DlrLevel l = DlrLevel.parse(dlrLevel);
        return l == null ? DlrLevel.NONE : l;
    }

    /** @return the format of reports */
    public CallbackFormat format() {
        return CallbackFormat.valueOf(callbackFormat);
    }
}
