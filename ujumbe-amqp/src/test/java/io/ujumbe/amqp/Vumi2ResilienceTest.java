package io.ujumbe.amqp;

import io.ujumbe.smsc.FaultConfig;
import io.ujumbe.smsc.SmscConfig;
import io.ujumbe.smsc.SmscSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Nothing is lost when the broker restarts under load or the transport process is killed with
 * messages unacknowledged: every outbound message gets its ack event (at-least-once, ids kept).
 */
class Vumi2ResilienceTest {
    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            try {
                closing.get(i).close();
            } catch (Exception e) {
                // best effort
            }
        }
    }

    private <T extends AutoCloseable> T track(T c) {
        closing.add(c);
        return c;
    }

    private SmscSimulator smsc(FaultConfig faults) {
        return track(SmscSimulator.start(SmscConfig.builder().port(0).receiptDelay(Duration.ofMillis(50))
                .faults(faults).build()));
    }

    @Test
    void brokerRestartMidRunLosesNothing() throws Exception {
        AmqpBroker broker = track(AmqpBroker.start());
        SmscSimulator smsc = smsc(FaultConfig.builder().latency(Duration.ofMillis(5)).build());
        String name = "restart";
        VumiApp app = new VumiApp(broker, name);
        Vumi2Transport t = TransportMain.transport(broker.uri(), smsc.port(), name, b -> b.prefetch(50));
        track(() -> t.stop(Duration.ofSeconds(5)).get(20, TimeUnit.SECONDS));
        t.start().get(30, TimeUnit.SECONDS);

        Set<String> ids = new LinkedHashSet<>(app.sendBatch(2000, "27820", "before restart"));
        await().atMost(Duration.ofSeconds(60)).until(() -> app.idsWith("ack").size() >= 30);
        app.close();
        broker.restart();
        int ackedAtRestart = app.idsWith("ack").size();
        assertThat(ackedAtRestart).as("the restart came mid-run").isLessThan(2000);
        VumiApp again = track(new VumiApp(broker, app));
        await().atMost(Duration.ofSeconds(60)).until(t::brokerConnected);
        ids.addAll(again.sendBatch(100, "27830", "after restart"));
        await().atMost(Duration.ofSeconds(120)).until(() -> again.idsWith("ack").containsAll(ids));
        assertThat(again.idsWith("ack")).isEqualTo(ids);
        await().atMost(Duration.ofSeconds(30)).until(() -> again.outboundReady() == 0 && t.outbox().size() == 0);
    }

    @Test
    void killedTransportsUnackedMessagesGoToTheNextOneWithTheirIds() throws Exception {
        AmqpBroker broker = track(AmqpBroker.start());
        // The first SMSC answers slowly, so the killed transport holds messages it has not settled.
        SmscSimulator slow = smsc(FaultConfig.builder().latency(Duration.ofSeconds(2)).build());
        String name = "killed";
        VumiApp app = track(new VumiApp(broker, name));
        Set<String> ids = new LinkedHashSet<>(app.sendBatch(100, "27840", "kill test"));
        Process first = startProcess(broker, slow.port(), name, 40);
        track(first::destroyForcibly);
        await().atMost(Duration.ofSeconds(60)).until(() -> slow.stats().submits() >= 10);
        int ackedBeforeKill = app.idsWith("ack").size();
        first.destroyForcibly().waitFor(20, TimeUnit.SECONDS); // kill -9: no drain, nothing settled
        assertThat(ackedBeforeKill).isLessThan(100);

        SmscSimulator fast = smsc(FaultConfig.none());
        Vumi2Transport next = TransportMain.transport(broker.uri(), fast.port(), name, b -> b.prefetch(40));
        track(() -> next.stop(Duration.ofSeconds(5)).get(20, TimeUnit.SECONDS));
        next.start().get(30, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(60)).until(() -> app.idsWith("ack").containsAll(ids));
        assertThat(app.idsWith("ack")).isEqualTo(ids);
        // Everything the killed process had not settled was delivered again, under its original id.
        assertThat(fast.record().submits().size()).isGreaterThanOrEqualTo(100 - ackedBeforeKill);
        await().atMost(Duration.ofSeconds(30)).until(() -> app.outboundReady() == 0 && next.outbox().size() == 0);
    }

    private static Process startProcess(AmqpBroker broker, int smscPort, String name, int prefetch) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                TransportMain.class.getName(), broker.uri(), Integer.toString(smscPort), name, Integer.toString(prefetch))
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.contains("transport ready")) {
                        ready.complete(null);
                    }
                }
            } catch (Exception ignored) {
                // the process died
            }
            ready.completeExceptionally(new IllegalStateException("transport process ended before it was ready"));
        }, "transport-process-output");
        reader.setDaemon(true);
        reader.start();
        ready.get(60, TimeUnit.SECONDS);
        return p;
    }
}
