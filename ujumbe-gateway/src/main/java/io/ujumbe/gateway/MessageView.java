package io.ujumbe.gateway;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A message as {@code GET /v1/messages/{id}} shows it: its record and timeline, and what follows
 * from them (the status, the SMSC ids, the connector, the attempts, the last receipt).
 *
 * @param record what was stored when it was taken
 * @param events its timeline, oldest first
 */
public record MessageView(MessageRecord record, List<MessageEvent> events) {
    /** Copies the timeline. */
    public MessageView {
        events = List.copyOf(events);
    }

    /**
     * The status the timeline leads to, whatever order its events were stored in (a receipt can be
     * stored before the SMSC's acceptance that it follows).
     *
     * @return the status
     */
    public MessageStatus status() {
        boolean accepted = false;
        boolean failed = false;
        boolean expired = false;
        int parts = 1;
        Set<String> delivered = new HashSet<>();
        for (MessageEvent e : events) {
            switch (e.type()) {
                case "accepted":
                    accepted = true;
                    parts = Math.max(parts, e.smscMessageIds().size());
                    break;
                case "failed":
                    failed = true;
                    break;
                case "receipt":
                    String stat = e.state() == null ? "" : e.state();
                    if (stat.equals("DELIVRD")) {
                        delivered.add(e.smscMessageIds().isEmpty() ? "" : e.smscMessageIds().get(0));
                    } else if (stat.equals("EXPIRED")) {
                        expired = true;
                    } else if (ReceiptStatuses.isFinalFailure(stat)) {
                        failed = true;
                    }
                    break;
                default:
                    break;
            }
        }
        if (failed) {
            return MessageStatus.FAILED;
        }
        if (expired) {
            return MessageStatus.EXPIRED;
        }
        if (!accepted) {
            return MessageStatus.QUEUED;
        }
        if (delivered.size() >= parts) {
            return MessageStatus.DELIVERED;
        }
        return record.receipt() ? MessageStatus.ACCEPTED : MessageStatus.SENT;
    }

    /** @return the SMSC's message ids of the accepted submission, empty before */
    public List<String> smscMessageIds() {
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i).type().equals("accepted")) {
                return events.get(i).smscMessageIds();
            }
        }
        return List.of();
    }

    /**
     * When the status last changed: the latest step of the timeline other than a webhook attempt
     * (those come after the outcome they report), whatever order the steps were stored in; the
     * final date of a message whose {@link #status()} is final.
     *
     * @return epoch milliseconds, 0 for an empty timeline
     */
    public long finalAt() {
        long at = 0;
        for (MessageEvent e : events) {
            if (!e.type().equals("callback")) {
                at = Math.max(at, e.at());
            }
        }
        return at;
    }

    /** @return the connector it was last handed to, or null */
    public String connector() {
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i).connector() != null && !events.get(i).type().equals("callback")) {
                return events.get(i).connector();
            }
        }
        return null;
    }

    /** @return submission attempts reported so far */
    public int attempts() {
        int n = 0;
        for (MessageEvent e : events) {
            if (e.type().equals("accepted") || e.type().equals("failed") || e.type().equals("failover")) {
                n += Math.max(1, e.attempts());
            }
        }
        return n;
    }

    /** @return the JSON answer of {@code GET /v1/messages/{id}} */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", record.id());
        m.put("status", status().jsonName());
        m.put("to", record.to());
        m.put("from", record.from());
        m.put("user", record.user());
        m.put("clientReference", record.clientReference());
        m.put("connector", connector());
        m.put("smscMessageIds", smscMessageIds());
        m.put("attempts", attempts());
        m.put("createdAt", Instant.ofEpochMilli(record.createdAt()).toString());
        if (!record.metadata().isEmpty()) {
            m.put("metadata", record.metadata());
        }
        List<Map<String, Object>> timeline = new ArrayList<>();
        Map<String, Object> lastReceipt = null;
        for (MessageEvent e : events) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("event", e.type());
            t.put("at", Instant.ofEpochMilli(e.at()).toString());
            putIf(t, "connector", e.connector());
            if (!e.smscMessageIds().isEmpty()) {
                t.put("smscMessageIds", e.smscMessageIds());
            }
            putIf(t, "state", e.state());
            putIf(t, "error", e.error());
            putIf(t, "detail", e.detail());
            timeline.add(t);
            if (e.type().equals("receipt")) {
                lastReceipt = new LinkedHashMap<>();
                lastReceipt.put("stat", e.state());
                lastReceipt.put("status", ReceiptStatuses.callbackStatus(e.state()));
                lastReceipt.put("err", e.error());
                lastReceipt.put("smscMessageId", e.smscMessageIds().isEmpty() ? null : e.smscMessageIds().get(0));
                lastReceipt.put("at", Instant.ofEpochMilli(e.at()).toString());
            }
        }
        m.put("timeline", timeline);
        m.put("lastReceipt", lastReceipt);
        return m;
    }

    private static void putIf(Map<String, Object> m, String k, Object v) {
        if (v != null) {
            m.put(k, v);
        }
    }
}
