package io.ujumbe.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ujumbe.client.OutboundMessage;
import io.ujumbe.pdu.RegisteredDelivery;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * One line of a JSON-lines outbox: {@code {"version":1,"to":"254700000001","from":"acme",
 * "text":"…","correlationId":"…","metadata":{…},"encoding":"auto","receipt":true}}. Only
 * {@code to} and {@code text} are required; unknown keys are rejected so that a typo does not
 * silently send something else.
 */
final class JsonlMessage {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> KEYS = Set.of("version", "to", "from", "text", "correlationId", "metadata",
            "encoding", "receipt");

    private JsonlMessage() {
    }

    /** The message of one line; throws {@link IllegalArgumentException} naming the field that is wrong. */
    static OutboundMessage parse(String line) {
        JsonNode node;
        try {
            node = MAPPER.readTree(line);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("a line must be one JSON object");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException(key + " is not a message field (allowed: " + String.join(", ", KEYS) + ")");
            }
        }
        if (node.has("version") && node.get("version").asInt(-1) != 1) {
            throw new IllegalArgumentException("version must be 1, was " + node.get("version"));
        }
        OutboundMessage.Builder b = OutboundMessage.builder()
                .to(text(node, "to", true))
                .text(text(node, "text", true));
        String from = text(node, "from", false);
        if (from != null) {
            b.from(from);
        }
        String correlationId = text(node, "correlationId", false);
        if (correlationId != null) {
            b.correlationId(correlationId);
        }
        String encoding = text(node, "encoding", false);
        if (encoding != null) {
            b.encoding(Choices.pick("encoding", encoding, Choices.CODING));
        }
        if (node.has("receipt")) {
            if (!node.get("receipt").isBoolean()) {
                throw new IllegalArgumentException("receipt must be true or false, was " + node.get("receipt"));
            }
            b.registeredDelivery(node.get("receipt").asBoolean() ? RegisteredDelivery.RECEIPT : RegisteredDelivery.NONE);
        }
        JsonNode metadata = node.get("metadata");
        if (metadata != null && !metadata.isNull()) {
            if (!metadata.isObject()) {
                throw new IllegalArgumentException("metadata must be an object of strings");
            }
            for (Map.Entry<String, JsonNode> e : metadata.properties()) {
                if (e.getValue().isContainerNode() || e.getValue().isNull()) {
                    throw new IllegalArgumentException("metadata." + e.getKey() + " must be a string, number or boolean");
                }
                b.putMetadata(e.getKey(), e.getValue().asText());
            }
        }
        return b.build();
    }

    private static String text(JsonNode node, String field, boolean required) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new IllegalArgumentException(field + " is required");
            }
            return null;
        }
        if (!v.isTextual() && !v.isNumber()) {
            throw new IllegalArgumentException(field + " must be a string, was " + v.getNodeType().toString().toLowerCase(java.util.Locale.ROOT));
        }
        return v.asText();
    }
}
