package io.ujumbe.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ujumbe.pdu.BindType;
import io.ujumbe.session.TlsConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The JSON of connectors, routes, MO routes, users and rules, in the same keys as the gateway's
 * configuration file: what the admin API accepts and answers, and how its changes are persisted.
 * Users are written with their hashes only ({@code apiKeySha256}, {@code passwordHash}); the
 * connectors' bind passwords and the users' webhook secrets must be kept as they are (they are used,
 * not checked), so the store holding this JSON must be protected like the configuration file.
 * Every mistake is an {@link InvalidField} naming the field.
 */
public final class DynamicConfigJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A field of a JSON document that is missing or wrong. */
    public static final class InvalidField extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final String field;

        InvalidField(String field, String message) {
            super(field + ": " + message);
            this.field = field;
        }

        /** @return the field's path, e.g. {@code connectors[0].port} */
        public String field() {
            return field;
        }
    }

    private DynamicConfigJson() {
    }

    /**
     * Reads a whole persisted document.
     *
     * @param json the document
     * @param where where it came from, for messages
     * @return the parts
     */
    public static DynamicConfig read(String json, String where) {
        JsonNode n;
        try {
            n = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(where + " does not hold valid JSON: " + e.getOriginalMessage(), e);
        }
        List<ConnectorConfig> connectors = new ArrayList<>();
        List<RouteConfig> routes = new ArrayList<>();
        List<MoRouteConfig> mo = new ArrayList<>();
        List<UserConfig> users = new ArrayList<>();
        List<RuleConfig> rules = new ArrayList<>();
        each(n, "connectors", (x, p) -> connectors.add(connector(x, p)));
        each(n, "routes", (x, p) -> routes.add(route(x, p)));
        each(n, "moRoutes", (x, p) -> mo.add(moRoute(x, p)));
        each(n, "users", (x, p) -> users.add(user(x, p)));
        each(n, "rules", (x, p) -> rules.add(rule(x, p)));
        return new DynamicConfig(connectors, routes, mo, users, rules);
    }

    /**
     * Writes the parts as a document.
     *
     * @param c the parts
     * @return the JSON
     */
    public static String write(DynamicConfig c) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode cs = root.putArray("connectors");
        c.connectors().forEach(x -> cs.add(toJson(x)));
        ArrayNode rs = root.putArray("routes");
        c.routes().forEach(x -> rs.add(toJson(x)));
        ArrayNode ms = root.putArray("moRoutes");
        c.moRoutes().forEach(x -> ms.add(toJson(x)));
        ArrayNode us = root.putArray("users");
        c.users().forEach(x -> us.add(toJson(x, true)));
        ArrayNode ru = root.putArray("rules");
        c.rules().forEach(x -> ru.add(toJson(x)));
        return root.toString();
    }

    private interface Item {
        void accept(JsonNode node, String path);
    }

    private static void each(JsonNode n, String name, Item item) {
        JsonNode list = n.get(name);
        if (list == null || list.isNull()) {
            return;
        }
        if (!list.isArray()) {
            throw new InvalidField(name, "must be a list");
        }
        for (int i = 0; i < list.size(); i++) {
            item.accept(list.get(i), name + "[" + i + "]");
        }
    }

    // ---- readers ------------------------------------------------------------------------------------

    /**
     * A connector.
     *
     * @param n its JSON object
     * @param p its path, for messages ("" for a request body)
     * @return the connector
     */
    public static ConnectorConfig connector(JsonNode n, String p) {
        object(n, p, Set.of("name", "host", "port", "systemId", "password", "systemType", "bind", "binds", "windowSize",
                "ratePerSecond", "responseTimeout", "enquireLinkInterval", "outboxCapacity", "tls"));
        try {
            ConnectorConfig.Builder b = ConnectorConfig.builder(required(n, p, "name"))
                    .host(required(n, p, "host")).port(integer(n, p, "port", 2775))
                    .systemId(required(n, p, "systemId")).password(required(n, p, "password"))
                    .systemType(text(n, p, "systemType", ""))
                    .binds(integer(n, p, "binds", 1)).windowSize(integer(n, p, "windowSize", 100))
                    .ratePerSecond(number(n, p, "ratePerSecond", 0))
                    .responseTimeout(duration(n, p, "responseTimeout", Duration.ofSeconds(10)))
                    .enquireLinkInterval(duration(n, p, "enquireLinkInterval", Duration.ofSeconds(30)))
                    .outboxCapacity(integer(n, p, "outboxCapacity", 100_000));
            String bind = text(n, p, "bind", "trx").toLowerCase(Locale.ROOT);
            switch (bind) {
                case "trx": b.bindType(BindType.TRANSCEIVER); break;
                case "tx": b.bindType(BindType.TRANSMITTER); break;
                case "rx": b.bindType(BindType.RECEIVER); break;
                default: throw new InvalidField(key(p, "bind"), "must be trx, tx or rx, was '" + bind + "'");
            }
            JsonNode tls = n.get("tls");
            if (tls != null && tls.isObject() && tls.path("enabled").asBoolean(false)) {
                if (tls.path("insecureTrustAll").asBoolean(false)) {
                    b.tls(TlsConfig.clientInsecureTrustAll());
                } else if (tls.hasNonNull("trustCertificates")) {
                    b.tls(TlsConfig.clientTrusting(Path.of(tls.get("trustCertificates").asText())));
                } else {
                    b.tls(TlsConfig.client());
                }
            }
            return b.build();
        } catch (InvalidField e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new InvalidField(p.isEmpty() ? "connector" : p, e.getMessage());
        }
    }

    /**
     * A route.
     *
     * @param n its JSON object
     * @param p its path
     * @return the route
     */
    public static RouteConfig route(JsonNode n, String p) {
        object(n, p, Set.of("name", "to", "toRegex", "from", "users", "tags", "connector", "connectors"));
        List<WeightedConnector> targets = new ArrayList<>();
        try {
            if (n.hasNonNull("connector")) {
                targets.add(new WeightedConnector(text(n, p, "connector", null), 1));
            }
            JsonNode list = n.get("connectors");
            if (list != null && list.isArray()) {
                for (int i = 0; i < list.size(); i++) {
                    JsonNode w = list.get(i);
                    String wp = key(p, "connectors[" + i + "]");
                    targets.add(w.isTextual() ? new WeightedConnector(w.asText(), 1)
                            : new WeightedConnector(required(w, wp, "name"), integer(w, wp, "weight", 1)));
                }
            }
            return new RouteConfig(text(n, p, "name", "route"), strings(n, p, "to"), text(n, p, "toRegex", null),
                    strings(n, p, "from"), strings(n, p, "users"), strings(n, p, "tags"), targets);
        } catch (InvalidField e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new InvalidField(key(p, targets.isEmpty() ? "connector" : "toRegex"), e.getMessage());
        }
    }

    /**
     * An MO route.
     *
     * @param n its JSON object
     * @param p its path
     * @return the MO route
     */
    public static MoRouteConfig moRoute(JsonNode n, String p) {
        object(n, p, Set.of("name", "to", "keyword", "tags", "url", "user"));
        try {
            return new MoRouteConfig(text(n, p, "name", "mo"), strings(n, p, "to"), text(n, p, "keyword", null),
                    strings(n, p, "tags"), required(n, p, "url"), text(n, p, "user", null));
        } catch (InvalidField e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new InvalidField(key(p, "url"), e.getMessage());
        }
    }

    /**
     * A user; plain secrets are hashed at once.
     *
     * @param n its JSON object
     * @param p its path
     * @return the user
     */
    public static UserConfig user(JsonNode n, String p) {
        object(n, p, Set.of("name", "apiKey", "apiKeySha256", "password", "passwordHash", "allowedSenders",
                "ratePerSecond", "quota", "dlrUrl", "webhookSecret", "tags", "systemId", "smppWindow", "smppMaxBinds"));
        String field = key(p, "name");
        try {
            UserConfig.Builder b = UserConfig.builder(required(n, p, "name"));
            field = key(p, "apiKey");
            if (n.hasNonNull("apiKey")) {
                b.apiKey(text(n, p, "apiKey", null));
            }
            field = key(p, "apiKeySha256");
            if (n.hasNonNull("apiKeySha256")) {
                b.apiKeySha256(text(n, p, "apiKeySha256", null));
            }
            field = key(p, "password");
            if (n.hasNonNull("password")) {
                b.password(text(n, p, "password", null));
            }
            field = key(p, "passwordHash");
            if (n.hasNonNull("passwordHash")) {
                b.passwordHash(text(n, p, "passwordHash", null));
            }
            field = key(p, "ratePerSecond");
            b.ratePerSecond(number(n, p, "ratePerSecond", 0));
            field = key(p, "quota");
            b.quota((long) number(n, p, "quota", 0));
            field = key(p, "dlrUrl");
            if (n.hasNonNull("dlrUrl")) {
                b.dlrUrl(text(n, p, "dlrUrl", null));
            }
            field = key(p, "systemId");
            b.systemId(text(n, p, "systemId", null));
            field = key(p, "smppWindow");
            b.smppWindow((int) number(n, p, "smppWindow", UserConfig.DEFAULT_SMPP_WINDOW));
            field = key(p, "smppMaxBinds");
            b.smppMaxBinds((int) number(n, p, "smppMaxBinds", UserConfig.DEFAULT_SMPP_MAX_BINDS));
            field = key(p, "systemId");
            b.allowedSenders(strings(n, p, "allowedSenders")).tags(strings(n, p, "tags"))
                    .webhookSecret(text(n, p, "webhookSecret", null));
            return b.build();
        } catch (InvalidField e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new InvalidField(field, e.getMessage());
        }
    }

    /**
     * A rule.
     *
     * @param n its JSON object
     * @param p its path
     * @return the rule
     */
    public static RuleConfig rule(JsonNode n, String p) {
        object(n, p, Set.of("type", "match", "to", "value"));
        try {
            return new RuleConfig(required(n, p, "type"), text(n, p, "match", null), text(n, p, "to", null),
                    text(n, p, "value", null));
        } catch (InvalidField e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new InvalidField(key(p, "type"), e.getMessage());
        }
    }

    // ---- writers ------------------------------------------------------------------------------------

    static ObjectNode toJson(ConnectorConfig c) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("name", c.name()).put("host", c.host()).put("port", c.port()).put("systemId", c.systemId())
                .put("password", c.password()).put("systemType", c.systemType())
                .put("bind", c.bindType() == BindType.TRANSMITTER ? "tx" : c.bindType() == BindType.RECEIVER ? "rx" : "trx")
                .put("binds", c.binds()).put("windowSize", c.windowSize()).put("ratePerSecond", c.ratePerSecond())
                .put("responseTimeout", c.responseTimeout().toString())
                .put("enquireLinkInterval", c.enquireLinkInterval().toString()).put("outboxCapacity", c.outboxCapacity());
        if (c.tls() != null) {
            ObjectNode t = o.putObject("tls").put("enabled", true);
            if (c.tls().trustedCertificatesPem() != null) {
                t.put("trustCertificates", c.tls().trustedCertificatesPem().toString());
            }
        }
        return o;
    }

    /** A connector as the admin API shows it: without the password. */
    static ObjectNode toPublicJson(ConnectorConfig c) {
        ObjectNode o = toJson(c);
        o.put("password", "***");
        return o;
    }

    static ObjectNode toJson(RouteConfig r) {
        ObjectNode o = MAPPER.createObjectNode().put("name", r.name());
        strings(o, "to", r.to());
        if (r.toRegex() != null) {
            o.put("toRegex", r.toRegex());
        }
        strings(o, "from", r.from());
        strings(o, "users", r.users());
        strings(o, "tags", r.tags());
        ArrayNode cs = o.putArray("connectors");
        r.connectors().forEach(w -> cs.addObject().put("name", w.name()).put("weight", w.weight()));
        return o;
    }

    static ObjectNode toJson(MoRouteConfig r) {
        ObjectNode o = MAPPER.createObjectNode().put("name", r.name());
        strings(o, "to", r.to());
        if (r.keyword() != null) {
            o.put("keyword", r.keyword());
        }
        strings(o, "tags", r.tags());
        o.put("url", r.url());
        if (r.user() != null) {
            o.put("user", r.user());
        }
        return o;
    }

    static ObjectNode toJson(UserConfig u, boolean withSecrets) {
        ObjectNode o = MAPPER.createObjectNode().put("name", u.name());
        u.apiKeySha256().ifPresent(h -> o.put("apiKeySha256", h));
        u.passwordHash().ifPresent(h -> o.put("passwordHash", withSecrets ? h : "***"));
        strings(o, "allowedSenders", u.allowedSenders());
        o.put("ratePerSecond", u.ratePerSecond()).put("quota", u.quota());
        u.dlrUrl().ifPresent(d -> o.put("dlrUrl", d));
        u.webhookSecret().ifPresent(s -> o.put("webhookSecret", withSecrets ? s : "***"));
        strings(o, "tags", u.tags());
        u.systemId().ifPresent(id -> o.put("systemId", id));
        if (u.smppWindow() != UserConfig.DEFAULT_SMPP_WINDOW) {
            o.put("smppWindow", u.smppWindow());
        }
        if (u.smppMaxBinds() != UserConfig.DEFAULT_SMPP_MAX_BINDS) {
            o.put("smppMaxBinds", u.smppMaxBinds());
        }
        return o;
    }

    static ObjectNode toJson(RuleConfig r) {
        ObjectNode o = MAPPER.createObjectNode().put("type", r.type()).put("match", r.match());
        if (r.to() != null) {
            o.put("to", r.to());
        }
        if (r.value() != null) {
            o.put("value", r.value());
        }
        return o;
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private static void strings(ObjectNode o, String name, List<String> values) {
        if (!values.isEmpty()) {
            ArrayNode a = o.putArray(name);
            values.forEach(a::add);
        }
    }

    private static String key(String p, String name) {
        return p.isEmpty() ? name : p + "." + name;
    }

    private static void object(JsonNode n, String p, Set<String> allowed) {
        if (n == null || !n.isObject()) {
            throw new InvalidField(p.isEmpty() ? "body" : p, "must be a JSON object");
        }
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) {
                throw new InvalidField(key(p, f), "is not a known setting (allowed: " + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
            }
        }
    }

    private static String required(JsonNode n, String p, String name) {
        String v = text(n, p, name, null);
        if (v == null || v.isBlank()) {
            throw new InvalidField(key(p, name), "is required");
        }
        return v;
    }

    private static String text(JsonNode n, String p, String name, String dflt) {
        JsonNode v = n.get(name);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (v.isContainerNode()) {
            throw new InvalidField(key(p, name), "must be a string");
        }
        return v.asText();
    }

    private static int integer(JsonNode n, String p, String name, int dflt) {
        JsonNode v = n.get(name);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (!v.isIntegralNumber()) {
            throw new InvalidField(key(p, name), "must be a whole number");
        }
        return v.asInt();
    }

    private static double number(JsonNode n, String p, String name, double dflt) {
        JsonNode v = n.get(name);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (!v.isNumber()) {
            throw new InvalidField(key(p, name), "must be a number");
        }
        return v.asDouble();
    }

    private static Duration duration(JsonNode n, String p, String name, Duration dflt) {
        String t = text(n, p, name, null);
        if (t == null) {
            return dflt;
        }
        try {
            return MessageRequests.duration(MAPPER.getNodeFactory().textNode(t), key(p, name));
        } catch (RuntimeException e) {
            try {
                return Duration.parse(t);
            } catch (DateTimeParseException e2) {
                throw new InvalidField(key(p, name), "must be a duration like 10s, 2m or PT10S");
            }
        }
    }

    private static List<String> strings(JsonNode n, String p, String name) {
        JsonNode v = n.get(name);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (v.isTextual()) {
            out.add(v.asText());
            return out;
        }
        if (!v.isArray()) {
            throw new InvalidField(key(p, name), "must be a list of strings");
        }
        for (JsonNode x : v) {
            if (!x.isTextual()) {
                throw new InvalidField(key(p, name), "must be a list of strings");
            }
            out.add(x.asText());
        }
        return out;
    }
}
