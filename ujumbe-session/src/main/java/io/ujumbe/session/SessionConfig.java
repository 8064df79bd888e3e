package io.ujumbe.session;

import io.ujumbe.pdu.CommandStatus;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The settings of one SMPP session, shared by client and simulator. Immutable; build with
 * {@link #builder()}. Every setting has a production-sane default, and every value is checked at
 * {@link Builder#build()} with a message naming the setting and its allowed range.
 *
 * <p>Defaults worth knowing: a window of 100 outstanding requests (cloudhopper's default of 1 is
 * a trap), every request expires after 10 s, enquire_link after 30 s of silence, TCP_NODELAY on.
 */
public final class SessionConfig {
    private final int windowSize;
    private final Duration responseTimeout;
    private final Duration enquireLinkInterval;
    private final Duration enquireLinkTimeout;
    private final Duration unbindTimeout;
    private final Duration connectTimeout;
    private final Duration bindTimeout;
    private final int maxPduSize;
    private final Duration pduCompletionTimeout;
    private final CommandStatus handlerErrorStatus;
    private final TlsConfig tls;
    private final Map<String, String> logMetadata;
    private final Supplier<Sequencer> sequencerFactory;
    private final boolean tcpNoDelay;
    private final int flushAfterWrites;

    private SessionConfig(Builder b) {
        this.windowSize = b.windowSize;
        this.responseTimeout = b.responseTimeout;
        this.enquireLinkInterval = b.enquireLinkInterval;
        this.enquireLinkTimeout = b.enquireLinkTimeout;
        this.unbindTimeout = b.unbindTimeout;
        this.connectTimeout = b.connectTimeout;
        this.bindTimeout = b.bindTimeout;
        this.maxPduSize = b.maxPduSize;
        this.pduCompletionTimeout = b.pduCompletionTimeout;
        this.handlerErrorStatus = b.handlerErrorStatus;
        this.tls = b.tls;
        this.logMetadata = Collections.unmodifiableMap(new LinkedHashMap<>(b.logMetadata));
        this.sequencerFactory = b.sequencerFactory;
        this.tcpNoDelay = b.tcpNoDelay;
        this.flushAfterWrites = b.flushAfterWrites;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The defaults. */
    public static SessionConfig defaults() {
        return builder().build();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.windowSize = windowSize;
        b.responseTimeout = responseTimeout;
        b.enquireLinkInterval = enquireLinkInterval;
        b.enquireLinkTimeout = enquireLinkTimeout;
        b.unbindTimeout = unbindTimeout;
        b.connectTimeout = connectTimeout;
        b.bindTimeout = bindTimeout;
        b.maxPduSize = maxPduSize;
        b.pduCompletionTimeout = pduCompletionTimeout;
        b.handlerErrorStatus = handlerErrorStatus;
        b.tls = tls;
        b.logMetadata = new LinkedHashMap<>(logMetadata);
        b.sequencerFactory = sequencerFactory;
        b.tcpNoDelay = tcpNoDelay;
        b.flushAfterWrites = flushAfterWrites;
        return b;
    }

    /** Maximum requests sent and not yet answered (enquire_link and unbind excluded). */
    public int windowSize() {
        return windowSize;
    }

    /** How long a request waits for its response before it fails with ResponseTimeoutException. */
    public Duration responseTimeout() {
        return responseTimeout;
    }

    /** Idle time after which enquire_link is sent; zero disables keepalive. */
    public Duration enquireLinkInterval() {
        return enquireLinkInterval;
    }

    /** How long to wait for enquire_link_resp before declaring the link dead and closing it. */
    public Duration enquireLinkTimeout() {
        return enquireLinkTimeout;
    }

    /** How long to wait for unbind_resp before closing anyway. */
    public Duration unbindTimeout() {
        return unbindTimeout;
    }

    /** TCP connect timeout (ESME side). */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** How long to wait for a bind response (ESME side). */
    public Duration bindTimeout() {
        return bindTimeout;
    }

    /** Largest command_length accepted; a larger one closes the connection. */
    public int maxPduSize() {
        return maxPduSize;
    }

    /**
     * How long a PDU may take to arrive whole, from its first byte; a peer that sends less closes
     * its connection (a trickled PDU otherwise holds the socket and its buffer forever). Zero
     * disables the deadline.
     */
    public Duration pduCompletionTimeout() {
        return pduCompletionTimeout;
    }

    /** Status sent when the handler of an inbound request fails, so that the peer retries. */
    public CommandStatus handlerErrorStatus() {
        return handlerErrorStatus;
    }

    /** TLS settings, or null for plain TCP. */
    public TlsConfig tls() {
        return tls;
    }

    /** Key-value pairs added to every log event of the session (client id, host …). */
    public Map<String, String> logMetadata() {
        return logMetadata;
    }

    /** Makes the sequencer of each new session. */
    public Supplier<Sequencer> sequencerFactory() {
        return sequencerFactory;
    }

    public boolean tcpNoDelay() {
        return tcpNoDelay;
    }

    /**
     * Writes coalesced into one flush (one syscall) while a read is in progress or the writer
     * keeps writing; 1 flushes every PDU.
     */
    public int flushAfterWrites() {
        return flushAfterWrites;
    }

    @Override
    public String toString() {
        return "SessionConfig{window=" + windowSize + ", responseTimeout=" + responseTimeout
                + ", enquireLinkInterval=" + enquireLinkInterval + ", enquireLinkTimeout=" + enquireLinkTimeout
                + ", unbindTimeout=" + unbindTimeout + ", connectTimeout=" + connectTimeout
                + ", bindTimeout=" + bindTimeout + ", maxPduSize=" + maxPduSize
                + ", pduCompletionTimeout=" + pduCompletionTimeout
                + ", tls=" + (tls != null) + ", tcpNoDelay=" + tcpNoDelay + '}';
    }

    /** Builds a {@link SessionConfig}; {@link #build()} validates every value. */
    public static final class Builder {
        private int windowSize = 100;
        private Duration responseTimeout = Duration.ofSeconds(10);
        private Duration enquireLinkInterval = Duration.ofSeconds(30);
        private Duration enquireLinkTimeout = Duration.ofSeconds(10);
        private Duration unbindTimeout = Duration.ofSeconds(5);
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration bindTimeout = Duration.ofSeconds(10);
        private int maxPduSize = 128 * 1024;
        private Duration pduCompletionTimeout = Duration.ofSeconds(10);
        private CommandStatus handlerErrorStatus = CommandStatus.ESME_RX_T_APPN;
        private TlsConfig tls;
        private Map<String, String> logMetadata = new LinkedHashMap<>();
        private Supplier<Sequencer> sequencerFactory = InMemorySequencer::new;
        private boolean tcpNoDelay = true;
        private int flushAfterWrites = 256;

        private Builder() {
        }

        public Builder windowSize(int windowSize) {
            this.windowSize = windowSize;
            return this;
        }

        public Builder responseTimeout(Duration d) {
            this.responseTimeout = d;
            return this;
        }

        public Builder enquireLinkInterval(Duration d) {
            this.enquireLinkInterval = d;
            return this;
        }

        public Builder enquireLinkTimeout(Duration d) {
            this.enquireLinkTimeout = d;
            return this;
        }

        public Builder unbindTimeout(Duration d) {
            this.unbindTimeout = d;
            return this;
        }

        public Builder connectTimeout(Duration d) {
            this.connectTimeout = d;
            return this;
        }

        public Builder bindTimeout(Duration d) {
            this.bindTimeout = d;
            return this;
        }

        public Builder maxPduSize(int bytes) {
            this.maxPduSize = bytes;
            return this;
        }

        /**
         * How long one PDU may take to arrive whole, from its first byte; default 10 s, zero
         * disables. A peer that trickles a PDU slower than this is disconnected.
         */
        public Builder pduCompletionTimeout(Duration d) {
            this.pduCompletionTimeout = d;
            return this;
        }

        public Builder handlerErrorStatus(CommandStatus status) {
            this.handlerErrorStatus = status;
            return this;
        }

        public Builder tls(TlsConfig tls) {
            this.tls = tls;
            return this;
        }

        public Builder logMetadata(Map<String, String> metadata) {
            this.logMetadata = new LinkedHashMap<>(Objects.requireNonNull(metadata, "logMetadata"));
            return this;
        }

        public Builder putLogMetadata(String key, String value) {
            this.logMetadata.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public Builder sequencerFactory(Supplier<Sequencer> factory) {
            this.sequencerFactory = factory;
            return this;
        }

        public Builder tcpNoDelay(boolean on) {
            this.tcpNoDelay = on;
            return this;
        }

        public Builder flushAfterWrites(int n) {
            this.flushAfterWrites = n;
            return this;
        }

        public SessionConfig build() {
            Validate.range("windowSize", windowSize, 1, 100_000);
            Validate.positive("responseTimeout", responseTimeout);
            Validate.notNegative("enquireLinkInterval", enquireLinkInterval);
            Validate.positive("enquireLinkTimeout", enquireLinkTimeout);
            Validate.positive("unbindTimeout", unbindTimeout);
            Validate.positive("connectTimeout", connectTimeout);
            Validate.positive("bindTimeout", bindTimeout);
            Validate.range("maxPduSize", maxPduSize, 64, 16 * 1024 * 1024);
            Validate.notNegative("pduCompletionTimeout", pduCompletionTimeout);
            Validate.range("flushAfterWrites", flushAfterWrites, 1, 65_536);
            if (handlerErrorStatus == null || handlerErrorStatus.isOk()) {
                throw new IllegalArgumentException("handlerErrorStatus must be an error status, was " + handlerErrorStatus);
            }
            if (sequencerFactory == null) {
                throw new IllegalArgumentException("sequencerFactory must not be null");
            }
            return new SessionConfig(this);
        }
    }
}
