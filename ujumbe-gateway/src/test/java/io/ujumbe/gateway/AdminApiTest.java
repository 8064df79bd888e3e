package io.ujumbe.gateway;

import io.ujumbe.smsc.SmscConfig;
import io.ujumbe.smsc.SmscSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Users, connectors and routes changed at run time through /v1/admin, persisted, binds kept. */
class AdminApiTest {
    @TempDir
    Path dir;
    SmscSimulator a;
    SmscSimulator b;
    Gateway gateway;
    String base;

    GatewayConfig config() {
        return GatewayConfig.builder().httpPort(0).admin("root", "root-pw").adminStore(dir.resolve("store.json"))
                .addConnector(ConnectorConfig.builder("a").port(a.port()).systemId("acme").password("pw").build())
                .addRoute(RouteConfig.toConnector("default", "a"))
                .addUser(UserConfig.builder("shop").apiKey("k-shop-123").build())
                .build();
    }

    @BeforeEach
    void start() {
        a = SmscSimulator.start(SmscConfig.builder().port(0).receiptDelay(Duration.ofMillis(50)).build());
        b = SmscSimulator.start(SmscConfig.builder().port(0).receiptDelay(Duration.ofMillis(50)).build());
        gateway = Gateway.builder(config()).start();
        base = "http://127.0.0.1:" + gateway.port();
        await().atMost(Duration.ofSeconds(20)).until(() -> gateway.connectors().get("a").boundSessions() > 0);
    }

    @AfterEach
    void stop() {
        gateway.close();
        a.close();
        b.close();
    }

    java.net.http.HttpResponse<String> put(String path, String body, String auth) {
        return Http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", auth)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    java.net.http.HttpResponse<String> delete(String path, String auth) {
        return Http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", auth).DELETE().build());
    }

    static final String ROOT = Http.basic("root", "root-pw");

    @Test
    void usersConnectorsRoutesChangeAtRunTime_keepingUntouchedBinds_andPersist() throws Exception {
        int bindsBefore = a.record().binds().size();
        // A new user can send at once.
        assertThat(put("/v1/admin/users/ops", "{\"apiKey\":\"k-ops-4567\"}", ROOT).statusCode()).isEqualTo(201);
        assertThat(Http.post(base + "/v1/messages", "{\"to\":\"254700000801\",\"text\":\"x\"}",
                "Authorization", Http.bearer("k-ops-4567")).statusCode()).isEqualTo(202);
        // A new connector and a route to it, placed before the default route.
        assertThat(put("/v1/admin/connectors/b", "{\"host\":\"127.0.0.1\",\"port\":" + b.port()
                + ",\"systemId\":\"acme\",\"password\":\"pw\"}", ROOT).statusCode()).isEqualTo(201);
        assertThat(put("/v1/admin/routes/tz", "{\"to\":[\"255\"],\"connector\":\"b\"}", ROOT).statusCode()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(20)).until(() -> gateway.connectors().get("b").boundSessions() > 0);
        assertThat(Http.post(base + "/v1/messages", "{\"to\":\"255700000802\",\"text\":\"to-b\"}",
                "Authorization", Http.bearer("k-ops-4567")).statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> b.record().submits().stream().anyMatch(s -> s.text().equals("to-b")));
        // Connector a was not touched: it kept its bind.
        assertThat(a.record().binds()).hasSize(bindsBefore);
        assertThat(gateway.config().routes()).extracting(RouteConfig::name).containsExactly("tz", "default");

        // Errors name the field; a route to a missing connector is refused.
        var bad = put("/v1/admin/connectors/c", "{\"host\":\"127.0.0.1\",\"port\":\"x\",\"systemId\":\"s\",\"password\":\"p\"}", ROOT);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(Http.json(bad).get("field").asText()).isEqualTo("port");
        var conflict = put("/v1/admin/routes/ghost", "{\"connector\":\"nowhere\"}", ROOT);
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(Http.json(conflict).get("message").asText()).contains("nowhere");
        // Wrong or missing admin credentials.
        assertThat(put("/v1/admin/users/x", "{\"apiKey\":\"k-xxx-4567\"}", Http.basic("root", "nope")).statusCode()).isEqualTo(401);
        assertThat(put("/v1/admin/users/x", "{\"apiKey\":\"k-xxx-4567\"}", Http.bearer("k-shop-123")).statusCode()).isEqualTo(401);

        // The admin view hides secrets.
        var view = Http.get(base + "/v1/admin/config", "Authorization", ROOT);
        assertThat(view.statusCode()).isEqualTo(200);
        assertThat(view.body()).doesNotContain("\"pw\"").doesNotContain("k-ops-4567");

        // Interceptor rules change at run time too.
        assertThat(put("/v1/admin/rules", "[{\"type\":\"blockDestination\",\"match\":\"254799\"}]", ROOT).statusCode())
                .isEqualTo(200);
        var blocked = Http.post(base + "/v1/messages", "{\"to\":\"254799000001\",\"text\":\"x\"}",
                "Authorization", Http.bearer("k-ops-4567"));
        assertThat(Http.json(blocked).get("messages").get(0).get("error").asText()).isEqualTo("blocked");
        var badRule = put("/v1/admin/rules", "[{\"type\":\"explode\",\"match\":\"x\"}]", ROOT);
        assertThat(badRule.statusCode()).isEqualTo(400);
        assertThat(Http.json(badRule).get("field").asText()).isEqualTo("[0].type");

        // Removing a user shuts it out.
        assertThat(delete("/v1/admin/users/ops", ROOT).statusCode()).isEqualTo(204);
        assertThat(Http.post(base + "/v1/messages", "{\"to\":\"254700000803\",\"text\":\"x\"}",
                "Authorization", Http.bearer("k-ops-4567")).statusCode()).isEqualTo(401);
        assertThat(put("/v1/admin/users/ops2", "{\"apiKey\":\"k-ops2-4567\"}", ROOT).statusCode()).isEqualTo(201);

        // A restart with the same store has the changes.
        assertThat(Files.readString(dir.resolve("store.json"))).contains("\"ops2\"").doesNotContain("k-ops2-4567");
        gateway.close();
        gateway = Gateway.builder(config()).start();
        base = "http://127.0.0.1:" + gateway.port();
        assertThat(gateway.connectors()).containsKeys("a", "b");
        assertThat(gateway.config().routes()).extracting(RouteConfig::name).containsExactly("tz", "default");
        assertThat(Http.post(base + "/v1/messages", "{\"to\":\"254700000804\",\"text\":\"x\"}",
                "Authorization", Http.bearer("k-ops2-4567")).statusCode()).isEqualTo(202);
    }
}
