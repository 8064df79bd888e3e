package io.ujumbe.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.ujumbe.http.HttpResponse;
import io.ujumbe.redis.GatewayRedisServer;
import io.ujumbe.smsc.SmscConfig;
import io.ujumbe.smsc.SmscSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Gateways sharing a real redis-server: statuses, idempotency, rate limits, queues and callbacks. */
class RedisGatewayTest {
    GatewayRedisServer redis;
    SmscSimulator smsc;
    WebhookReceiver receiver;
    final List<Gateway> gateways = new ArrayList<>();

    @BeforeEach
    void start() {
        redis = GatewayRedisServer.start();
        smsc = SmscSimulator.start(SmscConfig.builder().port(0).receiptDelay(Duration.ofMillis(50)).build());
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stop() {
        for (Gateway g : gateways) {
            g.close();
        }
        receiver.close();
        smsc.close();
        redis.close();
    }

    Gateway gateway() {
        Gateway g = Gateway.builder(GatewayConfig.builder().httpPort(0).redisUri(redis.uri()).admin("root", "root-pw")
                .webhookInitialBackoff(Duration.ofMillis(100)).webhookMaxBackoff(Duration.ofMillis(300))
                .addConnector(ConnectorConfig.builder("sim").port(smsc.port()).systemId("acme").password("secret").build())
                .addRoute(RouteConfig.toConnector("default", "sim"))
                .addUser(UserConfig.builder("shop").apiKey("k-shop-123").build())
                .addUser(UserConfig.builder("slow").apiKey("k-slow-123").ratePerSecond(2).build())
                .build()).start();
        gateways.add(g);
        await().atMost(Duration.ofSeconds(20)).until(() -> g.connectors().get("sim").boundSessions() > 0);
        return g;
    }

    static java.net.http.HttpResponse<String> send(Gateway g, String key, String body) {
        return Http.post("http://127.0.0.1:" + g.port() + "/v1/messages", body, "Authorization", Http.bearer(key));
    }

    static JsonNode status(Gateway g, String id) {
        return Http.json(Http.get("http://127.0.0.1:" + g.port() + "/v1/messages/" + id, "Authorization", Http.bearer("k-shop-123")));
    }

    @Test
    void twoGateways_shareStatusesIdempotencyAndQueue_eachMessageSentOnce() {
        Gateway a = gateway();
        Gateway b = gateway();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Gateway g = i % 2 == 0 ? a : b;
            var r = send(g, "k-shop-123", "{\"to\":\"2547000005" + String.format("%02d", i) + "\",\"text\":\"n" + i + "\"}");
            assertThat(r.statusCode()).isEqualTo(202);
            ids.add(Http.json(r).get("messages").get(0).get("id").asText());
        }
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            // Asked of the gateway that did not take it.
            Gateway other = i % 2 == 0 ? b : a;
            await().atMost(Duration.ofSeconds(30)).until(() -> status(other, id).get("status").asText().equals("delivered"));
        }
        assertThat(smsc.record().submits()).hasSize(20);
        Set<String> texts = new HashSet<>();
        smsc.record().submits().forEach(s -> texts.add(s.text()));
        assertThat(texts).hasSize(20);

        String body = "{\"to\":\"254700000599\",\"text\":\"idem\",\"idempotencyKey\":\"k-1\"}";
        String first = Http.json(send(a, "k-shop-123", body)).get("messages").get(0).get("id").asText();
        String second = Http.json(send(b, "k-shop-123", body)).get("messages").get(0).get("id").asText();
        assertThat(second).isEqualTo(first);
        await().atMost(Duration.ofSeconds(30)).until(() -> status(a, first).get("status").asText().equals("delivered"));
        assertThat(smsc.record().submits().stream().filter(s -> s.text().equals("idem"))).hasSize(1);
    }

    @Test
    void rateLimitIsShared() {
        Gateway a = gateway();
        Gateway b = gateway();
        int limited = 0;
        for (int i = 0; i < 6; i++) {
            var r = send(i % 2 == 0 ? a : b, "k-slow-123", "{\"to\":\"2547000006" + i + "\",\"text\":\"x\"}");
            if (r.statusCode() == 429) {
                limited++;
            }
        }
        // 2 per second between both: 6 quick requests cannot all pass.
        assertThat(limited).isGreaterThanOrEqualTo(2);
    }

    @Test
    void pendingCallbacksSurviveARestart() {
        AtomicBoolean up = new AtomicBoolean(false);
        receiver.answer(r -> up.get() ? HttpResponse.text(200, "text/plain", "ok") : HttpResponse.text(503, "text/plain", "down"));
        Gateway a = gateway();
        var r = send(a, "k-shop-123", "{\"to\":\"254700000701\",\"text\":\"x\",\"dlrUrl\":\"" + receiver.url("/later")
                + "\",\"dlrLevel\":\"all\"}");
        String id = Http.json(r).get("messages").get(0).get("id").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> status(a, id).get("status").asText().equals("delivered"));
        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.on("/later").size() >= 2);
        Set<String> callbackIds = new HashSet<>();
        receiver.on("/later").forEach(c -> callbackIds.add(c.header("X-Ujumbe-Callback-Id").orElseThrow()));
        a.close();
        gateways.remove(a);
        int before = receiver.on("/later").size();
        up.set(true);
        Gateway b = gateway();
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.on("/later").stream().skip(before)
                .filter(c -> c.header("X-Ujumbe-Attempt").isPresent()).map(c -> Http.json(c.bodyText()).get("status").asText())
                .distinct().count() == 2);
        // The callbacks made after the restart are the ones queued before it.
        Set<String> after = new HashSet<>();
        receiver.on("/later").stream().skip(before).forEach(c -> after.add(c.header("X-Ujumbe-Callback-Id").orElseThrow()));
        assertThat(after).containsAll(callbackIds);
        await().atMost(Duration.ofSeconds(10)).until(() -> b.state().callbackQueue().pending() == 0);
    }

    @Test
    void anAdminChangeOnOneGatewayReachesTheOthers() {
        Gateway a = gateway();
        Gateway b = gateway();
        var put = Http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + a.port()
                        + "/v1/admin/users/ops")).header("Authorization", Http.basic("root", "root-pw"))
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"apiKey\":\"k-ops-4567\"}")).build());
        assertThat(put.statusCode()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(15)).until(() -> send(b, "k-ops-4567", "{\"to\":\"254700000801\",\"text\":\"x\"}")
                .statusCode() == 202);
        // And a gateway started later reads it from Redis.
        Gateway c = gateway();
        assertThat(send(c, "k-ops-4567", "{\"to\":\"254700000802\",\"text\":\"x\"}").statusCode()).isEqualTo(202);
    }

    @Test
    void consoleOfOneGatewayListsEveryGatewaysMessagesAndWaitingWebhooks() {
        Gateway a = gateway();
        Gateway b = gateway();
        receiver.answer(r -> HttpResponse.text(500, "text/plain", "down"));
        var r = send(a, "k-shop-123", "{\"to\":\"254700000801\",\"text\":\"via a\",\"dlrUrl\":\""
                + receiver.url("/down") + "\",\"dlrLevel\":\"terminal\"}");
        assertThat(r.statusCode()).isEqualTo(202);
        String id = Http.json(r).get("messages").get(0).get("id").asText();
        String auth = Http.basic("root", "root-pw");
        String console = "http://127.0.0.1:" + b.port() + "/console/api/";
        // b lists a's message (the latest ids are a list in Redis) and its timeline, and its waiting webhook.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode messages = Http.json(Http.get(console + "messages", "Authorization", auth));
            assertThat(messages.get("messages").findValuesAsText("id")).contains(id);
            JsonNode one = Http.json(Http.get(console + "messages/" + id, "Authorization", auth));
            assertThat(one.get("timeline").findValuesAsText("event")).contains("queued", "accepted", "callback");
            JsonNode hooks = Http.json(Http.get(console + "webhooks", "Authorization", auth));
            assertThat(hooks.get("webhooks").findValuesAsText("messageId")).contains(id);
        });
    }
}
