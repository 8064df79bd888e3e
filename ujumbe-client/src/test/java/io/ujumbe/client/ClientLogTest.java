package io.ujumbe.client;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.ujumbe.pdu.CommandStatus;
import io.ujumbe.session.TestSmsc;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.ujumbe.client.ClientTestSupport.config;
import static io.ujumbe.client.ClientTestSupport.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The client's log events, captured at DEBUG from a real client against a real SMSC: every event
 * of the client and of its sessions carries the client's identity (client, smsc, systemId,
 * session) and the user's log metadata as key-value pairs, and each bind state change is one event.
 */
class ClientLogTest {
    private LoggerContext context;
    private Logger root;
    private Level levelBefore;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    @BeforeEach
    void capture() {
        context = (LoggerContext) LoggerFactory.getILoggerFactory();
        root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        levelBefore = root.getLevel();
        appender.setContext(context);
        appender.start();
        root.addAppender(appender);
        root.setLevel(Level.DEBUG);
    }

    @AfterEach
    void release() {
        root.detachAppender(appender);
        root.setLevel(levelBefore);
    }

    @Test
    void everyClientAndSessionEventCarriesTheIdentityAndMetadataAndEachStateChangeIsOneEvent() throws Exception {
        try (TestSmsc smsc = TestSmsc.start().account("acme", "secret")) {
            // One rejected bind first, then accepted: rejections, reconnects, binds, traffic, receipts, stop.
            smsc.bindStatus = CommandStatus.ESME_RBINDFAIL;
            RecordingListener listener = new RecordingListener();
            ClientConfig config = config(smsc, listener).putLogMetadata("app", "billing").build();
            SmppClient client = SmppClient.create(config);
            var started = client.start();
            await().atMost(Duration.ofSeconds(20)).until(() -> !listener.bindRejections.isEmpty());
            smsc.bindStatus = null;
            get(started);
            MessageOutcome outcome = get(client.send(OutboundMessage.text("254700000042", "hello")));
            assertThat(outcome.isAccepted()).isTrue();
            await().atMost(Duration.ofSeconds(20)).until(() -> listener.receipts.size() == 1);
            get(client.stop(Duration.ofSeconds(5)));
        }

        List<ILoggingEvent> ours = new ArrayList<>();
        for (ILoggingEvent e : appender.list) {
            boolean client = e.getLoggerName().startsWith("io.ujumbe.client.");
            boolean esmeSession = e.getLoggerName().startsWith("io.ujumbe.session.")
                    && !"SMSC".equals(String.valueOf(pairs(e).get("role")));
            if (client || esmeSession) {
                ours.add(e);
            }
        }
        assertThat(ours).as("client and session events").hasSizeGreaterThan(10);
        String port = null;
        for (ILoggingEvent e : ours) {
            Map<String, Object> kv = pairs(e);
            assertThat(kv).as(e.getLoggerName() + " " + e.getFormattedMessage())
                    .containsKeys("client", "smsc", "systemId", "session")
                    .containsEntry("systemId", "acme").containsEntry("app", "billing");
            assertThat(kv.get("client")).as(e.getFormattedMessage()).isEqualTo(kv.get("systemId") + "@" + kv.get("smsc"));
            port = String.valueOf(kv.get("smsc"));
        }
        assertThat(port).startsWith("127.0.0.1:");
        assertThat(ours).as("events of one connection carry its id")
                .anyMatch(e -> e.getFormattedMessage().equals("bind rejected by the SMSC: Bind failed")
                        && pairs(e).get("session") != null);

        // Each state change of each session: one event, and they chain (from = the previous to).
        Map<String, List<String>> changes = new LinkedHashMap<>();
        for (ILoggingEvent e : ours) {
            String m = e.getFormattedMessage();
            assertThat(m).as("no second event for a bind change").isNotIn("bound", "closed", "bind state", "bind rejected");
            if (m.equals("state changed")) {
                Map<String, Object> kv = pairs(e);
                changes.computeIfAbsent(String.valueOf(kv.get("session")), k -> new ArrayList<>())
                        .add(kv.get("from") + ">" + kv.get("to"));
            }
        }
        assertThat(changes).hasSizeGreaterThanOrEqualTo(2);
        for (Map.Entry<String, List<String>> c : changes.entrySet()) {
            List<String> seq = c.getValue();
            assertThat(seq).as(c.getKey()).doesNotHaveDuplicates();
            assertThat(seq.get(0)).as(c.getKey()).startsWith("OPEN>");
            assertThat(seq.get(seq.size() - 1)).as(c.getKey()).endsWith(">CLOSED");
            for (int i = 1; i < seq.size(); i++) {
                assertThat(seq.get(i)).as(c.getKey() + " " + seq).startsWith(seq.get(i - 1).split(">")[1] + ">");
            }
        }
        assertThat(changes.values()).as("the accepted bind").anyMatch(s -> s.contains("OPEN>BOUND_TRX"));
        assertThat(ours.stream().filter(e -> e.getFormattedMessage().startsWith("bind rejected")).count())
                .as("one event per rejection").isEqualTo(ours.stream()
                        .filter(e -> e.getFormattedMessage().startsWith("bind rejected"))
                        .map(e -> pairs(e).get("session")).distinct().count());
    }

    @Test
    void logMetadataCannotOverwriteTheIdentity() {
        assertThatThrownBy(() -> ClientConfig.builder().host("h").systemId("acme").putLogMetadata("client", "x").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("logMetadata key client is reserved");
        assertThatThrownBy(() -> ClientConfig.builder().host("h").systemId("acme").putLogMetadata("session", "x").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("session");
    }

    private static Map<String, Object> pairs(ILoggingEvent e) {
        Map<String, Object> m = new HashMap<>();
        if (e.getKeyValuePairs() != null) {
            for (KeyValuePair kv : e.getKeyValuePairs()) {
                m.putIfAbsent(kv.key, kv.value);
            }
        }
        return m;
    }
}
