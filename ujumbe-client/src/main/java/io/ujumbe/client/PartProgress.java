package io.ujumbe.client;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What earlier attempts of a multipart message achieved, kept with its {@link OutboxEntry} so that
 * a retry, by this process or another that takes the entry over, resends only the parts the SMSC
 * has not accepted, under the same concatenation reference (the handset joins the parts by it).
 *
 * @param reference the concatenation reference the parts were sent with, 0..65535
 * @param parts how many parts the message was split into; a retry that splits it otherwise
 *     (another client configuration) starts again
 * @param acceptedParts part number (1-based) → message_id the SMSC gave it
 */
public record PartProgress(int reference, int parts, Map<Integer, String> acceptedParts) {
    public PartProgress {
        if (reference < 0 || reference > 0xFFFF) {
            throw new IllegalArgumentException("reference must be 0..65535, was " + reference);
        }
        if (parts < 1 || parts > 255) {
            throw new IllegalArgumentException("parts must be 1..255, was " + parts);
        }
        Objects.requireNonNull(acceptedParts, "acceptedParts");
        for (Map.Entry<Integer, String> e : acceptedParts.entrySet()) {
            if (e.getKey() == null || e.getKey() < 1 || e.getKey() > parts || e.getValue() == null) {
                throw new IllegalArgumentException("acceptedParts must map part numbers 1.." + parts
                        + " to message ids, had " + e.getKey() + " -> " + e.getValue());
            }
        }
        acceptedParts = java.util.Collections.unmodifiableMap(new TreeMap<>(acceptedParts));
    }

    /** The message ids by part index (0-based), null where a part was not accepted. */
    String[] messageIds() {
        String[] ids = new String[parts];
        acceptedParts.forEach((n, id) -> ids[n - 1] = id);
        return ids;
    }

    /** From the dispatcher's per-part ids (null = not accepted). */
    static PartProgress of(int reference, String[] messageIds) {
        Map<Integer, String> accepted = new TreeMap<>();
        for (int i = 0; i < messageIds.length; i++) {
            if (messageIds[i] != null) {
                accepted.put(i + 1, messageIds[i]);
            }
        }
        return new PartProgress(reference, messageIds.length, accepted);
    }
}
