package io.ujumbe.smsc;

import io.micrometer.core.instrument.MeterRegistry;
import io.ujumbe.pdu.MessageState;
import io.ujumbe.session.SessionConfig;
import io.ujumbe.session.TlsConfig;
import io.ujumbe.session.Validate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Everything an {@link SmscSimulator} needs: where to listen, which accounts to accept, how to
 * number messages, when and how to answer with receipts, and which faults to inject. Immutable;
 * build with {@link #builder()}. Every value is checked when set, and errors name the setting.
 */
public final class SmscConfig {
    private final String host;
    private final int port;
    private final int tlsPort;
    private final TlsConfig tls;
    private final int httpPort;
    private final int ioThreads;
    private final List<SmscAccount> accounts;
    private final MessageIdFormat messageIds;
    private final MessageIdFormat receiptIdFormat;
    private final Duration receiptDelay;
    private final Map<MessageState, Double> receiptOutcomes;
    private final List<ReceiptRule> receiptRules;
    private final boolean intermediateReceipts;
    private final SessionConfig session;
    private final long randomSeed;
    private final FaultConfig faults;
    private final int recordLimit;
    private final MeterRegistry meterRegistry;
    private final Supplier<String> metricsText;
    private final int moStoreLimit;
    private final Duration moStoreTtl;

    private SmscConfig(Builder b) {
        this.host = b.host;
        this.port = b.port;
        this.tlsPort = b.tlsPort;
        this.tls = b.tls;
        this.httpPort = b.httpPort;
        this.ioThreads = b.ioThreads;
        this.accounts = List.copyOf(b.accounts);
        this.messageIds = b.messageIds;
        this.receiptIdFormat = b.receiptIdFormat == null ? b.messageIds : b.receiptIdFormat;
        this.receiptDelay = b.receiptDelay;
        this.receiptOutcomes = normalised(b.receiptOutcomes);
        this.receiptRules = List.copyOf(b.receiptRules);
        this.intermediateReceipts = b.intermediateReceipts;
        this.session = b.session;
        this.randomSeed = b.randomSeed;
        this.faults = b.faults;
        this.recordLimit = b.recordLimit;
        this.meterRegistry = b.meterRegistry;
        this.metricsText = b.metricsText;
        this.moStoreLimit = b.moStoreLimit;
        this.moStoreTtl = b.moStoreTtl;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The defaults: 127.0.0.1:2775, any credentials, hex ids, every message delivered after 1 s. */
    public static SmscConfig defaults() {
        return builder().build();
    }

    public Builder toBuilder() {
        Builder b = new Builder().host(host).port(port).httpPort(httpPort).ioThreads(ioThreads).accounts(accounts)
                .messageIds(messageIds).receiptIdFormat(receiptIdFormat).receiptDelay(receiptDelay)
                .receiptOutcomes(receiptOutcomes).receiptRules(receiptRules).intermediateReceipts(intermediateReceipts)
                .session(session).randomSeed(randomSeed).faults(faults).recordLimit(recordLimit)
                .moStoreLimit(moStoreLimit).moStoreTtl(moStoreTtl);
        b.tlsPort = tlsPort;
        b.tls = tls;
        b.meterRegistry = meterRegistry;
        b.metricsText = metricsText;
        return b;
    }

    public String host() {
        return host;
    }

    /** The SMPP port; 0 picks a free one (see {@link SmscSimulator#port()}). */
    public int port() {
        return port;
    }

    /** The SMPP-over-TLS port, or -1 when TLS is off. */
    public int tlsPort() {
        return tlsPort;
    }

    /** The server TLS configuration for {@link #tlsPort()}, or null when TLS is off. */
    public TlsConfig tls() {
        return tls;
    }

    /** The HTTP port for /stats, /mo, /metrics and /health; -1 = off, 0 = any free port. */
    public int httpPort() {
        return httpPort;
    }

    public int ioThreads() {
        return ioThreads;
    }

    /** The accounts accepted; empty means any credentials are accepted. */
    public List<SmscAccount> accounts() {
        return accounts;
    }

    /** How message ids are written in submit_sm_resp, submit_multi_resp and data_sm_resp. */
    public MessageIdFormat messageIds() {
        return messageIds;
    }

    /**
     * How message ids are written in receipts (the text's id field and receipted_message_id);
     * the same as {@link #messageIds()} unless set. HEX here with DECIMAL there (or the reverse)
     * imitates the SMSCs that Kannel's msg-id-type exists for. With UUID ids both are the same.
     */
    public MessageIdFormat receiptIdFormat() {
        return receiptIdFormat;
    }

    /** How long after acceptance a message reaches its final state and its receipt is sent. */
    public Duration receiptDelay() {
        return receiptDelay;
    }

    /** The final states drawn for messages no rule matches, with weights normalised to sum to 1. */
    public Map<MessageState, Double> receiptOutcomes() {
        return receiptOutcomes;
    }

    /** Rules on the destination; the first match decides the final state. */
    public List<ReceiptRule> receiptRules() {
        return receiptRules;
    }

    /** Whether intermediate notifications (ENROUTE) are sent when registered_delivery asks for them. */
    public boolean intermediateReceipts() {
        return intermediateReceipts;
    }

    /** The session settings (window, timeouts, enquire_link …) for every accepted connection. */
    public SessionConfig session() {
        return session;
    }

    /** The seed of every random draw (outcomes, faults, latency), so runs can be repeated. */
    public long randomSeed() {
        return randomSeed;
    }

    public FaultConfig faults() {
        return faults;
    }

    /**
     * How many entries each list of {@link SmscRecord} keeps (submissions, joined messages, binds,
     * deliveries): the latest this many, 100,000 by default; 0 records none. Load tests that never
     * read the record save the memory and garbage-collection time it costs. The messages held for
     * query_sm, cancel_sm and replace_sm are not affected.
     */
    public int recordLimit() {
        return recordLimit;
    }

    /** The registry the simulator registers its meters in at start, or null (see {@link Builder#metrics}). */
    MeterRegistry meterRegistry() {
        return meterRegistry;
    }

    /** What {@code GET /metrics} serves, or null for the simulator's own counters only. */
    Supplier<String> metricsText() {
        return metricsText;
    }

    /**
     * How many MO parts the simulator stores while no receiver of their account is bound
     * (store and forward): 10,000 by default; an MO queued beyond that is refused.
     */
    public int moStoreLimit() {
        return moStoreLimit;
    }

    /** How long a stored MO waits for a receiver to bind before it is dropped (10 minutes by default). */
    public Duration moStoreTtl() {
        return moStoreTtl;
    }

    @Override
    public String toString() {
        return "SmscConfig{host=" + host + ", port=" + port + ", tlsPort=" + tlsPort + ", httpPort=" + httpPort
                + ", ioThreads=" + ioThreads + ", accounts=" + accounts + ", messageIds=" + messageIds
                + ", receiptIdFormat=" + receiptIdFormat + ", receiptDelay=" + receiptDelay
                + ", receiptOutcomes=" + receiptOutcomes + ", receiptRules=" + receiptRules
                + ", intermediateReceipts=" + intermediateReceipts + ", randomSeed=" + randomSeed
                + ", faults=" + faults + ", recordLimit=" + recordLimit + ", moStoreLimit=" + moStoreLimit
                + ", moStoreTtl=" + moStoreTtl + ", session=" + session + "}";
    }

    private static Map<MessageState, Double> normalised(Map<MessageState, Double> weights) {
        double sum = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<MessageState, Double> out = new EnumMap<>(MessageState.class);
        weights.forEach((state, w) -> {
            if (w > 0) {
                out.put(state, w / sum);
            }
        });
        return Collections.unmodifiableMap(out);
    }

    /** Builds an {@link SmscConfig}; each setter checks its value and names the setting when it is wrong. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 2775;
        private int tlsPort = -1;
        private TlsConfig tls;
        private int httpPort = -1;
        private int ioThreads = 1;
        private final List<SmscAccount> accounts = new ArrayList<>();
        private MessageIdFormat messageIds = MessageIdFormat.HEX;
        private MessageIdFormat receiptIdFormat;
        private Duration receiptDelay = Duration.ofSeconds(1);
        private Map<MessageState, Double> receiptOutcomes = Map.of(MessageState.DELIVERED, 1.0);
        private final List<ReceiptRule> receiptRules = new ArrayList<>();
        private boolean intermediateReceipts;
        private SessionConfig session = SessionConfig.defaults();
        private long randomSeed = 42;
        private FaultConfig faults = FaultConfig.none();
        private int recordLimit = SmscRecord.DEFAULT_LIMIT;
        private MeterRegistry meterRegistry;
        private Supplier<String> metricsText;
        private int moStoreLimit = 10_000;
        private Duration moStoreTtl = Duration.ofMinutes(10);

        private Builder() {
        }

        /**
         * A Micrometer registry for the simulator's meters ({@code ujumbe.smsc.*}, registered at start)
         * and what {@code GET /metrics} serves: {@code text}, typically that registry's Prometheus
         * scrape, with whatever else the application bound to it (the {@code ujumbe smsc} command binds
         * the JVM and process metrics). Without it {@code /metrics} serves the simulator's counters
         * alone, under the same names. This module needs only micrometer-core: the caller brings the
         * Prometheus registry.
         */
        public Builder metrics(MeterRegistry registry, Supplier<String> text) {
            this.meterRegistry = Objects.requireNonNull(registry, "registry");
            this.metricsText = Objects.requireNonNull(text, "text");
            return this;
        }

        public Builder host(String host) {
            this.host = Validate.notBlank("host", host);
            return this;
        }

        public Builder port(int port) {
            Validate.range("port", port, 0, 65535);
            this.port = port;
            return this;
        }

        /** Listens for SMPP over TLS on {@code port} (0 = any free) with the server configuration {@code tls}. */
        public Builder tls(int port, TlsConfig tls) {
            Validate.range("tlsPort", port, 0, 65535);
            Objects.requireNonNull(tls, "tls");
            if (!tls.isServer()) {
                throw new IllegalArgumentException("tls must be a server configuration (TlsConfig.server(...))");
            }
            this.tlsPort = port;
            this.tls = tls;
            return this;
        }

        /** Turns TLS off. */
        public Builder noTls() {
            this.tlsPort = -1;
            this.tls = null;
            return this;
        }

        public Builder httpPort(int port) {
            Validate.range("httpPort", port, -1, 65535);
            this.httpPort = port;
            return this;
        }

        public Builder ioThreads(int n) {
            Validate.range("ioThreads", n, 1, 1024);
            this.ioThreads = n;
            return this;
        }

        public Builder account(SmscAccount account) {
            Objects.requireNonNull(account, "account");
            for (SmscAccount a : accounts) {
                if (a.systemId().equals(account.systemId())) {
                    throw new IllegalArgumentException("accounts: system_id " + account.systemId() + " appears twice");
                }
            }
            accounts.add(account);
            return this;
        }

        public Builder accounts(List<SmscAccount> list) {
            Objects.requireNonNull(list, "accounts");
            accounts.clear();
            list.forEach(this::account);
            return this;
        }

        public Builder messageIds(MessageIdFormat format) {
            this.messageIds = Objects.requireNonNull(format, "messageIds");
            return this;
        }

        /** The id format in receipts; null = the same as {@link #messageIds(MessageIdFormat)}. */
        public Builder receiptIdFormat(MessageIdFormat format) {
            this.receiptIdFormat = format;
            return this;
        }

        public Builder receiptDelay(Duration d) {
            Validate.notNegative("receiptDelay", d);
            this.receiptDelay = d;
            return this;
        }

        /**
         * The final states to draw, with relative weights (e.g. DELIVERED 90, UNDELIVERABLE 6,
         * EXPIRED 4); states must be final and weights not negative, with a positive sum.
         */
        public Builder receiptOutcomes(Map<MessageState, Double> weights) {
            Objects.requireNonNull(weights, "receiptOutcomes");
            double sum = 0;
            for (Map.Entry<MessageState, Double> e : weights.entrySet()) {
                Objects.requireNonNull(e.getKey(), "receiptOutcomes state");
                if (!e.getKey().isFinal()) {
                    throw new IllegalArgumentException("receiptOutcomes: " + e.getKey() + " is not a final state");
                }
                if (e.getValue() == null || !(e.getValue() >= 0) || e.getValue().isInfinite()) {
                    throw new IllegalArgumentException("receiptOutcomes: the weight of " + e.getKey()
                            + " must be a number >= 0, was " + e.getValue());
                }
                sum += e.getValue();
            }
            if (!(sum > 0)) {
                throw new IllegalArgumentException("receiptOutcomes: the weights must have a positive sum");
            }
            this.receiptOutcomes = Map.copyOf(weights);
            return this;
        }

        public Builder receiptRule(ReceiptRule rule) {
            receiptRules.add(Objects.requireNonNull(rule, "receiptRule"));
            return this;
        }

        public Builder receiptRules(List<ReceiptRule> rules) {
            Objects.requireNonNull(rules, "receiptRules");
            receiptRules.clear();
            rules.forEach(this::receiptRule);
            return this;
        }

        public Builder intermediateReceipts(boolean on) {
            this.intermediateReceipts = on;
            return this;
        }

        public Builder session(SessionConfig session) {
            this.session = Objects.requireNonNull(session, "session");
            return this;
        }

        public Builder randomSeed(long seed) {
            this.randomSeed = seed;
            return this;
        }

        public Builder faults(FaultConfig faults) {
            this.faults = Objects.requireNonNull(faults, "faults");
            return this;
        }

        /** Entries kept in each list of the record, 0..10,000,000 (0 = record nothing); see {@link SmscConfig#recordLimit()}. */
        public Builder recordLimit(int entries) {
            Validate.range("recordLimit", entries, 0, SmscRecord.MAX_LIMIT);
            this.recordLimit = entries;
            return this;
        }

        /** MO parts stored while no receiver is bound, 0..10,000,000 (0 = refuse an MO nobody can take now); see {@link SmscConfig#moStoreLimit()}. */
        public Builder moStoreLimit(int parts) {
            Validate.range("moStoreLimit", parts, 0, 10_000_000);
            this.moStoreLimit = parts;
            return this;
        }

        /** How long a stored MO waits for a receiver, more than 0; see {@link SmscConfig#moStoreTtl()}. */
        public Builder moStoreTtl(Duration ttl) {
            Validate.notNegative("moStoreTtl", ttl);
            if (ttl.isZero()) {
                throw new IllegalArgumentException("moStoreTtl must be more than 0");
            }
            this.moStoreTtl = ttl;
            return this;
        }

        /** @throws IllegalArgumentException naming the setting when two listeners share a fixed port */
        public SmscConfig build() {
            Set<Integer> fixed = new HashSet<>();
            for (int p : new int[]{port, tlsPort, httpPort}) {
                if (p > 0 && !fixed.add(p)) {
                    throw new IllegalArgumentException("port, tlsPort and httpPort must differ, " + p + " is used twice");
                }
            }
            return new SmscConfig(this);
        }
    }
}
