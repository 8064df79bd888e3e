package io.ujumbe.smsc;

import io.ujumbe.client.ExponentialRetryPolicy;
import io.ujumbe.client.MessageOutcome;
import io.ujumbe.client.OutboundMessage;
import io.ujumbe.client.PercentageThrottleHandler;
import io.ujumbe.client.SmppClient;
import io.ujumbe.pdu.CommandStatus;
import io.ujumbe.pdu.MessageState;
import io.ujumbe.pdu.RegisteredDelivery;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static io.ujumbe.smsc.SmscTestSupport.client;
import static io.ujumbe.smsc.SmscTestSupport.get;
import static io.ujumbe.smsc.SmscTestSupport.smsc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Each injected fault against ujumbe's client: the client's handling still delivers every message once. */
class FaultInjectionTest {

    @Test
    void throttlesAboveTheRateAndTheClientStillDeliversEverything() throws Exception {
        SmscConfig config = smsc().faults(FaultConfig.builder().maxRatePerSession(200).build()).build();
        EsmeListener l = new EsmeListener();
        try (SmscSimulator smsc = SmscSimulator.start(config);
             SmppClient client = SmppClient.create(client(smsc, l)
                     .throttleHandler(PercentageThrottleHandler.builder().samplingPeriod(Duration.ofMillis(200))
                             .sampleSize(10).throttleWait(Duration.ofMillis(50)).build())
                     .retryPolicy(ExponentialRetryPolicy.builder().initialBackoff(Duration.ofMillis(20))
                             .maxBackoff(Duration.ofMillis(100)).maxAttempts(100).build())
                     .build())) {
            get(client.start());
            List<MessageOutcome> outcomes = sendAll(client, 400);
            assertThat(outcomes).allMatch(MessageOutcome::isAccepted);
            assertThat(smsc.stats().fault("throttled")).isPositive();
            assertThat(smsc.record().submits()).hasSize(400);
            assertThat(l.noDuplicates()).isTrue();
        }
    }

    @Test
    void answersAShareWithErrorsThatTheClientRetries() throws Exception {
        // ESME_RSYSERR: the client retries it without treating it as throttling (as it does ESME_RMSGQFUL).
        SmscConfig config = smsc().faults(FaultConfig.builder().errorShare(0.3)
                .errorStatus(CommandStatus.ESME_RSYSERR).build()).build();
        EsmeListener l = new EsmeListener();
        try (SmscSimulator smsc = SmscSimulator.start(config);
             SmppClient client = SmppClient.create(client(smsc, l).build())) {
            get(client.start());
            List<MessageOutcome> outcomes = sendAll(client, 100);
            assertThat(outcomes).allMatch(MessageOutcome::isAccepted);
            assertThat(outcomes).anyMatch(o -> o.attempts() > 1);
            assertThat(smsc.stats().fault("error")).isBetween(10L, 200L);
            assertThat(smsc.record().submits()).hasSize(100);
        }
    }

    @Test
    void dropsResponsesAndTheClientTimesOutAndRetries() throws Exception {
        SmscConfig config = smsc().faults(FaultConfig.builder().dropShare(0.2).build()).build();
        EsmeListener l = new EsmeListener();
        try (SmscSimulator smsc = SmscSimulator.start(config);
             SmppClient client = SmppClient.create(client(smsc, l).responseTimeout(Duration.ofMillis(300)).build())) {
            get(client.start());
            List<MessageOutcome> outcomes = sendAll(client, 50);
            assertThat(outcomes).allMatch(MessageOutcome::isAccepted);
            assertThat(smsc.stats().fault("dropped")).isPositive();
            assertThat(smsc.record().submits()).hasSize(50);
            assertThat(l.noDuplicates()).isTrue();
        }
    }

    @Test
    void closesConnectionsAndTheClientReconnectsWithoutLosingAnything() throws Exception {
        SmscConfig config = smsc().faults(FaultConfig.builder().disconnectShare(0.05).build()).build();
        EsmeListener l = new EsmeListener();
        try (SmscSimulator smsc = SmscSimulator.start(config);
             SmppClient client = SmppClient.create(client(smsc, l)
                     .retryPolicy(ExponentialRetryPolicy.builder().initialBackoff(Duration.ofMillis(20))
                             .maxBackoff(Duration.ofMillis(100)).maxAttempts(30).build()).build())) {
            get(client.start());
            List<MessageOutcome> outcomes = sendAll(client, 100);
            assertThat(outcomes).hasSize(100).allMatch(MessageOutcome::isAccepted);
            await().atMost(Duration.ofSeconds(10)).until(() -> l.outcomes.size() == 100);
            assertThat(l.noDuplicates()).isTrue();
            assertThat(smsc.stats().fault("disconnected")).isPositive();
            assertThat(smsc.stats().bindsAccepted()).isGreaterThan(1);
        }
    }

    @Test
    void sendsUnbindAfterAWhileAndTheClientBindsAgain() throws Exception {
        SmscConfig config = smsc().faults(FaultConfig.builder().unbindAfter(Duration.ofMillis(300)).build()).build();
        EsmeListener l = new EsmeListener();
        try (SmscSimulator smsc = SmscSimulator.start(config);
             SmppClient client = SmppClient.create(client(smsc, l).build())) {
            get(client.start());
            await().atMost(Duration.ofSeconds(10)).until(() -> smsc.stats().fault("unbind") >= 1
                    && smsc.stats().bindsAccepted() >= 2);
            await().atMost(Duration.ofSeconds(10)).until(() -> client.boundSessions() == 1);
            assertThat(get(client.send(OutboundMessage.text("254700000001", "after rebind"))).isAccepted()).isTrue();
        }
    }

    @Test
    void delaysResponsesByTheConfiguredLatency() throws Exception {
        SmscConfig config = smsc().faults(FaultConfig.builder().latency(Duration.ofMillis(20), Duration.ofMillis(60)).build()).build();
        EsmeListener l = new EsmeListener();
        try (SmscSimulator smsc = SmscSimulator.start(config);
             SmppClient client = SmppClient.create(client(smsc, l).build())) {
            get(client.start());
            assertThat(sendAll(client, 10)).allMatch(MessageOutcome::isAccepted);
            assertThat(smsc.stats().fault("latency")).isEqualTo(10);
        }
    }

    @Test
    void drawsOutcomesFromTheSeededDistribution() throws Exception {
        SmscConfig config = smsc().receiptDelay(Duration.ZERO).randomSeed(7)
                .receiptOutcomes(Map.of(MessageState.DELIVERED, 90.0, MessageState.UNDELIVERABLE, 10.0)).build();
        EsmeListener l = new EsmeListener();
        try (SmscSimulator smsc = SmscSimulator.start(config);
             // A long response timeout: under load a 2 s timeout made the client submit one message
             // twice (1,001 at the simulator) and the exact count below failed.
             SmppClient client = SmppClient.create(client(smsc, l).defaultRegisteredDelivery(RegisteredDelivery.NONE)
                     .responseTimeout(Duration.ofSeconds(60)).build())) {
            get(client.start());
            assertThat(sendAll(client, 1000)).allMatch(MessageOutcome::isAccepted);
            await().atMost(Duration.ofSeconds(10)).until(() -> smsc.stats().messages(MessageState.DELIVERED)
                    + smsc.stats().messages(MessageState.UNDELIVERABLE) == 1000);
            assertThat(smsc.stats().messages(MessageState.DELIVERED)).isBetween(870L, 930L);
            assertThat(smsc.stats().messages(MessageState.ENROUTE)).isZero();
        }
    }

    private static List<MessageOutcome> sendAll(SmppClient client, int n) throws Exception {
        List<CompletableFuture<MessageOutcome>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            futures.add(client.send(OutboundMessage.text(String.format("2547%08d", i), "message " + i)));
        }
        List<MessageOutcome> out = new ArrayList<>();
        for (CompletableFuture<MessageOutcome> f : futures) {
            out.add(get(f));
        }
        return out;
    }
}
