package io.ujumbe.gateway;

import io.ujumbe.pdu.Address;
import io.ujumbe.pdu.BindType;
import io.ujumbe.pdu.RegisteredDelivery;
import io.ujumbe.client.ClientConfig;
import io.ujumbe.session.TlsConfig;

import java.time.Duration;
import java.util.Objects;

/**
 * One SMSC account the gateway sends through: a full SMPP client of its own (binds, window, rate,
 * TLS). Immutable; equal configurations mean "nothing changed", which is how a run-time update
 * keeps the binds of connectors it did not touch. {@link #toString()} never shows the password.
 */
public final class ConnectorConfig {
    private final String name;
    private final String host;
    private final int port;
    private final String systemId;
    private final String password;
    private final String systemType;
    private final BindType bindType;
    private final int binds;
    private final int windowSize;
    private final double ratePerSecond;
    private final TlsConfig tls;
    private final Duration enquireLinkInterval;
    private final Duration responseTimeout;
    private final int outboxCapacity;

    private ConnectorConfig(Builder b) {
        this.name = b.name;
        this.host = b.host;
        this.port = b.port;
        this.systemId = b.systemId;
        this.password = b.password;
        this.systemType = b.systemType;
        this.bindType = b.bindType;
        this.binds = b.binds;
        this.windowSize = b.windowSize;
        this.ratePerSecond = b.ratePerSecond;
        this.tls = b.tls;
        this.enquireLinkInterval = b.enquireLinkInterval;
        this.responseTimeout = b.responseTimeout;
        this.outboxCapacity = b.outboxCapacity;
    }

    /**
     * A builder.
     *
     * @param name the connector's name, used by routes, metrics and {@code GET /v1/connectors}
     * @return the builder
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** @return the name */
    public String name() { return name; }
    /** @return the SMSC's host */
    public String host() { return host; }
    /** @return the SMSC's port */
    public int port() { return port; }
    /** @return the account's system_id */
    public String systemId() { return systemId; }
    /** @return the bind password; never log it */
    public String password() { return password; }
    /** @return how many binds are kept */
    public int binds() { return binds; }
    /** @return the bind type */
    public BindType bindType() { return bindType; }
    /** @return the window of each bind */
    public int windowSize() { return windowSize; }
    /** @return submit_sm per second for the account, 0 unlimited */
    public double ratePerSecond() { return ratePerSecond; }
    /** @return the bind's system_type */
    public String systemType() { return systemType; }
    /** @return TLS to the SMSC, or null for plain TCP */
    public TlsConfig tls() { return tls; }
    /** @return the enquire_link interval */
    public Duration enquireLinkInterval() { return enquireLinkInterval; }
    /** @return how long a request waits for its response */
    public Duration responseTimeout() { return responseTimeout; }
    /** @return the capacity of the in-memory queue */
    public int outboxCapacity() { return outboxCapacity; }

    /**
     * A client configuration for this account; the gateway adds its listener, outbox and metrics.
     *
     * @return the builder
     */
    public ClientConfig.Builder clientBuilder() {
        ClientConfig.Builder b = ClientConfig.builder().clientId("gw-" + name).host(host).port(port)
                .systemId(systemId).password(password).systemType(systemType).bindType(bindType).binds(binds)
                // A thread per bind (up to 4): receipts, outcomes and the gateway's work on them share it.
                .ioThreads(Math.min(binds, 4))
                .windowSize(windowSize).enquireLinkInterval(enquireLinkInterval).responseTimeout(responseTimeout)
                .defaultSource(Address.alphanumeric("ujumbe"))
                .defaultRegisteredDelivery(RegisteredDelivery.RECEIPT)
                .reconnectInitialDelay(Duration.ofMillis(200)).reconnectMaxDelay(Duration.ofSeconds(5))
                .putLogMetadata("connector", name);
        if (ratePerSecond > 0) {
            b.ratePerSecond(ratePerSecond);
        }
        if (tls != null) {
            b.tls(tls);
        }
        return b;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ConnectorConfig)) {
            return false;
        }
        ConnectorConfig c = (ConnectorConfig) o;
        return name.equals(c.name) && host.equals(c.host) && port == c.port && systemId.equals(c.systemId)
                && password.equals(c.password) && systemType.equals(c.systemType) && bindType == c.bindType
                && binds == c.binds && windowSize == c.windowSize && ratePerSecond == c.ratePerSecond
                && Objects.equals(tls, c.tls) && enquireLinkInterval.equals(c.enquireLinkInterval)
                && responseTimeout.equals(c.responseTimeout) && outboxCapacity == c.outboxCapacity;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, host, port, systemId, bindType, binds, windowSize);
    }

    @Override
    public String toString() {
        return "ConnectorConfig{" + name + " " + host + ":" + port + ", systemId=" + systemId + ", password=***, bind="
                + bindType + " x" + binds + ", window=" + windowSize + ", rate=" + ratePerSecond
                + (tls != null ? ", tls" : "") + "}";
    }

    /** Builds a {@link ConnectorConfig}; each setter checks its value and names it when wrong. */
    public static final class Builder {
        private final String name;
        private String host = "127.0.0.1";
        private int port = 2775;
        private String systemId;
        private String password;
        private String systemType = "";
        private BindType bindType = BindType.TRANSCEIVER;
        private int binds = 1;
        private int windowSize = 100;
        private double ratePerSecond;
        private TlsConfig tls;
        private Duration enquireLinkInterval = Duration.ofSeconds(30);
        private Duration responseTimeout = Duration.ofSeconds(10);
        private int outboxCapacity = 100_000;

        private Builder(String name) {
            this.name = nonEmpty(name, "name");
        }

        /** @param host the SMSC's host @return this builder */
        public Builder host(String host) { this.host = nonEmpty(host, "host"); return this; }

        /** @param port 1..65535 @return this builder */
        public Builder port(int port) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port must be 1..65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /** @param systemId the account @return this builder */
        public Builder systemId(String systemId) { this.systemId = nonEmpty(systemId, "systemId"); return this; }

        /** @param password the bind password @return this builder */
        public Builder password(String password) { this.password = Objects.requireNonNull(password, "password"); return this; }

        /** @param systemType the bind's system_type @return this builder */
        public Builder systemType(String systemType) { this.systemType = Objects.requireNonNull(systemType, "systemType"); return this; }

        /** @param type transmitter, receiver or transceiver @return this builder */
        public Builder bindType(BindType type) { this.bindType = Objects.requireNonNull(type, "bindType"); return this; }

        /** @param binds 1..64 connections @return this builder */
        public Builder binds(int binds) {
            if (binds < 1 || binds > 64) {
                throw new IllegalArgumentException("binds must be 1..64, was " + binds);
            }
            this.binds = binds;
            return this;
        }

        /** @param window 1..10000 outstanding requests per bind @return this builder */
        public Builder windowSize(int window) {
            if (window < 1 || window > 10_000) {
                throw new IllegalArgumentException("windowSize must be 1..10000, was " + window);
            }
            this.windowSize = window;
            return this;
        }

        /** @param rate submit_sm per second, 0 unlimited @return this builder */
        public Builder ratePerSecond(double rate) {
            if (!(rate >= 0 && rate <= 1_000_000)) {
                throw new IllegalArgumentException("ratePerSecond must be 0..1000000, was " + rate);
            }
            this.ratePerSecond = rate;
            return this;
        }

        /** @param tls TLS to the SMSC, or null for plain TCP @return this builder */
        public Builder tls(TlsConfig tls) { this.tls = tls; return this; }

        /** @param d the enquire_link interval @return this builder */
        public Builder enquireLinkInterval(Duration d) { this.enquireLinkInterval = Objects.requireNonNull(d, "enquireLinkInterval"); return this; }

        /** @param d how long a request waits for its response @return this builder */
        public Builder responseTimeout(Duration d) { this.responseTimeout = Objects.requireNonNull(d, "responseTimeout"); return this; }

        /** @param capacity messages the in-memory queue holds @return this builder */
        public Builder outboxCapacity(int capacity) {
            if (capacity < 1) {
                throw new IllegalArgumentException("outboxCapacity must be at least 1, was " + capacity);
            }
            this.outboxCapacity = capacity;
            return this;
        }

        /** @return the configuration @throws IllegalArgumentException when systemId or password is missing */
        public ConnectorConfig build() {
            if (systemId == null) {
                throw new IllegalArgumentException("connector " + name + ": systemId is required");
            }
            if (password == null) {
                throw new IllegalArgumentException("connector " + name + ": password is required");
            }
            return new ConnectorConfig(this);
        }

        private static String nonEmpty(String v, String key) {
            Objects.requireNonNull(v, key);
            if (v.isBlank()) {
                throw new IllegalArgumentException(key + " must not be empty");
            }
            return v;
        }
    }
}
