package io.ujumbe.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.ujumbe.client.ClientConfig;
import io.ujumbe.client.OutbindListener;
import io.ujumbe.client.PercentageThrottleHandler;
import io.ujumbe.pdu.Address;
import io.ujumbe.pdu.BindType;
import io.ujumbe.pdu.RegisteredDelivery;
import io.ujumbe.receipt.DeliveryReceiptParser;
import io.ujumbe.receipt.ReceiptOutcome;
import io.ujumbe.session.TlsConfig;
import io.ujumbe.text.MultipartMode;
import io.ujumbe.text.NationalLanguage;
import io.ujumbe.text.SmsCharset;
import io.ujumbe.text.SmsCharsetRegistry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The settings of {@code ujumbe run}, read from a JSON or YAML file and checked as a whole: every
 * problem is reported with its key, unknown keys included. The password may be written
 * {@code ${UJUMBE_PASSWORD}} (any environment variable) or left out to be taken from
 * {@code UJUMBE_PASSWORD}. An optional {@code redis} section ({@link RedisSettings}) shares the
 * outbox, correlation, rate limit and sequence numbers with other processes. {@link #toString()}
 * never shows the password, nor the Redis URI's.
 */
public final class RunConfig {
    /** The environment variable the password is taken from when the file has none. */
    public static final String PASSWORD_ENV = "UJUMBE_PASSWORD";
    /** The client builder's setting names, as this file's keys, for its validation messages. */
    private static final Map<String, String> CLIENT_KEYS = Map.ofEntries(
            Map.entry("host", "smsc.host"), Map.entry("port", "smsc.port"), Map.entry("systemId", "smsc.systemId"),
            Map.entry("password", "smsc.password"), Map.entry("systemType", "smsc.systemType"),
            Map.entry("bindType", "smsc.bind"), Map.entry("binds", "smsc.binds"),
            Map.entry("maxBindRejections", "smsc.maxBindRejections"), Map.entry("windowSize", "smsc.windowSize"),
            Map.entry("responseTimeout", "smsc.responseTimeout"),
            Map.entry("enquireLinkInterval", "smsc.enquireLinkInterval"), Map.entry("defaultSource", "client.from"),
            Map.entry("ratePerSecond", "client.ratePerSecond"), Map.entry("multipartMode", "client.multipart"),
            Map.entry("trustedCertificatesPem", "smsc.tls.trustCertificates"), Map.entry("burst", "client.burst"),
            Map.entry("samplingPeriod", "client.throttle.samplingPeriod"),
            Map.entry("sampleSize", "client.throttle.sampleSize"),
            Map.entry("denyRequestAt", "client.throttle.denyRequestAt"),
            Map.entry("throttleWait", "client.throttle.wait"), Map.entry("maxThrottleWait", "client.throttle.maxWait"),
            Map.entry("pauseOnThrottle", "client.pauseOnThrottle"));

    private final String clientId;
    private final String host;
    private final int port;
    private final String systemId;
    private final String password;
    private final String systemType;
    private final BindType bindType;
    private final int binds;
    private final int maxBindRejections;
    private final int windowSize;
    private final Duration responseTimeout;
    private final Duration enquireLinkInterval;
    private final TlsConfig tls;
    private final String defaultSource;
    private final boolean receipts;
    private final double ratePerSecond;
    private final long burst;
    private final Duration throttleSamplingPeriod;
    private final int throttleSampleSize;
    private final double throttleDenyRequestAt;
    private final Duration throttleWait;
    private final Duration throttleMaxWait;
    private final Duration pauseOnThrottle;
    private final MultipartMode multipartMode;
    private final Set<NationalLanguage> nationalLanguages;
    private final int outboxCapacity;
    private final Map<String, String> logMetadata;
    private final String outboxPath;
    private final String httpHost;
    private final int httpPort;
    private final Duration drainTimeout;
    private final OutboxType outboxType;
    private final RedisSettings redis;
    private final Pattern receiptRegex;
    private final Map<String, ReceiptOutcome> receiptStatusMapping;
    private final Map<Integer, SmsCharset> dataCodingOverrides;
    private final int outbindPort;
    private final String outbindHost;

    /** Where the messages come from. */
    enum OutboxType {
        /** A JSON-lines file or stdin, read by this process into its outbox (in memory, or Redis's). */
        JSONL,
        /** The Redis outbox only: anyone enqueues with XADD; this process has no local source. */
        REDIS
    }

    private RunConfig(ConfigNode root, Map<String, String> env) {
        ConfigNode smsc = root.object("smsc");
        host = smsc.requiredString("host");
        port = smsc.integer("port", 2775, 1, 65535);
        systemId = smsc.requiredString("systemId");
        String pw = smsc.string("password").orElse(env.get(PASSWORD_ENV));
        if (pw == null) {
            smsc.problem(smsc.key("password") + " is required (write it, \"${" + PASSWORD_ENV + "}\", or set "
                    + PASSWORD_ENV + ")");
            pw = "";
        }
        password = pw;
        systemType = smsc.string("systemType", "");
        bindType = smsc.choice("bind", BindType.TRANSCEIVER, Choices.BIND);
        binds = smsc.integer("binds", 1, 1, 64);
        maxBindRejections = smsc.integer("maxBindRejections", 0, 0, 1_000_000);
        windowSize = smsc.integer("windowSize", 100, 1, 10_000);
        responseTimeout = smsc.duration("responseTimeout", Duration.ofSeconds(10), Duration.ofMillis(1));
        enquireLinkInterval = smsc.duration("enquireLinkInterval", Duration.ofSeconds(30), Duration.ofSeconds(1));
        tls = tls(smsc.object("tls"));
        ConfigNode outbind = smsc.object("outbind");
        outbindPort = outbind.integer("port", -1, 0, 65535);
        outbindHost = outbind.string("host", "0.0.0.0");
        if (outbind.has("host") && outbindPort < 0) {
            outbind.problem(outbind.key("port") + " is required with " + outbind.key("host"));
        }
        outbind.rejectUnknownKeys();
        smsc.rejectUnknownKeys();

        ConfigNode client = root.object("client");
        // The metric tag and log key: stable across restarts unless the file says otherwise.
        clientId = client.string("id").orElse(systemId + "@" + host + ":" + port);
        if (clientId.isBlank()) {
            client.problem(client.key("id") + " must not be blank");
        }
        defaultSource = client.string("from", "ujumbe");
        receipts = client.bool("receipts", true);
        ratePerSecond = client.number("ratePerSecond", 0, 0, 1_000_000);
        burst = client.integer("burst", 1, 1, 1_000_000);
        if (client.has("burst") && ratePerSecond == 0) {
            client.problem(client.key("burst") + " needs client.ratePerSecond (without a rate nothing is limited)");
        }
        ConfigNode throttle = client.object("throttle");
        throttleSamplingPeriod = throttle.duration("samplingPeriod", Duration.ofSeconds(180), Duration.ofMillis(1));
        throttleSampleSize = throttle.integer("sampleSize", 50, 1, 1_000_000_000);
        throttleDenyRequestAt = throttle.number("denyRequestAt", 1, 0, 100);
        throttleWait = throttle.duration("wait", Duration.ofSeconds(1), Duration.ofMillis(1));
        throttleMaxWait = throttle.duration("maxWait", Duration.ofSeconds(30), Duration.ofMillis(1));
        for (String k : new String[] {"wait", "maxWait"}) {
            Duration d = k.equals("wait") ? throttleWait : throttleMaxWait;
            if (d.compareTo(Duration.ofHours(1)) > 0) {
                throttle.problem(throttle.key(k) + " must be at most 1h, was " + ConfigNode.format(d));
            }
        }
        if (throttleSamplingPeriod.compareTo(Duration.ofDays(365)) > 0) {
            throttle.problem(throttle.key("samplingPeriod") + " must be at most 365d");
        }
        throttle.rejectUnknownKeys();
        pauseOnThrottle = client.duration("pauseOnThrottle", Duration.ZERO, Duration.ZERO);
        if (pauseOnThrottle.compareTo(Duration.ofHours(1)) > 0) {
            client.problem(client.key("pauseOnThrottle") + " must be at most 1h, was " + ConfigNode.format(pauseOnThrottle));
        }
        multipartMode = client.choice("multipart", MultipartMode.UDH_8BIT, Choices.MULTIPART);
        List<NationalLanguage> langs = client.list("nationalLanguages", "national language names such as turkish",
                Choices::language);
        nationalLanguages = langs.isEmpty() ? Set.of() : EnumSet.copyOf(langs);
        outboxCapacity = client.integer("outboxCapacity", 10_000, 1, 10_000_000);
        Pattern regex = null;
        String regexText = client.string("receiptRegex", "");
        if (!regexText.isEmpty()) {
            try {
                regex = DeliveryReceiptParser.compileRegex(regexText);
                if (!regexText.contains("<id>")) {
                    client.problem(client.key("receiptRegex") + " needs a named group id: (?<id>…) or (?P<id>…)");
                }
            } catch (IllegalArgumentException e) {
                client.problem(client.key("receiptRegex") + ": " + e.getMessage());
            }
        }
        receiptRegex = regex;
        receiptStatusMapping = new LinkedHashMap<>();
        client.stringMap("receiptStatusMapping").forEach((stat, meaning) -> {
            try {
                receiptStatusMapping.put(stat, ReceiptOutcome.valueOf(meaning.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                client.problem(client.key("receiptStatusMapping") + "." + stat
                        + " must be delivered, failed or pending, was '" + meaning + "'");
            }
        });
        dataCodingOverrides = new LinkedHashMap<>();
        client.stringMap("dataCodingOverrides").forEach((dc, name) -> {
            int value;
            try {
                value = dc.startsWith("0x") || dc.startsWith("0X") ? Integer.parseInt(dc.substring(2), 16) : Integer.parseInt(dc);
            } catch (NumberFormatException e) {
                value = -1;
            }
            if (value < 0 || value > 255) {
                client.problem(client.key("dataCodingOverrides") + "." + dc + ": the key must be a data_coding 0..255 (or 0x00..0xFF)");
                return;
            }
            Optional<SmsCharset> charset = SmsCharsetRegistry.charsetNamed(name);
            if (charset.isEmpty()) {
                client.problem(client.key("dataCodingOverrides") + "." + dc + " names no charset this Java has: '" + name
                        + "' (gsm, ucs2, or a JDK charset such as latin1, utf-8, shift_jis)");
                return;
            }
            dataCodingOverrides.put(value, charset.get());
        });
        client.rejectUnknownKeys();

        logMetadata = root.stringMap("logMetadata");
        for (String reserved : List.of("client", "smsc", "systemId", "session")) {
            if (logMetadata.containsKey(reserved)) {
                root.problem("logMetadata." + reserved + " is reserved: client, smsc, systemId and session are set by"
                        + " the client (use client.id to name it)");
            }
        }

        ConfigNode redisNode = root.object("redis");
        redis = root.has("redis") ? new RedisSettings(redisNode, ratePerSecond) : null;

        ConfigNode outbox = root.object("outbox");
        String type = outbox.string("type", "jsonl");
        if (type.equals("redis")) {
            outboxType = OutboxType.REDIS;
            if (redis == null) {
                outbox.problem(outbox.key("type") + " redis needs a redis section (at least redis.uri)");
            }
            if (outbox.has("path")) {
                outbox.problem(outbox.key("path") + " applies only to outbox.type jsonl (type redis reads the Redis stream)");
            }
            outbox.string("path");
            outboxPath = null;
        } else {
            outboxType = OutboxType.JSONL;
            if (!type.equals("jsonl")) {
                outbox.problem(outbox.key("type") + " must be jsonl or redis, was '" + type + "'");
            }
            outboxPath = outbox.requiredString("path");
        }
        outbox.rejectUnknownKeys();

        ConfigNode http = root.object("http");
        httpHost = http.string("host", "127.0.0.1");
        httpPort = http.integer("port", -1, -1, 65535);
        http.rejectUnknownKeys();

        drainTimeout = root.duration("drainTimeout", Duration.ofSeconds(30), Duration.ZERO);
        root.rejectUnknownKeys();
    }

    /** A {@code tls} section ({@code enabled}, {@code trustCertificates}, {@code insecureTrustAll}); null when off. */
    static TlsConfig tls(ConfigNode tlsNode) {
        boolean tlsOn = tlsNode.bool("enabled", false);
        String trust = tlsNode.string("trustCertificates", "");
        boolean trustAll = tlsNode.bool("insecureTrustAll", false);
        tlsNode.rejectUnknownKeys();
        if (!tlsOn) {
            return null;
        } else if (trustAll) {
            return TlsConfig.clientInsecureTrustAll();
        } else if (!trust.isEmpty()) {
            if (!Files.isReadable(Path.of(trust))) {
                tlsNode.problem(tlsNode.key("trustCertificates") + " must be a readable PEM file, was '" + trust + "'");
                return null;
            }
            return TlsConfig.clientTrusting(Path.of(trust));
        }
        return TlsConfig.client();
    }

    /** Reads and checks {@code file} (.json, .yaml or .yml); throws {@link ConfigException} listing every problem. */
    public static RunConfig load(Path file, Map<String, String> env) {
        JsonNode tree = readTree(file);
        List<String> problems = new ArrayList<>();
        RunConfig config = new RunConfig(ConfigNode.root(tree, problems, env), env);
        if (problems.isEmpty()) {
            try {
                config.clientBuilder().build();
            } catch (IllegalArgumentException e) {
                problems.add(ConfigNode.withKeys(e.getMessage(), CLIENT_KEYS));
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return config;
    }

    /** Parses a JSON or YAML file (by its extension; JSON is valid YAML, so anything else is read as YAML). */
    static JsonNode readTree(Path file) {
        if (!Files.isReadable(file)) {
            throw new ConfigException("configuration file " + file + " cannot be read");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        ObjectMapper mapper = (name.endsWith(".json") ? new ObjectMapper() : new ObjectMapper(new YAMLFactory()))
                // A key written twice would otherwise silently keep the last value.
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        try {
            return mapper.readTree(file.toFile());
        } catch (JacksonException e) {
            String duplicate = ConfigNode.duplicateKey(e);
            if (duplicate != null) {
                throw new ConfigException(duplicate + " appears twice in configuration file " + file
                        + (e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ")" : "")
                        + "; keep one");
            }
            throw new ConfigException("configuration file " + file + " is not valid "
                    + (name.endsWith(".json") ? "JSON" : "YAML") + ": " + e.getOriginalMessage()
                    + (e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ")" : ""));
        } catch (IOException e) {
            throw new ConfigException("configuration file " + file + " cannot be read: " + e.getMessage());
        }
    }

    /** A client builder with every setting of this file; the caller adds listeners, outbox and metrics. */
    public ClientConfig.Builder clientBuilder() {
        ClientConfig.Builder b = ClientConfig.builder().clientId(clientId)
                .host(host).port(port).systemId(systemId).password(password).systemType(systemType)
                .bindType(bindType).binds(binds).maxBindRejections(maxBindRejections).windowSize(windowSize)
                .responseTimeout(responseTimeout).enquireLinkInterval(enquireLinkInterval)
                .defaultSource(defaultSource.chars().allMatch(Character::isDigit)
                        ? Address.international(defaultSource) : Address.alphanumeric(defaultSource))
                .defaultRegisteredDelivery(receipts ? RegisteredDelivery.RECEIPT : RegisteredDelivery.NONE)
                .multipartMode(multipartMode)
                .nationalLanguages(nationalLanguages);
        // With a shared (Redis) rate limit the caller sets the limiter instead.
        if (ratePerSecond > 0 && (redis == null || !redis.rateLimit)) {
            b.ratePerSecond(ratePerSecond, burst);
        }
        b.throttleHandler(PercentageThrottleHandler.builder().samplingPeriod(throttleSamplingPeriod)
                .sampleSize(throttleSampleSize).denyRequestAt(throttleDenyRequestAt)
                .throttleWait(throttleWait).maxThrottleWait(throttleMaxWait).build());
        b.pauseOnThrottle(pauseOnThrottle);
        if (tls != null) {
            b.tls(tls);
        }
        logMetadata.forEach(b::putLogMetadata);
        if (receiptRegex != null) {
            b.receiptRegex(receiptRegex);
        }
        if (!receiptStatusMapping.isEmpty()) {
            b.receiptStatusMapping(receiptStatusMapping);
        }
        dataCodingOverrides.forEach(b::dataCodingOverride);
        if (outbindPort >= 0) {
            b.outbind(OutbindListener.builder().host(outbindHost).port(outbindPort).build());
        }
        return b;
    }

    /** {@code client.id}: the {@code client} metric tag and log key; default {@code systemId@host:port}. */
    public String clientId() { return clientId; }
    public String host() { return host; }
    public int port() { return port; }
    public String systemId() { return systemId; }
    public BindType bindType() { return bindType; }
    public int binds() { return binds; }
    public int outboxCapacity() { return outboxCapacity; }
    public Map<String, String> logMetadata() { return logMetadata; }
    /** The JSON-lines file the messages come from, "-" for standard input, or null for {@link OutboxType#REDIS}. */
    public String outboxPath() { return outboxPath; }
    OutboxType outboxType() { return outboxType; }
    /** The {@code redis} section, or null when there is none (everything in memory). */
    RedisSettings redis() { return redis; }
    /** The account's submit_sm per second; 0 = unlimited. */
    public double ratePerSecond() { return ratePerSecond; }
    /** How many submit_sm may go back to back after a quiet spell (the local rate limiter's burst). */
    public long burst() { return burst; }
    /** How long sending pauses on ESME_RTHROTTLED, throttled messages first; zero: off. */
    public Duration pauseOnThrottle() { return pauseOnThrottle; }
    public String httpHost() { return httpHost; }
    /** The port of the health and metrics endpoint: -1 off, 0 any free port. */
    public int httpPort() { return httpPort; }
    /** How long a shutdown waits for queued and in-flight messages before unbinding. */
    public Duration drainTimeout() { return drainTimeout; }

    @Override
    public String toString() {
        return "RunConfig{smsc=" + host + ":" + port + ", systemId=" + systemId + ", password=***, bind=" + bindType
                + " x" + binds + ", outbox=" + (outboxPath != null ? outboxPath : "redis") + ", httpPort=" + httpPort
                + (redis != null ? ", " + redis : "") + '}';
    }
}
