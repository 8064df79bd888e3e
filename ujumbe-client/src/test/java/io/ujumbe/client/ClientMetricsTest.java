package io.ujumbe.client;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ujumbe.pdu.CommandStatus;
import io.ujumbe.pdu.MessageState;
import io.ujumbe.session.TestSmsc;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import static io.ujumbe.client.ClientTestSupport.config;
import static io.ujumbe.client.ClientTestSupport.get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client's meters against a real SMSC: the client tag is stable (systemId@host:port unless
 * set), every meter exists before anything happened (failed at 0), and response latency is a
 * histogram with the same fixed buckets in every process and no client-side percentiles.
 */
class ClientMetricsTest {

    @Test
    void theClientTagDefaultsToSystemIdAtHostAndPortAndCanBeSet() {
        ClientConfig a = ClientConfig.builder().host("smsc.example.com").port(2775).systemId("acme").build();
        ClientConfig b = ClientConfig.builder().host("smsc.example.com").port(2775).systemId("acme").build();
        assertThat(a.clientId()).isEqualTo("acme@smsc.example.com:2775").isEqualTo(b.clientId());
        assertThat(a.logMetadata()).containsEntry("client", "acme@smsc.example.com:2775");
        ClientConfig named = ClientConfig.builder().clientId("billing-1").host("h").systemId("acme").build();
        assertThat(named.clientId()).isEqualTo("billing-1");
        assertThat(named.logMetadata()).containsEntry("client", "billing-1");
    }

    @Test
    void everyMeterExistsFromTheStartAndLatencyIsAFixedBucketHistogram() throws Exception {
        try (TestSmsc smsc = TestSmsc.start().account("acme", "secret")) {
            MeterRegistry registry = new SimpleMeterRegistry();
            RecordingListener listener = new RecordingListener();
            SmppClient client = SmppClient.create(config(smsc, listener).meterRegistry(registry).build());
            String id = "acme@127.0.0.1:" + smsc.port();
            assertThat(client.config().clientId()).isEqualTo(id);

            // Before start: nothing has happened, every meter reads 0.
            for (String status : new String[]{"exception", "ESME_RTHROTTLED", "ESME_RMSGQFUL", "ESME_RSYSERR",
                    "ESME_RSUBMITFAIL", "ESME_RINVDSTADR", "ESME_RINVSRCADR"}) {
                Counter failed = registry.find("ujumbe.messages.failed").tags("client", id, "status", status).counter();
                assertThat(failed).as(status).isNotNull();
                assertThat(failed.count()).isZero();
            }
            for (MessageState state : MessageState.values()) {
                assertThat(registry.find("ujumbe.receipts").tags("client", id, "state", state.name()).counter())
                        .as(state.name()).isNotNull();
            }
            for (String name : new String[]{"ujumbe.parts.submitted", "ujumbe.messages.accepted", "ujumbe.messages.retried",
                    "ujumbe.responses.throttled", "ujumbe.reconnects", "ujumbe.binds.rejected", "ujumbe.inbound.messages",
                    "ujumbe.inbound.listener_failures"}) {
                assertThat(registry.find(name).tags("client", id).counter()).as(name).isNotNull();
                assertThat(registry.find(name).counter().count()).as(name).isZero();
            }
            assertThat(registry.find("ujumbe.window.in_use").tags("client", id).gauge()).isNotNull();
            assertThat(registry.find("ujumbe.binds.bound").tags("client", id).gauge()).isNotNull();
            assertThat(registry.find("ujumbe.outbox.size").tags("client", id).gauge()).isNotNull();

            get(client.start());
            smsc.submitStatus = s -> s.destinationAddress().address().endsWith("9")
                    ? CommandStatus.ESME_RINVDSTADR : CommandStatus.ESME_ROK;
            assertThat(get(client.send(OutboundMessage.text("254700000001", "one"))).isAccepted()).isTrue();
            assertThat(get(client.send(OutboundMessage.text("254700000009", "bad number"))).isAccepted()).isFalse();
            get(client.stop(Duration.ofSeconds(5)));

            assertThat(registry.find("ujumbe.messages.failed").tags("status", "ESME_RINVDSTADR").counter().count()).isEqualTo(1);
            assertThat(registry.find("ujumbe.messages.failed").tags("status", "exception").counter().count()).isZero();
            assertThat(registry.find("ujumbe.messages.accepted").counter().count()).isEqualTo(1);

            Timer latency = registry.find("ujumbe.response.latency").tags("client", id).timer();
            assertThat(latency).isNotNull();
            assertThat(latency.count()).isEqualTo(2);
            HistogramSnapshot snapshot = latency.takeSnapshot();
            assertThat(snapshot.percentileValues()).as("no client-side percentiles").isEmpty();
            double[] boundsMs = Arrays.stream(snapshot.histogramCounts())
                    .mapToDouble(c -> c.bucket(TimeUnit.MILLISECONDS)).toArray();
            assertThat(boundsMs).containsExactly(1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000);
            CountAtBucket last = snapshot.histogramCounts()[snapshot.histogramCounts().length - 1];
            assertThat(last.count()).as("both responses within 10 s").isEqualTo(2);
        }
    }
}
