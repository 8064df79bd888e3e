package io.ujumbe.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.ujumbe.pdu.BindType;
import io.ujumbe.pdu.CommandStatus;
import io.ujumbe.pdu.MessageState;
import io.ujumbe.session.TlsConfig;
import io.ujumbe.smsc.FaultConfig;
import io.ujumbe.smsc.MessageIdFormat;
import io.ujumbe.smsc.ReceiptRule;
import io.ujumbe.smsc.SmscAccount;
import io.ujumbe.smsc.SmscConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the simulator's settings ({@code ujumbe smsc --config FILE}, JSON or YAML) into an
 * {@link SmscConfig} builder, reporting every problem with its key, unknown keys included.
 * Passwords may be written {@code ${ENV_VAR}}.
 */
final class SmscConfigFile {
    private static final Map<String, MessageIdFormat> ID_FORMATS = new LinkedHashMap<>();

    static {
        ID_FORMATS.put("hex", MessageIdFormat.HEX);
        ID_FORMATS.put("decimal", MessageIdFormat.DECIMAL);
        ID_FORMATS.put("uuid", MessageIdFormat.UUID);
    }

    private SmscConfigFile() {
    }

    /** The builder for {@code file}; throws {@link ConfigException} listing every problem. */
    static SmscConfig.Builder load(Path file, Map<String, String> env) {
        JsonNode tree = RunConfig.readTree(file);
        List<String> problems = new ArrayList<>();
        ConfigNode root = ConfigNode.root(tree, problems, env);
        SmscConfig.Builder b = SmscConfig.builder();
        apply(problems, () -> b.host(root.string("host", "127.0.0.1")));
        int port = root.integer("port", 2775, 0, 65535);
        apply(problems, () -> b.port(port));
        int httpPort = root.integer("httpPort", -1, -1, 65535);
        apply(problems, () -> b.httpPort(httpPort));
        int ioThreads = root.integer("ioThreads", 1, 1, 64);
        apply(problems, () -> b.ioThreads(ioThreads));

        ConfigNode tls = root.object("tls");
        int tlsPort = tls.integer("port", -1, -1, 65535);
        Optional<String> chain = tls.string("certificateChain");
        Optional<String> key = tls.string("privateKey");
        tls.rejectUnknownKeys();
        if (tlsPort >= 0) {
            if (chain.isEmpty() || key.isEmpty()) {
                problems.add("tls.certificateChain and tls.privateKey are required when tls.port is set");
            } else {
                apply(problems, Map.of("certificateChainPem", tls.key("certificateChain"), "privateKeyPem",
                        tls.key("privateKey"), "tlsPort", tls.key("port")),
                        () -> b.tls(tlsPort, TlsConfig.server(Path.of(chain.get()), Path.of(key.get()))));
            }
        }

        for (ConfigNode a : root.objects("accounts")) {
            String systemId = a.requiredString("systemId");
            String password = a.string("password", "");
            List<BindType> types = a.list("bindTypes", "trx, tx or rx",
                    s -> Choices.BIND.get(s.trim().toLowerCase(Locale.ROOT)));
            a.rejectUnknownKeys();
            EnumSet<BindType> allowed = types.isEmpty() ? EnumSet.allOf(BindType.class) : EnumSet.copyOf(types);
            apply(problems, Map.of("account.systemId", a.key("systemId"), "account.password", a.key("password"),
                    "account.allowedBindTypes", a.key("bindTypes"), "accounts", a.key("systemId")),
                    () -> b.account(new SmscAccount(systemId, password, allowed)));
        }

        MessageIdFormat ids = root.choice("messageIds", MessageIdFormat.HEX, ID_FORMATS);
        b.messageIds(ids);
        MessageIdFormat receiptIds = root.choice("receiptIdFormat", null, ID_FORMATS);
        b.receiptIdFormat(receiptIds);
        Duration delay = root.duration("receiptDelay", Duration.ofSeconds(1), Duration.ZERO);
        apply(problems, () -> b.receiptDelay(delay));

        ConfigNode outcomes = root.object("receiptOutcomes");
        if (root.has("receiptOutcomes")) {
            Map<MessageState, Double> weights = new LinkedHashMap<>();
            for (String name : fieldNames(tree.get("receiptOutcomes"))) {
                MessageState state = state(name);
                double w = outcomes.number(name, 0, 0, Double.MAX_VALUE);
                if (state == null) {
                    problems.add(outcomes.key(name) + " is not a message state (use DELIVRD, UNDELIV, EXPIRED, REJECTD …)");
                } else {
                    weights.put(state, w);
                }
            }
            apply(problems, () -> b.receiptOutcomes(weights));
        }

        for (ConfigNode r : root.objects("receiptRules")) {
            Optional<String> prefix = r.string("prefix");
            Optional<String> regex = r.string("regex");
            String stateName = r.requiredString("state");
            int errorCode = r.integer("errorCode", -1, -1, 999);
            r.rejectUnknownKeys();
            MessageState state = stateName.isEmpty() ? null : state(stateName);
            if (!stateName.isEmpty() && state == null) {
                problems.add(r.key("state") + " is not a message state (use DELIVRD, UNDELIV, EXPIRED, REJECTD …), was '"
                        + stateName + "'");
            }
            if (prefix.isPresent() == regex.isPresent()) {
                problems.add(r.key("prefix") + " or " + r.key("regex") + ": exactly one is required");
            } else if (state != null) {
                apply(problems, Map.of("receiptRule.state", r.key("state"), "receiptRule.errorCode", r.key("errorCode"),
                        "receiptRule.regex", r.key("regex"), "receiptRule.prefix", r.key("prefix")), () -> {
                    ReceiptRule rule = prefix.isPresent() ? ReceiptRule.forPrefix(prefix.get(), state)
                            : ReceiptRule.forRegex(regex.get(), state);
                    b.receiptRule(errorCode >= 0 ? rule.withErrorCode(errorCode) : rule);
                });
            }
        }
        b.intermediateReceipts(root.bool("intermediateReceipts", false));
        b.randomSeed(root.longValue("randomSeed", 42));
        int recordLimit = root.integer("recordLimit", 100_000, 0, 10_000_000);
        apply(problems, () -> b.recordLimit(recordLimit));
        int moStoreLimit = root.integer("moStoreLimit", 10_000, 0, 10_000_000);
        apply(problems, () -> b.moStoreLimit(moStoreLimit));
        Duration moStoreTtl = root.duration("moStoreTtl", Duration.ofMinutes(10), Duration.ofMillis(1));
        apply(problems, () -> b.moStoreTtl(moStoreTtl));

        ConfigNode f = root.object("faults");
        FaultConfig.Builder fb = FaultConfig.builder();
        double maxRate = f.number("maxRatePerSession", 0, 0, 1_000_000);
        double errorShare = f.number("errorShare", 0, 0, 1);
        String errorStatus = f.string("errorStatus", "ESME_RSYSERR");
        Duration latencyMin = f.duration("latencyMin", Duration.ZERO, Duration.ZERO);
        Duration latencyMax = f.duration("latencyMax", latencyMin, Duration.ZERO);
        double dropShare = f.number("dropShare", 0, 0, 1);
        double disconnectShare = f.number("disconnectShare", 0, 0, 1);
        Duration unbindAfter = f.duration("unbindAfter", null, Duration.ofMillis(1));
        int congestionState = f.integer("congestionState", -1, -1, 100);
        f.rejectUnknownKeys();
        apply(problems, () -> fb.maxRatePerSession(maxRate).errorShare(errorShare).latency(latencyMin, latencyMax)
                .dropShare(dropShare).disconnectShare(disconnectShare).unbindAfter(unbindAfter)
                .congestionState(congestionState));
        Optional<CommandStatus> status = CommandStatus.ofName(errorStatus.trim().toUpperCase(Locale.ROOT));
        if (status.isEmpty()) {
            problems.add(f.key("errorStatus") + " must be an SMPP status name such as ESME_RSYSERR, was '" + errorStatus + "'");
        } else {
            apply(problems, () -> fb.errorStatus(status.get()));
        }
        apply(problems, () -> b.faults(fb.build()));

        root.rejectUnknownKeys();
        if (problems.isEmpty()) {
            apply(problems, b::build);
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return b;
    }

    /** A state by its receipt name (DELIVRD) or its full name (DELIVERED), or null. */
    private static MessageState state(String name) {
        String n = name.trim().toUpperCase(Locale.ROOT);
        return MessageState.ofReceiptName(n).orElseGet(() -> {
            try {
                return MessageState.valueOf(n);
            } catch (IllegalArgumentException e) {
                return null;
            }
        });
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        if (node != null && node.isObject()) {
            node.fieldNames().forEachRemaining(names::add);
        }
        return names;
    }

    /** Runs a builder call, turning its validation error into a problem (its message names the setting). */
    private static void apply(List<String> problems, Runnable call) {
        apply(problems, Map.of(), call);
    }

    /** Like {@link #apply(List, Runnable)}, the builder's setting names in {@code keys} written as this file's keys. */
    private static void apply(List<String> problems, Map<String, String> keys, Runnable call) {
        try {
            call.run();
        } catch (IllegalArgumentException | NullPointerException e) {
            problems.add(ConfigNode.withKeys(e.getMessage(), keys));
        }
    }
}
