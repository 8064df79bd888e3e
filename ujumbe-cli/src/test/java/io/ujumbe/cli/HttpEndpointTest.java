package io.ujumbe.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.ujumbe.client.ClientConfig;
import io.ujumbe.client.SmppClient;
import io.ujumbe.smsc.SmscConfig;
import io.ujumbe.smsc.SmscSimulator;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code ujumbe run}'s health and metrics endpoint (issue 10: a stalled client delays nobody). */
class HttpEndpointTest {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void healthFollowsTheBindsAndStalledClientsDelayNobody() throws Exception {
        try (SmscSimulator smsc = SmscSimulator.start(SmscConfig.builder().port(0).build())) {
            PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            SmppClient client = SmppClient.create(ClientConfig.builder().host("127.0.0.1").port(smsc.port())
                    .systemId("acme").password("secret").meterRegistry(registry).build());
            try (HttpEndpoint endpoint = HttpEndpoint.start("127.0.0.1", 0, client, registry)) {
                String base = "http://127.0.0.1:" + endpoint.port();
                assertThat(get(base + "/health").statusCode()).isEqualTo(503);
                client.start().get(30, TimeUnit.SECONDS);
                await().atMost(Duration.ofSeconds(20)).until(() -> get(base + "/health").statusCode() == 200);
                JsonNode health = new ObjectMapper().readTree(get(base + "/health").body());
                assertThat(health.path("status").asText()).isEqualTo("UP");
                assertThat(health.path("boundSessions").asInt()).isEqualTo(1);

                List<Socket> stalled = new ArrayList<>();
                try {
                    for (int i = 0; i < 20; i++) {
                        Socket s = new Socket("127.0.0.1", endpoint.port());
                        OutputStream out = s.getOutputStream();
                        out.write("GET /metrics HTTP/1.1\r\nHost: loc".getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        stalled.add(s);
                    }
                    long worst = 0;
                    for (int i = 0; i < 10; i++) {
                        long t0 = System.nanoTime();
                        assertThat(get(base + "/health").statusCode()).isEqualTo(200);
                        worst = Math.max(worst, System.nanoTime() - t0);
                    }
                    assertThat(TimeUnit.NANOSECONDS.toMillis(worst)).isLessThan(1000);
                    HttpResponse<String> metrics = get(base + "/metrics");
                    assertThat(metrics.statusCode()).isEqualTo(200);
                    assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(
                            v -> assertThat(v).startsWith("text/plain; version=0.0.4"));
                } finally {
                    for (Socket s : stalled) {
                        s.close();
                    }
                }
            } finally {
                client.stop(Duration.ofSeconds(5)).get(10, TimeUnit.SECONDS);
            }
        }
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
