package io.ujumbe.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.ujumbe.amqp.DeliveryStatus;
import io.ujumbe.amqp.MultipartHandling;
import io.ujumbe.amqp.StatusMapping;
import io.ujumbe.amqp.Vumi2TransportConfig;
import io.ujumbe.amqp.VumiDataCoding;
import io.ujumbe.client.ClientConfig;
import io.ujumbe.client.InMemoryCorrelationStore;
import io.ujumbe.pdu.Address;
import io.ujumbe.pdu.BindType;
import io.ujumbe.pdu.NumberingPlan;
import io.ujumbe.pdu.RegisteredDelivery;
import io.ujumbe.pdu.TypeOfNumber;
import io.ujumbe.session.TlsConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * A vumi2 SMPP transport configuration file ({@code SmppTransceiverTransportConfig} and the base
 * worker's keys), read as it is for {@code ujumbe vumi2 --config}: every vumi2 key with vumi2's
 * default, ujumbe's own settings in an optional {@code ujumbe:} section (the same names as in
 * {@code ujumbe run}'s file), unknown keys an error naming the key with its path. The {@code *_class}
 * keys take vumi2's default class names; another class is an error that says which ujumbe setting
 * does its job. {@link #toString()} never shows a password.
 */
final class Vumi2Config {
    static final String SEQUENCER = "vumi2.transports.smpp.sequencers.InMemorySequencer";
    static final String SUBMIT_PROCESSOR = "vumi2.transports.smpp.processors.SubmitShortMessageProcessor";
    static final String SM_PROCESSOR = "vumi2.transports.smpp.processors.ShortMessageProcessor";
    static final String DR_PROCESSOR = "vumi2.transports.smpp.processors.DeliveryReportProcesser";
    static final String SMPP_CACHE = "vumi2.transports.smpp.smpp_cache.InMemorySmppCache";

    private final Vumi2TransportConfig transport;
    private final ClientConfig.Builder client;
    private final String httpHost;
    private final int httpPort;
    private final String logLevel;
    private final Duration drainTimeout;
    private final double ratePerSecond;
    private final RedisSettings redis;
    private final String smsc;
    private final String systemId;

    private Vumi2Config(ConfigNode root, List<String> problems) {
        Vumi2TransportConfig.Builder t = Vumi2TransportConfig.builder();
        ConfigNode amqp = root.object("amqp");
        t.amqpHost(amqp.string("hostname", "127.0.0.1"));
        t.amqpPort(amqp.integer("port", 5672, 1, 65535));
        t.amqpUsername(amqp.string("username", "guest"));
        t.amqpPassword(amqp.string("password", "guest"));
        t.amqpVhost(amqp.string("vhost", "/"));
        amqp.rejectUnknownKeys();
        String amqpUrl = root.string("amqp_url", "");
        if (!amqpUrl.isEmpty()) {
            // vumi2: "If specified, it is used instead of the amqp configuration."
            attempt(problems, "amqp_url", () -> t.amqpUri(amqpUrl));
        }
        int workerConcurrency = root.integer("worker_concurrency", 20, 1, 65535);
        String sentry = root.string("sentry_dsn", "");
        if (!sentry.isEmpty()) {
            root.problem("sentry_dsn: ujumbe does not report to Sentry; remove it and use the logs (--log-format json) "
                    + "and the metrics on http_bind");
        }
        root.objects("middlewares").forEach(m -> root.problem(m.key("class_path") + ": vumi2 middlewares are Python; "
                + "ujumbe cannot run them (remove middlewares)"));
        logLevel = root.string("log_level", "INFO").toUpperCase(Locale.ROOT);
        if (!List.of("TRACE", "DEBUG", "INFO", "WARN", "WARNING", "ERROR", "CRITICAL", "OFF").contains(logLevel)) {
            root.problem("log_level must be DEBUG, INFO, WARNING, ERROR or CRITICAL, was '" + logLevel + "'");
        }
        String bind = root.string("http_bind", "");
        String host = null;
        int port = -1;
        if (!bind.isEmpty()) {
            int colon = bind.lastIndexOf(':');
            if (bind.startsWith("unix:") || colon < 0 || !bind.substring(colon + 1).matches("\\d{1,5}")) {
                root.problem("http_bind must be host:port such as localhost:8000 (unix sockets are not supported), was '"
                        + bind + "'");
            } else {
                host = bind.substring(0, colon);
                port = Integer.parseInt(bind.substring(colon + 1));
                if (port > 65535) {
                    root.problem("http_bind port must be 0..65535, was " + port);
                }
            }
        }
        httpHost = host;
        httpPort = port;

        String transportName = root.string("transport_name", "smpp");
        t.transportName(transportName);
        String smscHost = root.string("host", "localhost");
        int smscPort = root.integer("port", 2775, 1, 65535);
        String sysId = root.string("system_id", "smppclient1");
        String password = root.string("password", "password");
        String systemType = root.string("system_type", "");
        int interfaceVersion = root.integer("interface_version", 34, 0, 34);
        String addressRange = root.string("address_range", "");
        int enquireLink = root.integer("smpp_enquire_link_interval", 55, 1, 86_400);
        int bindTimeout = root.integer("smpp_bind_timeout", 30, 1, 86_400);
        if (sysId.length() > 15) {
            root.problem("system_id must be at most 15 characters, was " + sysId.length());
        }
        if (password.length() > 8) {
            root.problem("password must be at most 8 characters, was " + password.length());
        }
        if (systemType.length() > 12) {
            root.problem("system_type must be at most 12 characters, was " + systemType.length());
        }
        if (addressRange.length() > 40) {
            root.problem("address_range must be at most 40 characters, was " + addressRange.length());
        }

        className(root, "sequencer_class", SEQUENCER,
                "sequence numbers come from ujumbe's sequencer; to share them across processes set ujumbe.redis.sequencer: true");
        root.object("sequencer_config"); // vumi2's in-memory sequencer ignores its config; so does ujumbe
        className(root, "submit_sm_processor_class", SUBMIT_PROCESSOR,
                "submit_sm is built by ujumbe's client from submit_sm_processor_config (and ujumbe.multipart settings)");
        className(root, "sm_processor_class", SM_PROCESSOR,
                "inbound SMS are decoded and reassembled by ujumbe's client; decoding is set with sm_processor_config.data_coding_overrides");
        className(root, "dr_processor_class", DR_PROCESSOR,
                "receipts are parsed by ujumbe's client; set dr_processor_config.regex and status_mapping");
        className(root, "smpp_cache_class", SMPP_CACHE,
                "ujumbe's correlation store does this job: in memory, or shared in Redis with a ujumbe.redis section");

        readSubmit(root.object("submit_sm_processor_config"), t);
        readReceipts(root.object("dr_processor_config"), t, problems);
        ConfigNode sm = root.object("sm_processor_config");
        Map<String, String> overrides = sm.stringMap("data_coding_overrides");
        overrides.forEach((coding, codec) -> {
            String key = sm.key("data_coding_overrides") + "." + coding;
            VumiDataCoding c = VumiDataCoding.byName(coding).orElse(null);
            if (c == null) {
                sm.problem(key + " is not a data coding; use one of " + names(VumiDataCoding.values()));
            } else {
                attempt(problems, key, () -> t.dataCodingOverride(c, codec));
            }
        });
        sm.rejectUnknownKeys();
        ConfigNode cache = root.object("smpp_cache_config");
        int cacheTimeout = cache.integer("timeout", 24 * 60 * 60, 1, Integer.MAX_VALUE);
        cache.rejectUnknownKeys();

        ConfigNode u = root.object("ujumbe");
        int prefetch = u.integer("prefetch", root.has("worker_concurrency") ? workerConcurrency : 256, 1, 65535);
        t.prefetch(prefetch);
        ratePerSecond = u.number("ratePerSecond", 0, 0, 1_000_000);
        int windowSize = u.integer("windowSize", 100, 1, 10_000);
        int binds = u.integer("binds", 1, 1, 64);
        BindType bindType = u.choice("bind", BindType.TRANSCEIVER, Choices.BIND);
        int maxBindRejections = u.integer("maxBindRejections", 0, 0, 1_000_000);
        Duration responseTimeout = u.duration("responseTimeout", Duration.ofSeconds(10), Duration.ofMillis(1));
        drainTimeout = u.duration("drainTimeout", Duration.ofSeconds(30), Duration.ZERO);
        TlsConfig tls = RunConfig.tls(u.object("tls"));
        redis = u.has("redis") ? new RedisSettings(u.object("redis"), ratePerSecond) : null;
        u.object("redis");
        u.rejectUnknownKeys();
        root.rejectUnknownKeys();

        Vumi2TransportConfig built = null;
        try {
            built = t.build();
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        transport = built;
        smsc = smscHost + ":" + smscPort;
        systemId = sysId;
        client = ClientConfig.builder()
                .clientId("vumi2-" + transportName)
                .host(smscHost).port(smscPort).systemId(sysId).password(password).systemType(systemType)
                .interfaceVersion(interfaceVersion >= 34 ? 0x34 : 0x33)
                .addressRange(Address.of(addressRange))
                .enquireLinkInterval(Duration.ofSeconds(enquireLink))
                .bindTimeout(Duration.ofSeconds(bindTimeout))
                .windowSize(windowSize).binds(binds).bindType(bindType).maxBindRejections(maxBindRejections)
                .responseTimeout(responseTimeout)
                .correlationStore(InMemoryCorrelationStore.builder().ttl(Duration.ofSeconds(cacheTimeout)).build())
                .putLogMetadata("transport", transportName);
        if (ratePerSecond > 0 && (redis == null || !redis.rateLimit)) {
            client.ratePerSecond(ratePerSecond);
        }
        if (tls != null) {
            client.tls(tls);
        }
    }

    private static void readSubmit(ConfigNode s, Vumi2TransportConfig.Builder t) {
        if (s.has("data_coding")) {
            String v = s.string("data_coding", "");
            VumiDataCoding c = byNameOrValue(v, VumiDataCoding.values(), i -> {
                for (VumiDataCoding d : VumiDataCoding.values()) {
                    if (d.value() == i) {
                        return d;
                    }
                }
                return null;
            });
            if (c == null || !c.sendable()) {
                s.problem(s.key("data_coding") + " must be one of SMSC_DEFAULT_ALPHABET, IA5_ASCII, LATIN_1, JIS, CYRILLIC, "
                        + "ISO_8859_8, UCS2, was '" + v + "'");
            } else {
                t.dataCoding(c);
            }
        }
        if (s.has("multipart_handling")) {
            String v = s.string("multipart_handling", "");
            MultipartHandling h = MultipartHandling.byConfigName(v).orElse(null);
            if (h == null) {
                s.problem(s.key("multipart_handling") + " must be short_message, message_payload, multipart_sar or "
                        + "multipart_udh, was '" + v + "'");
            } else {
                t.multipartHandling(h);
            }
        }
        String serviceType = s.string("service_type", "");
        if (serviceType.length() > 5) {
            s.problem(s.key("service_type") + " must be at most 5 characters, was '" + serviceType + "'");
        } else {
            t.serviceType(serviceType);
        }
        t.sourceTon(ton(s, "source_addr_ton", TypeOfNumber.UNKNOWN));
        t.sourceNpi(npi(s, "source_addr_npi", NumberingPlan.UNKNOWN));
        t.destTon(ton(s, "dest_addr_ton", TypeOfNumber.UNKNOWN));
        t.destNpi(npi(s, "dest_addr_npi", NumberingPlan.ISDN));
        ConfigNode rd = s.object("registered_delivery");
        int value = 0;
        String receipt = rd.string("delivery_receipt", "NO_SMSC_DELIVERY_RECEIPT_REQUESTED");
        switch (receipt.toUpperCase(Locale.ROOT)) {
            case "NO_SMSC_DELIVERY_RECEIPT_REQUESTED":
            case "0":
                break;
            case "SMSC_DELIVERY_RECEIPT_REQUESTED":
            case "1":
                value |= 0x01;
                break;
            case "SMSC_DELIVERY_RECEIPT_REQUESTED_FOR_FAILURE":
            case "2":
                value |= 0x02;
                break;
            default:
                rd.problem(rd.key("delivery_receipt") + " must be NO_SMSC_DELIVERY_RECEIPT_REQUESTED, "
                        + "SMSC_DELIVERY_RECEIPT_REQUESTED or SMSC_DELIVERY_RECEIPT_REQUESTED_FOR_FAILURE, was '" + receipt + "'");
        }
        for (String ack : rd.strings("sme_originated_acks")) {
            switch (ack.toUpperCase(Locale.ROOT)) {
                case "SME_DELIVERY_ACK_REQUESTED":
                    value |= 0x04;
                    break;
                case "SME_MANUAL_ACK_REQUESTED":
                    value |= 0x08;
                    break;
                default:
                    rd.problem(rd.key("sme_originated_acks") + " must hold only SME_DELIVERY_ACK_REQUESTED or "
                            + "SME_MANUAL_ACK_REQUESTED, found '" + ack + "'");
            }
        }
        if (rd.bool("intermediate_notification", false)) {
            value |= RegisteredDelivery.INTERMEDIATE;
        }
        rd.rejectUnknownKeys();
        t.registeredDelivery(RegisteredDelivery.of(value));
        t.sarReferenceRollover(s.integer("multipart_sar_reference_rollover", 0x10000, 1, 0x10000));
        s.rejectUnknownKeys();
    }

    private static void readReceipts(ConfigNode d, Vumi2TransportConfig.Builder t, List<String> problems) {
        String regex = d.string("regex", "");
        if (!regex.isEmpty()) {
            attempt(problems, d.key("regex"), () -> t.deliveryReportRegex(regex));
        }
        if (d.has("status_mapping")) {
            Map<String, DeliveryStatus> mapping = new LinkedHashMap<>();
            d.stringMap("status_mapping").forEach((status, value) -> {
                DeliveryStatus s = null;
                for (DeliveryStatus ds : DeliveryStatus.values()) {
                    if (ds.json().equals(value)) {
                        s = ds;
                    }
                }
                if (s == null) {
                    d.problem(d.key("status_mapping") + "." + status + " must be pending, delivered or failed, was '"
                            + value + "'");
                } else {
                    mapping.put(status, s);
                }
            });
            t.statusMapping(StatusMapping.of(mapping));
        }
        d.stringMap("status_mapping");
        d.rejectUnknownKeys();
    }

    private static TypeOfNumber ton(ConfigNode s, String key, TypeOfNumber def) {
        if (!s.has(key)) {
            s.string(key);
            return def;
        }
        String v = s.string(key, "");
        TypeOfNumber[] all = {TypeOfNumber.UNKNOWN, TypeOfNumber.INTERNATIONAL, TypeOfNumber.NATIONAL,
                TypeOfNumber.NETWORK_SPECIFIC, TypeOfNumber.SUBSCRIBER_NUMBER, TypeOfNumber.ALPHANUMERIC,
                TypeOfNumber.ABBREVIATED};
        for (TypeOfNumber t : all) {
            if (t.name().equalsIgnoreCase(v) || Integer.toString(t.value()).equals(v)) {
                return t;
            }
        }
        s.problem(s.key(key) + " must be one of " + names(all) + ", was '" + v + "'");
        return def;
    }

    private static NumberingPlan npi(ConfigNode s, String key, NumberingPlan def) {
        if (!s.has(key)) {
            s.string(key);
            return def;
        }
        String v = s.string(key, "");
        NumberingPlan[] all = {NumberingPlan.UNKNOWN, NumberingPlan.ISDN, NumberingPlan.DATA, NumberingPlan.TELEX,
                NumberingPlan.LAND_MOBILE, NumberingPlan.NATIONAL, NumberingPlan.PRIVATE, NumberingPlan.ERMES,
                NumberingPlan.INTERNET, NumberingPlan.WAP_CLIENT_ID};
        for (NumberingPlan n : all) {
            if (n.name().equalsIgnoreCase(v) || Integer.toString(n.value()).equals(v)) {
                return n;
            }
        }
        s.problem(s.key(key) + " must be one of " + names(all) + ", was '" + v + "'");
        return def;
    }

    private static <T> T byNameOrValue(String v, T[] all, IntFunction<T> byValue) {
        for (T t : all) {
            if (t.toString().equalsIgnoreCase(v.trim())) {
                return t;
            }
        }
        return v.trim().matches("\\d{1,3}") ? byValue.apply(Integer.parseInt(v.trim())) : null;
    }

    private static String names(Object[] values) {
        List<String> out = new ArrayList<>();
        for (Object v : values) {
            out.add(v instanceof TypeOfNumber ? ((TypeOfNumber) v).name()
                    : v instanceof NumberingPlan ? ((NumberingPlan) v).name() : v.toString());
        }
        return String.join(", ", out);
    }

    private static void className(ConfigNode root, String key, String vumi2Default, String ujumbeDoesIt) {
        String v = root.string(key, vumi2Default);
        if (!v.equals(vumi2Default)) {
            root.problem(key + " '" + v + "' is not supported: ujumbe runs only vumi2's default (" + vumi2Default
                    + "); " + ujumbeDoesIt);
        }
    }

    private static void attempt(List<String> problems, String key, Runnable r) {
        try {
            r.run();
        } catch (IllegalArgumentException e) {
            problems.add(key + ": " + e.getMessage());
        }
    }

    /** Reads and checks a vumi2 configuration file; throws {@link ConfigException} listing every problem. */
    static Vumi2Config load(Path file, Map<String, String> env) {
        JsonNode tree = RunConfig.readTree(file);
        List<String> problems = new ArrayList<>();
        Vumi2Config c = new Vumi2Config(ConfigNode.root(tree, problems, env), problems);
        if (problems.isEmpty()) {
            try {
                c.client.build();
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return c;
    }

    /** The transport's settings. */
    Vumi2TransportConfig transport() { return transport; }
    /** The SMPP client's settings (the transport adds its outbox and listener). */
    ClientConfig.Builder client() { return client; }
    /** The health endpoint's host, or null without http_bind. */
    String httpHost() { return httpHost; }
    /** The health endpoint's port: -1 without http_bind. */
    int httpPort() { return httpPort; }
    /** vumi2's log_level as a logback level name. */
    Logging.Level logLevel() {
        switch (logLevel) {
            case "WARNING":
                return Logging.Level.WARN;
            case "CRITICAL":
                return Logging.Level.ERROR;
            default:
                return Logging.Level.valueOf(logLevel);
        }
    }
    /** How long SIGTERM waits for in-flight messages. */
    Duration drainTimeout() { return drainTimeout; }
    /** The account's rate (0 unlimited). */
    double ratePerSecond() { return ratePerSecond; }
    /** The {@code ujumbe.redis} section, or null. */
    RedisSettings redis() { return redis; }
    String smsc() { return smsc; }
    String systemId() { return systemId; }

    @Override
    public String toString() {
        return "Vumi2Config{" + transport + ", smsc=" + smsc + ", system_id=" + systemId + ", password=***"
                + (redis != null ? ", " + redis : "") + '}';
    }
}
