package io.ujumbe.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.ujumbe.http.HttpResponse;
import io.ujumbe.smsc.SmscConfig;
import io.ujumbe.smsc.SmscSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The console's HTTP side, with the JDK client: the admin's credentials or a 401 the browser turns
 * into a login prompt, off without admin credentials, the JSON API's fields, and no secret in any
 * of it.
 */
class GatewayConsoleApiTest {
    static final String API_KEY = "k-secret-api-key-4711";
    static final String PASSWORD = "pw-secret-4711";
    static final String WEBHOOK_SECRET = "whsec-secret-4711";
    static final String ADMIN_PASSWORD = "admin-secret-4711";
    static final String URL_TOKEN = "tok-secret-4711";
    static final String SMPP_PASSWORD = "smpp4711";

    static SmscSimulator smsc;
    static WebhookReceiver receiver;
    static Gateway gateway;
    static String base;

    @BeforeAll
    static void start() {
        smsc = SmscSimulator.start(SmscConfig.builder().port(0).receiptDelay(Duration.ofMillis(50)).build());
        receiver = new WebhookReceiver();
        receiver.answer(r -> r.path().equals("/down") ? HttpResponse.text(503, "text/plain", "no")
                : HttpResponse.text(200, "text/plain", "ok"));
        gateway = Gateway.builder(GatewayConfig.builder().httpPort(0).admin("admin", ADMIN_PASSWORD)
                .webhookSecret("gateway-" + WEBHOOK_SECRET)
                .webhookInitialBackoff(Duration.ofSeconds(5)).webhookMaxBackoff(Duration.ofSeconds(10))
                .addConnector(ConnectorConfig.builder("sim").port(smsc.port()).systemId("acme").password(SMPP_PASSWORD).build())
                .addRoute(RouteConfig.toConnector("default", "sim"))
                .addUser(UserConfig.builder("shop").apiKey(API_KEY).password(PASSWORD).webhookSecret(WEBHOOK_SECRET)
                        .dlrUrl(receiver.url("/user-default?token=" + URL_TOKEN)).quota(100).build())
                .addUser(UserConfig.builder("other").apiKey("k-other-123").build())
                .build()).start();
        base = "http://127.0.0.1:" + gateway.port();
        await().atMost(Duration.ofSeconds(20)).until(() -> gateway.connectors().get("sim").boundSessions() > 0);
    }

    @AfterAll
    static void stop() {
        gateway.close();
        receiver.close();
        smsc.close();
    }

    static java.net.http.HttpResponse<String> admin(String path) {
        return Http.get(base + path, "Authorization", Http.basic("admin", ADMIN_PASSWORD));
    }

    static String send(String key, String to, String dlrUrl) {
        var resp = Http.post(base + "/v1/messages", "{\"to\":\"" + to + "\",\"text\":\"hi\",\"from\":\"SHOP\",\"dlrUrl\":\""
                + dlrUrl + "\",\"dlrLevel\":\"terminal\"}", "Authorization", Http.bearer(key), "Content-Type", "application/json");
        assertThat(resp.statusCode()).as(resp.body()).isEqualTo(202);
        return Http.json(resp).get("messages").get(0).get("id").asText();
    }

    @Test
    void withoutOrWithWrongCredentials_401WithABasicChallenge() {
        for (String path : List.of("/console", "/console/", "/console/console.js", "/console/common/console.css",
                "/console/api/overview", "/console/api/messages", "/console/api/users")) {
            var none = Http.get(base + path);
            assertThat(none.statusCode()).as(path).isEqualTo(401);
            assertThat(none.headers().firstValue("WWW-Authenticate").orElse(""))
                    .as(path).startsWith("Basic realm=\"ujumbe gateway console\"");
            assertThat(Http.get(base + path, "Authorization", Http.basic("admin", "wrong")).statusCode()).as(path).isEqualTo(401);
            // A user's credentials are not the admin's.
            assertThat(Http.get(base + path, "Authorization", Http.basic("shop", PASSWORD)).statusCode()).as(path).isEqualTo(401);
            assertThat(Http.get(base + path, "Authorization", Http.bearer(API_KEY)).statusCode()).as(path).isEqualTo(401);
        }
        var page = admin("/console");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("<title>ujumbe gateway</title>", "/console/console.js");
        assertThat(admin("/console/console.js").body()).contains("/console/api/overview");
        assertThat(admin("/console/common/console.css").body()).contains("--accent");
    }

    @Test
    void theJsonApi_connectorsMessagesTimelineWebhooksUsers_andNoSecret() {
        String delivered = send(API_KEY, "254700000001", receiver.url("/ok?token=" + URL_TOKEN));
        String waiting = send(API_KEY, "254700000002", receiver.url("/down?token=" + URL_TOKEN));
        String others = send("k-other-123", "254799999999", receiver.url("/ok"));

        JsonNode overview = Http.json(admin("/console/api/overview"));
        JsonNode sim = overview.get("connectors").get(0);
        assertThat(sim.get("name").asText()).isEqualTo("sim");
        assertThat(sim.get("boundSessions").asInt()).isEqualTo(1);
        assertThat(sim.get("binds").get(0).get("state").asText()).isEqualTo("BOUND_TRX");
        assertThat(sim.get("binds").get(0).get("remoteAddress").asText()).isEqualTo("127.0.0.1:" + smsc.port());
        assertThat(sim.has("queueDepth") && sim.has("rateIn") && sim.has("rateOut") && sim.has("failed")).isTrue();
        assertThat(overview.get("totals").get("connectorsBound").asInt()).isEqualTo(1);

        // The timeline: taken, accepted by the SMSC, its receipt, the webhook made.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode m = Http.json(admin("/console/api/messages/" + delivered));
            assertThat(m.get("status").asText()).isEqualTo("delivered");
            assertThat(m.get("timeline").findValuesAsText("event")).containsSubsequence("queued", "accepted", "receipt", "callback");
        });
        JsonNode detail = Http.json(admin("/console/api/messages/" + delivered));
        assertThat(detail.get("route").get(0).asText()).isEqualTo("sim");
        assertThat(detail.get("dlrUrl").asText()).isEqualTo(receiver.url("/ok"));
        for (JsonNode e : detail.get("timeline")) {
            assertThat(e.get("at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        }
        assertThat(admin("/console/api/messages/no-such-id").statusCode()).isEqualTo(404);

        // Newest first, filtered by user, status and destination; bounded.
        JsonNode all = Http.json(admin("/console/api/messages"));
        List<String> ids = new ArrayList<>();
        all.get("messages").forEach(m -> ids.add(m.get("id").asText()));
        assertThat(ids).containsSubsequence(others, waiting, delivered);
        assertThat(Http.json(admin("/console/api/messages?user=other")).get("messages").findValuesAsText("id")).containsExactly(others);
        assertThat(Http.json(admin("/console/api/messages?to=0000002")).get("messages").findValuesAsText("id")).containsExactly(waiting);
        assertThat(Http.json(admin("/console/api/messages?status=delivered&user=shop")).get("messages").findValuesAsText("id"))
                .contains(delivered).doesNotContain(others);
        assertThat(Http.json(admin("/console/api/messages?limit=1")).get("messages")).hasSize(1);
        assertThat(admin("/console/api/messages?limit=0").statusCode()).isEqualTo(400);
        assertThat(admin("/console/api/messages?status=lost").statusCode()).isEqualTo(400);

        // The failing receiver's webhook waits, with its last attempt.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode hooks = Http.json(admin("/console/api/webhooks"));
            JsonNode hook = null;
            for (JsonNode h : hooks.get("webhooks")) {
                if (h.get("messageId").asText().equals(waiting)) {
                    hook = h;
                }
            }
            assertThat(hook).isNotNull();
            assertThat(hook.get("attempts").asInt()).isGreaterThanOrEqualTo(1);
            assertThat(hook.get("lastAttempt").get("result").asText()).isEqualTo("HTTP 503");
            assertThat(hook.get("lastAttempt").get("ok").asBoolean()).isFalse();
            assertThat(hook.get("url").asText()).isEqualTo(receiver.url("/down"));
            assertThat(hook.get("nextAttemptAt").asText()).isNotEmpty();
            assertThat(hooks.get("pending").asLong()).isGreaterThanOrEqualTo(1);
        });

        // Usage against the quota.
        JsonNode users = Http.json(admin("/console/api/users"));
        JsonNode shop = users.get("users").get(0);
        assertThat(shop.get("name").asText()).isEqualTo("shop");
        assertThat(shop.get("used").asLong()).isEqualTo(2);
        assertThat(shop.get("quota").asLong()).isEqualTo(100);
        assertThat(shop.get("lastMinute").asLong()).isEqualTo(2);
        List<String> auth = new ArrayList<>();
        shop.get("auth").forEach(a -> auth.add(a.asText()));
        assertThat(auth).containsExactly("apiKey", "password");
        assertThat(shop.get("dlrUrl").asText()).isEqualTo(receiver.url("/user-default"));

        // No secret anywhere: keys, passwords, their hashes, webhook secrets, tokens in callback URLs.
        StringBuilder everything = new StringBuilder();
        for (String path : List.of("/console/api/overview", "/console/api/messages", "/console/api/messages/" + delivered,
                "/console/api/messages/" + waiting, "/console/api/webhooks", "/console/api/users", "/console")) {
            everything.append(admin(path).body());
        }
        String text = everything.toString();
        assertThat(text).doesNotContain(API_KEY, PASSWORD, WEBHOOK_SECRET, ADMIN_PASSWORD, URL_TOKEN, SMPP_PASSWORD,
                Secrets.sha256Hex(API_KEY), "pbkdf2$");
    }

    @Test
    void withoutAdminCredentials_theConsoleIsOff() {
        try (Gateway plain = Gateway.builder(GatewayConfig.builder().httpPort(0)
                .addConnector(ConnectorConfig.builder("sim").port(smsc.port()).systemId("acme").password("x").build())
                .addRoute(RouteConfig.toConnector("default", "sim"))
                .addUser(UserConfig.builder("shop").apiKey(API_KEY).build()).build()).start()) {
            String b = "http://127.0.0.1:" + plain.port();
            var page = Http.get(b + "/console");
            assertThat(page.statusCode()).isEqualTo(404);
            assertThat(page.body()).contains("the console is off: configure admin.user and admin.password");
            var api = Http.get(b + "/console/api/overview", "Authorization", Http.basic("admin", "anything"));
            assertThat(api.statusCode()).isEqualTo(404);
            assertThat(Http.json(api).get("error").asText()).isEqualTo("console_disabled");
        }
    }
}
