package io.ujumbe.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.ujumbe.http.HttpHandler;
import io.ujumbe.http.HttpServer;
import io.ujumbe.http.HttpServerConfig;
import io.ujumbe.smsc.SmscConfig;
import io.ujumbe.smsc.SmscSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Rule interceptors and a coded one, MO keyword routing, long messages, and a stalled webhook receiver. */
class InterceptorsAndWebhooksTest {
    static SmscSimulator smsc;
    static WebhookReceiver receiver;
    static HttpServer stalled;
    static Gateway gateway;
    static String base;

    @BeforeAll
    static void start() {
        smsc = SmscSimulator.start(SmscConfig.builder().port(0).receiptDelay(Duration.ofMillis(50)).build());
        receiver = new WebhookReceiver();
        // A receiver that takes every request and never answers.
        stalled = HttpServer.start(HttpServerConfig.builder().port(0).handlerTimeout(Duration.ofMinutes(10)).build(),
                (HttpHandler) r -> new CompletableFuture<>());
        gateway = Gateway.builder(GatewayConfig.builder().httpPort(0).webhookTimeout(Duration.ofSeconds(20)).webhookMaxPerUrl(2)
                .addConnector(ConnectorConfig.builder("sim").port(smsc.port()).systemId("acme").password("secret").build())
                .addRoute(new RouteConfig("vip", List.of(), null, List.of(), List.of(), List.of("vip"),
                        List.of(new WeightedConnector("sim", 1))))
                .addRoute(RouteConfig.toConnector("default", "sim"))
                .addUser(UserConfig.builder("shop").apiKey("k-shop-123").build())
                .addRule(new RuleConfig("rewriteSender", "OLD*", "2547", "NEWBRAND"))
                .addRule(new RuleConfig("blockDestination", "254799", null, null))
                .addRule(new RuleConfig("moKeyword", "STOP", null, "optout"))
                .addMoRoute(new MoRouteConfig("optout", List.of(), null, List.of("optout"), receiver.url("/optout"), null))
                .addMoRoute(new MoRouteConfig("shortcode", List.of("22555"), "JOIN", List.of(), receiver.url("/join"), null))
                .addMoRoute(new MoRouteConfig("default", List.of(), null, List.of(), receiver.url("/mo"), null))
                .build())
                .addMtInterceptor(chain -> chain.message().text() != null && chain.message().text().startsWith("[vip]")
                        ? chain.proceed(chain.message().toBuilder().addTag("vip").text(chain.message().text().substring(5)).build())
                        : chain.proceed(chain.message()))
                .start();
        base = "http://127.0.0.1:" + gateway.port();
        await().atMost(Duration.ofSeconds(20)).until(() -> gateway.connectors().get("sim").boundSessions() > 0);
    }

    @AfterAll
    static void stop() {
        gateway.close();
        stalled.close();
        receiver.close();
        smsc.close();
    }

    static JsonNode send(String body) {
        var r = Http.post(base + "/v1/messages", body, "Authorization", Http.bearer("k-shop-123"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        return Http.json(r).get("messages").get(0);
    }

    @Test
    void ruleInterceptors_rewriteTheSender_blockDestinations_andACodedOneRewritesText() {
        send("{\"to\":\"254700000901\",\"text\":\"rewritten\",\"from\":\"OLDNAME\"}");
        send("{\"to\":\"19990000901\",\"text\":\"kept\",\"from\":\"OLDNAME\"}");
        JsonNode blocked = send("{\"to\":\"254799000001\",\"text\":\"blocked\",\"dlrUrl\":\"" + receiver.url("/blocked")
                + "\",\"dlrLevel\":\"smsc\"}");
        assertThat(blocked.get("status").asText()).isEqualTo("failed");
        assertThat(blocked.get("error").asText()).isEqualTo("blocked");
        JsonNode vip = send("{\"to\":\"254700000902\",\"text\":\"[vip]hello\"}");
        await().atMost(Duration.ofSeconds(20)).until(() -> smsc.record().submits().stream().anyMatch(s -> s.text().equals("hello")));
        assertThat(smsc.record().submits()).anyMatch(s -> s.text().equals("rewritten") && s.source().equals("NEWBRAND"));
        await().atMost(Duration.ofSeconds(20)).until(() -> smsc.record().submits().stream().anyMatch(s -> s.text().equals("kept")));
        assertThat(smsc.record().submits()).anyMatch(s -> s.text().equals("kept") && s.source().equals("OLDNAME"));
        assertThat(smsc.record().submits()).noneMatch(s -> s.text().equals("blocked"));
        // The rejection is reported like an SMSC's, and the status says why.
        await().atMost(Duration.ofSeconds(20)).until(() -> !receiver.on("/blocked").isEmpty());
        assertThat(Http.json(receiver.on("/blocked").get(0).bodyText()).get("status").asText()).isEqualTo("rejected");
        JsonNode st = Http.json(Http.get(base + "/v1/messages/" + blocked.get("id").asText(), "Authorization", Http.bearer("k-shop-123")));
        assertThat(st.get("status").asText()).isEqualTo("failed");
        assertThat(st.get("timeline").get(0).get("error").asText()).isEqualTo("blocked");
        assertThat(vip.get("status").asText()).isEqualTo("queued");
    }

    @Test
    void inboundSms_routedByKeywordRuleTag_shortCodeAndKeyword_orDefault() {
        smsc.injectMo("254711000101", "40000", "stop all messages").join();
        smsc.injectMo("254711000102", "22555", "JOIN club").join();
        smsc.injectMo("254711000103", "22555", "hello").join();
        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.on("/optout").size() == 1
                && receiver.on("/join").size() == 1 && receiver.on("/mo").size() == 1);
        assertThat(Http.json(receiver.on("/optout").get(0).bodyText()).get("tags").get(0).asText()).isEqualTo("optout");
        assertThat(Http.json(receiver.on("/join").get(0).bodyText()).get("from").asText()).isEqualTo("254711000102");
        assertThat(Http.json(receiver.on("/mo").get(0).bodyText()).get("text").asText()).isEqualTo("hello");
    }

    @Test
    void longMessage_isDeliveredWhenEveryPartIs() {
        String text = "x".repeat(400);
        JsonNode m = send("{\"to\":\"254700000903\",\"text\":\"" + text + "\"}");
        String id = m.get("id").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> Http.json(Http.get(base + "/v1/messages/" + id,
                "Authorization", Http.bearer("k-shop-123"))).get("status").asText().equals("delivered"));
        JsonNode st = Http.json(Http.get(base + "/v1/messages/" + id, "Authorization", Http.bearer("k-shop-123")));
        assertThat(st.get("smscMessageIds")).hasSize(3);
        assertThat(st.get("timeline").findValuesAsText("event").stream().filter(e -> e.equals("receipt"))).hasSize(3);
    }

    @Test
    void aStalledReceiverDelaysNoOtherReceiver() {
        String stalledUrl = "http://127.0.0.1:" + stalled.port() + "/hang";
        for (int i = 0; i < 10; i++) {
            send("{\"to\":\"25470000095" + i + "\",\"text\":\"s\",\"dlrUrl\":\"" + stalledUrl + "\",\"dlrLevel\":\"all\"}");
        }
        long t0 = System.nanoTime();
        send("{\"to\":\"254700000960\",\"text\":\"fast\",\"dlrUrl\":\"" + receiver.url("/fast") + "\",\"dlrLevel\":\"all\"}");
        await().atMost(Duration.ofSeconds(15)).until(() -> receiver.on("/fast").size() >= 2);
        // Both callbacks of the healthy receiver came while the stalled one held its calls for 20 s each.
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(15));
        assertThat(gateway.state().callbackQueue().pending()).isGreaterThanOrEqualTo(18);
    }
}
