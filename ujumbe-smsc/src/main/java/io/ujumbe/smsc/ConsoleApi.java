package io.ujumbe.smsc;

import com.fasterxml.jackson.databind.JsonNode;
import io.ujumbe.http.EventStream;
import io.ujumbe.http.HttpException;
import io.ujumbe.http.HttpHandler;
import io.ujumbe.http.HttpRequest;
import io.ujumbe.http.HttpResponse;
import io.ujumbe.http.Router;
import io.ujumbe.http.StaticResources;
import io.ujumbe.pdu.CommandStatus;
import io.ujumbe.pdu.MessageState;
import io.ujumbe.pdu.PduRequest;
import io.ujumbe.pdu.SubmitSm;
import io.ujumbe.session.SmppSession;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The simulator's web console and the JSON API behind it (documented in the README, used by the
 * browser tests): live sessions and rates pushed once a second as server-sent events, the latest
 * messages with their parts, MO injection, fault and receipt-outcome settings changed at run time,
 * and unbinding or dropping a session.
 */
final class ConsoleApi implements AutoCloseable {
    /** Points of history kept for the charts: two minutes at one a second. */
    static final int HISTORY = 120;
    private static final int MESSAGE_SCAN = 20_000;

    private final SmscSimulator smsc;
    private final ScheduledExecutorService ticker;
    private final Set<EventStream> streams = ConcurrentHashMap.newKeySet();
    private final Deque<Map<String, Object>> history = new ArrayDeque<>();
    private long lastSubmits;
    private long lastReceipts;
    private long lastThrottled;
    private long lastErrors;
    private volatile Map<String, Object> latest = Map.of();

    ConsoleApi(SmscSimulator smsc) {
        this.smsc = smsc;
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ujumbe-smsc-console");
            t.setDaemon(true);
            return t;
        });
        SmscStats s = smsc.stats();
        lastSubmits = s.submits();
        lastReceipts = s.receiptsSent();
        lastThrottled = s.fault(Counters.THROTTLED);
        lastErrors = s.fault(Counters.ERROR);
        tick();
        ticker.scheduleAtFixedRate(this::tickSafely, 1, 1, TimeUnit.SECONDS);
    }

    void routes(Router.Builder router) {
        StaticResources assets = StaticResources.of(ConsoleApi.class, "io/ujumbe/smsc/console", "index.html");
        // The look both consoles share (the gateway's too) lives in ujumbe-http.
        StaticResources common = StaticResources.of(StaticResources.class, "io/ujumbe/http/console", "console.css");
        router.get("/", assets)
                .get("/console/common/*", common)
                .get("/console/*", assets)
                .get("/api/snapshot", HttpHandler.sync(r -> HttpResponse.json(200, latest)))
                .get("/api/events", HttpHandler.sync(r -> HttpResponse.eventStream(this::open)))
                .get("/api/sessions", HttpHandler.sync(r -> HttpResponse.json(200, Map.of("sessions", sessions()))))
                .post("/api/sessions/{id}/unbind", HttpHandler.sync(r -> unbind(r.pathParameter("id"))))
                .post("/api/sessions/{id}/disconnect", HttpHandler.sync(r -> disconnect(r.pathParameter("id"))))
                .get("/api/messages", HttpHandler.sync(this::messages))
                .get("/api/messages/{id}", HttpHandler.sync(r -> message(r.pathParameter("id"))))
                .post("/api/mo", r -> HttpApi.mo(smsc, r))
                .get("/api/faults", HttpHandler.sync(r -> HttpResponse.json(200, faultsJson(smsc.faults()))))
                .put("/api/faults", HttpHandler.sync(this::changeFaults))
                .get("/api/outcomes", HttpHandler.sync(r -> HttpResponse.json(200, outcomesJson())))
                .put("/api/outcomes", HttpHandler.sync(this::changeOutcomes));
    }

    private void open(EventStream stream) {
        streams.add(stream);
        stream.onClose(() -> streams.remove(stream));
        stream.send("snapshot", new String(io.ujumbe.http.HttpResponse.json(200, latest).body(),
                java.nio.charset.StandardCharsets.UTF_8));
    }

    private void tickSafely() {
        try {
            tick();
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(ConsoleApi.class).warn("console update failed: {}", e.toString());
        }
    }

    /** Once a second: rates since the last tick, the history for the charts, and a push to every page. */
    private synchronized void tick() {
        SmscStats s = smsc.stats();
        long throttled = s.fault(Counters.THROTTLED);
        long errors = s.fault(Counters.ERROR);
        Map<String, Object> point = new LinkedHashMap<>();
        point.put("t", Instant.now().toEpochMilli());
        point.put("submits", s.submits() - lastSubmits);
        point.put("receipts", s.receiptsSent() - lastReceipts);
        point.put("throttled", throttled - lastThrottled);
        point.put("errors", errors - lastErrors);
        lastSubmits = s.submits();
        lastReceipts = s.receiptsSent();
        lastThrottled = throttled;
        lastErrors = errors;
        history.addLast(point);
        while (history.size() > HISTORY) {
            history.removeFirst();
        }
        Map<String, Object> totals = new LinkedHashMap<>(HttpApi.statsJson(s));
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("time", Instant.now().toString());
        snapshot.put("totals", totals);
        snapshot.put("rates", point);
        snapshot.put("history", List.copyOf(history));
        snapshot.put("sessions", sessions());
        latest = snapshot;
        if (!streams.isEmpty()) {
            String json = new String(HttpResponse.json(200, snapshot).body(), java.nio.charset.StandardCharsets.UTF_8);
            for (Iterator<EventStream> it = streams.iterator(); it.hasNext(); ) {
                EventStream stream = it.next();
                if (!stream.isOpen()) {
                    it.remove();
                } else {
                    stream.send("snapshot", json);
                }
            }
        }
    }

    private List<Map<String, Object>> sessions() {
        Map<String, Instant> since = smsc.record().boundSince();
        Instant tenSecondsAgo = Instant.now().minusSeconds(10);
        Map<String, Integer> recent = new java.util.HashMap<>();
        for (ReceivedSubmit r : smsc.record().latestSubmits(MESSAGE_SCAN, MESSAGE_SCAN, r -> true)) {
            if (r.receivedAt().isBefore(tenSecondsAgo)) {
                break;
            }
            recent.merge(r.sessionId(), 1, Integer::sum);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (SmppSession s : smsc.sessions()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", s.id());
            m.put("systemId", s.systemId());
            m.put("state", s.state().name());
            m.put("bindType", bindType(s.state().name()));
            m.put("remoteAddress", String.valueOf(s.remoteAddress()).replaceFirst("^/", ""));
            Instant at = since.get(s.id());
            m.put("since", at == null ? null : at.toString());
            m.put("windowInUse", s.pendingRequests());
            m.put("submitRate", recent.getOrDefault(s.id(), 0) / 10.0);
            out.add(m);
        }
        out.sort((a, b) -> String.valueOf(a.get("id")).compareTo(String.valueOf(b.get("id"))));
        return out;
    }

    private static String bindType(String state) {
        return switch (state) {
            case "BOUND_TX" -> "transmitter";
            case "BOUND_RX" -> "receiver";
            case "BOUND_TRX" -> "transceiver";
            default -> "-";
        };
    }

    private HttpResponse unbind(String id) {
        SmppSession s = smsc.session(id).orElseThrow(() -> HttpException.notFound("no session " + id));
        s.unbind();
        return HttpResponse.json(202, Map.of("session", id, "action", "unbind"));
    }

    private HttpResponse disconnect(String id) {
        SmppSession s = smsc.session(id).orElseThrow(() -> HttpException.notFound("no session " + id));
        s.close("disconnected from the console");
        return HttpResponse.json(202, Map.of("session", id, "action", "disconnect"));
    }

    private HttpResponse messages(HttpRequest r) {
        String to = r.query("to").filter(v -> !v.isBlank()).orElse(null);
        String systemId = r.query("systemId").filter(v -> !v.isBlank()).orElse(null);
        MessageState state = r.query("state").filter(v -> !v.isBlank()).map(ConsoleApi::state).orElse(null);
        int limit = r.query("limit").map(v -> integer("limit", v, 1, 500)).orElse(50);
        List<Map<String, Object>> out = new ArrayList<>();
        for (ReceivedSubmit s : smsc.record().latestSubmits(limit, MESSAGE_SCAN, s -> (to == null || s.destination().contains(to))
                && (systemId == null || s.systemId().equals(systemId)))) {
            SimulatedMessage m = smsc.record().message(s.messageId()).orElse(null);
            if (state != null && (m == null || m.state() != state)) {
                continue;
            }
            out.add(summary(s, m));
        }
        return HttpResponse.json(200, Map.of("messages", out));
    }

    private static Map<String, Object> summary(ReceivedSubmit s, SimulatedMessage m) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("messageId", s.messageId());
        j.put("systemId", s.systemId());
        j.put("session", s.sessionId());
        j.put("from", s.source());
        j.put("to", s.destination());
        j.put("text", s.text());
        j.put("dataCoding", s.dataCoding());
        j.put("part", s.partNumber());
        j.put("parts", s.totalParts());
        j.put("reference", s.reference());
        j.put("receivedAt", s.receivedAt().toString());
        j.put("state", m == null ? "UNKNOWN" : m.state().name());
        j.put("finalAt", m == null ? null : m.finalDate().map(Instant::toString).orElse(null));
        j.put("errorCode", m == null ? 0 : m.errorCode());
        return j;
    }

    private HttpResponse message(String id) {
        List<ReceivedSubmit> found = smsc.record().latestSubmits(1, MESSAGE_SCAN * 5, s -> s.messageId().equals(id));
        if (found.isEmpty()) {
            throw HttpException.notFound("no message " + id + " among the latest submissions");
        }
        ReceivedSubmit s = found.get(0);
        Map<String, Object> j = summary(s, smsc.record().message(id).orElse(null));
        PduRequest pdu = s.pdu();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("command", pdu.commandId().smppName());
        fields.put("sequenceNumber", pdu.sequenceNumber());
        if (pdu instanceof SubmitSm sm) {
            byte[] octets = sm.shortMessage();
            fields.put("serviceType", sm.serviceType());
            fields.put("source", sm.sourceAddress().toString());
            fields.put("destination", sm.destinationAddress().toString());
            fields.put("esmClass", sm.esmClass().value());
            fields.put("udhi", sm.esmClass().isUdhi());
            fields.put("registeredDelivery", sm.registeredDelivery().value());
            fields.put("dataCoding", sm.dataCoding().toString());
            fields.put("validityPeriod", sm.validityPeriod());
            fields.put("shortMessageHex", hex(octets, 0, octets.length));
            if (sm.esmClass().isUdhi() && octets.length > 0) {
                int udhl = octets[0] & 0xFF;
                fields.put("udhHex", hex(octets, 0, Math.min(octets.length, udhl + 1)));
            }
        }
        fields.put("tlvs", pdu.tlvs().toString());
        fields.put("pdu", pdu.toString());
        j.put("pduFields", fields);
        return HttpResponse.json(200, j);
    }

    private static String hex(byte[] b, int from, int to) {
        StringBuilder sb = new StringBuilder((to - from) * 2);
        for (int i = from; i < to; i++) {
            sb.append(Character.forDigit((b[i] >> 4) & 0xF, 16)).append(Character.forDigit(b[i] & 0xF, 16));
        }
        return sb.toString();
    }

    static Map<String, Object> faultsJson(FaultConfig f) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("maxRatePerSession", f.maxRatePerSession());
        j.put("errorShare", f.errorShare());
        j.put("errorStatus", f.errorStatus().name());
        j.put("latencyMinMs", f.latencyMin().toMillis());
        j.put("latencyMaxMs", f.latencyMax().toMillis());
        j.put("dropShare", f.dropShare());
        j.put("disconnectShare", f.disconnectShare());
        j.put("congestionState", f.congestionState());
        return j;
    }

    private HttpResponse changeFaults(HttpRequest r) {
        JsonNode body = r.json();
        if (!body.isObject()) {
            throw HttpException.badRequest(null, "the body must be a JSON object of fault settings");
        }
        FaultConfig now = smsc.faults();
        FaultConfig.Builder b = now.toBuilder();
        Set<String> known = Set.of("maxRatePerSession", "errorShare", "errorStatus", "latencyMinMs", "latencyMaxMs",
                "dropShare", "disconnectShare", "congestionState");
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!known.contains(k)) {
                throw HttpException.badRequest(k, "unknown fault setting \"" + k + "\"; known: " + new java.util.TreeSet<>(known));
            }
        }
        try {
            if (body.has("maxRatePerSession")) {
                b.maxRatePerSession(number(body, "maxRatePerSession"));
            }
            if (body.has("errorShare")) {
                b.errorShare(number(body, "errorShare"));
            }
            if (body.has("errorStatus")) {
                String v = body.get("errorStatus").asText();
                b.errorStatus(CommandStatus.ofName(v.trim().toUpperCase(Locale.ROOT)).orElseThrow(() ->
                        HttpException.badRequest("errorStatus", "errorStatus must be an SMPP status name such as ESME_RSYSERR, was \"" + v + "\"")));
            }
            if (body.has("latencyMinMs") || body.has("latencyMaxMs")) {
                long min = body.has("latencyMinMs") ? (long) number(body, "latencyMinMs") : now.latencyMin().toMillis();
                long max = body.has("latencyMaxMs") ? (long) number(body, "latencyMaxMs") : Math.max(min, now.latencyMax().toMillis());
                b.latency(Duration.ofMillis(min), Duration.ofMillis(Math.max(min, max)));
            }
            if (body.has("dropShare")) {
                b.dropShare(number(body, "dropShare"));
            }
            if (body.has("disconnectShare")) {
                b.disconnectShare(number(body, "disconnectShare"));
            }
            if (body.has("congestionState")) {
                b.congestionState((int) number(body, "congestionState"));
            }
            FaultConfig changed = b.build();
            smsc.faults(changed);
            return HttpResponse.json(200, faultsJson(changed));
        } catch (IllegalArgumentException e) {
            throw HttpException.badRequest(null, e.getMessage());
        }
    }

    private static double number(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || !v.isNumber()) {
            throw HttpException.badRequest(field, "\"" + field + "\" must be a number");
        }
        return v.asDouble();
    }

    private Map<String, Object> outcomesJson() {
        Map<String, Object> j = new LinkedHashMap<>();
        smsc.receiptOutcomes().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> j.put(e.getKey().name(), e.getValue()));
        return j;
    }

    private HttpResponse changeOutcomes(HttpRequest r) {
        JsonNode body = r.json();
        if (!body.isObject() || body.isEmpty()) {
            throw HttpException.badRequest(null, "the body must be a JSON object of final states and weights, e.g. {\"DELIVERED\":0.9,\"UNDELIVERABLE\":0.1}");
        }
        Map<MessageState, Double> weights = new EnumMap<>(MessageState.class);
        for (Map.Entry<String, JsonNode> e : body.properties()) {
            MessageState s = state(e.getKey());
            if (!e.getValue().isNumber()) {
                throw HttpException.badRequest(e.getKey(), "the weight of " + e.getKey() + " must be a number");
            }
            weights.put(s, e.getValue().asDouble());
        }
        try {
            smsc.receiptOutcomes(weights);
        } catch (IllegalArgumentException e) {
            throw HttpException.badRequest(null, e.getMessage());
        }
        return HttpResponse.json(200, outcomesJson());
    }

    private static MessageState state(String name) {
        String n = name.trim().toUpperCase(Locale.ROOT);
        for (MessageState s : MessageState.values()) {
            if (s.name().equals(n) || s.receiptName().equals(n)) {
                return s;
            }
        }
        throw HttpException.badRequest("state", "unknown message state \"" + name + "\"; use one of DELIVERED, EXPIRED, DELETED, UNDELIVERABLE, ACCEPTED, UNKNOWN, REJECTED (or DELIVRD, UNDELIV, REJECTD …)");
    }

    private static int integer(String field, String v, int min, int max) {
        try {
            int n = Integer.parseInt(v.trim());
            if (n < min || n > max) {
                throw HttpException.badRequest(field, field + " must be " + min + ".." + max + ", was " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw HttpException.badRequest(field, field + " must be an integer, was \"" + v + "\"");
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        for (EventStream s : streams) {
            s.close();
        }
    }
}
