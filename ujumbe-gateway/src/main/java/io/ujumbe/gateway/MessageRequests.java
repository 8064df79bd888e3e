package io.ujumbe.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.ujumbe.client.TextEncoding;
import io.ujumbe.http.HttpException;
import io.ujumbe.text.MultipartMode;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the body of {@code POST /v1/messages}: one message object, or {@code {"messages": [...]}}
 * (plus an optional top-level {@code idempotencyKey}). Each object may name several destinations
 * ({@code to} as a list): one {@link GatewayMessage}, with its own id, per destination. Every
 * mistake is a 400 naming the field, e.g. {@code messages[2].dataCoding}.
 */
final class MessageRequests {
    static final Set<String> FIELDS = Set.of("to", "text", "payloadBase64", "dataCoding", "from", "encoding",
            "multipart", "validity", "scheduleAt", "priority", "receipt", "dlrUrl", "dlrLevel", "metadata",
            "clientReference", "idempotencyKey", "tags");
    private static final Pattern NUMBER = Pattern.compile("\\+?[0-9]{1,20}");

    /** The messages of one request and its idempotency key (or null). */
    record Parsed(List<GatewayMessage> messages, String idempotencyKey) {
    }

    private MessageRequests() {
    }

    static Parsed parse(JsonNode body, UserConfig user, int maxBatch) {
        if (body == null || !body.isObject()) {
            throw HttpException.badRequest(null, "the body must be a JSON object: one message, or {\"messages\": [...]}");
        }
        List<GatewayMessage> out = new ArrayList<>();
        String key;
        if (body.has("messages")) {
            JsonNode list = body.get("messages");
            if (!list.isArray() || list.isEmpty()) {
                throw HttpException.badRequest("messages", "messages must be a non-empty list of message objects");
            }
            for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!f.equals("messages") && !f.equals("idempotencyKey")) {
                    throw HttpException.badRequest(f, "unknown field " + f + " beside messages (allowed: messages, idempotencyKey)");
                }
            }
            key = optionalText(body, "idempotencyKey", "idempotencyKey", 200);
            for (int i = 0; i < list.size(); i++) {
                JsonNode m = list.get(i);
                String path = "messages[" + i + "]";
                if (!m.isObject()) {
                    throw HttpException.badRequest(path, path + " must be a message object");
                }
                if (m.has("idempotencyKey")) {
                    throw HttpException.badRequest(path + ".idempotencyKey", "a batch has one idempotencyKey, at the top level");
                }
                one(m, path + ".", user, out, maxBatch);
            }
        } else {
            key = optionalText(body, "idempotencyKey", "idempotencyKey", 200);
            one(body, "", user, out, maxBatch);
        }
        return new Parsed(out, key);
    }

    private static void one(JsonNode m, String p, UserConfig user, List<GatewayMessage> out, int maxBatch) {
        for (Iterator<String> it = m.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                throw HttpException.badRequest(p + f, "unknown field " + p + f);
            }
        }
        List<String> to = destinations(m.get("to"), p + "to");
        if (out.size() + to.size() > maxBatch) {
            throw HttpException.badRequest(p + "to", "a request may carry at most " + maxBatch + " messages (destinations)");
        }
        String text = optionalText(m, "text", p + "text", 65_536);
        byte[] payload = null;
        int dataCoding = 0;
        if (m.has("payloadBase64")) {
            if (text != null) {
                throw HttpException.badRequest(p + "payloadBase64", "give text or payloadBase64, not both");
            }
            String b64 = optionalText(m, "payloadBase64", p + "payloadBase64", 100_000);
            try {
                payload = Base64.getDecoder().decode(b64);
            } catch (IllegalArgumentException e) {
                throw HttpException.badRequest(p + "payloadBase64", "payloadBase64 is not valid Base64");
            }
            if (!m.has("dataCoding")) {
                throw HttpException.badRequest(p + "dataCoding", "payloadBase64 needs dataCoding (e.g. 4 for 8-bit data)");
            }
            dataCoding = integer(m, "dataCoding", p + "dataCoding", 0, 255, 4);
        } else if (m.has("dataCoding")) {
            throw HttpException.badRequest(p + "dataCoding", "dataCoding goes with payloadBase64; text uses encoding");
        }
        if (text == null && payload == null) {
            throw HttpException.badRequest(p + "text", "text (or payloadBase64 with dataCoding) is required");
        }
        String from = optionalText(m, "from", p + "from", 20);
        if (from != null && !from.chars().allMatch(Character::isDigit) && from.length() > 11) {
            throw HttpException.badRequest(p + "from", "an alphanumeric sender has at most 11 characters");
        }
        TextEncoding encoding = encoding(optionalText(m, "encoding", p + "encoding", 20), p + "encoding");
        MultipartMode multipart = multipart(optionalText(m, "multipart", p + "multipart", 20), p + "multipart");
        Duration validity = duration(m.get("validity"), p + "validity");
        Instant scheduleAt = null;
        String sa = optionalText(m, "scheduleAt", p + "scheduleAt", 40);
        if (sa != null) {
            try {
                scheduleAt = Instant.parse(sa);
            } catch (DateTimeParseException e) {
                throw HttpException.badRequest(p + "scheduleAt", "scheduleAt must be an ISO-8601 instant such as 2030-01-01T08:00:00Z");
            }
        }
        int priority = integer(m, "priority", p + "priority", 0, 3, 0);
        Boolean receipt = null;
        if (m.has("receipt")) {
            if (!m.get("receipt").isBoolean()) {
                throw HttpException.badRequest(p + "receipt", "receipt must be true or false");
            }
            receipt = m.get("receipt").asBoolean();
        }
        String dlrUrl = optionalText(m, "dlrUrl", p + "dlrUrl", 2000);
        if (dlrUrl != null) {
            try {
                GatewayConfig.checkUrl(dlrUrl, p + "dlrUrl");
            } catch (IllegalArgumentException e) {
                throw HttpException.badRequest(p + "dlrUrl", e.getMessage());
            }
        } else {
            dlrUrl = user.dlrUrl().orElse(null);
        }
        String levelText = optionalText(m, "dlrLevel", p + "dlrLevel", 20);
        DlrLevel level;
        if (levelText != null) {
            level = DlrLevel.parse(levelText);
            if (level == null) {
                throw HttpException.badRequest(p + "dlrLevel", "dlrLevel must be none, smsc, terminal or all");
            }
        } else {
            level = dlrUrl != null ? DlrLevel.ALL : DlrLevel.NONE;
        }
        if (level != DlrLevel.NONE && dlrUrl == null) {
            throw HttpException.badRequest(p + "dlrUrl", "dlrLevel " + level.jsonName() + " needs dlrUrl (or a user default)");
        }
        Map<String, String> metadata = metadata(m.get("metadata"), p + "metadata");
        String clientReference = optionalText(m, "clientReference", p + "clientReference", 256);
        List<String> tags = new ArrayList<>(user.tags());
        if (m.has("tags")) {
            JsonNode t = m.get("tags");
            if (!t.isArray()) {
                throw HttpException.badRequest(p + "tags", "tags must be a list of strings");
            }
            for (JsonNode x : t) {
                if (!x.isTextual()) {
                    throw HttpException.badRequest(p + "tags", "tags must be a list of strings");
                }
                tags.add(x.asText());
            }
        }
        boolean wantsReceipt = receipt != null ? receipt : true;
        for (String dest : to) {
            GatewayMessage.Builder b = GatewayMessage.builder(newId(), user.name(), dest).from(from)
                    .encoding(encoding).multipart(multipart).validity(validity).scheduleAt(scheduleAt).priority(priority)
                    .receipt(wantsReceipt).dlrUrl(dlrUrl).dlrLevel(level).metadata(metadata)
                    .clientReference(clientReference).tags(tags);
            if (payload != null) {
                b.payload(payload, dataCoding);
            } else {
                b.text(text);
            }
            out.add(b.build());
        }
    }

    static String newId() {
        return Ids.uuid();
    }

    static List<String> destinations(JsonNode to, String field) {
        List<String> out = new ArrayList<>();
        if (to == null || to.isNull()) {
            throw HttpException.badRequest(field, "to is required: a number, or a list of numbers");
        }
        if (to.isArray()) {
            if (to.isEmpty()) {
                throw HttpException.badRequest(field, "to must not be an empty list");
            }
            for (int i = 0; i < to.size(); i++) {
                out.add(number(to.get(i), field + "[" + i + "]"));
            }
        } else {
            out.add(number(to, field));
        }
        return out;
    }

    static String number(JsonNode n, String field) {
        if (n == null || !(n.isTextual() || n.isIntegralNumber())) {
            throw HttpException.badRequest(field, field + " must be a phone number in international form, e.g. 254700000001");
        }
        return number(n.asText(), field);
    }

    static String number(String s, String field) {
        String t = s.trim();
        if (!NUMBER.matcher(t).matches()) {
            throw HttpException.badRequest(field, field + " must be a phone number in international form (digits, optional +), was '"
                    + (t.length() > 30 ? t.substring(0, 30) + "…" : t) + "'");
        }
        return t.startsWith("+") ? t.substring(1) : t;
    }

    static String optionalText(JsonNode m, String name, String field, int maxLength) {
        JsonNode n = m.get(name);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw HttpException.badRequest(field, field + " must be a string");
        }
        String s = n.asText();
        if (s.length() > maxLength) {
            throw HttpException.badRequest(field, field + " is longer than " + maxLength + " characters");
        }
        return s;
    }

    static int integer(JsonNode m, String name, String field, int min, int max, int dflt) {
        JsonNode n = m.get(name);
        if (n == null || n.isNull()) {
            return dflt;
        }
        if (!n.isIntegralNumber() || n.asLong() < min || n.asLong() > max) {
            throw HttpException.badRequest(field, field + " must be a whole number " + min + ".." + max);
        }
        return n.asInt();
    }

    static TextEncoding encoding(String s, String field) {
        if (s == null) {
            return null;
        }
        switch (s.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "")) {
            case "auto":
                return TextEncoding.AUTO;
            case "gsm":
            case "gsm7":
                return TextEncoding.GSM7;
            case "ucs2":
            case "unicode":
                return TextEncoding.UCS2;
            case "latin1":
            case "iso88591":
                return TextEncoding.LATIN1;
            case "ia5":
            case "ascii":
                return TextEncoding.IA5;
            default:
                throw HttpException.badRequest(field, field + " must be auto, gsm7, ucs2, latin1 or ia5, was '" + s + "'");
        }
    }

    static MultipartMode multipart(String s, String field) {
        if (s == null) {
            return null;
        }
        switch (s.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "")) {
            case "udh":
            case "udh8":
            case "udh8bit":
                return MultipartMode.UDH_8BIT;
            case "udh16":
            case "udh16bit":
                return MultipartMode.UDH_16BIT;
            case "sar":
                return MultipartMode.SAR;
            case "payload":
            case "messagepayload":
                return MultipartMode.MESSAGE_PAYLOAD;
            default:
                throw HttpException.badRequest(field, field + " must be udh, udh16, sar or payload, was '" + s + "'");
        }
    }

    static Duration duration(JsonNode n, String field) {
        if (n == null || n.isNull()) {
            return null;
        }
        Duration d = null;
        if (n.isIntegralNumber()) {
            d = Duration.ofSeconds(n.asLong());
        } else if (n.isTextual()) {
            String t = n.asText().trim();
            java.util.regex.Matcher mm = Pattern.compile("(\\d+)\\s*(s|m|h|d)").matcher(t);
            if (mm.matches()) {
                long v = Long.parseLong(mm.group(1));
                d = switch (mm.group(2)) {
                    case "s" -> Duration.ofSeconds(v);
                    case "m" -> Duration.ofMinutes(v);
                    case "h" -> Duration.ofHours(v);
                    default -> Duration.ofDays(v);
                };
            } else {
                try {
                    d = Duration.parse(t);
                } catch (DateTimeParseException e) {
                    d = null;
                }
            }
        }
        if (d == null || d.isNegative() || d.isZero() || d.compareTo(Duration.ofDays(60)) > 0) {
            throw HttpException.badRequest(field, field + " must be seconds or a duration like 90s, 30m, 2h, 1d (at most 60 days)");
        }
        return d;
    }

    static Map<String, String> metadata(JsonNode n, String field) {
        if (n == null || n.isNull()) {
            return Map.of();
        }
        if (!n.isObject()) {
            throw HttpException.badRequest(field, field + " must be an object of string values");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : n.properties()) {
            if (e.getValue().isContainerNode() || e.getValue().isNull()) {
                throw HttpException.badRequest(field + "." + e.getKey(), field + "." + e.getKey() + " must be a string, number or boolean");
            }
            out.put(e.getKey(), e.getValue().asText());
        }
        if (out.size() > 50) {
            throw HttpException.badRequest(field, field + " may hold at most 50 keys");
        }
        return out;
    }
}
