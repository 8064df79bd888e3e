package io.ujumbe.client;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What the client remembers about a submitted message part, keyed by the message_id the SMSC gave
 * it, so that a delivery receipt for that id can be matched to the application's message.
 *
 * @param correlationId the application's id for the message
 * @param metadata the application's key/value data carried with the message; an immutable copy
 * @param partNumber which part of the message this is, from 1
 * @param totalParts how many parts the message was split into, at least 1
 * @param submittedAt when the part was accepted by the SMSC
 */
public record Correlation(String correlationId, Map<String, String> metadata,
                          int partNumber, int totalParts, Instant submittedAt) {

    public Correlation {
        if (correlationId == null || correlationId.isEmpty()) {
            throw new IllegalArgumentException("correlationId must not be empty");
        }
        Objects.requireNonNull(metadata, "metadata");
        if (metadata.isEmpty()) {
            // The common case, once per accepted part: no iterator, no copy.
            metadata = Map.of();
        } else {
            // Map.copyOf rejects null keys and values; name the field rather than let it say nothing.
            for (Map.Entry<String, String> e : metadata.entrySet()) {
                if (e.getKey() == null || e.getValue() == null) {
                    throw new IllegalArgumentException("metadata must not contain null keys or values, found "
                            + e.getKey() + "=" + e.getValue());
                }
            }
            metadata = Map.copyOf(metadata);
        }
        if (totalParts < 1) {
            throw new IllegalArgumentException("totalParts must be at least 1, was " + totalParts);
        }
        if (partNumber < 1 || partNumber > totalParts) {
            throw new IllegalArgumentException(
                    "partNumber must be between 1 and totalParts (" + totalParts + "), was " + partNumber);
        }
        Objects.requireNonNull(submittedAt, "submittedAt");
    }

    /** A message sent in one part. */
    public static Correlation single(String correlationId, Map<String, String> metadata, Instant submittedAt) {
        return new Correlation(correlationId, metadata, 1, 1, submittedAt);
    }

    /** True when the message was split into more than one part. */
    public boolean isMultipart() {
        return totalParts > 1;
    }
}
