package io.ujumbe.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.ujumbe.http.HttpRequest;
import io.ujumbe.http.HttpResponse;
import io.ujumbe.smsc.SmscConfig;
import io.ujumbe.smsc.SmscSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The gateway end to end over real sockets: the JDK HTTP client sends, the SMSC simulator is the
 * upstream, a real HTTP server receives the callbacks.
 */
class GatewayCycleTest {
    static SmscSimulator smsc;
    static WebhookReceiver receiver;
    static Gateway gateway;
    static String base;

    @BeforeAll
    static void start() {
        smsc = SmscSimulator.start(SmscConfig.builder().port(0).receiptDelay(Duration.ofMillis(50)).build());
        receiver = new WebhookReceiver();
        gateway = Gateway.builder(GatewayConfig.builder().httpPort(0).maxRequestBytes(16 * 1024).maxBatch(5)
                .webhookInitialBackoff(Duration.ofMillis(100)).webhookMaxBackoff(Duration.ofMillis(200))
                .addConnector(ConnectorConfig.builder("sim").port(smsc.port()).systemId("acme").password("secret").build())
                .addRoute(RouteConfig.toConnector("default", "sim"))
                .addUser(UserConfig.builder("shop").apiKey("k-shop-123").password("shop-pw").webhookSecret("whsec").build())
                .addUser(UserConfig.builder("slow").apiKey("k-slow-123").ratePerSecond(1).build())
                .addUser(UserConfig.builder("brand").apiKey("k-brand-123").allowedSenders(List.of("ACME", "2547*")).build())
                .addUser(UserConfig.builder("tiny").apiKey("k-tiny-123").quota(2).build())
                .addMoRoute(new MoRouteConfig("mo", List.of(), null, List.of(), receiver.url("/mo"), "shop"))
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

    static java.net.http.HttpResponse<String> send(String key, String body) {
        return Http.post(base + "/v1/messages", body, "Authorization", Http.bearer(key), "Content-Type", "application/json");
    }

    @Test
    void fullCycle_send_acceptedCallback_receiptCallback_statusQuery() {
        String dlr = receiver.url("/dlr-cycle");
        var resp = send("k-shop-123", "{\"to\":\"254700000001\",\"text\":\"hi\",\"from\":\"ACME\",\"dlrUrl\":\"" + dlr
                + "\",\"dlrLevel\":\"all\",\"clientReference\":\"order-7\"}");
        assertThat(resp.statusCode()).isEqualTo(202);
        JsonNode body = Http.json(resp);
        assertThat(body.get("messages")).hasSize(1);
        JsonNode m = body.get("messages").get(0);
        assertThat(m.get("to").asText()).isEqualTo("254700000001");
        assertThat(m.get("status").asText()).isEqualTo("queued");
        String id = m.get("id").asText();

        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.on("/dlr-cycle").size() >= 2);
        List<HttpRequest> calls = receiver.on("/dlr-cycle");
        // Each callback is its own at-least-once call: they may arrive in any order.
        JsonNode accepted = calls.stream().map(c -> Http.json(c.bodyText()))
                .filter(j -> j.get("status").asText().equals("accepted")).findFirst().orElseThrow();
        JsonNode delivered = calls.stream().map(c -> Http.json(c.bodyText()))
                .filter(j -> j.get("status").asText().equals("delivered")).findFirst().orElseThrow();
        assertThat(accepted.get("id").asText()).isEqualTo(id);
        assertThat(accepted.get("status").asText()).isEqualTo("accepted");
        assertThat(accepted.get("to").asText()).isEqualTo("254700000001");
        assertThat(accepted.get("smscMessageId").asText()).isNotEmpty();
        assertThat(accepted.get("timestamp").asText()).isNotEmpty();
        assertThat(accepted.get("clientReference").asText()).isEqualTo("order-7");
        assertThat(delivered.get("status").asText()).isEqualTo("delivered");
        assertThat(delivered.get("smscMessageId").asText()).isEqualTo(accepted.get("smscMessageId").asText());
        assertThat(calls.get(0).header("Content-Type").orElse("")).startsWith("application/json");

        // The signature verifies with the user's secret over "timestamp.body".
        for (HttpRequest call : calls) {
            String ts = call.header("X-Ujumbe-Timestamp").orElseThrow();
            String expected = "sha256=" + Secrets.hmacSha256Hex("whsec", (ts + "." + call.bodyText()).getBytes(StandardCharsets.UTF_8));
            assertThat(call.header("X-Ujumbe-Signature")).contains(expected);
        }

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            var status = Http.get(base + "/v1/messages/" + id, "Authorization", Http.bearer("k-shop-123"));
            assertThat(status.statusCode()).isEqualTo(200);
            JsonNode s = Http.json(status);
            assertThat(s.get("id").asText()).isEqualTo(id);
            assertThat(s.get("status").asText()).isEqualTo("delivered");
            assertThat(s.get("connector").asText()).isEqualTo("sim");
            assertThat(s.get("smscMessageIds").get(0).asText()).isEqualTo(accepted.get("smscMessageId").asText());
            assertThat(s.get("attempts").asInt()).isEqualTo(1);
            assertThat(s.get("timeline").findValuesAsText("event")).containsSubsequence("queued", "accepted", "receipt");
            assertThat(s.get("lastReceipt").get("stat").asText()).isEqualTo("DELIVRD");
        });
        // Another user cannot read it.
        assertThat(Http.get(base + "/v1/messages/" + id, "Authorization", Http.bearer("k-slow-123")).statusCode()).isEqualTo(404);
    }

    @Test
    void batch_oneIdPerDestination_allDelivered() {
        var resp = send("k-shop-123", "{\"messages\":[{\"to\":[\"254700000011\",\"254700000012\"],\"text\":\"a\"},"
                + "{\"to\":\"+254700000013\",\"text\":\"b\",\"dlrUrl\":\"" + receiver.url("/dlr-batch") + "\",\"dlrLevel\":\"terminal\"}]}");
        assertThat(resp.statusCode()).isEqualTo(202);
        JsonNode msgs = Http.json(resp).get("messages");
        assertThat(msgs).hasSize(3);
        assertThat(msgs.findValuesAsText("to")).containsExactly("254700000011", "254700000012", "254700000013");
        assertThat(msgs.findValuesAsText("id")).doesNotHaveDuplicates();
        for (String id : msgs.findValuesAsText("id")) {
            await().atMost(Duration.ofSeconds(20)).until(() -> Http.json(Http.get(base + "/v1/messages/" + id,
                    "Authorization", Http.bearer("k-shop-123"))).get("status").asText().equals("delivered"));
        }
        // terminal only: no "accepted" callback, one "delivered".
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.on("/dlr-batch").size() >= 1);
        assertThat(receiver.on("/dlr-batch")).hasSize(1);
        assertThat(Http.json(receiver.on("/dlr-batch").get(0).bodyText()).get("status").asText()).isEqualTo("delivered");
        // over maxBatch (5)
        var big = send("k-shop-123", "{\"to\":[\"1\",\"2\",\"3\",\"4\",\"5\",\"6\"],\"text\":\"x\"}");
        assertThat(big.statusCode()).isEqualTo(400);
        assertThat(Http.json(big).get("field").asText()).isEqualTo("to");
    }

    @Test
    void idempotencyKey_repeatGetsFirstAnswer_andSendsNothingTwice() {
        String body = "{\"to\":\"254700000021\",\"text\":\"once\",\"idempotencyKey\":\"idem-1\"}";
        int before = smsc.record().submits().size();
        var first = send("k-shop-123", body);
        var second = send("k-shop-123", body);
        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(second.statusCode()).isEqualTo(202);
        assertThat(Http.json(second).get("messages").get(0).get("id").asText())
                .isEqualTo(Http.json(first).get("messages").get(0).get("id").asText());
        var third = Http.post(base + "/v1/messages", "{\"to\":\"254700000021\",\"text\":\"once\"}",
                "Authorization", Http.bearer("k-shop-123"), "Idempotency-Key", "idem-1");
        assertThat(Http.json(third).get("messages").get(0).get("id").asText())
                .isEqualTo(Http.json(first).get("messages").get(0).get("id").asText());
        await().atMost(Duration.ofSeconds(10)).until(() -> smsc.record().submits().size() > before);
        // Give a second submission every chance to show up, then check there was none.
        String id = Http.json(first).get("messages").get(0).get("id").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> Http.json(Http.get(base + "/v1/messages/" + id,
                "Authorization", Http.bearer("k-shop-123"))).get("status").asText().equals("delivered"));
        assertThat(smsc.record().submits().stream().filter(s -> s.destination().equals("254700000021")).count())
                .isEqualTo(1);
        assertThat(smsc.record().submits().size() - before).isEqualTo(1);
    }

    @Test
    void authFailures_401_403_withJsonReasons() {
        var none = Http.post(base + "/v1/messages", "{\"to\":\"1\",\"text\":\"x\"}");
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(Http.json(none).get("error").asText()).isEqualTo("unauthorized");
        var wrong = send("k-wrong-999", "{\"to\":\"1\",\"text\":\"x\"}");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(Http.json(wrong).get("message").asText()).contains("API key");
        var badPw = Http.post(base + "/v1/messages", "{\"to\":\"254700000031\",\"text\":\"x\"}",
                "Authorization", Http.basic("shop", "nope"));
        assertThat(badPw.statusCode()).isEqualTo(401);
        var goodPw = Http.post(base + "/v1/messages", "{\"to\":\"254700000031\",\"text\":\"x\"}",
                "Authorization", Http.basic("shop", "shop-pw"));
        assertThat(goodPw.statusCode()).isEqualTo(202);
        var sender = send("k-brand-123", "{\"to\":\"254700000032\",\"text\":\"x\",\"from\":\"OTHER\"}");
        assertThat(sender.statusCode()).isEqualTo(403);
        assertThat(Http.json(sender).get("error").asText()).isEqualTo("sender_not_allowed");
        assertThat(Http.json(sender).get("field").asText()).isEqualTo("from");
        assertThat(send("k-brand-123", "{\"to\":\"254700000032\",\"text\":\"x\",\"from\":\"254711\"}").statusCode()).isEqualTo(202);
        assertThat(send("k-tiny-123", "{\"to\":[\"254700000033\",\"254700000034\"],\"text\":\"x\"}").statusCode()).isEqualTo(202);
        var quota = send("k-tiny-123", "{\"to\":\"254700000035\",\"text\":\"x\"}");
        assertThat(quota.statusCode()).isEqualTo(403);
        assertThat(Http.json(quota).get("error").asText()).isEqualTo("quota_exhausted");
    }

    @Test
    void rateLimit_answers429_withReason() {
        int limited = 0;
        for (int i = 0; i < 5; i++) {
            var r = send("k-slow-123", "{\"to\":\"25470000004" + i + "\",\"text\":\"x\"}");
            assertThat(r.statusCode()).isIn(202, 429);
            if (r.statusCode() == 429) {
                limited++;
                assertThat(Http.json(r).get("error").asText()).isEqualTo("rate_limited");
            }
        }
        assertThat(limited).isGreaterThanOrEqualTo(3);
    }

    @Test
    void badRequests_400_namingTheField_oversized413() {
        String[][] cases = {
                {"{\"text\":\"x\"}", "to"},
                {"{\"to\":\"abc\",\"text\":\"x\"}", "to"},
                {"{\"to\":\"2547\"}", "text"},
                {"{\"to\":\"2547\",\"text\":\"x\",\"dlrLevel\":\"sometimes\",\"dlrUrl\":\"http://x/\"}", "dlrLevel"},
                {"{\"to\":\"2547\",\"text\":\"x\",\"dlrLevel\":\"all\"}", "dlrUrl"},
                {"{\"to\":\"2547\",\"text\":\"x\",\"dlrUrl\":\"ftp://x/\"}", "dlrUrl"},
                {"{\"to\":\"2547\",\"text\":\"x\",\"priority\":9}", "priority"},
                {"{\"to\":\"2547\",\"payloadBase64\":\"AAEC\"}", "dataCoding"},
                {"{\"to\":\"2547\",\"payloadBase64\":\"%%%\",\"dataCoding\":4}", "payloadBase64"},
                {"{\"to\":\"2547\",\"text\":\"x\",\"scheduleAt\":\"tomorrow\"}", "scheduleAt"},
                {"{\"to\":\"2547\",\"text\":\"x\",\"validity\":\"forever\"}", "validity"},
                {"{\"to\":\"2547\",\"text\":\"x\",\"encoding\":\"ebcdic\"}", "encoding"},
                {"{\"to\":\"2547\",\"text\":\"x\",\"metadata\":{\"a\":[1]}}", "metadata.a"},
                {"{\"to\":\"2547\",\"text\":\"x\",\"colour\":\"red\"}", "colour"},
                {"{\"messages\":[{\"to\":\"2547\",\"text\":\"x\"},{\"to\":\"2547\"}]}", "messages[1].text"},
        };
        for (String[] c : cases) {
            var r = send("k-shop-123", c[0]);
            assertThat(r.statusCode()).as(c[0]).isEqualTo(400);
            assertThat(Http.json(r).get("field").asText()).as(c[0]).isEqualTo(c[1]);
        }
        var malformed = send("k-shop-123", "{\"to\": ");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(Http.json(malformed).get("error").asText()).isNotEmpty();
        var oversized = send("k-shop-123", "{\"to\":\"2547\",\"text\":\"" + "x".repeat(20_000) + "\"}");
        assertThat(oversized.statusCode()).isEqualTo(413);
    }

    @Test
    void receiverAnswering500ThenOk_getsTheCallbackAgain() {
        AtomicInteger calls = new AtomicInteger();
        receiver.answer(r -> r.path().equals("/flaky") && calls.incrementAndGet() <= 2
                ? HttpResponse.text(500, "text/plain", "boom") : HttpResponse.text(200, "text/plain", "ok"));
        try {
            var resp = send("k-shop-123", "{\"to\":\"254700000051\",\"text\":\"x\",\"dlrUrl\":\"" + receiver.url("/flaky")
                    + "\",\"dlrLevel\":\"smsc\"}");
            assertThat(resp.statusCode()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.on("/flaky").size() >= 3);
            List<HttpRequest> got = receiver.on("/flaky");
            // The same callback, three attempts: two answered 500, the third 200; then no more.
            assertThat(got.stream().map(r -> r.header("X-Ujumbe-Callback-Id").orElseThrow()).distinct()).hasSize(1);
            assertThat(got.get(2).header("X-Ujumbe-Attempt")).contains("3");
            await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(5)).until(() -> receiver.on("/flaky").size() == 3);
        } finally {
            receiver.answer(r -> HttpResponse.text(200, "text/plain", "ok"));
        }
    }

    @Test
    void inboundSms_isPostedToTheMoRoute() {
        smsc.injectMo("254711000001", "22555", "hello gateway").join();
        await().atMost(Duration.ofSeconds(20)).until(() -> !receiver.on("/mo").isEmpty());
        JsonNode mo = Http.json(receiver.on("/mo").get(0).bodyText());
        assertThat(mo.get("from").asText()).isEqualTo("254711000001");
        assertThat(mo.get("to").asText()).isEqualTo("22555");
        assertThat(mo.get("text").asText()).isEqualTo("hello gateway");
        assertThat(mo.get("connector").asText()).isEqualTo("sim");
    }

    @Test
    void healthConnectorsOpenApi() {
        assertThat(Http.get(base + "/health").statusCode()).isEqualTo(200);
        var c = Http.get(base + "/v1/connectors", "Authorization", Http.bearer("k-shop-123"));
        assertThat(c.statusCode()).isEqualTo(200);
        JsonNode sim = Http.json(c).get("connectors").get(0);
        assertThat(sim.get("name").asText()).isEqualTo("sim");
        assertThat(sim.get("boundSessions").asInt()).isEqualTo(1);
        assertThat(sim.has("queueDepth")).isTrue();
        assertThat(Http.get(base + "/v1/connectors").statusCode()).isEqualTo(401);
        var api = Http.get(base + "/v1/openapi.json");
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(Http.json(api).get("openapi").asText()).startsWith("3.");
        assertThat(Http.json(api).get("paths").get("/v1/messages").has("post")).isTrue();
        assertThat(Http.json(api).get("paths").get("/v1/messages/{id}").has("get")).isTrue();
    }

    @Test
    void otherDoorsSubmitThroughTheSameChecks() throws Exception {
        UserConfig shop = gateway.authenticator().user("shop").orElseThrow();
        GatewayMessage m = GatewayMessage.builder(java.util.UUID.randomUUID().toString(), "shop", "254700000061").text("door").build();
        List<SubmitResult> r = gateway.admit(shop, List.of(m)).toCompletableFuture().get();
        assertThat(r.get(0).queued()).isTrue();
        await().atMost(Duration.ofSeconds(20)).until(() -> gateway.messageService().find(m.id()).toCompletableFuture().join()
                .map(v -> v.status() == MessageStatus.DELIVERED).orElse(false));
        UserConfig brand = gateway.authenticator().user("brand").orElseThrow();
        GatewayMessage wrong = GatewayMessage.builder(java.util.UUID.randomUUID().toString(), "brand", "254700000062")
                .text("x").from("OTHER").build();
        assertThat(gateway.admit(brand, List.of(wrong)).toCompletableFuture()).failsWithin(Duration.ofSeconds(5))
                .withThrowableThat().havingRootCause().isInstanceOf(io.ujumbe.http.HttpException.class)
                .withMessageContaining("may not send from");
    }
}
