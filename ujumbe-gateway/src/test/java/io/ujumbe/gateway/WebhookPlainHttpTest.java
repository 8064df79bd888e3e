package io.ujumbe.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.ujumbe.http.HttpRequest;
import io.ujumbe.smsc.SmscConfig;
import io.ujumbe.smsc.SmscSimulator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Callbacks to an http:// receiver are plain HTTP/1.1: no h2c upgrade offered (the JDK client's
 * default would add Upgrade and HTTP2-Settings headers to every call), body and signature as before.
 */
class WebhookPlainHttpTest {
    @Test
    void callbacksToHttpReceivers_offerNoH2cUpgrade_andKeepTheirBodyAndSignature() {
        try (SmscSimulator smsc = SmscSimulator.start(SmscConfig.builder().port(0).receiptDelay(Duration.ofMillis(20)).build());
             WebhookReceiver receiver = new WebhookReceiver();
             Gateway gateway = Gateway.builder(GatewayConfig.builder().httpPort(0)
                     .addConnector(ConnectorConfig.builder("sim").port(smsc.port()).systemId("acme").password("secret").build())
                     .addRoute(RouteConfig.toConnector("default", "sim"))
                     .addUser(UserConfig.builder("shop").apiKey("k-shop-123").webhookSecret("s3cret").build())
                     .build()).start()) {
            String base = "http://127.0.0.1:" + gateway.port();
            await().atMost(Duration.ofSeconds(30)).until(() -> gateway.connectors().get("sim").boundSessions() > 0);
            var r = Http.post(base + "/v1/messages", "{\"to\":\"254700000001\",\"text\":\"hi\",\"dlrUrl\":\""
                    + receiver.url("/dlr") + "\",\"dlrLevel\":\"all\"}", "Authorization", Http.bearer("k-shop-123"));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
            String id = Http.json(r).get("messages").get(0).get("id").asText();
            assertThat(UUID.fromString(id).version()).isEqualTo(4);
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.on("/dlr").size() >= 2);
            for (HttpRequest cb : receiver.on("/dlr")) {
                assertThat(cb.header("Upgrade")).isEmpty();
                assertThat(cb.header("HTTP2-Settings")).isEmpty();
                assertThat(cb.header("X-Ujumbe-Signature").orElse("")).startsWith("sha256=");
                assertThat(UUID.fromString(cb.header("X-Ujumbe-Callback-Id").orElseThrow()).version()).isEqualTo(4);
                JsonNode body = Http.json(cb.bodyText());
                assertThat(body.get("id").asText()).isEqualTo(id);
            }
            assertThat(receiver.on("/dlr")).extracting(cb -> Http.json(cb.bodyText()).get("status").asText())
                    .contains("accepted", "delivered");
        }
    }
}
