package io.ujumbe.client;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ujumbe.pdu.Address;
import io.ujumbe.pdu.BindType;
import io.ujumbe.pdu.CommandStatus;
import io.ujumbe.pdu.RegisteredDelivery;
import io.ujumbe.receipt.DeliveryReceiptParser;
import io.ujumbe.receipt.MessageIdFormat;
import io.ujumbe.receipt.ReceiptOutcome;
import io.ujumbe.receipt.ReceiptStatusMapping;
import io.ujumbe.session.SessionConfig;
import io.ujumbe.session.TlsConfig;
import io.ujumbe.session.Validate;
import io.ujumbe.text.MultipartMode;
import io.ujumbe.text.JdkSmsCharset;
import io.ujumbe.text.NationalLanguage;
import io.ujumbe.text.ReassemblyStore;
import io.ujumbe.text.SmsCharset;
import io.ujumbe.text.SmsCharsetRegistry;

import java.nio.charset.Charset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Everything an {@link SmppClient} runs with: the SMSC and account, the binds, timeouts, the
 * policies (rate, throttle, retry), the stores (outbox, correlation) and the listeners. Immutable;
 * build with {@link #builder()}. {@link Builder#build()} checks every value and names the setting
 * and its allowed range when one is wrong. The password never appears in {@link #toString()}.
 */
public final class ClientConfig {
    private final String clientId;
    private final String host;
    private final int port;
    private final String systemId;
    private final String password;
    private final String systemType;
    private final int interfaceVersion;
    private final Address addressRange;
    private final BindType bindType;
    private final int binds;
    private final int ioThreads;
    private final SessionConfig session;
    private final Duration reconnectInitialDelay;
    private final Duration reconnectMaxDelay;
    private final int maxBindRejections;
    private final Address defaultSource;
    private final RegisteredDelivery defaultRegisteredDelivery;
    private final MultipartMode multipartMode;
    private final Set<NationalLanguage> nationalLanguages;
    private final RateLimiter rateLimiter;
    private final boolean rateLimitParts;
    private final ThrottleHandler throttleHandler;
    private final Duration pauseOnThrottle;
    private final RetryPolicy retryPolicy;
    private final Outbox outbox;
    private final CorrelationStore correlationStore;
    private final MessageIdFormat messageIdFormat;
    private final Duration receiptCorrelationWait;
    private final Duration reassemblyTimeout;
    private final int maxIncompleteMessages;
    private final CommandStatus inboundErrorStatus;
    private final List<ClientListener> listeners;
    private final List<PduHook> hooks;
    private final MeterRegistry meterRegistry;
    private final Map<String, String> logMetadata;
    private final DeliveryReceiptParser receiptParser;
    private final SmsCharsetRegistry charsets;
    private final ReassemblyStore reassemblyStore;
    private final OutbindListener outbind;

    private ClientConfig(Builder b, SessionConfig session, Map<String, String> logMetadata) {
        this.clientId = b.clientId;
        this.host = b.host;
        this.port = b.port;
        this.systemId = b.systemId;
        this.password = b.password;
        this.systemType = b.systemType;
        this.interfaceVersion = b.interfaceVersion;
        this.addressRange = b.addressRange;
        this.bindType = b.bindType;
        this.binds = b.binds;
        this.ioThreads = b.ioThreads;
        this.session = session;
        this.reconnectInitialDelay = b.reconnectInitialDelay;
        this.reconnectMaxDelay = b.reconnectMaxDelay;
        this.maxBindRejections = b.maxBindRejections;
        this.defaultSource = b.defaultSource;
        this.defaultRegisteredDelivery = b.defaultRegisteredDelivery;
        this.multipartMode = b.multipartMode;
        this.nationalLanguages = b.nationalLanguages.isEmpty()
                ? Set.of() : java.util.Collections.unmodifiableSet(EnumSet.copyOf(b.nationalLanguages));
        this.rateLimiter = b.rateLimiter;
        this.rateLimitParts = b.rateLimitParts;
        this.throttleHandler = b.throttleHandler;
        this.pauseOnThrottle = b.pauseOnThrottle;
        this.retryPolicy = b.retryPolicy;
        this.outbox = b.outbox;
        this.correlationStore = b.correlationStore;
        this.messageIdFormat = b.messageIdFormat;
        this.receiptCorrelationWait = b.receiptCorrelationWait;
        this.reassemblyTimeout = b.reassemblyTimeout;
        this.maxIncompleteMessages = b.maxIncompleteMessages;
        this.inboundErrorStatus = b.inboundErrorStatus;
        this.listeners = List.copyOf(b.listeners);
        this.hooks = List.copyOf(b.hooks);
        this.meterRegistry = b.meterRegistry;
        this.logMetadata = logMetadata;
        this.receiptParser = b.receiptParser;
        this.charsets = b.charsets;
        this.reassemblyStore = b.reassemblyStore;
        this.outbind = b.outbind;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String clientId() { return clientId; }
    public String host() { return host; }
    public int port() { return port; }
    public String systemId() { return systemId; }
    /** The bind password. Never logged. */
    public String password() { return password; }
    public String systemType() { return systemType; }
    public int interfaceVersion() { return interfaceVersion; }
    public Address addressRange() { return addressRange; }
    public BindType bindType() { return bindType; }
    /** How many binds (connections) the client keeps to the SMSC; they share the load. */
    public int binds() { return binds; }
    public int ioThreads() { return ioThreads; }
    /** Window, timeouts, keepalive, TLS and log metadata of each bind. */
    public SessionConfig session() { return session; }
    public Duration reconnectInitialDelay() { return reconnectInitialDelay; }
    public Duration reconnectMaxDelay() { return reconnectMaxDelay; }
    /** After this many consecutive bind rejections the client gives up (0: never, keeps retrying). */
    public int maxBindRejections() { return maxBindRejections; }
    public Address defaultSource() { return defaultSource; }
    public RegisteredDelivery defaultRegisteredDelivery() { return defaultRegisteredDelivery; }
    public MultipartMode multipartMode() { return multipartMode; }
    /** National-language shift tables AUTO encoding may use (none by default). */
    public Set<NationalLanguage> nationalLanguages() { return nationalLanguages; }
    public RateLimiter rateLimiter() { return rateLimiter; }
    /** True: the rate limit counts submit_sm PDUs (parts); false: whole messages. */
    public boolean rateLimitParts() { return rateLimitParts; }
    public ThrottleHandler throttleHandler() { return throttleHandler; }
    /**
     * How long all sending pauses when the SMSC answers ESME_RTHROTTLED (or ESME_RMSGQFUL), the
     * throttled messages then going first, in order; {@link Duration#ZERO} (the default): off, a
     * throttled message is retried through the outbox like any transient error.
     */
    public Duration pauseOnThrottle() { return pauseOnThrottle; }
    public RetryPolicy retryPolicy() { return retryPolicy; }
    public Outbox outbox() { return outbox; }
    public CorrelationStore correlationStore() { return correlationStore; }
    /** How submit_sm_resp ids and receipt ids are matched (hex vs decimal); AUTO tries each. */
    public MessageIdFormat messageIdFormat() { return messageIdFormat; }
    /** How long a receipt whose message_id is not (yet) known waits for its submit_sm_resp. */
    public Duration receiptCorrelationWait() { return receiptCorrelationWait; }
    public Duration reassemblyTimeout() { return reassemblyTimeout; }
    public int maxIncompleteMessages() { return maxIncompleteMessages; }
    /** Status answered to a deliver_sm whose listener failed, so the SMSC delivers it again. */
    public CommandStatus inboundErrorStatus() { return inboundErrorStatus; }
    public List<ClientListener> listeners() { return listeners; }
    public List<PduHook> hooks() { return hooks; }
    public MeterRegistry meterRegistry() { return meterRegistry; }
    /** Added to every log event: client id, SMSC host and system_id by default, plus yours. */
    public Map<String, String> logMetadata() { return logMetadata; }
    /** How deliver_sm / data_sm are read as receipts: the receipt regex and the status mapping. */
    public DeliveryReceiptParser receiptParser() { return receiptParser; }
    /** The charsets by data_coding, for encoding outbound text and decoding inbound, with any overrides. */
    public SmsCharsetRegistry charsets() { return charsets; }
    /** Where the parts of inbound multipart messages wait; null for the in-memory default. */
    public ReassemblyStore reassemblyStore() { return reassemblyStore; }
    /** The SMSC-initiated connections (outbind) the client listens for; null when it does not. */
    public OutbindListener outbind() { return outbind; }

    @Override
    public String toString() {
        return "ClientConfig{clientId=" + clientId + ", smsc=" + host + ":" + port + ", systemId=" + systemId
                + ", password=***, systemType=" + systemType + ", bind=" + bindType + " x" + binds
                + ", interfaceVersion=0x" + Integer.toHexString(interfaceVersion) + ", " + session
                + ", multipart=" + multipartMode + ", logMetadata=" + logMetadata + '}';
    }

    /** Builds a {@link ClientConfig}. Only host, port, systemId and password are required. */
    public static final class Builder {
        private String clientId;
        private String host;
        private int port = 2775;
        private String systemId;
        private String password = "";
        private String systemType = "";
        private int interfaceVersion = 0x34;
        private Address addressRange = Address.of("");
        private BindType bindType = BindType.TRANSCEIVER;
        private int binds = 1;
        private int ioThreads = 1;
        private final SessionConfig.Builder session = SessionConfig.builder();
        private Duration reconnectInitialDelay = Duration.ofMillis(500);
        private Duration reconnectMaxDelay = Duration.ofSeconds(30);
        private int maxBindRejections;
        private Address defaultSource = Address.alphanumeric("ujumbe");
        private RegisteredDelivery defaultRegisteredDelivery = RegisteredDelivery.of(0x01);
        private MultipartMode multipartMode = MultipartMode.UDH_8BIT;
        private Set<NationalLanguage> nationalLanguages = EnumSet.noneOf(NationalLanguage.class);
        private RateLimiter rateLimiter = RateLimiter.unlimited();
        private boolean rateLimitParts = true;
        private ThrottleHandler throttleHandler;
        private Duration pauseOnThrottle = Duration.ZERO;
        private RetryPolicy retryPolicy;
        private Outbox outbox;
        private CorrelationStore correlationStore;
        private MessageIdFormat messageIdFormat = MessageIdFormat.AUTO;
        private Duration receiptCorrelationWait = Duration.ofSeconds(10);
        private Duration reassemblyTimeout = Duration.ofMinutes(5);
        private int maxIncompleteMessages = 10_000;
        private CommandStatus inboundErrorStatus = CommandStatus.ESME_RX_T_APPN;
        private final List<ClientListener> listeners = new ArrayList<>();
        private final List<PduHook> hooks = new ArrayList<>();
        private MeterRegistry meterRegistry;
        private final Map<String, String> logMetadata = new LinkedHashMap<>();
        private DeliveryReceiptParser receiptParser;
        private Pattern receiptRegex;
        private ReceiptStatusMapping receiptStatusMapping;
        private SmsCharsetRegistry charsets = SmsCharsetRegistry.defaults();
        private ReassemblyStore reassemblyStore;
        private OutbindListener outbind;

        private Builder() {
        }

        /**
         * Reads receipts with this parser, replacing {@link #receiptRegex} and
         * {@link #receiptStatusMapping}; default {@link DeliveryReceiptParser#standard()}.
         */
        public Builder receiptParser(DeliveryReceiptParser parser) {
            this.receiptParser = Objects.requireNonNull(parser, "receiptParser");
            return this;
        }

        /**
         * The SMSC's own receipt text format (vumi2's {@code dr_processor_config.regex}), tried
         * before the standard rules: named groups {@code id} (required), {@code sub},
         * {@code dlvrd}, {@code submitdate}, {@code donedate}, {@code stat}, {@code err},
         * {@code text}. {@link DeliveryReceiptParser#compileRegex} compiles one written for Python.
         */
        public Builder receiptRegex(Pattern regex) {
            this.receiptRegex = Objects.requireNonNull(regex, "receiptRegex");
            return this;
        }

        /** What each receipt {@code stat:} means (vumi2's {@code status_mapping}); default {@link ReceiptStatusMapping#defaults()}. */
        public Builder receiptStatusMapping(ReceiptStatusMapping mapping) {
            this.receiptStatusMapping = Objects.requireNonNull(mapping, "receiptStatusMapping");
            return this;
        }

        /**
         * The defaults plus these statuses (vumi2's {@code status_mapping}; matched in any case),
         * each replacing the default meaning of the same status.
         */
        public Builder receiptStatusMapping(Map<String, ReceiptOutcome> mapping) {
            Objects.requireNonNull(mapping, "receiptStatusMapping");
            this.receiptStatusMapping = ReceiptStatusMapping.defaults().toBuilder().mapAll(mapping).build();
            return this;
        }

        /**
         * Encodes and decodes {@code dataCoding} with {@code charset} (vumi2's
         * {@code data_coding_overrides}), replacing the standard one: for an SMSC that means
         * Latin-1 by 0, say, or UTF-8 by a private value.
         *
         * @throws IllegalArgumentException if dataCoding is not 0..255
         */
        public Builder dataCodingOverride(int dataCoding, SmsCharset charset) {
            Validate.range("dataCoding", dataCoding, 0, 255);
            this.charsets = charsets.with(dataCoding, Objects.requireNonNull(charset, "charset"));
            return this;
        }

        /** {@link #dataCodingOverride(int, SmsCharset)} with a JDK charset (counted in octets). */
        public Builder dataCodingOverride(int dataCoding, Charset charset) {
            Objects.requireNonNull(charset, "charset");
            return dataCodingOverride(dataCoding, JdkSmsCharset.of(charset.name(), charset));
        }

        /**
         * Keeps the parts of inbound multipart messages here until the application has taken the
         * whole message (a Redis one shares them between processes and survives a crash); default
         * in memory, bounded by {@link #maxIncompleteMessages} and {@link #reassemblyTimeout}.
         */
        public Builder reassemblyStore(ReassemblyStore store) {
            this.reassemblyStore = Objects.requireNonNull(store, "reassemblyStore");
            return this;
        }

        /**
         * Also listens for SMSC-initiated connections: an SMSC that connects and sends outbind
         * (with this system_id and password) gets a bind of {@link #bindType} on that connection.
         */
        public Builder outbind(OutbindListener listener) {
            this.outbind = Objects.requireNonNull(listener, "outbind");
            return this;
        }

        /**
         * The client's name: the {@code client} tag of every meter and the {@code client} key of every
         * log event. Default {@code systemId@host:port}, stable across restarts so that metric series
         * continue; give each process its own when several share one account.
         */
        public Builder clientId(String id) { this.clientId = Objects.requireNonNull(id, "clientId"); return this; }
        public Builder host(String host) { this.host = host; return this; }
        public Builder port(int port) { this.port = port; return this; }
        public Builder systemId(String systemId) { this.systemId = systemId; return this; }
        public Builder password(String password) { this.password = password; return this; }
        public Builder systemType(String systemType) { this.systemType = systemType; return this; }
        public Builder interfaceVersion(int v) { this.interfaceVersion = v; return this; }
        public Builder addressRange(Address range) { this.addressRange = range; return this; }
        public Builder bindType(BindType type) { this.bindType = type; return this; }
        public Builder binds(int n) { this.binds = n; return this; }
        public Builder ioThreads(int n) { this.ioThreads = n; return this; }
        public Builder windowSize(int n) { session.windowSize(n); return this; }
        public Builder responseTimeout(Duration d) { session.responseTimeout(d); return this; }
        public Builder enquireLinkInterval(Duration d) { session.enquireLinkInterval(d); return this; }
        public Builder enquireLinkTimeout(Duration d) { session.enquireLinkTimeout(d); return this; }
        public Builder unbindTimeout(Duration d) { session.unbindTimeout(d); return this; }
        public Builder connectTimeout(Duration d) { session.connectTimeout(d); return this; }
        public Builder bindTimeout(Duration d) { session.bindTimeout(d); return this; }
        public Builder maxPduSize(int bytes) { session.maxPduSize(bytes); return this; }
        /** How long one inbound PDU may take to arrive whole before the connection is closed; default 10 s, zero disables. */
        public Builder pduCompletionTimeout(Duration d) { session.pduCompletionTimeout(d); return this; }
        public Builder tls(TlsConfig tls) { session.tls(tls); return this; }
        public Builder tcpNoDelay(boolean on) { session.tcpNoDelay(on); return this; }
        public Builder sequencer(java.util.function.Supplier<io.ujumbe.session.Sequencer> f) { session.sequencerFactory(f); return this; }
        public Builder reconnectInitialDelay(Duration d) { this.reconnectInitialDelay = d; return this; }
        public Builder reconnectMaxDelay(Duration d) { this.reconnectMaxDelay = d; return this; }
        public Builder maxBindRejections(int n) { this.maxBindRejections = n; return this; }
        public Builder defaultSource(Address source) { this.defaultSource = source; return this; }
        public Builder defaultRegisteredDelivery(RegisteredDelivery rd) { this.defaultRegisteredDelivery = rd; return this; }
        public Builder multipartMode(MultipartMode mode) { this.multipartMode = mode; return this; }
        public Builder nationalLanguages(Set<NationalLanguage> languages) {
            this.nationalLanguages = languages.isEmpty() ? EnumSet.noneOf(NationalLanguage.class) : EnumSet.copyOf(languages);
            return this;
        }
        public Builder rateLimiter(RateLimiter limiter) { this.rateLimiter = limiter; return this; }
        /**
         * A token bucket of {@code perSecond} submit_sm per second (parts, not messages), evenly
         * spaced (burst 1): no one-second window ever holds more than {@code perSecond}.
         */
        public Builder ratePerSecond(double perSecond) {
            this.rateLimiter = TokenBucketRateLimiter.builder().permitsPerSecond(perSecond).build();
            return this;
        }
        /**
         * A token bucket of {@code perSecond} submit_sm per second that lets up to {@code burst}
         * go back to back after a quiet spell; no one-second window ever holds more than
         * {@code perSecond} (see {@link TokenBucketRateLimiter}).
         */
        public Builder ratePerSecond(double perSecond, long burst) {
            this.rateLimiter = TokenBucketRateLimiter.builder().permitsPerSecond(perSecond).burst(burst).build();
            return this;
        }
        public Builder rateLimitParts(boolean parts) { this.rateLimitParts = parts; return this; }
        /**
         * Keeps message order under throttling (as Jasmin users ask): on ESME_RTHROTTLED or
         * ESME_RMSGQFUL all sending pauses for {@code pause} (doubling, up to 32 times, while the
         * first messages after a pause are throttled again), and the throttled messages are sent
         * again first, in the order they were first sent, before any later message. A throttled
         * message waits for as long as the SMSC throttles; stopping the client fails it (in-memory
         * outbox) or returns it (durable). Messages already in flight when the throttle came may
         * still be accepted before it (with a window of 1 the order is strict). Zero (the default)
         * turns it off. At most 1 hour.
         */
        public Builder pauseOnThrottle(Duration pause) { this.pauseOnThrottle = pause; return this; }
        public Builder throttleHandler(ThrottleHandler h) { this.throttleHandler = h; return this; }
        public Builder retryPolicy(RetryPolicy p) { this.retryPolicy = p; return this; }
        public Builder outbox(Outbox outbox) { this.outbox = outbox; return this; }
        public Builder correlationStore(CorrelationStore store) { this.correlationStore = store; return this; }
        public Builder messageIdFormat(MessageIdFormat f) { this.messageIdFormat = f; return this; }
        public Builder receiptCorrelationWait(Duration d) { this.receiptCorrelationWait = d; return this; }
        public Builder reassemblyTimeout(Duration d) { this.reassemblyTimeout = d; return this; }
        public Builder maxIncompleteMessages(int n) { this.maxIncompleteMessages = n; return this; }
        public Builder inboundErrorStatus(CommandStatus s) { this.inboundErrorStatus = s; return this; }
        public Builder addListener(ClientListener l) { this.listeners.add(Objects.requireNonNull(l, "listener")); return this; }
        public Builder addHook(PduHook h) { this.hooks.add(Objects.requireNonNull(h, "hook")); return this; }
        public Builder meterRegistry(MeterRegistry r) { this.meterRegistry = r; return this; }
        public Builder putLogMetadata(String key, String value) { this.logMetadata.put(key, value); return this; }

        public ClientConfig build() {
            Validate.notBlank("host", host);
            Validate.range("port", port, 1, 65535);
            Validate.notBlank("systemId", systemId);
            if (clientId == null) {
                clientId = systemId + "@" + host + ":" + port;
            }
            Validate.notBlank("clientId", clientId);
            Validate.maxLength("systemId", systemId, 15);
            if (password == null) {
                throw new IllegalArgumentException("password must not be null (use \"\" for none)");
            }
            if (password.length() > 8) {
                throw new IllegalArgumentException("password must be at most 8 characters, was " + password.length());
            }
            if (systemType == null) {
                systemType = "";
            }
            Validate.maxLength("systemType", systemType, 12);
            if (interfaceVersion != 0x33 && interfaceVersion != 0x34 && interfaceVersion != 0x50) {
                throw new IllegalArgumentException("interfaceVersion must be 0x33, 0x34 or 0x50, was 0x"
                        + Integer.toHexString(interfaceVersion));
            }
            Objects.requireNonNull(addressRange, "addressRange");
            Validate.maxLength("addressRange", addressRange.address(), 40);
            Objects.requireNonNull(bindType, "bindType");
            Validate.range("binds", binds, 1, 64);
            Validate.range("ioThreads", ioThreads, 1, 64);
            Validate.positive("reconnectInitialDelay", reconnectInitialDelay);
            Validate.positive("reconnectMaxDelay", reconnectMaxDelay);
            if (reconnectMaxDelay.compareTo(reconnectInitialDelay) < 0) {
                throw new IllegalArgumentException("reconnectMaxDelay (" + reconnectMaxDelay
                        + ") must not be less than reconnectInitialDelay (" + reconnectInitialDelay + ")");
            }
            Validate.range("maxBindRejections", maxBindRejections, 0, Integer.MAX_VALUE);
            Objects.requireNonNull(defaultSource, "defaultSource");
            Validate.maxLength("defaultSource", defaultSource.address(), 20);
            Objects.requireNonNull(defaultRegisteredDelivery, "defaultRegisteredDelivery");
            Objects.requireNonNull(multipartMode, "multipartMode");
            Objects.requireNonNull(rateLimiter, "rateLimiter");
            Validate.notNegative("pauseOnThrottle", pauseOnThrottle);
            if (pauseOnThrottle.compareTo(Duration.ofHours(1)) > 0) {
                throw new IllegalArgumentException("pauseOnThrottle must be at most 1 hour, was " + pauseOnThrottle);
            }
            Objects.requireNonNull(messageIdFormat, "messageIdFormat");
            Validate.notNegative("receiptCorrelationWait", receiptCorrelationWait);
            Validate.positive("reassemblyTimeout", reassemblyTimeout);
            Validate.range("maxIncompleteMessages", maxIncompleteMessages, 1, 10_000_000);
            if (inboundErrorStatus == null || inboundErrorStatus.isOk()) {
                throw new IllegalArgumentException("inboundErrorStatus must be an error status, was " + inboundErrorStatus);
            }
            if (throttleHandler == null) {
                throttleHandler = PercentageThrottleHandler.builder().build();
            }
            if (retryPolicy == null) {
                retryPolicy = ExponentialRetryPolicy.builder().build();
            }
            if (outbox == null) {
                outbox = new InMemoryOutbox(100_000);
            }
            if (correlationStore == null) {
                correlationStore = InMemoryCorrelationStore.builder().build();
            }
            if (meterRegistry == null) {
                meterRegistry = new SimpleMeterRegistry();
            }
            if (receiptParser == null) {
                receiptParser = receiptRegex == null && receiptStatusMapping == null
                        ? DeliveryReceiptParser.standard()
                        : new DeliveryReceiptParser(receiptStatusMapping != null ? receiptStatusMapping
                                : ReceiptStatusMapping.defaults(), receiptRegex);
            }
            Map<String, String> meta = new LinkedHashMap<>();
            meta.put("client", clientId);
            meta.put("smsc", host + ":" + port);
            meta.put("systemId", systemId);
            for (Map.Entry<String, String> e : logMetadata.entrySet()) {
                // The identity keys name this client in every event; a metadata pair must not overwrite them.
                if (meta.containsKey(e.getKey()) || "session".equals(e.getKey())) {
                    throw new IllegalArgumentException("logMetadata key " + e.getKey()
                            + " is reserved (client, smsc, systemId and session are set by the client)");
                }
                meta.put(e.getKey(), Objects.requireNonNull(e.getValue(), "logMetadata value of " + e.getKey()));
            }
            SessionConfig sessionConfig = session.handlerErrorStatus(inboundErrorStatus).logMetadata(meta).build();
            return new ClientConfig(this, sessionConfig, java.util.Collections.unmodifiableMap(meta));
        }
    }
}
