package io.ujumbe.http;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How an {@link HttpServer} listens and what it tolerates from clients. Immutable; built with
 * {@link #builder()}. The defaults suit an operations endpoint and an API alike: requests of at most
 * 1 MiB, complete within 10 s of their first byte, idle keep-alive connections closed after 60 s,
 * handlers answered within 30 s.
 */
public final class HttpServerConfig {
    private final String name;
    private final String host;
    private final int port;
    private final int maxRequestBytes;
    private final int maxHeaderBytes;
    private final Duration requestTimeout;
    private final Duration idleTimeout;
    private final Duration handlerTimeout;
    private final int maxConnections;
    private final int ioThreads;
    private final Path tlsCertificateChain;
    private final Path tlsPrivateKey;

    private HttpServerConfig(Builder b) {
        this.name = b.name;
        this.host = b.host;
        this.port = b.port;
        this.maxRequestBytes = b.maxRequestBytes;
        this.maxHeaderBytes = b.maxHeaderBytes;
        this.requestTimeout = b.requestTimeout;
        this.idleTimeout = b.idleTimeout;
        this.handlerTimeout = b.handlerTimeout;
        this.maxConnections = b.maxConnections;
        this.ioThreads = b.ioThreads;
        this.tlsCertificateChain = b.tlsCertificateChain;
        this.tlsPrivateKey = b.tlsPrivateKey;
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the name in thread names and logs */
    public String name() {
        return name;
    }

    /** @return the address to listen on */
    public String host() {
        return host;
    }

    /** @return the port to listen on; 0 picks a free one */
    public int port() {
        return port;
    }

    /** @return the largest request body accepted; larger ones are answered 413 */
    public int maxRequestBytes() {
        return maxRequestBytes;
    }

    /** @return the largest request line plus headers accepted; larger ones are answered 431 */
    public int maxHeaderBytes() {
        return maxHeaderBytes;
    }

    /** @return how long a request may take to arrive, from its first byte; then 408 and close */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /** @return how long a connection may sit idle between requests before it is closed */
    public Duration idleTimeout() {
        return idleTimeout;
    }

    /** @return how long a handler may take to answer; then 503 */
    public Duration handlerTimeout() {
        return handlerTimeout;
    }

    /** @return the most connections open at once; more are closed at once */
    public int maxConnections() {
        return maxConnections;
    }

    /** @return the I/O threads */
    public int ioThreads() {
        return ioThreads;
    }

    /** @return the PEM certificate chain when the server speaks HTTPS */
    public Optional<Path> tlsCertificateChain() {
        return Optional.ofNullable(tlsCertificateChain);
    }

    /** @return the PEM private key (PKCS#8) when the server speaks HTTPS */
    public Optional<Path> tlsPrivateKey() {
        return Optional.ofNullable(tlsPrivateKey);
    }

    @Override
    public String toString() {
        return "HttpServerConfig[" + name + " " + host + ":" + port + (tlsCertificateChain != null ? " https" : "")
                + ", maxRequestBytes=" + maxRequestBytes + ", requestTimeout=" + requestTimeout + "]";
    }

    /** Builds an {@link HttpServerConfig}; every setter checks its value at once. */
    public static final class Builder {
        private String name = "http";
        private String host = "127.0.0.1";
        private int port = 0;
        private int maxRequestBytes = 1024 * 1024;
        private int maxHeaderBytes = 16 * 1024;
        private Duration requestTimeout = Duration.ofSeconds(10);
        private Duration idleTimeout = Duration.ofSeconds(60);
        private Duration handlerTimeout = Duration.ofSeconds(30);
        private int maxConnections = 4096;
        private int ioThreads = 1;
        private Path tlsCertificateChain;
        private Path tlsPrivateKey;

        private Builder() {
        }

        /**
         * The name in thread names and logs.
         *
         * @param name e.g. {@code smsc-http}
         * @return this builder
         */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * The address to listen on (default 127.0.0.1; 0.0.0.0 for every interface).
         *
         * @param host a host name or address
         * @return this builder
         */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /**
         * The port (default 0: a free one, see {@link HttpServer#port()}).
         *
         * @param port 0..65535
         * @return this builder
         */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * The largest request body (default 1 MiB).
         *
         * @param bytes 1..256 MiB
         * @return this builder
         */
        public Builder maxRequestBytes(int bytes) {
            if (bytes < 1 || bytes > 256 * 1024 * 1024) {
                throw new IllegalArgumentException("maxRequestBytes must be 1..268435456, was " + bytes);
            }
            this.maxRequestBytes = bytes;
            return this;
        }

        /**
         * The largest request line plus headers (default 16 KiB).
         *
         * @param bytes 1 KiB..1 MiB
         * @return this builder
         */
        public Builder maxHeaderBytes(int bytes) {
            if (bytes < 1024 || bytes > 1024 * 1024) {
                throw new IllegalArgumentException("maxHeaderBytes must be 1024..1048576, was " + bytes);
            }
            this.maxHeaderBytes = bytes;
            return this;
        }

        /**
         * How long a request may take to arrive from its first byte (default 10 s).
         *
         * @param timeout positive
         * @return this builder
         */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive(timeout, "requestTimeout");
            return this;
        }

        /**
         * How long a keep-alive connection may stay idle (default 60 s).
         *
         * @param timeout positive
         * @return this builder
         */
        public Builder idleTimeout(Duration timeout) {
            this.idleTimeout = positive(timeout, "idleTimeout");
            return this;
        }

        /**
         * How long a handler may take to answer before the server answers 503 (default 30 s).
         *
         * @param timeout positive
         * @return this builder
         */
        public Builder handlerTimeout(Duration timeout) {
            this.handlerTimeout = positive(timeout, "handlerTimeout");
            return this;
        }

        /**
         * The most connections open at once (default 4096).
         *
         * @param connections at least 1
         * @return this builder
         */
        public Builder maxConnections(int connections) {
            if (connections < 1) {
                throw new IllegalArgumentException("maxConnections must be at least 1, was " + connections);
            }
            this.maxConnections = connections;
            return this;
        }

        /**
         * The I/O threads (default 1: enough for an operations endpoint; an API may want the cores).
         *
         * @param threads 1..256
         * @return this builder
         */
        public Builder ioThreads(int threads) {
            if (threads < 1 || threads > 256) {
                throw new IllegalArgumentException("ioThreads must be 1..256, was " + threads);
            }
            this.ioThreads = threads;
            return this;
        }

        /**
         * Serve HTTPS with this certificate chain and key (PEM files).
         *
         * @param certificateChain the PEM certificate chain
         * @param privateKey the PEM PKCS#8 private key
         * @return this builder
         */
        public Builder tls(Path certificateChain, Path privateKey) {
            this.tlsCertificateChain = Objects.requireNonNull(certificateChain, "certificateChain");
            this.tlsPrivateKey = Objects.requireNonNull(privateKey, "privateKey");
            return this;
        }

        /** @return the configuration */
        public HttpServerConfig build() {
            return new HttpServerConfig(this);
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
