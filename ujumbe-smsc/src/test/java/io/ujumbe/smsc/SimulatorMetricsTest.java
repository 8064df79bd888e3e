package io.ujumbe.smsc;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ujumbe.client.OutboundMessage;
import io.ujumbe.client.SmppClient;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;

import static io.ujumbe.smsc.SmscTestSupport.client;
import static io.ujumbe.smsc.SmscTestSupport.get;
import static io.ujumbe.smsc.SmscTestSupport.smsc;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator's meters: a registry given in the config gets every meter at start, under the
 * names the simulator's own text uses, and {@code GET /metrics} then serves what the config's
 * text supplier returns (the {@code ujumbe smsc} command: its Prometheus registry with the JVM
 * metrics); without one, /metrics serves the simulator's counters.
 */
class SimulatorMetricsTest {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aConfiguredRegistryGetsEveryMeterAtStartAndMetricsServesItsText() throws Exception {
        MeterRegistry registry = new SimpleMeterRegistry();
        try (SmscSimulator smsc = SmscSimulator.start(smsc().httpPort(0)
                .metrics(registry, () -> "# from the registry\n").build())) {
            Set<String> names = new TreeSet<>();
            for (Meter m : registry.getMeters()) {
                names.add(m.getId().getName());
            }
            assertThat(names).contains("ujumbe.smsc.sessions", "ujumbe.smsc.bound_sessions", "ujumbe.smsc.binds",
                    "ujumbe.smsc.submits", "ujumbe.smsc.submit_rate", "ujumbe.smsc.messages", "ujumbe.smsc.receipts.sent",
                    "ujumbe.smsc.receipts.pending", "ujumbe.smsc.mo.sent", "ujumbe.smsc.faults");
            assertThat(registry.find("ujumbe.smsc.binds").tag("result", "rejected").functionCounter().count()).isZero();
            assertThat(registry.find("ujumbe.smsc.faults").tag("fault", "throttled").functionCounter()).isNotNull();

            try (SmppClient client = SmppClient.create(client(smsc, new EsmeListener()).build())) {
                get(client.start());
                assertThat(get(client.send(OutboundMessage.text("254700000001", "hi"))).isAccepted()).isTrue();
            }
            assertThat(registry.find("ujumbe.smsc.submits").functionCounter().count()).isEqualTo(1);
            assertThat(registry.find("ujumbe.smsc.binds").tag("result", "accepted").functionCounter().count()).isEqualTo(1);

            HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + smsc.httpPort() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).isEqualTo("# from the registry\n");
            assertThat(metrics.headers().firstValue("Content-Type")).contains("text/plain; version=0.0.4; charset=utf-8");
        }
    }

    @Test
    void withoutARegistryTheTextHasTheSameNamesAsTheMeters() {
        try (SmscSimulator smsc = SmscSimulator.start(smsc().build())) {
            String text = smsc.metricsText();
            for (String name : new String[]{"ujumbe_smsc_sessions", "ujumbe_smsc_bound_sessions", "ujumbe_smsc_binds_total",
                    "ujumbe_smsc_submits_total", "ujumbe_smsc_submit_rate", "ujumbe_smsc_messages",
                    "ujumbe_smsc_receipts_sent_total", "ujumbe_smsc_receipts_pending", "ujumbe_smsc_mo_sent_total",
                    "ujumbe_smsc_faults_total"}) {
                assertThat(text).contains("\n" + name);
            }
        }
    }
}
