package io.ujumbe.cli;

import io.ujumbe.gateway.GatewayConfig;
import io.ujumbe.http.HttpRequest;
import io.ujumbe.http.HttpResponse;
import io.ujumbe.http.HttpServer;
import io.ujumbe.http.HttpServerConfig;
import io.ujumbe.smsc.SmscConfig;
import io.ujumbe.smsc.SmscSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** {@code ujumbe gateway --config}: the file's keys, its errors, and the command as a process. */
class GatewayCommandTest {
    @TempDir
    Path dir;

    @Test
    void theExampleFileIsAValidGateway() {
        GatewayConfig c = GatewayConfigFile.load(Path.of("../examples/gateway.yaml"), Map.of());
        assertThat(c.httpPort()).isEqualTo(8080);
        assertThat(c.connectors()).hasSize(1);
        assertThat(c.connectors().get(0).name()).isEqualTo("sim");
        assertThat(c.connectors().get(0).host()).isEqualTo("127.0.0.1");
        assertThat(c.connectors().get(0).port()).isEqualTo(2775);
        assertThat(c.connectors().get(0).systemId()).isEqualTo("acme");
        assertThat(c.routes()).hasSize(1);
        assertThat(c.routes().get(0).connectors().get(0).name()).isEqualTo("sim");
        assertThat(c.users().get(0).name()).isEqualTo("shop");
        // The key is kept only as its hash.
        assertThat(c.users().get(0).toString()).doesNotContain("k-shop-123");
        assertThat(c.users().get(0).apiKeySha256()).isPresent();
    }

    @Test
    void everySectionIsRead() throws Exception {
        Path f = dir.resolve("full.yaml");
        Files.writeString(f, String.join("\n",
                "http: {host: 0.0.0.0, port: 9090, ioThreads: 4, maxRequestBytes: 65536, maxBatch: 50}",
                "connectors:",
                "  - {name: a, host: 10.0.0.1, port: 2775, systemId: acme, password: '${SMSC_PW}', bind: tx, binds: 2,",
                "     windowSize: 50, ratePerSecond: 35, responseTimeout: 5s, enquireLinkInterval: 20s}",
                "  - {name: b, host: 10.0.0.2, systemId: acme, password: x, tls: {enabled: true, insecureTrustAll: true}}",
                "routes:",
                "  - {name: ke, to: ['2547'], toRegex: '2547\\d+', from: [VIP], users: [shop], tags: [otp],",
                "     connectors: [{name: a, weight: 3}, {name: b}]}",
                "  - {connector: a}",
                "moRoutes:",
                "  - {name: join, to: ['22555'], keyword: JOIN, url: 'http://127.0.0.1:9000/mo', user: shop}",
                "users:",
                "  - {name: shop, apiKey: k-shop-123, password: pw, allowedSenders: [ACME], ratePerSecond: 10, quota: 1000,",
                "     dlrUrl: 'http://127.0.0.1:9000/dlr', webhookSecret: s3cret, tags: [otp]}",
                "rules:",
                "  - {type: rewriteSender, match: 'OLD*', to: '2547', value: NEW}",
                "webhooks: {timeout: 5s, retryFor: 2h, initialBackoff: 500ms, maxBackoff: 30s, maxPerUrl: 4, secret: gw}",
                "routing: {failoverAfter: 3s, maxConsecutiveFailures: 7}",
                "admin: {user: root, password: rootpw, store: admin-store.json}",
                "redis: {uri: 'redis://127.0.0.1:6379', keyPrefix: 'gw1:'}",
                "messageTtl: 2d",
                "drainTimeout: 10s",
                ""));
        GatewayConfig c = GatewayConfigFile.load(f, Map.of("SMSC_PW", "from-env"));
        assertThat(c.httpHost()).isEqualTo("0.0.0.0");
        assertThat(c.maxBatch()).isEqualTo(50);
        assertThat(c.connectors().get(0).password()).isEqualTo("from-env");
        assertThat(c.connectors().get(0).binds()).isEqualTo(2);
        assertThat(c.connectors().get(1).tls()).isNotNull();
        assertThat(c.routes().get(0).connectors()).containsExactly(new io.ujumbe.gateway.WeightedConnector("a", 3),
                new io.ujumbe.gateway.WeightedConnector("b", 1));
        assertThat(c.routes().get(0).toRegex()).isEqualTo("2547\\d+");
        assertThat(c.moRoutes().get(0).keyword()).isEqualTo("JOIN");
        assertThat(c.users().get(0).allowsSender("ACME")).isTrue();
        assertThat(c.users().get(0).quota()).isEqualTo(1000);
        assertThat(c.rules()).hasSize(1);
        assertThat(c.webhookMaxPerUrl()).isEqualTo(4);
        assertThat(c.failoverAfter()).isEqualTo(Duration.ofSeconds(3));
        assertThat(c.adminUser()).contains("root");
        assertThat(c.adminStore()).contains(dir.toAbsolutePath().resolve("admin-store.json"));
        assertThat(c.redisUri()).contains("redis://127.0.0.1:6379");
        assertThat(c.redisKeyPrefix()).isEqualTo("gw1:");
        assertThat(c.messageTtl()).isEqualTo(Duration.ofDays(2));
    }

    @Test
    void everyProblemIsReportedWithItsKey() throws Exception {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, String.join("\n",
                "http: {port: 8080, prot: 1}",
                "connectors:",
                "  - {name: sim, host: 127.0.0.1, port: 70000, systemId: acme, password: secret}",
                "  - {name: two, host: 127.0.0.1, systemId: acme}",
                "routes:",
                "  - {connector: nowhere}",
                "  - {to: [\"2547\"]}",
                "users:",
                "  - {name: shop}",
                "  - {name: short, apiKey: abc}",
                "  - {name: esme, apiKey: k-esme-123, systemId: this-is-far-too-long, password: pw}",
                "  - {name: nopw, apiKey: k-nopw-123, systemId: nopw}",
                "  - {name: win, apiKey: k-win-1234, systemId: win, password: pw, smppWindow: 0}",
                "smpp: {port: 2776, tls: {port: 2777, certificateChain: missing.pem, privateKey: missing.pem}, queuedTtl: never}",
                "webhooks: {timeout: soon}",
                "rules:",
                "  - {type: explode, match: x}",
                ""));
        assertThatThrownBy(() -> GatewayConfigFile.load(f, Map.of())).isInstanceOfSatisfying(ConfigException.class, e ->
                assertThat(e.problems()).anyMatch(p -> p.startsWith("http.prot is not a known setting"))
                        .anyMatch(p -> p.startsWith("connectors[0].port must be 1..65535"))
                        .anyMatch(p -> p.startsWith("connectors[1].password is required"))
                        .anyMatch(p -> p.startsWith("routes[0].connector names nowhere"))
                        .anyMatch(p -> p.startsWith("routes[1].connector"))
                        .anyMatch(p -> p.startsWith("users[0].apiKey"))
                        .anyMatch(p -> p.startsWith("users[1]") && p.contains("apiKey must have at least 8 characters"))
                        .anyMatch(p -> p.startsWith("webhooks.timeout must be a duration"))
                        .anyMatch(p -> p.startsWith("users[2].systemId must have 1..15 characters"))
                        .anyMatch(p -> p.startsWith("users[3].systemId needs the user's password"))
                        .anyMatch(p -> p.startsWith("users[4].smppWindow must be 1..10000"))
                        .anyMatch(p -> p.startsWith("smpp.tls.certificateChain must be a readable PEM file"))
                        .anyMatch(p -> p.startsWith("smpp.queuedTtl must be a duration"))
                        .anyMatch(p -> p.startsWith("rules[0]") && p.contains("type must be one of")));
    }

    @Test
    void theSmppFrontTakesAJsmppClientsMessage_andRelaysItsReceiptWithTheGivenId() throws Exception {
        try (SmscSimulator smsc = SmscSimulator.start(SmscConfig.builder().port(0).receiptDelay(Duration.ofMillis(50)).build())) {
            Path f = dir.resolve("gateway-smpp.yaml");
            Files.writeString(f, String.join("\n",
                    "http: {port: 0}",
                    "smpp: {port: 0}",
                    "connectors:",
                    "  - {name: sim, host: 127.0.0.1, port: " + smsc.port() + ", systemId: acme, password: secret}",
                    "routes:",
                    "  - {connector: sim}",
                    "users:",
                    "  - {name: shop, apiKey: k-shop-123, systemId: shop, password: pw}",
                    ""));
            try (CliProcess p = CliProcess.start(dir, "gateway", "--config", f.toString(), "--log-format", "json")) {
                int httpPort = Integer.parseInt(p.awaitStdoutLine("gateway on port", Duration.ofSeconds(60)));
                int smppPort = Integer.parseInt(p.awaitStdoutLine("gateway SMPP front on port", Duration.ofSeconds(60)));
                HttpClient http = HttpClient.newHttpClient();
                String base = "http://127.0.0.1:" + httpPort;
                await().atMost(Duration.ofSeconds(30)).until(() -> http.send(java.net.http.HttpRequest.newBuilder(
                        URI.create(base + "/health")).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
                List<org.jsmpp.bean.DeliverSm> receipts = new CopyOnWriteArrayList<>();
                org.jsmpp.session.SMPPSession esme = new org.jsmpp.session.SMPPSession();
                esme.setMessageReceiverListener(new org.jsmpp.session.MessageReceiverListener() {
                    @Override
                    public void onAcceptDeliverSm(org.jsmpp.bean.DeliverSm d) {
                        receipts.add(d);
                    }

                    @Override
                    public void onAcceptAlertNotification(org.jsmpp.bean.AlertNotification a) {
                    }

                    @Override
                    public org.jsmpp.session.DataSmResult onAcceptDataSm(org.jsmpp.bean.DataSm d, org.jsmpp.session.Session s)
                            throws org.jsmpp.extra.ProcessRequestException {
                        throw new org.jsmpp.extra.ProcessRequestException("no data_sm", 3);
                    }
                });
                try {
                    esme.connectAndBind("127.0.0.1", smppPort, new org.jsmpp.session.BindParameter(
                            org.jsmpp.bean.BindType.BIND_TRX, "shop", "pw", "cp", org.jsmpp.bean.TypeOfNumber.UNKNOWN,
                            org.jsmpp.bean.NumberingPlanIndicator.UNKNOWN, null), 15_000);
                    String id = esme.submitShortMessage("", org.jsmpp.bean.TypeOfNumber.ALPHANUMERIC,
                            org.jsmpp.bean.NumberingPlanIndicator.UNKNOWN, "ACME", org.jsmpp.bean.TypeOfNumber.INTERNATIONAL,
                            org.jsmpp.bean.NumberingPlanIndicator.ISDN, "254700000001", new org.jsmpp.bean.ESMClass(),
                            (byte) 0, (byte) 0, null, null, new org.jsmpp.bean.RegisteredDelivery((byte) 1), (byte) 0,
                            new org.jsmpp.bean.GeneralDataCoding(org.jsmpp.bean.Alphabet.ALPHA_DEFAULT), (byte) 0,
                            "hi".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)).getMessageId();
                    await().atMost(Duration.ofSeconds(30)).until(() -> !receipts.isEmpty());
                    assertThat(receipts.get(0).getShortMessageAsDeliveryReceipt().getId()).isEqualTo(id);
                    var status = http.send(java.net.http.HttpRequest.newBuilder(URI.create(base + "/v1/messages/" + id))
                            .header("Authorization", "Bearer k-shop-123").build(), java.net.http.HttpResponse.BodyHandlers.ofString());
                    assertThat(status.body()).contains("\"status\":\"delivered\"");
                    var metrics = http.send(java.net.http.HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString());
                    assertThat(metrics.body()).contains("ujumbe_gateway_smpp_accepted_total");
                } finally {
                    esme.unbindAndClose();
                }
                p.terminate();
                assertThat(p.waitFor(Duration.ofSeconds(60))).isZero();
                assertThat(p.stderr()).contains("SMPP front closed").doesNotContain("\"pw\"");
            }
        }
    }

    @Test
    void theCommandServesTheContract_andStopsCleanlyOnSigterm() throws Exception {
        List<HttpRequest> callbacks = new CopyOnWriteArrayList<>();
        try (SmscSimulator smsc = SmscSimulator.start(SmscConfig.builder().port(0).receiptDelay(Duration.ofMillis(50)).build());
             HttpServer receiver = HttpServer.start(HttpServerConfig.builder().port(0).build(), r -> {
                 callbacks.add(r);
                 return CompletableFuture.completedFuture(HttpResponse.text(200, "text/plain", "ok"));
             })) {
            Path f = dir.resolve("gateway.yaml");
            Files.writeString(f, String.join("\n",
                    "http: {port: 0}",
                    "connectors:",
                    "  - {name: sim, host: 127.0.0.1, port: " + smsc.port() + ", systemId: acme, password: secret}",
                    "routes:",
                    "  - {connector: sim}",
                    "users:",
                    "  - {name: shop, apiKey: k-shop-123}",
                    ""));
            try (CliProcess p = CliProcess.start(dir, "gateway", "--config", f.toString(), "--log-format", "json")) {
                int port = Integer.parseInt(p.awaitStdoutLine("gateway on port", Duration.ofSeconds(60)));
                String base = "http://127.0.0.1:" + port;
                HttpClient http = HttpClient.newHttpClient();
                await().atMost(Duration.ofSeconds(30)).until(() -> http.send(java.net.http.HttpRequest.newBuilder(
                        URI.create(base + "/health")).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
                String dlrUrl = "http://127.0.0.1:" + receiver.port() + "/dlr";
                var resp = http.send(java.net.http.HttpRequest.newBuilder(URI.create(base + "/v1/messages"))
                        .header("Authorization", "Bearer k-shop-123").header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"to\":\"254700000001\",\"text\":\"hi\","
                                + "\"from\":\"ACME\",\"dlrUrl\":\"" + dlrUrl + "\",\"dlrLevel\":\"all\"}")).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                assertThat(resp.statusCode()).isEqualTo(202);
                assertThat(resp.body()).matches("\\{\"messages\":\\[\\{\"id\":\"[^\"]+\",\"to\":\"254700000001\",\"status\":\"queued\"}]}");
                await().atMost(Duration.ofSeconds(30)).until(() -> callbacks.size() >= 2);
                // Callbacks of one message may arrive in any order (each is its own at-least-once call).
                assertThat(callbacks).extracting(HttpRequest::bodyText)
                        .anyMatch(b -> b.contains("\"status\":\"accepted\""))
                        .anyMatch(b -> b.contains("\"status\":\"delivered\""));
                var metrics = http.send(java.net.http.HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                assertThat(metrics.body()).contains("ujumbe_gateway_callbacks_total");
                p.terminate();
                assertThat(p.waitFor(Duration.ofSeconds(60))).isZero();
                assertThat(p.stderr()).contains("gateway stopped").doesNotContain("k-shop-123").doesNotContain("secret");
            }
        }
    }
}
