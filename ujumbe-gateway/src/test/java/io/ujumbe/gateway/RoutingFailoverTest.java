package io.ujumbe.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.ujumbe.smsc.SmscConfig;
import io.ujumbe.smsc.SmscSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Routes by destination, sender, user, tags and regex; weighted choice; failover when an SMSC dies. */
class RoutingFailoverTest {
    SmscSimulator a;
    SmscSimulator b;
    Gateway gateway;
    String base;

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
    }

    void start(GatewayConfig.Builder config, double rateA) {
        a = SmscSimulator.start(SmscConfig.builder().port(0).receiptDelay(Duration.ofMillis(50)).build());
        b = SmscSimulator.start(SmscConfig.builder().port(0).receiptDelay(Duration.ofMillis(50)).build());
        gateway = Gateway.builder(config.httpPort(0).failoverAfter(Duration.ofSeconds(1))
                .addConnector(ConnectorConfig.builder("a").port(a.port()).systemId("acme").password("pw")
                        .ratePerSecond(rateA).responseTimeout(Duration.ofSeconds(2)).build())
                .addConnector(ConnectorConfig.builder("b").port(b.port()).systemId("acme").password("pw").build())
                .addUser(UserConfig.builder("shop").apiKey("k-shop-123").build())
                .addUser(UserConfig.builder("bank").apiKey("k-bank-123").build())
                .build()).start();
        base = "http://127.0.0.1:" + gateway.port();
        await().atMost(Duration.ofSeconds(20)).until(() -> gateway.connectors().get("a").boundSessions() > 0
                && gateway.connectors().get("b").boundSessions() > 0);
    }

    String send(String key, String body) {
        var r = Http.post(base + "/v1/messages", body, "Authorization", Http.bearer(key));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        return Http.json(r).get("messages").get(0).get("id").asText();
    }

    JsonNode status(String id) {
        return Http.json(Http.get(base + "/v1/messages/" + id, "Authorization", Http.bearer("k-shop-123")));
    }

    static WeightedConnector w(String name, int weight) {
        return new WeightedConnector(name, weight);
    }

    @Test
    void routesByPrefixSenderUserTagAndRegex_firstMatchWins_defaultLast() {
        start(GatewayConfig.builder()
                .addRoute(new RouteConfig("ke", List.of("2547"), null, List.of(), List.of(), List.of(), List.of(w("b", 1))))
                .addRoute(new RouteConfig("vip", List.of(), null, List.of("VIP"), List.of(), List.of(), List.of(w("b", 1))))
                .addRoute(new RouteConfig("bank", List.of(), null, List.of(), List.of("bank"), List.of(), List.of(w("b", 1))))
                .addRoute(new RouteConfig("otp", List.of(), null, List.of(), List.of(), List.of("otp"), List.of(w("b", 1))))
                .addRoute(new RouteConfig("tz", List.of(), "255[67]\\d{8}", List.of(), List.of(), List.of(), List.of(w("b", 1))))
                .addRoute(RouteConfig.toConnector("default", "a")), 0);
        send("k-shop-123", "{\"to\":\"254700000001\",\"text\":\"prefix\"}");
        send("k-shop-123", "{\"to\":\"19990000001\",\"text\":\"sender\",\"from\":\"VIP\"}");
        send("k-bank-123", "{\"to\":\"19990000002\",\"text\":\"user\"}");
        send("k-shop-123", "{\"to\":\"19990000003\",\"text\":\"tag\",\"tags\":[\"otp\"]}");
        send("k-shop-123", "{\"to\":\"255712345678\",\"text\":\"regex\"}");
        send("k-shop-123", "{\"to\":\"19990000004\",\"text\":\"default\"}");
        send("k-shop-123", "{\"to\":\"2557123\",\"text\":\"regex must match whole\"}");
        await().atMost(Duration.ofSeconds(20)).until(() -> a.record().submits().size() + b.record().submits().size() == 7);
        assertThat(b.record().submits()).extracting(s -> s.text())
                .containsExactlyInAnyOrder("prefix", "sender", "user", "tag", "regex");
        assertThat(a.record().submits()).extracting(s -> s.text()).containsExactlyInAnyOrder("default", "regex must match whole");
    }

    @Test
    void weightedChoiceSpreadsOverTheRoutesConnectors() {
        start(GatewayConfig.builder().addRoute(new RouteConfig("both", List.of(), null, List.of(), List.of(), List.of(),
                List.of(w("a", 3), w("b", 1)))), 0);
        for (int i = 0; i < 40; i++) {
            send("k-shop-123", "{\"to\":\"2547000001" + String.format("%02d", i) + "\",\"text\":\"w\"}");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> a.record().submits().size() + b.record().submits().size() == 40);
        assertThat(a.record().submits().size()).isGreaterThan(b.record().submits().size());
        assertThat(b.record().submits()).isNotEmpty();
    }

    @Test
    void noBoundSession_sendsThroughTheNextConnector() {
        start(GatewayConfig.builder().addRoute(new RouteConfig("ab", List.of(), null, List.of(), List.of(), List.of(),
                List.of(w("a", 1_000_000), w("b", 1)))), 0);
        a.close();
        await().atMost(Duration.ofSeconds(20)).until(() -> gateway.connectors().get("a").boundSessions() == 0);
        String id = send("k-shop-123", "{\"to\":\"254700000301\",\"text\":\"failover\"}");
        await().atMost(Duration.ofSeconds(20)).until(() -> status(id).get("status").asText().equals("delivered"));
        assertThat(status(id).get("connector").asText()).isEqualTo("b");
        assertThat(b.record().submits()).extracting(s -> s.text()).contains("failover");
    }

    @Test
    void whatIsQueuedForADeadConnectorMovesOn() {
        // a sends 1 message per second, so most of the 6 are still queued there when its SMSC dies.
        start(GatewayConfig.builder().addRoute(new RouteConfig("ab", List.of(), null, List.of(), List.of(), List.of(),
                List.of(w("a", 1_000_000), w("b", 1)))), 1);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(send("k-shop-123", "{\"to\":\"25470000040" + i + "\",\"text\":\"q" + i + "\"}"));
        }
        a.close();
        for (String id : ids) {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                String s = status(id).get("status").asText();
                return s.equals("delivered") || s.equals("accepted");
            });
        }
        assertThat(b.record().submits().size()).isGreaterThanOrEqualTo(3);
        long movedOn = ids.stream().filter(id -> status(id).get("timeline").findValuesAsText("event").contains("failover")).count();
        assertThat(movedOn).isGreaterThanOrEqualTo(3);
        assertThat(ids.stream().map(id -> status(id).get("connector").asText())).contains("b");
    }

    @Test
    void aMessageWhoseOnlyConnectorIsDown_waitsForIt_andIsSentWhenItsSmscReturns() {
        start(GatewayConfig.builder()
                .addRoute(new RouteConfig("only-a", List.of("2541"), null, List.of(), List.of(), List.of(), List.of(w("a", 1))))
                .addRoute(RouteConfig.toConnector("default", "b")), 0);
        int port = a.port();
        a.close();
        await().atMost(Duration.ofSeconds(20)).until(() -> gateway.connectors().get("a").boundSessions() == 0);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(send("k-shop-123", "{\"to\":\"25410000050" + i + "\",\"text\":\"wait" + i + "\"}"));
        }
        // Longer than failoverAfter (1 s): a's queue is handed on, finds no other connector, and waits.
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> true);
        for (String id : ids) {
            assertThat(status(id).get("status").asText()).isEqualTo("queued");
        }
        a = SmscSimulator.start(SmscConfig.builder().port(port).receiptDelay(Duration.ofMillis(50)).build());
        for (String id : ids) {
            await().atMost(Duration.ofSeconds(30)).until(() -> status(id).get("status").asText().equals("delivered"));
            assertThat(status(id).get("connector").asText()).isEqualTo("a");
        }
        assertThat(b.record().submits()).isEmpty();
    }
}
