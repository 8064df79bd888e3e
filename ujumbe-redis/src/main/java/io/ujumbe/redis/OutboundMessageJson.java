package io.ujumbe.redis;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ujumbe.client.OutboundMessage;
import io.ujumbe.client.PartProgress;
import io.ujumbe.client.SendState;
import io.ujumbe.client.TextEncoding;
import io.ujumbe.pdu.Address;
import io.ujumbe.pdu.NumberingPlan;
import io.ujumbe.pdu.RegisteredDelivery;
import io.ujumbe.pdu.Tlv;
import io.ujumbe.pdu.TypeOfNumber;
import io.ujumbe.text.MultipartMode;

import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The versioned JSON form of an {@link OutboundMessage}, as stored in the Redis outbox and read by
 * any outbox that takes JSON lines. Any language can enqueue a message by writing this object;
 * docs/deployment.md documents every field. Version 1:
 *
 * <pre>{@code
 * {"version":1,"correlationId":"a1","to":"254700000001","from":"ACME","text":"Your code is 1234",
 *  "encoding":"AUTO","receipt":true,"metadata":{"order":"42"},"validityPeriod":"000000020000000R",
 *  "priority":0,"serviceType":"","attempt":1}
 * }</pre>
 *
 * <p>A retry carries {@code "sendState"} too (a {@link SendState} name: what its earlier attempts
 * achieved, e.g. {@code SENT_NO_ANSWER}), so that the process taking the retry reports truthfully
 * whether the SMSC may have the message; absent means {@code NOT_SENT}.
 *
 * <p>Reading is strict about what it understands (types, ranges, exactly one of {@code text} and
 * {@code payloadBase64}) and names the offending field in its {@link IllegalArgumentException}.
 * Names of enumerations ({@code encoding}, {@code multipartMode}) are read case-insensitively.
 * {@link #decode(String)} ignores fields it does not know, so that producers may add their own;
 * {@link #decodeStrict(String)} rejects them, for hand-written input where an unknown field is
 * most likely a typo that would otherwise silently send something else. Thread-safe: every
 * method is static and stateless.
 *
 * <p>Both decoders also read naz's queue item (an object with {@code smpp_event} or
 * {@code smpp_command}: {@code {"version":"1","smpp_event":"submit_sm","short_message":…,
 * "correlation_id":…,"source_addr":…,"destination_addr":…}}), so that naz producers write to
 * ujumbe's outboxes unchanged; docs/deployment.md maps its fields. Errors are in plain words:
 * the field, or for malformed JSON what is wrong and at which column.
 */
public final class OutboundMessageJson {

    /** The format version written, and the only one read. */
    public static final int VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final HexFormat HEX = HexFormat.of();
    private static final Set<String> FIELDS = Set.of("version", "correlationId", "to", "from", "text",
            "payloadBase64", "dataCoding", "encoding", "receipt", "registeredDelivery", "metadata", "validityPeriod",
            "scheduleDeliveryTime", "priority", "serviceType", "protocolId", "multipartMode", "tlvs", "attempt",
            "progress", "sendState", "rawPart");
    private static final Set<String> PROGRESS_FIELDS = Set.of("reference", "parts", "acceptedParts");
    private static final Set<String> ADDRESS_FIELDS = Set.of("address", "ton", "npi");
    private static final Set<String> TLV_FIELDS = Set.of("tag", "valueHex");

    private OutboundMessageJson() {
    }

    /**
     * A message read from JSON with the attempt number it carried, what earlier attempts achieved
     * ({@code progress}, null when absent) and whether the SMSC may have it ({@code sendState},
     * NOT_SENT when absent).
     */
    public record Decoded(OutboundMessage message, int attempt, PartProgress progress, SendState sendState) {
        public Decoded {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(sendState, "sendState");
            if (attempt < 1) {
                throw new IllegalArgumentException("attempt must be at least 1, was " + attempt);
            }
        }

        /** Without progress. */
        public Decoded(OutboundMessage message, int attempt) {
            this(message, attempt, null);
        }

        /** Nothing sent yet. */
        public Decoded(OutboundMessage message, int attempt, PartProgress progress) {
            this(message, attempt, progress, SendState.NOT_SENT);
        }
    }

    /** The message as JSON, first attempt. */
    public static String toJson(OutboundMessage message) {
        return toJson(message, 1);
    }

    /** The message as JSON with {@code attempt} (at least 1) recorded in it. */
    public static String toJson(OutboundMessage message, int attempt) {
        return toJson(message, attempt, null);
    }

    /**
     * The message as JSON with {@code attempt} and, unless null, the parts earlier attempts got
     * accepted: {@code "progress":{"reference":17,"parts":3,"acceptedParts":{"1":"id-a"}}}, so that
     * whichever process retries it resends only the other parts, under the same reference.
     */
    public static String toJson(OutboundMessage message, int attempt, PartProgress progress) {
        return toJson(message, attempt, progress, SendState.NOT_SENT);
    }

    /**
     * Like {@link #toJson(OutboundMessage, int, PartProgress)}, with what the attempts so far
     * achieved ({@code sendState}, written unless NOT_SENT), so that the process taking the retry
     * reports truthfully whether the SMSC may have the message.
     */
    public static String toJson(OutboundMessage message, int attempt, PartProgress progress, SendState sendState) {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(sendState, "sendState");
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be at least 1, was " + attempt);
        }
        ObjectNode o = MAPPER.createObjectNode();
        o.put("version", VERSION);
        o.put("correlationId", message.correlationId());
        writeAddress(o, "to", message.destination(), Address.international(message.destination().address()));
        if (message.source() != null) {
            writeAddress(o, "from", message.source(), inferredSource(message.source().address()));
        }
        if (message.isBinary()) {
            o.put("payloadBase64", Base64.getEncoder().encodeToString(message.payload()));
            o.put("dataCoding", message.payloadDataCoding());
        } else {
            o.put("text", message.text());
            o.put("encoding", message.encoding().name());
        }
        RegisteredDelivery rd = message.registeredDelivery();
        if (RegisteredDelivery.RECEIPT.equals(rd)) {
            o.put("receipt", true);
        } else if (RegisteredDelivery.NONE.equals(rd)) {
            o.put("receipt", false);
        } else if (rd != null) {
            o.put("registeredDelivery", rd.value());
        }
        ObjectNode meta = o.putObject("metadata");
        message.metadata().forEach(meta::put);
        putIfNotEmpty(o, "validityPeriod", message.validityPeriod());
        putIfNotEmpty(o, "scheduleDeliveryTime", message.scheduleDeliveryTime());
        o.put("priority", message.priority());
        o.put("serviceType", message.serviceType());
        if (message.protocolId() != 0) {
            o.put("protocolId", message.protocolId());
        }
        if (message.multipartMode() != null) {
            o.put("multipartMode", message.multipartMode().name());
        }
        if (message.rawPart()) {
            // "udhi" or "plain": a part cut by someone else, sent as it is.
            o.put("rawPart", message.udhi() ? "udhi" : "plain");
        }
        if (!message.tlvs().isEmpty()) {
            ArrayNode tlvs = o.putArray("tlvs");
            for (Tlv t : message.tlvs()) {
                tlvs.addObject().put("tag", t.tag()).put("valueHex", HEX.formatHex(t.value()));
            }
        }
        o.put("attempt", attempt);
        if (progress != null) {
            ObjectNode p = o.putObject("progress");
            p.put("reference", progress.reference());
            p.put("parts", progress.parts());
            ObjectNode accepted = p.putObject("acceptedParts");
            progress.acceptedParts().forEach((n, id) -> accepted.put(Integer.toString(n), id));
        }
        if (sendState != SendState.NOT_SENT) {
            o.put("sendState", sendState.name());
        }
        return o.toString();
    }

    /** The message in {@code json}, ignoring its attempt number. */
    public static OutboundMessage fromJson(String json) {
        return decode(json).message();
    }

    /**
     * The message and attempt number in {@code json}.
     *
     * @throws IllegalArgumentException naming the field, when the JSON is malformed, of another
     *     version, or describes no valid message
     */
    public static Decoded decode(String json) {
        return decode(json, false);
    }

    /**
     * Like {@link #decode(String)}, but a field that version 1 does not define (at the top level,
     * in an address object or in a TLV) is an error naming it.
     *
     * @throws IllegalArgumentException naming the field, as {@link #decode(String)} does, and for
     *     an unknown field
     */
    public static Decoded decodeStrict(String json) {
        return decode(json, true);
    }

    private static Decoded decode(String json, boolean strict) {
        if (json == null) {
            throw new IllegalArgumentException("invalid message JSON: null");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            // The cause is left out: its message is the parser's, with internals the writer of the line cannot use.
            throw new IllegalArgumentException("invalid message JSON: " + JsonSyntax.describe(e));
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("invalid message JSON: expected an object {...}, found "
                    + (root == null ? "nothing" : root.getNodeType().toString().toLowerCase(Locale.ROOT)));
        }
        if (NazQueueItem.isNaz(root)) {
            return NazQueueItem.decode(root, strict);
        }
        int version = intField(root, "version", -1, 0, Integer.MAX_VALUE);
        if (version == -1) {
            throw fieldError("version", "is required (" + VERSION + ")");
        }
        if (version != VERSION) {
            throw fieldError("version", "is " + version + "; this reader understands only " + VERSION);
        }
        if (strict) {
            rejectUnknown(root, "", FIELDS);
        }
        OutboundMessage.Builder b = OutboundMessage.builder();
        String correlationId = stringField(root, "correlationId");
        if (correlationId != null) {
            if (correlationId.isEmpty()) {
                throw fieldError("correlationId", "must not be empty (omit it to get a random one)");
            }
            b.correlationId(correlationId);
        }
        JsonNode to = root.get("to");
        if (to == null || to.isNull()) {
            throw fieldError("to", "is required");
        }
        b.to(readAddress("to", to, true, strict));
        JsonNode from = root.get("from");
        if (from != null && !from.isNull()) {
            b.from(readAddress("from", from, false, strict));
        }
        String text = stringField(root, "text");
        String payload = stringField(root, "payloadBase64");
        if ((text == null) == (payload == null)) {
            throw fieldError("text", "exactly one of 'text' and 'payloadBase64' is required");
        }
        if (text != null) {
            if (has(root, "dataCoding")) {
                throw fieldError("dataCoding", "applies only to 'payloadBase64'; a text message chooses 'encoding'");
            }
            b.text(text);
            String encoding = stringField(root, "encoding");
            if (encoding != null) {
                b.encoding(enumField("encoding", encoding, TextEncoding.class));
            }
        } else {
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(payload);
            } catch (IllegalArgumentException e) {
                throw fieldError("payloadBase64", "is not valid base64: " + e.getMessage());
            }
            if (has(root, "encoding")) {
                throw fieldError("encoding", "applies only to 'text'; a binary message gives 'dataCoding'");
            }
            b.payload(bytes, intField(root, "dataCoding", 0x04, 0, 0xFF));
        }
        if (has(root, "receipt") && has(root, "registeredDelivery")) {
            throw fieldError("receipt", "give either 'receipt' or 'registeredDelivery', not both");
        }
        JsonNode receipt = root.get("receipt");
        if (receipt != null && !receipt.isNull()) {
            if (!receipt.isBoolean()) {
                throw fieldError("receipt", "must be true or false");
            }
            b.registeredDelivery(receipt.booleanValue() ? RegisteredDelivery.RECEIPT : RegisteredDelivery.NONE);
        }
        if (has(root, "registeredDelivery")) {
            b.registeredDelivery(RegisteredDelivery.of(intField(root, "registeredDelivery", 0, 0, 0xFF)));
        }
        JsonNode meta = root.get("metadata");
        if (meta != null && !meta.isNull()) {
            if (!meta.isObject()) {
                throw fieldError("metadata", "must be an object of string values");
            }
            Map<String, String> m = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : meta.properties()) {
                if (!e.getValue().isTextual()) {
                    throw fieldError("metadata." + e.getKey(), "must be a string");
                }
                m.put(e.getKey(), e.getValue().textValue());
            }
            b.metadata(m);
        }
        b.validityPeriod(stringField(root, "validityPeriod"));
        b.scheduleDeliveryTime(stringField(root, "scheduleDeliveryTime"));
        b.priority(intField(root, "priority", 0, 0, 3));
        b.serviceType(stringField(root, "serviceType"));
        b.protocolId(intField(root, "protocolId", 0, 0, 0xFF));
        String multipart = stringField(root, "multipartMode");
        if (multipart != null) {
            b.multipartMode(enumField("multipartMode", multipart, MultipartMode.class));
        }
        String raw = stringField(root, "rawPart");
        if (raw != null) {
            if (!raw.equals("udhi") && !raw.equals("plain")) {
                throw fieldError("rawPart", "must be \"udhi\" or \"plain\", was " + raw);
            }
            b.rawPart(raw.equals("udhi"));
        }
        JsonNode tlvs = root.get("tlvs");
        if (tlvs != null && !tlvs.isNull()) {
            if (!tlvs.isArray()) {
                throw fieldError("tlvs", "must be an array of {\"tag\":n,\"valueHex\":\"..\"}");
            }
            for (int i = 0; i < tlvs.size(); i++) {
                b.addTlv(readTlv("tlvs[" + i + "]", tlvs.get(i), strict));
            }
        }
        int attempt = intField(root, "attempt", 1, 1, Integer.MAX_VALUE);
        SendState earlier = SendState.NOT_SENT;
        String state = stringField(root, "sendState");
        if (state != null) {
            try {
                earlier = SendState.valueOf(state.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw fieldError("sendState", "must be one of " + java.util.Arrays.toString(SendState.values())
                        + ", was " + state);
            }
        }
        OutboundMessage message;
        try {
            message = b.build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid message JSON: " + e.getMessage(), e);
        }
        return new Decoded(message, attempt, readProgress(root.get("progress"), strict), earlier);
    }

    private static PartProgress readProgress(JsonNode node, boolean strict) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw fieldError("progress", "must be an object {\"reference\":n,\"parts\":n,\"acceptedParts\":{..}}");
        }
        if (strict) {
            rejectUnknown(node, "progress.", PROGRESS_FIELDS);
        }
        int reference = intField(node, "reference", -1, 0, 0xFFFF, "progress.reference");
        int parts = intField(node, "parts", -1, 1, 255, "progress.parts");
        if (reference < 0 || parts < 0) {
            throw fieldError("progress", "needs 'reference' and 'parts'");
        }
        Map<Integer, String> accepted = new LinkedHashMap<>();
        JsonNode a = node.get("acceptedParts");
        if (a != null && !a.isNull()) {
            if (!a.isObject()) {
                throw fieldError("progress.acceptedParts", "must be an object of part number -> message id");
            }
            for (Map.Entry<String, JsonNode> e : a.properties()) {
                int n;
                try {
                    n = Integer.parseInt(e.getKey());
                } catch (NumberFormatException ex) {
                    n = -1;
                }
                if (n < 1 || n > parts || !e.getValue().isTextual()) {
                    throw fieldError("progress.acceptedParts." + e.getKey(), "must be a part number 1.." + parts
                            + " with a message id string");
                }
                accepted.put(n, e.getValue().textValue());
            }
        }
        return new PartProgress(reference, parts, accepted);
    }

    // ---- addresses -----------------------------------------------------------------------------

    private static Address inferredSource(String address) {
        return !address.isEmpty() && address.chars().allMatch(Character::isDigit)
                ? Address.international(address) : Address.alphanumeric(address);
    }

    private static void writeAddress(ObjectNode o, String field, Address a, Address inferred) {
        if (a.equals(inferred)) {
            o.put(field, a.address());
        } else {
            o.putObject(field).put("address", a.address()).put("ton", a.ton().value()).put("npi", a.npi().value());
        }
    }

    private static Address readAddress(String field, JsonNode node, boolean destination, boolean strict) {
        if (node.isTextual()) {
            String s = node.textValue();
            if (s.isEmpty()) {
                throw fieldError(field, "must not be empty");
            }
            if (destination) {
                return Address.international(s.startsWith("+") ? s.substring(1) : s);
            }
            return inferredSource(s);
        }
        if (node.isObject()) {
            if (strict) {
                rejectUnknown(node, field + ".", ADDRESS_FIELDS);
            }
            String address = stringField(node, "address", field + ".address");
            if (address == null) {
                throw fieldError(field + ".address", "is required");
            }
            int ton = intField(node, "ton", 0, 0, 0xFF, field + ".ton");
            int npi = intField(node, "npi", 0, 0, 0xFF, field + ".npi");
            return new Address(TypeOfNumber.of(ton), NumberingPlan.of(npi), address);
        }
        throw fieldError(field, "must be a string or an object {\"address\",\"ton\",\"npi\"}");
    }

    private static Tlv readTlv(String field, JsonNode node, boolean strict) {
        if (!node.isObject()) {
            throw fieldError(field, "must be an object {\"tag\":n,\"valueHex\":\"..\"}");
        }
        if (strict) {
            rejectUnknown(node, field + ".", TLV_FIELDS);
        }
        int tag = intField(node, "tag", -1, 0, 0xFFFF, field + ".tag");
        if (tag == -1) {
            throw fieldError(field + ".tag", "is required");
        }
        String hex = stringField(node, "valueHex", field + ".valueHex");
        byte[] value;
        try {
            value = hex == null ? new byte[0] : HEX.parseHex(hex);
        } catch (IllegalArgumentException e) {
            throw fieldError(field + ".valueHex", "is not valid hex: " + e.getMessage());
        }
        try {
            return Tlv.of(tag, value);
        } catch (IllegalArgumentException e) {
            throw fieldError(field, e.getMessage());
        }
    }

    // ---- field helpers -------------------------------------------------------------------------

    private static void rejectUnknown(JsonNode node, String prefix, Set<String> known) {
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (!known.contains(e.getKey())) {
                throw fieldError(prefix + e.getKey(), "is not a field of version " + VERSION + " (allowed: "
                        + String.join(", ", new TreeSet<>(known)) + ")");
            }
        }
    }

    private static boolean has(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && !v.isNull();
    }

    private static String stringField(JsonNode node, String field) {
        return stringField(node, field, field);
    }

    private static String stringField(JsonNode node, String field, String name) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw fieldError(name, "must be a string");
        }
        return v.textValue();
    }

    private static int intField(JsonNode node, String field, int absent, int min, int max) {
        return intField(node, field, absent, min, max, field);
    }

    private static int intField(JsonNode node, String field, int absent, int min, int max, String name) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return absent;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw fieldError(name, "must be an integer between " + min + " and " + max);
        }
        int i = v.intValue();
        if (i < min || i > max) {
            throw fieldError(name, "must be between " + min + " and " + max + ", was " + i);
        }
        return i;
    }

    private static <E extends Enum<E>> E enumField(String field, String value, Class<E> type) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw fieldError(field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants())
                    + ", was '" + value + "'");
        }
    }

    private static void putIfNotEmpty(ObjectNode o, String field, String value) {
        if (!value.isEmpty()) {
            o.put(field, value);
        }
    }

    private static IllegalArgumentException fieldError(String field, String problem) {
        return new IllegalArgumentException("invalid message JSON: field '" + field + "' " + problem);
    }
}
