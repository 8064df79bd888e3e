package io.ujumbe.gateway;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What became of one message of a submission: its id and destination and {@code queued}, or
 * {@code failed} with the reason (an interceptor rejected it, no route, the queue was full).
 *
 * @param id the gateway's id
 * @param to the destination
 * @param status {@code queued} or {@code failed}
 * @param error a machine-readable reason when failed, else null
 * @param message the reason for people when failed, else null
 */
public record SubmitResult(String id, String to, String status, String error, String message) {
    /** @return true when the message was taken */
    public boolean queued() {
        return status.equals("queued");
    }

    /** @return the JSON of this result in the POST answer */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("to", to);
        m.put("status", status);
        if (error != null) {
            m.put("error", error);
            m.put("message", message);
        }
        return m;
    }
}
