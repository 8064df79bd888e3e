package io.ujumbe.gateway;

import io.ujumbe.http.HttpException;
import io.ujumbe.http.HttpHandler;
import io.ujumbe.http.HttpRequest;
import io.ujumbe.http.HttpResponse;
import io.ujumbe.http.Router;
import io.ujumbe.http.StaticResources;
import io.ujumbe.session.SmppSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;

/**
 * The gateway's web console at {@code /console} and the JSON API behind it under
 * {@code /console/api/} (documented in docs/gateway.md, used by the browser tests): connectors with
 * their binds, queues and rates; the latest messages and each one's timeline; the webhooks waiting
 * and their last attempt; users and their usage. Everything is behind the admin's basic credentials,
 * checked exactly as the admin API checks them; without admin credentials configured the console is
 * off (404). Nothing secret is shown: no API key, password or webhook secret, and callback URLs
 * without their query (a receiver's token may be in it). The page asks for fresh data every two
 * seconds; handlers run off the I/O thread (the password check is PBKDF2 when not cached).
 */
final class GatewayConsole {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayConsole.class);
    static final String REALM = "ujumbe gateway console";
    private static final int MAX_LIMIT = 500;

    private final Gateway gateway;
    private final Map<String, Sample> samples = new HashMap<>();

    GatewayConsole(Gateway gateway) {
        this.gateway = gateway;
    }

    void register(Router.Builder b, ExecutorService slow) {
        if (gateway.config().adminUser().isEmpty()) {
            LOG.atInfo().log("the console (/console) is off: configure admin.user and admin.password to turn it on");
        }
        StaticResources page = StaticResources.of(GatewayConsole.class, "io/ujumbe/gateway/console", "index.html");
        StaticResources common = StaticResources.of(StaticResources.class, "io/ujumbe/http/console", "console.css");
        b.get("/console/api/overview", guarded(slow, r -> CompletableFuture.completedFuture(HttpResponse.json(200, overview()))))
                .get("/console/api/messages", guarded(slow, this::messages))
                .get("/console/api/messages/{id}", guarded(slow, this::message))
                .get("/console/api/webhooks", guarded(slow, this::webhooks))
                .get("/console/api/users", guarded(slow, this::users))
                .get("/console/common/*", guarded(slow, common))
                .get("/console/*", guarded(slow, page));
    }

    /** The admin's credentials, as the admin API checks them; a refusal the browser turns into a login prompt. */
    private HttpHandler guarded(ExecutorService slow, HttpHandler h) {
        HttpHandler checked = r -> {
            if (gateway.config().adminUser().isEmpty()) {
                return CompletableFuture.completedFuture(refusal(r, 404, "console_disabled",
                        "the console is off: configure admin.user and admin.password (docs/gateway.md)"));
            }
            if (!gateway.isAdmin(r)) {
                return CompletableFuture.completedFuture(refusal(r, 401, "unauthorized",
                        "the console needs the admin's credentials").withHeader("WWW-Authenticate",
                        "Basic realm=\"" + REALM + "\", charset=\"UTF-8\""));
            }
            return h.handle(r);
        };
        return checked.on(slow);
    }

    private static HttpResponse refusal(HttpRequest r, int status, String code, String message) {
        if (r.path().startsWith("/console/api/")) {
            return HttpResponse.error(status, code, message, null);
        }
        String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>ujumbe gateway console</title>"
                + "</head><body><h1>ujumbe gateway console</h1><p>" + message + ".</p></body></html>";
        return HttpResponse.of(status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    // ---- overview -------------------------------------------------------------------------------

    private Map<String, Object> overview() {
        List<Map<String, Object>> list = new ArrayList<>();
        long[] totals = new long[5];
        long queued = 0;
        int bound = 0;
        for (Connector c : gateway.connectors().values()) {
            long[] n = c.counts();
            for (int i = 0; i < n.length; i++) {
                totals[i] += n[i];
            }
            queued += c.queueDepth();
            bound += c.boundSessions() > 0 ? 1 : 0;
            list.add(connector(c, n));
        }
        list.sort((a, b) -> String.valueOf(a.get("name")).compareTo(String.valueOf(b.get("name"))));
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("connectors", list.size());
        t.put("connectorsBound", bound);
        t.put("queueDepth", queued);
        t.put("offered", totals[0]);
        t.put("accepted", totals[1]);
        t.put("failed", totals[2]);
        t.put("receipts", totals[3]);
        t.put("inbound", totals[4]);
        t.put("pendingWebhooks", gateway.state().callbackQueue().pending());
        t.put("users", gateway.config().users().size());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("time", Instant.now().toString());
        m.put("state", gateway.state().durable() ? "redis" : "memory");
        m.put("status", gateway.stopping() ? "STOPPING" : bound > 0 ? "UP" : "DOWN");
        m.put("totals", t);
        m.put("connectors", list);
        return m;
    }

    private Map<String, Object> connector(Connector c, long[] n) {
        ConnectorConfig cfg = c.config();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name());
        m.put("host", cfg.host());
        m.put("port", cfg.port());
        m.put("systemId", cfg.systemId());
        m.put("bindType", cfg.bindType().name());
        m.put("bindsConfigured", cfg.binds());
        m.put("boundSessions", c.boundSessions());
        List<Map<String, Object>> binds = new ArrayList<>();
        for (SmppSession s : c.sessions()) {
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("id", s.id());
            b.put("state", s.state().name());
            b.put("remoteAddress", String.valueOf(s.remoteAddress()).replaceFirst("^[^/]*/", ""));
            b.put("windowInUse", s.pendingRequests());
            binds.add(b);
        }
        m.put("binds", binds);
        m.put("queueDepth", c.queueDepth());
        m.put("healthy", c.healthy(gateway.config().maxConsecutiveFailures()));
        m.put("downForMs", c.downFor().toMillis());
        m.put("ratePerSecond", cfg.ratePerSecond());
        double[] rates = rates(c.name(), n);
        m.put("rateIn", rates[0]);
        m.put("rateOut", rates[1]);
        m.put("receiptsPerSecond", rates[3]);
        m.put("errorsPerSecond", rates[2]);
        m.put("offered", n[0]);
        m.put("accepted", n[1]);
        m.put("failed", n[2]);
        m.put("receipts", n[3]);
        m.put("inbound", n[4]);
        return m;
    }

    /** Per second since the previous sample at least a second old; every viewer sees the same figures. */
    private synchronized double[] rates(String name, long[] now) {
        long t = System.nanoTime();
        Sample s = samples.get(name);
        if (s == null) {
            samples.put(name, new Sample(t, now, new double[now.length]));
            return new double[now.length];
        }
        double seconds = (t - s.nanos) / 1e9;
        if (seconds < 1) {
            return s.rates;
        }
        double[] r = new double[now.length];
        for (int i = 0; i < now.length; i++) {
            r[i] = Math.round(Math.max(0, now[i] - s.counts[i]) / seconds * 10) / 10.0;
        }
        samples.put(name, new Sample(t, now, r));
        return r;
    }

    private record Sample(long nanos, long[] counts, double[] rates) {
    }

    // ---- messages -------------------------------------------------------------------------------

    private CompletionStage<HttpResponse> messages(HttpRequest r) {
        String user = param(r, "user");
        String to = param(r, "to");
        String status = param(r, "status");
        if (status != null) {
            status = status.toLowerCase(Locale.ROOT);
            boolean known = false;
            for (MessageStatus s : MessageStatus.values()) {
                known |= s.jsonName().equals(status);
            }
            if (!known) {
                throw HttpException.badRequest("status", "status must be queued, sent, accepted, delivered, failed or expired, was \"" + status + "\"");
            }
        }
        int limit = integer(r, "limit", 50);
        String wantedStatus = status;
        return gateway.statusStore().recent(StatusStore.RECENT).thenApply(views -> {
            List<Map<String, Object>> out = new ArrayList<>();
            for (MessageView v : views) {
                MessageRecord rec = v.record();
                if ((user != null && !rec.user().equals(user)) || (to != null && !rec.to().contains(to))) {
                    continue;
                }
                String st = v.status().jsonName();
                if (wantedStatus != null && !st.equals(wantedStatus)) {
                    continue;
                }
                out.add(summary(v, st));
                if (out.size() >= limit) {
                    break;
                }
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("messages", out);
            body.put("scanned", views.size());
            return HttpResponse.json(200, body);
        });
    }

    private static Map<String, Object> summary(MessageView v, String status) {
        MessageRecord rec = v.record();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", rec.id());
        m.put("user", rec.user());
        m.put("from", rec.from());
        m.put("to", rec.to());
        m.put("status", status);
        m.put("connector", v.connector());
        m.put("attempts", v.attempts());
        m.put("clientReference", rec.clientReference());
        m.put("createdAt", Instant.ofEpochMilli(rec.createdAt()).toString());
        long last = rec.createdAt();
        for (MessageEvent e : v.events()) {
            last = Math.max(last, e.at());
        }
        m.put("updatedAt", Instant.ofEpochMilli(last).toString());
        m.put("events", v.events().size());
        return m;
    }

    private CompletionStage<HttpResponse> message(HttpRequest r) {
        String id = r.pathParameter("id");
        return gateway.statusStore().find(id).thenApply(found -> {
            MessageView v = found.orElseThrow(() -> HttpException.notFound("no message " + id + " (unknown or expired)"));
            Map<String, Object> m = new LinkedHashMap<>(v.toJson());
            MessageRecord rec = v.record();
            m.put("route", rec.route());
            m.put("dlrUrl", rec.dlrUrl() == null ? null : WebhookDispatcher.withoutQuery(rec.dlrUrl()));
            m.put("dlrLevel", rec.dlrLevel());
            m.put("callbackFormat", rec.callbackFormat());
            return HttpResponse.json(200, m);
        });
    }

    // ---- webhooks and users -----------------------------------------------------------------------

    private CompletionStage<HttpResponse> webhooks(HttpRequest r) {
        int limit = integer(r, "limit", 100);
        CallbackQueue queue = gateway.state().callbackQueue();
        return queue.peek(limit).thenApply(list -> {
            List<Map<String, Object>> out = new ArrayList<>();
            for (Callback cb : list) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", cb.id());
                m.put("messageId", cb.messageId());
                m.put("user", cb.user());
                m.put("method", cb.method());
                m.put("url", WebhookDispatcher.withoutQuery(cb.url()));
                m.put("attempts", cb.attempts());
                m.put("createdAt", Instant.ofEpochMilli(cb.createdAt()).toString());
                m.put("nextAttemptAt", Instant.ofEpochMilli(cb.dueAt()).toString());
                m.put("lastAttempt", gateway.webhooks().lastAttempt(cb.id()).map(a -> {
                    Map<String, Object> j = new LinkedHashMap<>();
                    j.put("at", Instant.ofEpochMilli(a.at()).toString());
                    j.put("attempt", a.attempt());
                    j.put("ok", a.ok());
                    j.put("result", a.result());
                    return (Object) j;
                }).orElse(null));
                out.add(m);
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("pending", queue.pending());
            body.put("webhooks", out);
            return HttpResponse.json(200, body);
        });
    }

    private CompletionStage<HttpResponse> users(HttpRequest r) {
        List<UserConfig> users = gateway.config().users();
        UsageLimiter limiter = gateway.state().usageLimiter();
        List<CompletableFuture<Long>> used = new ArrayList<>();
        for (UserConfig u : users) {
            used.add(limiter.used(u).toCompletableFuture());
        }
        CompletableFuture<List<MessageView>> recent = gateway.statusStore().recent(StatusStore.RECENT).toCompletableFuture();
        return CompletableFuture.allOf(used.toArray(new CompletableFuture<?>[0])).thenCombine(recent, (v, views) -> {
            long now = System.currentTimeMillis();
            Map<String, long[]> lately = new HashMap<>();
            for (MessageView view : views) {
                long age = now - view.record().createdAt();
                long[] n = lately.computeIfAbsent(view.record().user(), k -> new long[2]);
                if (age < 1000) {
                    n[0]++;
                }
                if (age < 60_000) {
                    n[1]++;
                }
            }
            List<Map<String, Object>> out = new ArrayList<>();
            for (int i = 0; i < users.size(); i++) {
                UserConfig u = users.get(i);
                long[] n = lately.getOrDefault(u.name(), new long[2]);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", u.name());
                m.put("tags", u.tags());
                m.put("allowedSenders", u.allowedSenders());
                List<String> auth = new ArrayList<>();
                u.apiKeySha256().ifPresent(x -> auth.add("apiKey"));
                u.passwordHash().ifPresent(x -> auth.add("password"));
                m.put("auth", auth);
                m.put("ratePerSecond", u.ratePerSecond());
                m.put("quota", u.quota());
                m.put("used", used.get(i).join());
                m.put("lastSecond", n[0]);
                m.put("lastMinute", n[1]);
                m.put("dlrUrl", u.dlrUrl().map(WebhookDispatcher::withoutQuery).orElse(null));
                out.add(m);
            }
            return HttpResponse.json(200, Map.of("users", out));
        });
    }

    private static String param(HttpRequest r, String name) {
        return r.query(name).map(String::trim).filter(v -> !v.isEmpty()).orElse(null);
    }

    private static int integer(HttpRequest r, String name, int otherwise) {
        String v = param(r, name);
        if (v == null) {
            return otherwise;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= 1 && n <= MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw HttpException.badRequest(name, name + " must be 1.." + MAX_LIMIT + ", was \"" + v + "\"");
    }
}
