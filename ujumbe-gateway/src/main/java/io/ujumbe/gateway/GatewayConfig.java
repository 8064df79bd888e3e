package io.ujumbe.gateway;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything a {@link Gateway} runs with: its HTTP listener and limits, connectors, MT and MO routes,
 * users, interceptor rules, webhook delivery, failover and, optionally, the Redis that several
 * gateway processes share. Immutable; {@link #builder()} checks each value and {@link Builder#build()}
 * the references between them (a route's connector must exist, names must be unique).
 */
public final class GatewayConfig {
    private final String httpHost;
    private final int httpPort;
    private final int ioThreads;
    private final int maxRequestBytes;
    private final int maxBatch;
    private final List<ConnectorConfig> connectors;
    private final List<RouteConfig> routes;
    private final List<MoRouteConfig> moRoutes;
    private final List<UserConfig> users;
    private final List<RuleConfig> rules;
    private final Duration webhookTimeout;
    private final Duration webhookRetryFor;
    private final Duration webhookInitialBackoff;
    private final Duration webhookMaxBackoff;
    private final int webhookMaxPerUrl;
    private final String webhookSecret;
    private final Duration failoverAfter;
    private final int maxConsecutiveFailures;
    private final String adminUser;
    private final String adminPasswordHash;
    private final String redisUri;
    private final String redisKeyPrefix;
    private final Duration messageTtl;
    private final Duration drainTimeout;
    private final java.nio.file.Path adminStore;
    private final io.ujumbe.gateway.smpp.SmppFrontConfig smppFront;

    private GatewayConfig(Builder b) {
        this.httpHost = b.httpHost;
        this.httpPort = b.httpPort;
        this.ioThreads = b.ioThreads;
        this.maxRequestBytes = b.maxRequestBytes;
        this.maxBatch = b.maxBatch;
        this.connectors = List.copyOf(b.connectors);
        this.routes = List.copyOf(b.routes);
        this.moRoutes = List.copyOf(b.moRoutes);
        this.users = List.copyOf(b.users);
        this.rules = List.copyOf(b.rules);
        this.webhookTimeout = b.webhookTimeout;
        this.webhookRetryFor = b.webhookRetryFor;
        this.webhookInitialBackoff = b.webhookInitialBackoff;
        this.webhookMaxBackoff = b.webhookMaxBackoff;
        this.webhookMaxPerUrl = b.webhookMaxPerUrl;
        this.webhookSecret = b.webhookSecret;
        this.failoverAfter = b.failoverAfter;
        this.maxConsecutiveFailures = b.maxConsecutiveFailures;
        this.adminUser = b.adminUser;
        this.adminPasswordHash = b.adminPasswordHash;
        this.redisUri = b.redisUri;
        this.redisKeyPrefix = b.redisKeyPrefix;
        this.messageTtl = b.messageTtl;
        this.drainTimeout = b.drainTimeout;
        this.adminStore = b.adminStore;
        this.smppFront = b.smppFront;
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this configuration, to change some of it */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.httpHost = httpHost;
        b.httpPort = httpPort;
        b.ioThreads = ioThreads;
        b.maxRequestBytes = maxRequestBytes;
        b.maxBatch = maxBatch;
        b.connectors.addAll(connectors);
        b.routes.addAll(routes);
        b.moRoutes.addAll(moRoutes);
        b.users.addAll(users);
        b.rules.addAll(rules);
        b.webhookTimeout = webhookTimeout;
        b.webhookRetryFor = webhookRetryFor;
        b.webhookInitialBackoff = webhookInitialBackoff;
        b.webhookMaxBackoff = webhookMaxBackoff;
        b.webhookMaxPerUrl = webhookMaxPerUrl;
        b.webhookSecret = webhookSecret;
        b.failoverAfter = failoverAfter;
        b.maxConsecutiveFailures = maxConsecutiveFailures;
        b.adminUser = adminUser;
        b.adminPasswordHash = adminPasswordHash;
        b.redisUri = redisUri;
        b.redisKeyPrefix = redisKeyPrefix;
        b.smppFront = smppFront;
        b.messageTtl = messageTtl;
        b.drainTimeout = drainTimeout;
        b.adminStore = adminStore;
        return b;
    }

    /** @return the HTTP listener's address */
    public String httpHost() { return httpHost; }
    /** @return the HTTP port, 0 for any free one */
    public int httpPort() { return httpPort; }
    /** @return the HTTP server's I/O threads */
    public int ioThreads() { return ioThreads; }
    /** @return the largest request body; larger ones get 413 */
    public int maxRequestBytes() { return maxRequestBytes; }
    /** @return the most messages (destinations) one POST may carry */
    public int maxBatch() { return maxBatch; }
    /** @return the connectors */
    public List<ConnectorConfig> connectors() { return connectors; }
    /** @return the MT routes, in order */
    public List<RouteConfig> routes() { return routes; }
    /** @return the MO routes, in order */
    public List<MoRouteConfig> moRoutes() { return moRoutes; }
    /** @return the users */
    public List<UserConfig> users() { return users; }
    /** @return the ready-made interceptor rules, in order */
    public List<RuleConfig> rules() { return rules; }
    /** @return how long one callback attempt may take */
    public Duration webhookTimeout() { return webhookTimeout; }
    /** @return how long a callback is retried before it is given up (and logged) */
    public Duration webhookRetryFor() { return webhookRetryFor; }
    /** @return the first retry's delay; each next one doubles */
    public Duration webhookInitialBackoff() { return webhookInitialBackoff; }
    /** @return the longest delay between retries */
    public Duration webhookMaxBackoff() { return webhookMaxBackoff; }
    /** @return callbacks in flight at once to one host and port */
    public int webhookMaxPerUrl() { return webhookMaxPerUrl; }
    /** @return the secret that signs callbacks of users without their own */
    public Optional<String> webhookSecret() { return Optional.ofNullable(webhookSecret); }
    /** @return how long a connector may have no bound session before its queue moves to the route's others */
    public Duration failoverAfter() { return failoverAfter; }
    /** @return failed submissions in a row after which a connector is passed over for a while */
    public int maxConsecutiveFailures() { return maxConsecutiveFailures; }
    /** @return the admin API's user, if the admin API is on */
    public Optional<String> adminUser() { return Optional.ofNullable(adminUser); }
    /** @return the PBKDF2 hash of the admin password */
    public Optional<String> adminPasswordHash() { return Optional.ofNullable(adminPasswordHash); }
    /** @return the Redis URI when state is shared, empty for in memory */
    public Optional<String> redisUri() { return Optional.ofNullable(redisUri); }
    /** @return the prefix of every Redis key */
    public String redisKeyPrefix() { return redisKeyPrefix; }
    /** @return the SMPP front door's listener settings, when downstream ESMEs may bind */
    public Optional<io.ujumbe.gateway.smpp.SmppFrontConfig> smppFront() { return Optional.ofNullable(smppFront); }
    /** @return how long a message's status is kept */
    public Duration messageTtl() { return messageTtl; }
    /** @return how long a shutdown waits for queued messages and callbacks */
    public Duration drainTimeout() { return drainTimeout; }
    /** @return the file the admin API's changes are kept in when there is no Redis */
    public Optional<java.nio.file.Path> adminStore() { return Optional.ofNullable(adminStore); }

    @Override
    public String toString() {
        return "GatewayConfig{http=" + httpHost + ":" + httpPort + ", connectors=" + connectors + ", routes="
                + routes.size() + ", users=" + users.size() + ", redis=" + (redisUri != null ? "on" : "off") + "}";
    }

    /**
     * Checks an http(s) URL.
     *
     * @param url the URL, or null
     * @param key the setting or field it came from, for the message
     * @return the URL
     * @throws IllegalArgumentException when it is not an absolute http or https URL
     */
    public static String checkUrl(String url, String key) {
        if (url == null) {
            return null;
        }
        try {
            URI u = new URI(url);
            if (u.getScheme() == null || !(u.getScheme().equals("http") || u.getScheme().equals("https")) || u.getHost() == null) {
                throw new IllegalArgumentException(key + " must be an absolute http or https URL, was '" + url + "'");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(key + " is not a valid URL: " + e.getReason());
        }
        return url;
    }

    /** Builds a {@link GatewayConfig}; each setter checks its value. */
    public static final class Builder {
        private String httpHost = "127.0.0.1";
        private int httpPort = 8080;
        private int ioThreads = 2;
        private int maxRequestBytes = 1024 * 1024;
        private int maxBatch = 1000;
        private final List<ConnectorConfig> connectors = new ArrayList<>();
        private final List<RouteConfig> routes = new ArrayList<>();
        private final List<MoRouteConfig> moRoutes = new ArrayList<>();
        private final List<UserConfig> users = new ArrayList<>();
        private final List<RuleConfig> rules = new ArrayList<>();
        private Duration webhookTimeout = Duration.ofSeconds(10);
        private Duration webhookRetryFor = Duration.ofHours(1);
        private Duration webhookInitialBackoff = Duration.ofSeconds(1);
        private Duration webhookMaxBackoff = Duration.ofSeconds(60);
        private int webhookMaxPerUrl = 64;
        private String webhookSecret;
        private Duration failoverAfter = Duration.ofSeconds(10);
        private int maxConsecutiveFailures = 5;
        private String adminUser;
        private String adminPasswordHash;
        private String redisUri;
        private String redisKeyPrefix = "ujumbe:gw:";
        private io.ujumbe.gateway.smpp.SmppFrontConfig smppFront;
        private Duration messageTtl = Duration.ofDays(7);
        private Duration drainTimeout = Duration.ofSeconds(30);
        private java.nio.file.Path adminStore;

        private Builder() {
        }

        /** @param host the HTTP listener's address @return this builder */
        public Builder httpHost(String host) { this.httpHost = Objects.requireNonNull(host, "http.host"); return this; }

        /** @param port 0..65535 (0: any free port) @return this builder */
        public Builder httpPort(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("http.port must be 0..65535, was " + port);
            }
            this.httpPort = port;
            return this;
        }

        /** @param threads 1..64 HTTP I/O threads @return this builder */
        public Builder ioThreads(int threads) {
            if (threads < 1 || threads > 64) {
                throw new IllegalArgumentException("http.ioThreads must be 1..64, was " + threads);
            }
            this.ioThreads = threads;
            return this;
        }

        /** @param bytes 1 KiB..64 MiB @return this builder */
        public Builder maxRequestBytes(int bytes) {
            if (bytes < 1024 || bytes > 64 * 1024 * 1024) {
                throw new IllegalArgumentException("http.maxRequestBytes must be 1024..67108864, was " + bytes);
            }
            this.maxRequestBytes = bytes;
            return this;
        }

        /** @param max 1..100000 messages per POST @return this builder */
        public Builder maxBatch(int max) {
            if (max < 1 || max > 100_000) {
                throw new IllegalArgumentException("http.maxBatch must be 1..100000, was " + max);
            }
            this.maxBatch = max;
            return this;
        }

        /** @param c a connector @return this builder */
        public Builder addConnector(ConnectorConfig c) { connectors.add(Objects.requireNonNull(c, "connector")); return this; }

        /** @param r an MT route, tried after those added before @return this builder */
        public Builder addRoute(RouteConfig r) { routes.add(Objects.requireNonNull(r, "route")); return this; }

        /** @param r an MO route @return this builder */
        public Builder addMoRoute(MoRouteConfig r) { moRoutes.add(Objects.requireNonNull(r, "moRoute")); return this; }

        /** @param u a user @return this builder */
        public Builder addUser(UserConfig u) { users.add(Objects.requireNonNull(u, "user")); return this; }

        /** @param r an interceptor rule @return this builder */
        public Builder addRule(RuleConfig r) { rules.add(Objects.requireNonNull(r, "rule")); return this; }

        /** Removes every connector, route, MO route, user and rule (for the admin API's replacements). @return this builder */
        public Builder clearLists() {
            connectors.clear();
            routes.clear();
            moRoutes.clear();
            users.clear();
            rules.clear();
            return this;
        }

        /** @param d one attempt's timeout @return this builder */
        public Builder webhookTimeout(Duration d) { this.webhookTimeout = positive(d, "webhooks.timeout"); return this; }

        /** @param d how long callbacks are retried @return this builder */
        public Builder webhookRetryFor(Duration d) { this.webhookRetryFor = positive(d, "webhooks.retryFor"); return this; }

        /** @param d the first retry delay @return this builder */
        public Builder webhookInitialBackoff(Duration d) { this.webhookInitialBackoff = positive(d, "webhooks.initialBackoff"); return this; }

        /** @param d the longest retry delay @return this builder */
        public Builder webhookMaxBackoff(Duration d) { this.webhookMaxBackoff = positive(d, "webhooks.maxBackoff"); return this; }

        /** @param n 1..1000 callbacks in flight per host and port @return this builder */
        public Builder webhookMaxPerUrl(int n) {
            if (n < 1 || n > 1000) {
                throw new IllegalArgumentException("webhooks.maxPerUrl must be 1..1000, was " + n);
            }
            this.webhookMaxPerUrl = n;
            return this;
        }

        /** @param secret the default callback signing secret @return this builder */
        public Builder webhookSecret(String secret) { this.webhookSecret = secret; return this; }

        /** @param d how long a connector may be unbound before its queue moves on @return this builder */
        public Builder failoverAfter(Duration d) { this.failoverAfter = positive(d, "routing.failoverAfter"); return this; }

        /** @param n 1..1000 failures in a row that take a connector out of rotation @return this builder */
        public Builder maxConsecutiveFailures(int n) {
            if (n < 1 || n > 1000) {
                throw new IllegalArgumentException("routing.maxConsecutiveFailures must be 1..1000, was " + n);
            }
            this.maxConsecutiveFailures = n;
            return this;
        }

        /**
         * Turns the admin API on.
         *
         * @param user the admin's name
         * @param password the plain password (kept as a PBKDF2 hash) or a {@code pbkdf2$…} hash
         * @return this builder
         */
        public Builder admin(String user, String password) {
            this.adminUser = Objects.requireNonNull(user, "admin.user");
            Objects.requireNonNull(password, "admin.password");
            this.adminPasswordHash = Secrets.isPasswordHash(password) ? password : Secrets.hashPassword(password);
            return this;
        }

        /** @param front the SMPP front door's listener, or null for none @return this builder */
        public Builder smppFront(io.ujumbe.gateway.smpp.SmppFrontConfig front) { this.smppFront = front; return this; }

        /** @param uri a redis:// URI to share state, or null for memory @return this builder */
        public Builder redisUri(String uri) { this.redisUri = uri; return this; }

        /** @param prefix the prefix of every Redis key @return this builder */
        public Builder redisKeyPrefix(String prefix) { this.redisKeyPrefix = Objects.requireNonNull(prefix, "redis.keyPrefix"); return this; }

        /** @param d how long statuses are kept @return this builder */
        public Builder messageTtl(Duration d) { this.messageTtl = positive(d, "messageTtl"); return this; }

        /** @param file where admin changes are kept without Redis (null: not kept) @return this builder */
        public Builder adminStore(java.nio.file.Path file) { this.adminStore = file; return this; }

        /** @param d how long shutdown waits @return this builder */
        public Builder drainTimeout(Duration d) { this.drainTimeout = Objects.requireNonNull(d, "drainTimeout"); return this; }

        /**
         * Checks the references between the parts and freezes them.
         *
         * @return the configuration
         * @throws IllegalArgumentException naming the route, connector or user at fault
         */
        public GatewayConfig build() {
            Set<String> names = new HashSet<>();
            for (ConnectorConfig c : connectors) {
                if (!names.add(c.name())) {
                    throw new IllegalArgumentException("connectors: the name " + c.name() + " is used twice");
                }
            }
            for (RouteConfig r : routes) {
                for (WeightedConnector w : r.connectors()) {
                    if (!names.contains(w.name())) {
                        throw new IllegalArgumentException("routes: route " + r.name() + " names connector " + w.name()
                                + ", which is not among the connectors (" + String.join(", ", names) + ")");
                    }
                }
            }
            Set<String> userNames = new HashSet<>();
            Set<String> keys = new HashSet<>();
            Set<String> systemIds = new HashSet<>();
            for (UserConfig u : users) {
                if (!userNames.add(u.name())) {
                    throw new IllegalArgumentException("users: the name " + u.name() + " is used twice");
                }
                if (u.apiKeySha256().isPresent() && !keys.add(u.apiKeySha256().get())) {
                    throw new IllegalArgumentException("users: user " + u.name() + " has the same apiKey as another user");
                }
                if (u.systemId().isPresent() && !systemIds.add(u.systemId().get())) {
                    throw new IllegalArgumentException("users: user " + u.name() + " has the same systemId as another user");
                }
            }
            return new GatewayConfig(this);
        }

        private static Duration positive(Duration d, String key) {
            Objects.requireNonNull(d, key);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(key + " must be positive, was " + d);
            }
            return d;
        }
    }
}
