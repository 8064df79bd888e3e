package io.ujumbe.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.ujumbe.gateway.ConnectorConfig;
import io.ujumbe.gateway.GatewayConfig;
import io.ujumbe.gateway.MoRouteConfig;
import io.ujumbe.gateway.RouteConfig;
import io.ujumbe.gateway.RuleConfig;
import io.ujumbe.gateway.UserConfig;
import io.ujumbe.gateway.WeightedConnector;
import io.ujumbe.session.TlsConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code ujumbe gateway --config FILE} (JSON or YAML) into a {@link GatewayConfig}, checking
 * it as a whole: every problem is reported with its key ({@code connectors[1].port must be
 * 1..65535}), unknown keys included. Secrets may be written {@code ${ENV_VAR}}.
 */
final class GatewayConfigFile {
    private GatewayConfigFile() {
    }

    static GatewayConfig load(Path file, Map<String, String> env) {
        JsonNode tree = RunConfig.readTree(file);
        List<String> problems = new ArrayList<>();
        GatewayConfig config = read(ConfigNode.root(tree, problems, env), problems, file.toAbsolutePath().getParent());
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return config;
    }

    private static GatewayConfig read(ConfigNode root, List<String> problems, Path dir) {
        GatewayConfig.Builder b = GatewayConfig.builder();
        ConfigNode http = root.object("http");
        attempt(problems, http.key("host"), () -> b.httpHost(http.string("host", "127.0.0.1")));
        attempt(problems, http.key("port"), () -> b.httpPort(http.integer("port", 8080, 0, 65535)));
        attempt(problems, http.key("ioThreads"), () -> b.ioThreads(http.integer("ioThreads", 2, 1, 64)));
        attempt(problems, http.key("maxRequestBytes"), () -> b.maxRequestBytes(http.integer("maxRequestBytes", 1024 * 1024, 1024, 64 * 1024 * 1024)));
        attempt(problems, http.key("maxBatch"), () -> b.maxBatch(http.integer("maxBatch", 1000, 1, 100_000)));
        http.rejectUnknownKeys();

        List<String> connectorNames = new ArrayList<>();
        for (ConfigNode c : root.objects("connectors")) {
            String name = c.requiredString("name");
            connectorNames.add(name);
            ConnectorConfig.Builder cb = name.isEmpty() ? null : ConnectorConfig.builder(name);
            String host = c.requiredString("host");
            int port = c.integer("port", 2775, 1, 65535);
            String systemId = c.requiredString("systemId");
            String password = c.string("password").orElse(null);
            if (password == null) {
                c.problem(c.key("password") + " is required (write it, or \"${ENV_VAR}\")");
            }
            String systemType = c.string("systemType", "");
            var bind = c.choice("bind", io.ujumbe.pdu.BindType.TRANSCEIVER, Choices.BIND);
            int binds = c.integer("binds", 1, 1, 64);
            int window = c.integer("windowSize", 100, 1, 10_000);
            double rate = c.number("ratePerSecond", 0, 0, 1_000_000);
            Duration responseTimeout = c.duration("responseTimeout", Duration.ofSeconds(10), Duration.ofMillis(1));
            Duration enquire = c.duration("enquireLinkInterval", Duration.ofSeconds(30), Duration.ofSeconds(1));
            int capacity = c.integer("outboxCapacity", 100_000, 1, 10_000_000);
            ConfigNode tlsNode = c.object("tls");
            boolean tlsOn = tlsNode.bool("enabled", false);
            String trust = tlsNode.string("trustCertificates", "");
            boolean trustAll = tlsNode.bool("insecureTrustAll", false);
            tlsNode.rejectUnknownKeys();
            c.rejectUnknownKeys();
            if (cb == null || host.isEmpty() || systemId.isEmpty() || password == null) {
                continue;
            }
            TlsConfig tls = null;
            if (tlsOn) {
                if (trustAll) {
                    tls = TlsConfig.clientInsecureTrustAll();
                } else if (!trust.isEmpty()) {
                    if (!Files.isReadable(Path.of(trust))) {
                        c.problem(tlsNode.key("trustCertificates") + " must be a readable PEM file, was '" + trust + "'");
                    }
                    tls = TlsConfig.clientTrusting(Path.of(trust));
                } else {
                    tls = TlsConfig.client();
                }
            }
            TlsConfig t = tls;
            attempt(problems, c.key(""), () -> b.addConnector(cb.host(host).port(port).systemId(systemId).password(password)
                    .systemType(systemType).bindType(bind).binds(binds).windowSize(window).ratePerSecond(rate)
                    .responseTimeout(responseTimeout).enquireLinkInterval(enquire).outboxCapacity(capacity).tls(t).build()));
        }

        List<ConfigNode> routes = root.objects("routes");
        for (int i = 0; i < routes.size(); i++) {
            ConfigNode r = routes.get(i);
            String name = r.string("name", "route-" + i);
            List<String> to = r.strings("to");
            String toRegex = r.string("toRegex").orElse(null);
            List<String> from = r.strings("from");
            List<String> users = r.strings("users");
            List<String> tags = r.strings("tags");
            List<WeightedConnector> targets = new ArrayList<>();
            if (r.has("connector")) {
                String one = r.requiredString("connector");
                if (!one.isEmpty()) {
                    targets.add(new WeightedConnector(one, 1));
                }
            }
            for (ConfigNode w : r.objects("connectors")) {
                String cn = w.requiredString("name");
                int weight = w.integer("weight", 1, 1, 1_000_000);
                w.rejectUnknownKeys();
                if (!cn.isEmpty()) {
                    targets.add(new WeightedConnector(cn, weight));
                }
            }
            if (targets.isEmpty()) {
                r.problem(r.key("connector") + " (or connectors: [{name, weight}]) is required");
            }
            for (WeightedConnector w : targets) {
                if (!connectorNames.contains(w.name())) {
                    r.problem(r.key("connector") + " names " + w.name() + ", which is not among the connectors ("
                            + String.join(", ", connectorNames) + ")");
                }
            }
            r.rejectUnknownKeys();
            if (!targets.isEmpty()) {
                attempt(problems, r.key("toRegex"), () -> b.addRoute(new RouteConfig(name, to, toRegex, from, users, tags, targets)));
            }
        }

        List<ConfigNode> moRoutes = root.objects("moRoutes");
        for (int i = 0; i < moRoutes.size(); i++) {
            ConfigNode r = moRoutes.get(i);
            String name = r.string("name", "mo-" + i);
            List<String> to = r.strings("to");
            String keyword = r.string("keyword").orElse(null);
            List<String> tags = r.strings("tags");
            String url = r.requiredString("url");
            String user = r.string("user").orElse(null);
            r.rejectUnknownKeys();
            if (!url.isEmpty()) {
                attempt(problems, r.key("url"), () -> b.addMoRoute(new MoRouteConfig(name, to, keyword, tags, url, user)));
            }
        }

        for (ConfigNode u : root.objects("users")) {
            String name = u.requiredString("name");
            String apiKey = u.string("apiKey").orElse(null);
            String apiKeySha256 = u.string("apiKeySha256").orElse(null);
            String password = u.string("password").orElse(null);
            String passwordHash = u.string("passwordHash").orElse(null);
            List<String> senders = u.strings("allowedSenders");
            double rate = u.number("ratePerSecond", 0, 0, 1_000_000);
            long quota = u.longValue("quota", 0);
            String dlrUrl = u.string("dlrUrl").orElse(null);
            String secret = u.string("webhookSecret").orElse(null);
            List<String> tags = u.strings("tags");
            String systemId = u.string("systemId").orElse(null);
            int smppWindow = u.integer("smppWindow", UserConfig.DEFAULT_SMPP_WINDOW, 1, 10_000);
            int smppMaxBinds = u.integer("smppMaxBinds", UserConfig.DEFAULT_SMPP_MAX_BINDS, 1, 1000);
            u.rejectUnknownKeys();
            if (systemId != null && (systemId.isEmpty() || systemId.length() > 15)) {
                u.problem(u.key("systemId") + " must have 1..15 characters (SMPP's limit), was '" + systemId + "'");
                continue;
            }
            if (systemId != null && password == null && passwordHash == null) {
                u.problem(u.key("systemId") + " needs the user's password (or passwordHash) to bind with");
                continue;
            }
            if (name.isEmpty()) {
                continue;
            }
            if (apiKey == null && apiKeySha256 == null && password == null && passwordHash == null) {
                u.problem(u.key("apiKey") + " (or apiKeySha256, password, passwordHash) is required: the user must be able to sign in");
            }
            attempt(problems, u.key(""), () -> {
                UserConfig.Builder ub = UserConfig.builder(name).allowedSenders(senders).ratePerSecond(rate).quota(quota)
                        .webhookSecret(secret).tags(tags).systemId(systemId).smppWindow(smppWindow)
                        .smppMaxBinds(smppMaxBinds);
                if (apiKey != null) {
                    ub.apiKey(apiKey);
                }
                if (apiKeySha256 != null) {
                    ub.apiKeySha256(apiKeySha256);
                }
                if (password != null) {
                    ub.password(password);
                }
                if (passwordHash != null) {
                    ub.passwordHash(passwordHash);
                }
                if (dlrUrl != null) {
                    ub.dlrUrl(dlrUrl);
                }
                b.addUser(ub.build());
            });
        }

        for (ConfigNode r : root.objects("rules")) {
            String type = r.requiredString("type");
            String match = r.string("match").orElse(null);
            String to = r.string("to").orElse(null);
            String value = r.string("value").orElse(null);
            r.rejectUnknownKeys();
            if (!type.isEmpty()) {
                attempt(problems, r.key(""), () -> b.addRule(new RuleConfig(type, match, to, value)));
            }
        }

        if (root.has("smpp")) {
            smpp(root.object("smpp"), problems, dir, b);
        }

        ConfigNode webhooks = root.object("webhooks");
        Duration timeout = webhooks.duration("timeout", Duration.ofSeconds(10), Duration.ofMillis(10));
        Duration retryFor = webhooks.duration("retryFor", Duration.ofHours(1), Duration.ofSeconds(1));
        Duration initial = webhooks.duration("initialBackoff", Duration.ofSeconds(1), Duration.ofMillis(10));
        Duration max = webhooks.duration("maxBackoff", Duration.ofSeconds(60), Duration.ofMillis(10));
        int perUrl = webhooks.integer("maxPerUrl", 64, 1, 1000);
        String secret = webhooks.string("secret").orElse(null);
        webhooks.rejectUnknownKeys();
        b.webhookTimeout(timeout).webhookRetryFor(retryFor).webhookInitialBackoff(initial).webhookMaxBackoff(max)
                .webhookMaxPerUrl(perUrl).webhookSecret(secret);

        ConfigNode routing = root.object("routing");
        b.failoverAfter(routing.duration("failoverAfter", Duration.ofSeconds(10), Duration.ofMillis(100)));
        b.maxConsecutiveFailures(routing.integer("maxConsecutiveFailures", 5, 1, 1000));
        routing.rejectUnknownKeys();

        if (root.has("admin")) {
            ConfigNode admin = root.object("admin");
            String user = admin.requiredString("user");
            String password = admin.requiredString("password");
            String store = admin.string("store").orElse(null);
            admin.rejectUnknownKeys();
            if (!user.isEmpty() && !password.isEmpty()) {
                b.admin(user, password);
            }
            if (store != null) {
                // Relative to the configuration file, so the gateway finds it whatever its working directory.
                b.adminStore(dir.resolve(store));
            }
        } else {
            root.object("admin");
        }
        if (root.has("redis")) {
            ConfigNode redis = root.object("redis");
            String uri = redis.requiredString("uri");
            if (!uri.isEmpty() && !(uri.startsWith("redis://") || uri.startsWith("rediss://"))) {
                redis.problem(redis.key("uri") + " must start with redis:// or rediss://");
            }
            b.redisUri(uri.isEmpty() ? null : uri).redisKeyPrefix(redis.string("keyPrefix", "ujumbe:gw:"));
            redis.rejectUnknownKeys();
        } else {
            root.object("redis");
        }
        b.messageTtl(root.duration("messageTtl", Duration.ofDays(7), Duration.ofSeconds(1)));
        b.drainTimeout(root.duration("drainTimeout", Duration.ofSeconds(30), Duration.ZERO));
        root.rejectUnknownKeys();
        if (!problems.isEmpty()) {
            return null;
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return null;
        }
    }

    /**
     * The SMPP front: {@code smpp: {host, port, ioThreads, deliverWindow, responseTimeout,
     * enquireLinkInterval, maxQueuedPerUser, queuedTtl, tls: {port, certificateChain, privateKey}}},
     * the TLS keys as the simulator's (PEM files, relative to the configuration file).
     */
    private static void smpp(ConfigNode smpp, List<String> problems, Path dir, GatewayConfig.Builder b) {
        var f = io.ujumbe.gateway.smpp.SmppFrontConfig.builder();
        attempt(problems, smpp.key("host"), () -> f.host(smpp.string("host", "127.0.0.1")));
        ConfigNode tls = smpp.object("tls");
        // Only a TLS port when tls.port is given without a plain port.
        int port = smpp.integer("port", tls.has("port") ? -1 : 2776, -1, 65535);
        attempt(problems, smpp.key("port"), () -> f.port(port));
        attempt(problems, smpp.key("ioThreads"), () -> f.ioThreads(smpp.integer("ioThreads", 2, 1, 64)));
        attempt(problems, smpp.key("deliverWindow"), () -> f.deliverWindow(smpp.integer("deliverWindow", 100, 1, 10_000)));
        attempt(problems, smpp.key("responseTimeout"),
                () -> f.responseTimeout(smpp.duration("responseTimeout", Duration.ofSeconds(10), Duration.ofMillis(100))));
        attempt(problems, smpp.key("enquireLinkInterval"),
                () -> f.enquireLinkInterval(smpp.duration("enquireLinkInterval", Duration.ofSeconds(30), Duration.ZERO)));
        attempt(problems, smpp.key("maxQueuedPerUser"),
                () -> f.maxQueuedPerUser(smpp.integer("maxQueuedPerUser", 100_000, 1, 10_000_000)));
        attempt(problems, smpp.key("queuedTtl"),
                () -> f.queuedTtl(smpp.duration("queuedTtl", Duration.ofHours(72), Duration.ofSeconds(1))));
        int tlsPort = tls.integer("port", -1, -1, 65535);
        String chain = tls.string("certificateChain").orElse(null);
        String key = tls.string("privateKey").orElse(null);
        tls.rejectUnknownKeys();
        smpp.rejectUnknownKeys();
        if (tlsPort >= 0) {
            if (chain == null || key == null) {
                problems.add(tls.key("certificateChain") + " and " + tls.key("privateKey") + " are required when "
                        + tls.key("port") + " is set");
            } else {
                Path chainPath = dir == null ? Path.of(chain) : dir.resolve(chain);
                Path keyPath = dir == null ? Path.of(key) : dir.resolve(key);
                if (!Files.isReadable(chainPath)) {
                    problems.add(tls.key("certificateChain") + " must be a readable PEM file, was '" + chain + "'");
                } else if (!Files.isReadable(keyPath)) {
                    problems.add(tls.key("privateKey") + " must be a readable PEM file, was '" + key + "'");
                } else {
                    attempt(problems, tls.key("certificateChain"),
                            () -> f.tls(tlsPort, io.ujumbe.session.TlsConfig.server(chainPath, keyPath)));
                }
            }
        }
        attempt(problems, smpp.key("port"), () -> b.smppFront(f.build()));
    }

    private static void attempt(List<String> problems, String key, Runnable r) {
        try {
            r.run();
        } catch (IllegalArgumentException e) {
            String k = key.endsWith(".") ? key.substring(0, key.length() - 1) : key;
            problems.add(k + ": " + e.getMessage());
        }
    }
}
