package io.ujumbe.amqp;

import com.rabbitmq.client.ConnectionFactory;
import io.ujumbe.pdu.NumberingPlan;
import io.ujumbe.pdu.RegisteredDelivery;
import io.ujumbe.pdu.TypeOfNumber;
import io.ujumbe.receipt.DeliveryReceiptParser;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a {@link Vumi2Transport} runs with besides the SMPP client's own settings: the broker, the
 * {@code transport_name} (queues {@code <name>.outbound}, {@code .inbound}, {@code .event}), how many
 * outbound messages may be in flight (the consumer prefetch), and vumi2's processor settings
 * (data coding, multipart handling, addresses, registered delivery, receipt regex and status mapping,
 * inbound data-coding overrides). Defaults are vumi2's. Immutable; build with {@link #builder()}.
 * The broker password never appears in {@link #toString()}.
 */
public final class Vumi2TransportConfig {
    private final String amqpHost;
    private final int amqpPort;
    private final String amqpUsername;
    private final String amqpPassword;
    private final String amqpVhost;
    private final String transportName;
    private final int prefetch;
    private final Duration reconnectDelay;
    private final VumiDataCoding dataCoding;
    private final MultipartHandling multipartHandling;
    private final String serviceType;
    private final TypeOfNumber sourceTon;
    private final NumberingPlan sourceNpi;
    private final TypeOfNumber destTon;
    private final NumberingPlan destNpi;
    private final RegisteredDelivery registeredDelivery;
    private final int sarReferenceRollover;
    private final Pattern deliveryReportRegex;
    private final StatusMapping statusMapping;
    private final Map<VumiDataCoding, String> dataCodingOverrides;

    private Vumi2TransportConfig(Builder b) {
        this.amqpHost = b.amqpHost;
        this.amqpPort = b.amqpPort;
        this.amqpUsername = b.amqpUsername;
        this.amqpPassword = b.amqpPassword;
        this.amqpVhost = b.amqpVhost;
        this.transportName = b.transportName;
        this.prefetch = b.prefetch;
        this.reconnectDelay = b.reconnectDelay;
        this.dataCoding = b.dataCoding;
        this.multipartHandling = b.multipartHandling;
        this.serviceType = b.serviceType;
        this.sourceTon = b.sourceTon;
        this.sourceNpi = b.sourceNpi;
        this.destTon = b.destTon;
        this.destNpi = b.destNpi;
        this.registeredDelivery = b.registeredDelivery;
        this.sarReferenceRollover = b.sarReferenceRollover;
        this.deliveryReportRegex = b.deliveryReportRegex;
        this.statusMapping = b.statusMapping;
        this.dataCodingOverrides = Collections.unmodifiableMap(new LinkedHashMap<>(b.dataCodingOverrides));
    }

    /** A builder with vumi2's defaults (broker guest:guest@127.0.0.1:5672, vhost "/", transport "smpp"). */
    public static Builder builder() {
        return new Builder();
    }

    /** The broker host. */
    public String amqpHost() { return amqpHost; }
    /** The broker port. */
    public int amqpPort() { return amqpPort; }
    /** The broker user. */
    public String amqpUsername() { return amqpUsername; }
    /** The broker password. Never logged. */
    public String amqpPassword() { return amqpPassword; }
    /** The broker virtual host. */
    public String amqpVhost() { return amqpVhost; }
    /** The broker as a URI without the password, for logs. */
    public String amqpRedactedUri() {
        return "amqp://" + amqpUsername + ":***@" + amqpHost + ":" + amqpPort + "/"
                + URLEncoder.encode(amqpVhost, StandardCharsets.UTF_8);
    }
    /** vumi2's {@code transport_name}: the prefix of the three queues. */
    public String transportName() { return transportName; }
    /** {@code <transport_name>.outbound}. */
    public String outboundQueue() { return transportName + ".outbound"; }
    /** {@code <transport_name>.inbound}. */
    public String inboundQueue() { return transportName + ".inbound"; }
    /** {@code <transport_name>.event}. */
    public String eventQueue() { return transportName + ".event"; }
    /** Outbound messages taken from the broker and not yet settled, at most (the consumer prefetch). */
    public int prefetch() { return prefetch; }
    /** The wait between attempts to reach the broker (doubling up to 16 times this). */
    public Duration reconnectDelay() { return reconnectDelay; }
    /** {@code submit_sm_processor_config.data_coding}. */
    public VumiDataCoding dataCoding() { return dataCoding; }
    /** {@code submit_sm_processor_config.multipart_handling}. */
    public MultipartHandling multipartHandling() { return multipartHandling; }
    /** {@code submit_sm_processor_config.service_type} ("" for none). */
    public String serviceType() { return serviceType; }
    /** {@code source_addr_ton}. */
    public TypeOfNumber sourceTon() { return sourceTon; }
    /** {@code source_addr_npi}. */
    public NumberingPlan sourceNpi() { return sourceNpi; }
    /** {@code dest_addr_ton}. */
    public TypeOfNumber destTon() { return destTon; }
    /** {@code dest_addr_npi}. */
    public NumberingPlan destNpi() { return destNpi; }
    /** {@code registered_delivery}: what receipts to ask for. */
    public RegisteredDelivery registeredDelivery() { return registeredDelivery; }
    /** {@code multipart_sar_reference_rollover}. */
    public int sarReferenceRollover() { return sarReferenceRollover; }
    /** {@code dr_processor_config.regex} when one was set (else vumi2's default format, read by the standard rules). */
    public Optional<Pattern> deliveryReportRegex() { return Optional.ofNullable(deliveryReportRegex); }
    /** {@code dr_processor_config.status_mapping}. */
    public StatusMapping statusMapping() { return statusMapping; }
    /** {@code sm_processor_config.data_coding_overrides}: codec names by data coding. */
    public Map<VumiDataCoding, String> dataCodingOverrides() { return dataCodingOverrides; }

    @Override
    public String toString() {
        return "Vumi2TransportConfig{amqp=" + amqpRedactedUri() + ", transport_name=" + transportName + ", prefetch="
                + prefetch + ", data_coding=" + dataCoding + ", multipart_handling=" + multipartHandling.configName()
                + ", registered_delivery=0x" + Integer.toHexString(registeredDelivery.value()) + '}';
    }

    /** Builds a {@link Vumi2TransportConfig}; every setting has vumi2's default. */
    public static final class Builder {
        private String amqpHost = "127.0.0.1";
        private int amqpPort = 5672;
        private String amqpUsername = "guest";
        private String amqpPassword = "guest";
        private String amqpVhost = "/";
        private String transportName = "smpp";
        private int prefetch = 256;
        private Duration reconnectDelay = Duration.ofMillis(500);
        private VumiDataCoding dataCoding = VumiDataCoding.SMSC_DEFAULT_ALPHABET;
        private MultipartHandling multipartHandling = MultipartHandling.SHORT_MESSAGE;
        private String serviceType = "";
        private TypeOfNumber sourceTon = TypeOfNumber.UNKNOWN;
        private NumberingPlan sourceNpi = NumberingPlan.UNKNOWN;
        private TypeOfNumber destTon = TypeOfNumber.UNKNOWN;
        private NumberingPlan destNpi = NumberingPlan.ISDN;
        private RegisteredDelivery registeredDelivery = RegisteredDelivery.NONE;
        private int sarReferenceRollover = 0x10000;
        private Pattern deliveryReportRegex;
        private StatusMapping statusMapping = StatusMapping.vumi2Default();
        private final Map<VumiDataCoding, String> dataCodingOverrides = new LinkedHashMap<>();

        private Builder() {
        }

        /** vumi2's {@code amqp.hostname}. */
        public Builder amqpHost(String host) { this.amqpHost = host; return this; }
        /** {@code amqp.port}. */
        public Builder amqpPort(int port) { this.amqpPort = port; return this; }
        /** {@code amqp.username}. */
        public Builder amqpUsername(String user) { this.amqpUsername = user; return this; }
        /** {@code amqp.password}. */
        public Builder amqpPassword(String password) { this.amqpPassword = password; return this; }
        /** {@code amqp.vhost}. */
        public Builder amqpVhost(String vhost) { this.amqpVhost = vhost; return this; }

        /**
         * vumi2's {@code amqp_url}, e.g. {@code amqp://user:pass@host:5672/vhost}: sets host, port,
         * user, password and vhost at once (an absent path is vhost "/").
         */
        public Builder amqpUri(String uri) {
            ConnectionFactory f = new ConnectionFactory();
            try {
                f.setUri(uri);
            } catch (Exception e) {
                // The URI may hold a password: say what is wrong without echoing it.
                throw new IllegalArgumentException("amqp_url must be amqp://user:password@host:port/vhost ("
                        + e.getClass().getSimpleName() + ")");
            }
            amqpHost = f.getHost();
            amqpPort = f.getPort();
            amqpUsername = f.getUsername();
            amqpPassword = f.getPassword();
            amqpVhost = f.getVirtualHost();
            return this;
        }

        /** {@code transport_name}; default "smpp". */
        public Builder transportName(String name) { this.transportName = name; return this; }
        /** Outbound messages in flight at most (1..65535); default 256. vumi2 uses {@code worker_concurrency} (20). */
        public Builder prefetch(int n) { this.prefetch = n; return this; }
        /** First wait before reconnecting to the broker; default 500 ms. */
        public Builder reconnectDelay(Duration d) { this.reconnectDelay = d; return this; }
        /** {@code data_coding}; default SMSC_DEFAULT_ALPHABET. */
        public Builder dataCoding(VumiDataCoding c) { this.dataCoding = c; return this; }
        /** {@code multipart_handling}; default short_message. */
        public Builder multipartHandling(MultipartHandling h) { this.multipartHandling = h; return this; }
        /** {@code service_type}; default none. */
        public Builder serviceType(String s) { this.serviceType = s == null ? "" : s; return this; }
        /** {@code source_addr_ton}; default UNKNOWN. */
        public Builder sourceTon(TypeOfNumber t) { this.sourceTon = t; return this; }
        /** {@code source_addr_npi}; default UNKNOWN. */
        public Builder sourceNpi(NumberingPlan n) { this.sourceNpi = n; return this; }
        /** {@code dest_addr_ton}; default UNKNOWN. */
        public Builder destTon(TypeOfNumber t) { this.destTon = t; return this; }
        /** {@code dest_addr_npi}; default ISDN. */
        public Builder destNpi(NumberingPlan n) { this.destNpi = n; return this; }
        /** {@code registered_delivery}; default none requested (vumi2's default). */
        public Builder registeredDelivery(RegisteredDelivery rd) { this.registeredDelivery = rd; return this; }
        /** {@code multipart_sar_reference_rollover}; default 0x10000. */
        public Builder sarReferenceRollover(int n) { this.sarReferenceRollover = n; return this; }
        /**
         * {@code dr_processor_config.regex}, in Python's syntax as vumi2's file has it ({@code (?P<id>…)},
         * {@code {,65}}) or Java's; groups {@code id} and {@code stat} are required. The client tries it
         * before its standard receipt rules. Unset: vumi2's default format, which the standard rules read.
         */
        public Builder deliveryReportRegex(String regex) {
            Pattern p = DeliveryReceiptParser.compileRegex(Objects.requireNonNull(regex, "regex"));
            if (!p.pattern().contains("(?<id>") || !p.pattern().contains("(?<stat>")) {
                throw new IllegalArgumentException("regex must have the named groups id and stat");
            }
            this.deliveryReportRegex = p;
            return this;
        }

        /** {@code dr_processor_config.status_mapping}; replaces vumi2's default mapping. */
        public Builder statusMapping(StatusMapping m) { this.statusMapping = m; return this; }
        /** One {@code data_coding_overrides} entry: decode inbound {@code coding} with codec {@code codecName}. */
        public Builder dataCodingOverride(VumiDataCoding coding, String codecName) {
            Codecs.forName(codecName).orElseThrow(() -> new IllegalArgumentException(
                    "data_coding_overrides." + coding + ": unknown codec '" + codecName + "'"));
            this.dataCodingOverrides.put(coding, codecName);
            return this;
        }

        /** The configuration; throws {@link IllegalArgumentException} naming a wrong setting. */
        public Vumi2TransportConfig build() {
            if (amqpHost == null || amqpHost.isBlank()) {
                throw new IllegalArgumentException("amqp.hostname must not be empty");
            }
            if (amqpPort < 1 || amqpPort > 65535) {
                throw new IllegalArgumentException("amqp.port must be 1..65535, was " + amqpPort);
            }
            Objects.requireNonNull(amqpUsername, "amqp.username");
            Objects.requireNonNull(amqpPassword, "amqp.password");
            Objects.requireNonNull(amqpVhost, "amqp.vhost");
            if (transportName == null || transportName.isBlank()) {
                throw new IllegalArgumentException("transport_name must not be empty");
            }
            if (prefetch < 1 || prefetch > 65535) {
                throw new IllegalArgumentException("prefetch must be 1..65535, was " + prefetch);
            }
            if (reconnectDelay == null || reconnectDelay.isNegative() || reconnectDelay.isZero()) {
                throw new IllegalArgumentException("reconnectDelay must be positive, was " + reconnectDelay);
            }
            Objects.requireNonNull(dataCoding, "data_coding");
            if (!dataCoding.sendable()) {
                throw new IllegalArgumentException("data_coding must be one of SMSC_DEFAULT_ALPHABET, IA5_ASCII, LATIN_1, "
                        + "JIS, CYRILLIC, ISO_8859_8, UCS2 (vumi2 has no codec for " + dataCoding + ")");
            }
            Objects.requireNonNull(multipartHandling, "multipart_handling");
            if (serviceType.length() > 5) {
                throw new IllegalArgumentException("service_type must be at most 5 characters, was '" + serviceType + "'");
            }
            Objects.requireNonNull(sourceTon, "source_addr_ton");
            Objects.requireNonNull(sourceNpi, "source_addr_npi");
            Objects.requireNonNull(destTon, "dest_addr_ton");
            Objects.requireNonNull(destNpi, "dest_addr_npi");
            Objects.requireNonNull(registeredDelivery, "registered_delivery");
            if (sarReferenceRollover < 1 || sarReferenceRollover > 0x10000) {
                throw new IllegalArgumentException("multipart_sar_reference_rollover must be 1..65536, was " + sarReferenceRollover);
            }
            Objects.requireNonNull(statusMapping, "status_mapping");
            return new Vumi2TransportConfig(this);
        }
    }
}
