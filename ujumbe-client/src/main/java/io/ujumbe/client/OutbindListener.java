package io.ujumbe.client;

import io.ujumbe.session.Validate;

import java.util.Objects;

/**
 * Where a client listens for SMSC-initiated connections (SMPP 3.4 section 2.2.1, outbind): the
 * SMSC connects, sends outbind with its system_id and password, and the client binds on that
 * connection as it is configured (bind type, system_id, password), then uses the bind like any
 * other: it sends through it when it can transmit and takes deliver_sm from it. An outbind whose
 * system_id or password differ from the expected ones closes the connection. Plain TCP (no TLS).
 * Immutable; the password never appears in {@link #toString()}.
 */
public final class OutbindListener {
    private final String host;
    private final int port;
    private final String systemId;
    private final String password;

    private OutbindListener(Builder b) {
        this.host = b.host;
        this.port = b.port;
        this.systemId = b.systemId;
        this.password = b.password;
    }

    /** A builder; only the port is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The address listened on. */
    public String host() {
        return host;
    }

    /** The port listened on; 0 picks a free one ({@link SmppClient#outbindPort()} says which). */
    public int port() {
        return port;
    }

    /** The system_id an outbind must carry; null: the client's own system_id. */
    public String systemId() {
        return systemId;
    }

    /** The password an outbind must carry; null: the client's own password. Never logged. */
    public String password() {
        return password;
    }

    /** True when the outbind carries the expected system_id and password (the client's unless set here). */
    boolean accepts(io.ujumbe.pdu.Outbind outbind, ClientConfig client) {
        String id = systemId != null ? systemId : client.systemId();
        String pw = password != null ? password : client.password();
        return id.equals(outbind.systemId()) && pw.equals(outbind.password());
    }

    @Override
    public String toString() {
        return "OutbindListener{" + host + ":" + port + ", systemId=" + (systemId == null ? "(client's)" : systemId)
                + ", password=***}";
    }

    /** Configures an {@link OutbindListener}. */
    public static final class Builder {
        private String host = "0.0.0.0";
        private int port = -1;
        private String systemId;
        private String password;

        private Builder() {
        }

        /** The address to listen on; default 0.0.0.0 (every interface). */
        public Builder host(String host) {
            Validate.notBlank("outbind host", host);
            this.host = host;
            return this;
        }

        /** The port to listen on, 0..65535 (0: any free port); required. */
        public Builder port(int port) {
            Validate.range("outbind port", port, 0, 65535);
            this.port = port;
            return this;
        }

        /** The system_id the SMSC's outbind must carry; default the client's system_id. */
        public Builder systemId(String systemId) {
            this.systemId = Objects.requireNonNull(systemId, "outbind systemId");
            return this;
        }

        /** The password the SMSC's outbind must carry; default the client's password. */
        public Builder password(String password) {
            this.password = Objects.requireNonNull(password, "outbind password");
            return this;
        }

        /** @throws IllegalArgumentException if no port was set */
        public OutbindListener build() {
            if (port < 0) {
                throw new IllegalArgumentException("outbind port is required (0..65535; 0 picks a free one)");
            }
            return new OutbindListener(this);
        }
    }
}
