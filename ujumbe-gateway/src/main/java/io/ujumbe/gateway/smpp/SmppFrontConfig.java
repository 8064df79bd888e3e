package io.ujumbe.gateway.smpp;

import io.ujumbe.session.TlsConfig;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The gateway's SMPP front door: where downstream ESMEs bind (a plain port, a TLS port, or both),
 * how their sessions run, and how receipts and inbound SMS wait for a user with no receiver bound.
 * Immutable; {@link #builder()} checks each value. Per-user limits (window, binds) are the users'
 * ({@link io.ujumbe.gateway.UserConfig#smppWindow()}).
 */
public final class SmppFrontConfig {
    private final String host;
    private final int port;
    private final int tlsPort;
    private final TlsConfig tls;
    private final int ioThreads;
    private final int deliverWindow;
    private final Duration responseTimeout;
    private final Duration enquireLinkInterval;
    private final int maxQueuedPerUser;
    private final Duration queuedTtl;

    private SmppFrontConfig(Builder b) {
        this.host = b.host;
        this.port = b.port;
        this.tlsPort = b.tlsPort;
        this.tls = b.tls;
        this.ioThreads = b.ioThreads;
        this.deliverWindow = b.deliverWindow;
        this.responseTimeout = b.responseTimeout;
        this.enquireLinkInterval = b.enquireLinkInterval;
        this.maxQueuedPerUser = b.maxQueuedPerUser;
        this.queuedTtl = b.queuedTtl;
    }

    /** @return a builder with the defaults (plain port 2776 on 127.0.0.1, no TLS) */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the address listened on */
    public String host() { return host; }
    /** @return the plain port (0 picks a free one), or -1 for none */
    public int port() { return port; }
    /** @return the TLS port (0 picks a free one), or -1 for none */
    public int tlsPort() { return tlsPort; }
    /** @return the server certificate and key of the TLS port, when there is one */
    public Optional<TlsConfig> tls() { return Optional.ofNullable(tls); }
    /** @return the event-loop threads of the listener */
    public int ioThreads() { return ioThreads; }
    /** @return deliver_sm (receipts, MO) sent to one bind and not yet answered, at most */
    public int deliverWindow() { return deliverWindow; }
    /** @return how long a deliver_sm waits for its response before it is queued again */
    public Duration responseTimeout() { return responseTimeout; }
    /** @return idle time after which the gateway sends enquire_link (zero: never) */
    public Duration enquireLinkInterval() { return enquireLinkInterval; }
    /** @return receipts and inbound SMS kept per user while it has no receiver bound; the oldest go first */
    public int maxQueuedPerUser() { return maxQueuedPerUser; }
    /** @return how long a queued receipt or inbound SMS is kept before it is dropped (and counted) */
    public Duration queuedTtl() { return queuedTtl; }

    @Override
    public String toString() {
        return "SmppFrontConfig{" + host + ":" + port + (tlsPort >= 0 ? ", tls:" + tlsPort : "") + "}";
    }

    /** Builds a {@link SmppFrontConfig}. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 2776;
        private int tlsPort = -1;
        private TlsConfig tls;
        private int ioThreads = 2;
        private int deliverWindow = 100;
        private Duration responseTimeout = Duration.ofSeconds(10);
        private Duration enquireLinkInterval = Duration.ofSeconds(30);
        private int maxQueuedPerUser = 100_000;
        private Duration queuedTtl = Duration.ofHours(72);

        private Builder() {
        }

        /** @param v the address to listen on @return this builder */
        public Builder host(String v) {
            if (v == null || v.isBlank()) {
                throw new IllegalArgumentException("smpp.host must not be empty");
            }
            host = v;
            return this;
        }

        /** @param v the plain port, 0 for a free one, -1 for none @return this builder */
        public Builder port(int v) {
            if (v < -1 || v > 65535) {
                throw new IllegalArgumentException("smpp.port must be -1..65535, was " + v);
            }
            port = v;
            return this;
        }

        /**
         * A TLS listener too.
         *
         * @param tlsPort the TLS port, 0 for a free one
         * @param serverTls the certificate chain and private key ({@link TlsConfig#server})
         * @return this builder
         */
        public Builder tls(int tlsPort, TlsConfig serverTls) {
            if (tlsPort < 0 || tlsPort > 65535) {
                throw new IllegalArgumentException("smpp.tls.port must be 0..65535, was " + tlsPort);
            }
            if (serverTls == null || !serverTls.isServer()) {
                throw new IllegalArgumentException("smpp.tls needs a server certificate and key");
            }
            this.tlsPort = tlsPort;
            this.tls = serverTls;
            return this;
        }

        /** @param v event-loop threads, 1..64 @return this builder */
        public Builder ioThreads(int v) {
            if (v < 1 || v > 64) {
                throw new IllegalArgumentException("smpp.ioThreads must be 1..64, was " + v);
            }
            ioThreads = v;
            return this;
        }

        /** @param v unanswered deliver_sm per bind, 1..10000 @return this builder */
        public Builder deliverWindow(int v) {
            if (v < 1 || v > 10_000) {
                throw new IllegalArgumentException("smpp.deliverWindow must be 1..10000, was " + v);
            }
            deliverWindow = v;
            return this;
        }

        /** @param v how long a deliver_sm waits for its response @return this builder */
        public Builder responseTimeout(Duration v) {
            responseTimeout = positive(v, "smpp.responseTimeout");
            return this;
        }

        /** @param v idle time before enquire_link, zero for never @return this builder */
        public Builder enquireLinkInterval(Duration v) {
            Objects.requireNonNull(v, "smpp.enquireLinkInterval");
            if (v.isNegative()) {
                throw new IllegalArgumentException("smpp.enquireLinkInterval must not be negative");
            }
            enquireLinkInterval = v;
            return this;
        }

        /** @param v receipts and MO kept per user without a receiver, 1..10000000 @return this builder */
        public Builder maxQueuedPerUser(int v) {
            if (v < 1 || v > 10_000_000) {
                throw new IllegalArgumentException("smpp.maxQueuedPerUser must be 1..10000000, was " + v);
            }
            maxQueuedPerUser = v;
            return this;
        }

        /** @param v how long queued receipts and MO are kept @return this builder */
        public Builder queuedTtl(Duration v) {
            queuedTtl = positive(v, "smpp.queuedTtl");
            return this;
        }

        /** @return the configuration */
        public SmppFrontConfig build() {
            if (port < 0 && tlsPort < 0) {
                throw new IllegalArgumentException("smpp needs a port or a tls.port");
            }
            return new SmppFrontConfig(this);
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
