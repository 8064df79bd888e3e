package io.ujumbe.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One object of a configuration file being read: typed getters that check ranges, remember which
 * keys were read so that {@link #rejectUnknownKeys()} can name any key that is not a setting, and
 * collect problems (each naming the full key path) instead of stopping at the first one.
 */
final class ConfigNode {
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate (?:field|key) '([^']*)'");
    private static final Pattern ENV = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private final JsonNode node;
    private final String path;
    private final List<String> problems;
    private final Map<String, String> env;
    private final Set<String> read = new LinkedHashSet<>();

    private ConfigNode(JsonNode node, String path, List<String> problems, Map<String, String> env) {
        this.node = node;
        this.path = path;
        this.problems = problems;
        this.env = env;
    }

    /** The root object of a file; {@code problems} collects every error found while reading. */
    static ConfigNode root(JsonNode root, List<String> problems, Map<String, String> env) {
        if (root == null || root.isMissingNode() || root.isNull()) {
            problems.add("the configuration file is empty");
            return new ConfigNode(MissingNode.getInstance(), "", problems, env);
        }
        if (!root.isObject()) {
            problems.add("the configuration file must hold an object of settings, found " + root.getNodeType());
            return new ConfigNode(MissingNode.getInstance(), "", problems, env);
        }
        return new ConfigNode(root, "", problems, env);
    }

    String key(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    boolean has(String name) {
        return node.has(name) && !node.get(name).isNull();
    }

    void problem(String message) {
        problems.add(message);
    }

    /** A nested object; an absent one reads as empty (every setting at its default). */
    ConfigNode object(String name) {
        read.add(name);
        JsonNode child = node.get(name);
        if (child == null || child.isNull()) {
            return new ConfigNode(MissingNode.getInstance(), key(name), problems, env);
        }
        if (!child.isObject()) {
            problems.add(key(name) + " must be an object, was " + child.getNodeType().toString().toLowerCase(Locale.ROOT));
            return new ConfigNode(MissingNode.getInstance(), key(name), problems, env);
        }
        return new ConfigNode(child, key(name), problems, env);
    }

    /** A list of objects; absent reads as empty. */
    List<ConfigNode> objects(String name) {
        read.add(name);
        JsonNode child = node.get(name);
        List<ConfigNode> out = new ArrayList<>();
        if (child == null || child.isNull()) {
            return out;
        }
        if (!child.isArray()) {
            problems.add(key(name) + " must be a list, was " + child.getNodeType().toString().toLowerCase(Locale.ROOT));
            return out;
        }
        for (int i = 0; i < child.size(); i++) {
            JsonNode item = child.get(i);
            String itemKey = key(name) + "[" + i + "]";
            if (!item.isObject()) {
                problems.add(itemKey + " must be an object");
                continue;
            }
            out.add(new ConfigNode(item, itemKey, problems, env));
        }
        return out;
    }

    /** A list of strings; absent reads as empty. */
    List<String> strings(String name) {
        read.add(name);
        JsonNode child = node.get(name);
        List<String> out = new ArrayList<>();
        if (child == null || child.isNull()) {
            return out;
        }
        if (!child.isArray()) {
            problems.add(key(name) + " must be a list of strings");
            return out;
        }
        for (JsonNode item : child) {
            out.add(item.asText());
        }
        return out;
    }

    /** An object of string values (e.g. log metadata); absent reads as empty. */
    Map<String, String> stringMap(String name) {
        read.add(name);
        JsonNode child = node.get(name);
        Map<String, String> out = new LinkedHashMap<>();
        if (child == null || child.isNull()) {
            return out;
        }
        if (!child.isObject()) {
            problems.add(key(name) + " must be an object of string values");
            return out;
        }
        for (Map.Entry<String, JsonNode> e : child.properties()) {
            if (e.getValue().isContainerNode() || e.getValue().isNull()) {
                problems.add(key(name) + "." + e.getKey() + " must be a string, number or boolean");
            } else {
                out.put(e.getKey(), substitute(key(name) + "." + e.getKey(), e.getValue().asText()));
            }
        }
        return out;
    }

    /** A string, with {@code ${ENV_VAR}} references replaced from the environment; empty when absent. */
    Optional<String> string(String name) {
        read.add(name);
        JsonNode child = node.get(name);
        if (child == null || child.isNull()) {
            return Optional.empty();
        }
        if (child.isContainerNode()) {
            problems.add(key(name) + " must be a string");
            return Optional.empty();
        }
        return Optional.ofNullable(substitute(key(name), child.asText()));
    }

    String string(String name, String defaultValue) {
        return string(name).orElse(defaultValue);
    }

    /** A required string: a missing one is a problem. */
    String requiredString(String name) {
        Optional<String> v = string(name);
        if (v.isEmpty() || v.get().isBlank()) {
            if (v.isEmpty() && !has(name)) {
                problems.add(key(name) + " is required");
            } else if (v.isPresent()) {
                problems.add(key(name) + " must not be empty");
            }
            return "";
        }
        return v.get();
    }

    int integer(String name, int defaultValue, int min, int max) {
        read.add(name);
        JsonNode child = node.get(name);
        if (child == null || child.isNull()) {
            return defaultValue;
        }
        long v;
        if (child.isIntegralNumber()) {
            v = child.asLong();
        } else if (child.isTextual() && child.asText().trim().matches("-?\\d{1,18}")) {
            v = Long.parseLong(child.asText().trim());
        } else {
            problems.add(key(name) + " must be a whole number " + min + ".." + max + ", was " + child);
            return defaultValue;
        }
        if (v < min || v > max) {
            problems.add(key(name) + " must be " + min + ".." + max + ", was " + v);
            return defaultValue;
        }
        return (int) v;
    }

    long longValue(String name, long defaultValue) {
        read.add(name);
        JsonNode child = node.get(name);
        if (child == null || child.isNull()) {
            return defaultValue;
        }
        if (!child.isIntegralNumber()) {
            problems.add(key(name) + " must be a whole number, was " + child);
            return defaultValue;
        }
        return child.asLong();
    }

    double number(String name, double defaultValue, double min, double max) {
        read.add(name);
        JsonNode child = node.get(name);
        if (child == null || child.isNull()) {
            return defaultValue;
        }
        if (!child.isNumber()) {
            problems.add(key(name) + " must be a number " + min + ".." + max + ", was " + child);
            return defaultValue;
        }
        double v = child.asDouble();
        if (!(v >= min && v <= max)) {
            problems.add(key(name) + " must be " + min + ".." + max + ", was " + v);
            return defaultValue;
        }
        return v;
    }

    boolean bool(String name, boolean defaultValue) {
        read.add(name);
        JsonNode child = node.get(name);
        if (child == null || child.isNull()) {
            return defaultValue;
        }
        if (!child.isBoolean()) {
            problems.add(key(name) + " must be true or false, was " + child);
            return defaultValue;
        }
        return child.asBoolean();
    }

    /** A duration written {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h}, {@code 3d} or ISO-8601 ({@code PT10S}). */
    Duration duration(String name, Duration defaultValue, Duration min) {
        Optional<String> text = string(name);
        if (text.isEmpty()) {
            return defaultValue;
        }
        Duration d = parseDuration(text.get().trim());
        if (d == null) {
            problems.add(key(name) + " must be a duration like 500ms, 10s, 2m, 3d or PT10S, was '" + text.get() + "'");
            return defaultValue;
        }
        if (d.compareTo(min) < 0) {
            problems.add(key(name) + " must be at least " + format(min) + ", was " + text.get());
            return defaultValue;
        }
        return d;
    }

    /** One of a fixed set of names (case-insensitive), mapped to its value. */
    <T> T choice(String name, T defaultValue, Map<String, T> choices) {
        Optional<String> text = string(name);
        if (text.isEmpty()) {
            return defaultValue;
        }
        T v = choices.get(text.get().trim().toLowerCase(Locale.ROOT));
        if (v == null) {
            problems.add(key(name) + " must be one of " + String.join(", ", choices.keySet()) + ", was '" + text.get() + "'");
            return defaultValue;
        }
        return v;
    }

    /** Maps each string of a list through {@code parse}, which returns null for a bad value. */
    <T> List<T> list(String name, String allowed, Function<String, T> parse) {
        List<T> out = new ArrayList<>();
        for (String s : strings(name)) {
            T v = parse.apply(s);
            if (v == null) {
                problems.add(key(name) + " must hold only " + allowed + ", found '" + s + "'");
            } else {
                out.add(v);
            }
        }
        return out;
    }

    /** Reports every key of this object that no getter asked for. Call after reading all settings. */
    void rejectUnknownKeys() {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!read.contains(name)) {
                problems.add(key(name) + " is not a known setting" + (read.isEmpty() ? "" : " (allowed here: " + String.join(", ", read) + ")"));
            }
        }
    }

    private String substitute(String key, String value) {
        if (value == null) {
            return null;
        }
        Matcher m = ENV.matcher(value);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = env.get(m.group(1));
            if (v == null) {
                problems.add(key + " refers to environment variable " + m.group(1) + ", which is not set");
                v = "";
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(v));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /**
     * The full key path of the key a parser with STRICT_DUPLICATE_DETECTION found twice (e.g.
     * {@code smsc.port}, {@code accounts[1].systemId}), or null when {@code e} is another error.
     */
    static String duplicateKey(JacksonException e) {
        Matcher m = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
        if (!m.find()) {
            return null;
        }
        String name = m.group(1);
        String parent = "";
        if (e instanceof StreamReadException r && r.getProcessor() != null) {
            JsonStreamContext context = r.getProcessor().getParsingContext();
            if (context != null && context.getParent() != null) {
                parent = dotted(context.getParent());
            }
        }
        return parent.isEmpty() ? name : parent + "." + name;
    }

    /** A parsing context as a key path: {@code smsc.tls}, {@code accounts[0]}. */
    private static String dotted(JsonStreamContext context) {
        List<String> parts = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.add(0, "[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.getCurrentName() != null) {
                parts.add(0, "." + c.getCurrentName());
            }
        }
        String s = String.join("", parts);
        return s.startsWith(".") ? s.substring(1) : s;
    }

    /**
     * A builder's validation message in the words of the configuration file: each setting name
     * of {@code keys} (the Java name) replaced by its key path, so that an error reads
     * {@code tls.certificateChain must be a readable file} rather than {@code certificateChainPem …}.
     */
    static String withKeys(String message, Map<String, String> keys) {
        if (message == null) {
            return "invalid setting";
        }
        String out = message;
        List<String> names = new ArrayList<>(keys.keySet());
        // Longest first, so that "account.systemId" is replaced before "systemId".
        names.sort((a, b) -> b.length() - a.length());
        StringBuilder sb = new StringBuilder();
        for (String name : names) {
            Matcher m = Pattern.compile("(?<![\\w.\\[\\]])" + Pattern.quote(name) + "(?!\\w)").matcher(out);
            sb.setLength(0);
            while (m.find()) {
                m.appendReplacement(sb, Matcher.quoteReplacement("\u0000" + keys.get(name) + "\u0000"));
            }
            m.appendTail(sb);
            out = sb.toString();
        }
        // The markers keep a replaced key from being replaced again by a shorter name.
        return out.replace("\u0000", "");
    }

    static Duration parseDuration(String text) {
        Matcher m = DURATION.matcher(text);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            switch (m.group(2)) {
                case "ms":
                    return Duration.ofMillis(n);
                case "s":
                    return Duration.ofSeconds(n);
                case "m":
                    return Duration.ofMinutes(n);
                case "h":
                    return Duration.ofHours(n);
                default:
                    return Duration.ofDays(n);
            }
        }
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static String format(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }
}
