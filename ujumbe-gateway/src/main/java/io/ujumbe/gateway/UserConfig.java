package io.ujumbe.gateway;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A user of the gateway's HTTP API: how it authenticates (an API key as a Bearer token, and/or a
 * password for basic auth and the Kannel/Jasmin endpoints), which senders it may use, its rate
 * limit and quota, its default callback URL and the secret that signs its callbacks. Secrets are
 * held only as hashes ({@link Secrets}); the webhook secret must be kept as is to sign, and is never
 * shown by {@link #toString()}.
 *
 * <p>A user with a {@link #systemId()} may also bind to the gateway's SMPP front with that
 * system_id and its password; {@link #smppWindow()} and {@link #smppMaxBinds()} bound what its
 * binds may do. Rate limit, quota and allowed senders are the same whichever door it uses.
 */
public final class UserConfig {
    /** The default of {@link #smppWindow()}. */
    public static final int DEFAULT_SMPP_WINDOW = 100;
    /** The default of {@link #smppMaxBinds()}. */
    public static final int DEFAULT_SMPP_MAX_BINDS = 10;

    private final String name;
    private final String apiKeySha256;
    private final String passwordHash;
    private final List<String> allowedSenders;
    private final double ratePerSecond;
    private final long quota;
    private final String dlrUrl;
    private final String webhookSecret;
    private final List<String> tags;
    private final String systemId;
    private final int smppWindow;
    private final int smppMaxBinds;

    private UserConfig(Builder b) {
        this.name = b.name;
        this.apiKeySha256 = b.apiKeySha256;
        this.passwordHash = b.passwordHash;
        this.allowedSenders = List.copyOf(b.allowedSenders);
        this.ratePerSecond = b.ratePerSecond;
        this.quota = b.quota;
        this.dlrUrl = b.dlrUrl;
        this.webhookSecret = b.webhookSecret;
        this.tags = List.copyOf(b.tags);
        this.systemId = b.systemId;
        this.smppWindow = b.smppWindow;
        this.smppMaxBinds = b.smppMaxBinds;
    }

    /**
     * A builder.
     *
     * @param name the user's name (the basic-auth and Kannel/Jasmin username)
     * @return the builder
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** @return the name */
    public String name() { return name; }
    /** @return the SHA-256 hex of the API key, if the user has one */
    public Optional<String> apiKeySha256() { return Optional.ofNullable(apiKeySha256); }
    /** @return the PBKDF2 hash of the password, if the user has one */
    public Optional<String> passwordHash() { return Optional.ofNullable(passwordHash); }
    /** @return allowed senders (exact, or a prefix ending in {@code *}); empty allows any */
    public List<String> allowedSenders() { return allowedSenders; }
    /** @return messages per second this user may submit, 0 unlimited */
    public double ratePerSecond() { return ratePerSecond; }
    /** @return the most messages this user may ever submit, 0 unlimited */
    public long quota() { return quota; }
    /** @return the callback URL for messages that name none */
    public Optional<String> dlrUrl() { return Optional.ofNullable(dlrUrl); }
    /** @return the HMAC secret of this user's callbacks (the gateway's default when the user has none) */
    public Optional<String> webhookSecret() { return Optional.ofNullable(webhookSecret); }
    /** @return routing tags every message of this user carries */
    public List<String> tags() { return tags; }
    /** @return the system_id this user binds with on the SMPP front, if it may */
    public Optional<String> systemId() { return Optional.ofNullable(systemId); }
    /** @return submissions one SMPP bind may have unanswered at once (more get ESME_RTHROTTLED) */
    public int smppWindow() { return smppWindow; }
    /** @return how many SMPP binds this user may hold at once (more are refused with ESME_RBINDFAIL) */
    public int smppMaxBinds() { return smppMaxBinds; }

    /**
     * Whether this user may send from {@code sender}.
     *
     * @param sender the source address asked for
     * @return true when allowed
     */
    public boolean allowsSender(String sender) {
        if (allowedSenders.isEmpty()) {
            return true;
        }
        for (String a : allowedSenders) {
            if (a.endsWith("*") ? sender.startsWith(a.substring(0, a.length() - 1)) : a.equals(sender)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof UserConfig)) {
            return false;
        }
        UserConfig u = (UserConfig) o;
        return name.equals(u.name) && Objects.equals(apiKeySha256, u.apiKeySha256)
                && Objects.equals(passwordHash, u.passwordHash) && allowedSenders.equals(u.allowedSenders)
                && ratePerSecond == u.ratePerSecond && quota == u.quota && Objects.equals(dlrUrl, u.dlrUrl)
                && Objects.equals(webhookSecret, u.webhookSecret) && tags.equals(u.tags)
                && Objects.equals(systemId, u.systemId) && smppWindow == u.smppWindow && smppMaxBinds == u.smppMaxBinds;
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return "UserConfig{" + name + ", apiKey=" + (apiKeySha256 != null ? "***" : "none") + ", password="
                + (passwordHash != null ? "***" : "none") + ", senders=" + allowedSenders + ", rate=" + ratePerSecond
                + ", quota=" + quota + (systemId != null ? ", systemId=" + systemId : "") + "}";
    }

    /** Builds a {@link UserConfig}; plain secrets given to it are hashed at once and not kept. */
    public static final class Builder {
        private final String name;
        private String apiKeySha256;
        private String passwordHash;
        private List<String> allowedSenders = List.of();
        private double ratePerSecond;
        private long quota;
        private String dlrUrl;
        private String webhookSecret;
        private List<String> tags = List.of();
        private String systemId;
        private int smppWindow = DEFAULT_SMPP_WINDOW;
        private int smppMaxBinds = DEFAULT_SMPP_MAX_BINDS;

        private Builder(String name) {
            Objects.requireNonNull(name, "name");
            if (name.isBlank() || name.contains(":")) {
                throw new IllegalArgumentException("a user name must not be empty nor contain ':', was '" + name + "'");
            }
            this.name = name;
        }

        /** @param apiKey the plain API key (kept only as its SHA-256) @return this builder */
        public Builder apiKey(String apiKey) {
            if (apiKey == null || apiKey.length() < 8) {
                throw new IllegalArgumentException("apiKey must have at least 8 characters");
            }
            this.apiKeySha256 = Secrets.sha256Hex(apiKey);
            return this;
        }

        /** @param sha256Hex the SHA-256 of the API key, 64 hex digits @return this builder */
        public Builder apiKeySha256(String sha256Hex) {
            if (sha256Hex == null || !sha256Hex.matches("[0-9a-fA-F]{64}")) {
                throw new IllegalArgumentException("apiKeySha256 must be 64 hex digits");
            }
            this.apiKeySha256 = sha256Hex.toLowerCase(java.util.Locale.ROOT);
            return this;
        }

        /** @param password the plain password (kept only as a PBKDF2 hash) @return this builder */
        public Builder password(String password) {
            if (password == null || password.isEmpty()) {
                throw new IllegalArgumentException("password must not be empty");
            }
            this.passwordHash = Secrets.hashPassword(password);
            return this;
        }

        /** @param hash a hash made by {@link Secrets#hashPassword} @return this builder */
        public Builder passwordHash(String hash) {
            if (!Secrets.isPasswordHash(hash)) {
                throw new IllegalArgumentException("passwordHash must be pbkdf2$<iterations>$<salt>$<hash>");
            }
            this.passwordHash = hash;
            return this;
        }

        /** @param senders exact senders or prefixes ending in {@code *}; empty allows any @return this builder */
        public Builder allowedSenders(List<String> senders) { this.allowedSenders = List.copyOf(senders); return this; }

        /** @param rate messages per second, 0 unlimited @return this builder */
        public Builder ratePerSecond(double rate) {
            if (!(rate >= 0 && rate <= 1_000_000)) {
                throw new IllegalArgumentException("ratePerSecond must be 0..1000000, was " + rate);
            }
            this.ratePerSecond = rate;
            return this;
        }

        /** @param quota the most messages ever, 0 unlimited @return this builder */
        public Builder quota(long quota) {
            if (quota < 0) {
                throw new IllegalArgumentException("quota must be 0 or more, was " + quota);
            }
            this.quota = quota;
            return this;
        }

        /** @param url the default callback URL @return this builder */
        public Builder dlrUrl(String url) { this.dlrUrl = GatewayConfig.checkUrl(url, "dlrUrl"); return this; }

        /** @param secret the HMAC secret of this user's callbacks @return this builder */
        public Builder webhookSecret(String secret) { this.webhookSecret = secret; return this; }

        /** @param tags routing tags of every message of this user @return this builder */
        public Builder tags(List<String> tags) { this.tags = List.copyOf(tags); return this; }

        /**
         * @param id the system_id this user binds with on the SMPP front (1..15 characters, SMPP's
         *        limit); it needs a password too @return this builder
         */
        public Builder systemId(String id) {
            if (id != null && (id.isEmpty() || id.length() > 15)) {
                throw new IllegalArgumentException("systemId must have 1..15 characters, was '" + id + "'");
            }
            this.systemId = id;
            return this;
        }

        /** @param n unanswered submissions per SMPP bind, 1..10000 (default 100) @return this builder */
        public Builder smppWindow(int n) {
            if (n < 1 || n > 10_000) {
                throw new IllegalArgumentException("smppWindow must be 1..10000, was " + n);
            }
            this.smppWindow = n;
            return this;
        }

        /** @param n SMPP binds at once, 1..1000 (default 10) @return this builder */
        public Builder smppMaxBinds(int n) {
            if (n < 1 || n > 1000) {
                throw new IllegalArgumentException("smppMaxBinds must be 1..1000, was " + n);
            }
            this.smppMaxBinds = n;
            return this;
        }

        /** @return the user */
        public UserConfig build() {
            if (systemId != null && passwordHash == null) {
                throw new IllegalArgumentException("user " + name + " has a systemId but no password to bind with");
            }
            return new UserConfig(this);
        }
    }
}
