package io.ujumbe.client;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import io.ujumbe.pdu.Bind;
import io.ujumbe.pdu.CommandStatus;
import io.ujumbe.pdu.Pdu;
import io.ujumbe.session.TestSmsc;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.ujumbe.client.ClientTestSupport.config;
import static io.ujumbe.client.ClientTestSupport.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * "Secrets stay secret": with every logger at DEBUG, a client whose bind is first rejected and
 * then accepted, that sends a message and stops, must not put its password in any log event
 * (message, arguments, key-value pairs, throwables, rendered line), exception or toString().
 */
class SecretsInLogsTest {
    private static final String PASSWORD = "Pw0rd!xy";

    @Test
    void thePasswordAppearsInNoLogEventExceptionOrToString() throws Exception {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level levelBefore = root.getLevel();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.setContext(context);
        appender.start();
        root.addAppender(appender);
        root.setLevel(Level.DEBUG);

        List<Bind> bindsSent = new CopyOnWriteArrayList<>();
        PduHook bindRecorder = new PduHook() {
            @Override
            public void beforeSend(String sessionId, Pdu pdu) {
                if (pdu instanceof Bind) {
                    bindsSent.add((Bind) pdu);
                }
            }
        };
        List<String> otherTexts = new ArrayList<>();
        try (TestSmsc smsc = TestSmsc.start().account("acme", "not-it")) {
            RecordingListener rejected = new RecordingListener();
            ClientConfig wrongAccount = config(smsc, rejected).password(PASSWORD).maxBindRejections(2)
                    .addHook(bindRecorder).build();
            assertThat(wrongAccount.toString()).doesNotContain(PASSWORD).contains("password=***");
            SmppClient first = SmppClient.create(wrongAccount);
            CompletableFuture<Void> started = first.start();
            Throwable failure = catchThrowable(() -> get(started));
            assertThat(failure).isNotNull();
            assertThat(failure).hasStackTraceContaining("ESME_RINVPASWD");
            otherTexts.addAll(throwableTexts(failure));
            get(first.stop(Duration.ofSeconds(1)));
            assertThat(rejected.bindRejections).hasSize(2).containsOnly(CommandStatus.ESME_RINVPASWD);

            smsc.account("acme", PASSWORD);
            RecordingListener accepted = new RecordingListener();
            ClientConfig rightAccount = config(smsc, accepted).password(PASSWORD).addHook(bindRecorder).build();
            try (SmppClient second = SmppClient.create(rightAccount)) {
                get(second.start());
                MessageOutcome outcome = get(second.send(OutboundMessage.text("254700000042", "Your code is 7788")));
                assertThat(outcome.isAccepted()).isTrue();
                await().atMost(Duration.ofSeconds(10)).until(() -> accepted.receipts.size() == 1);
                otherTexts.add(rightAccount.toString());
                otherTexts.add(second.toString());
                otherTexts.add(String.valueOf(second.sessions()));
                otherTexts.add(String.valueOf(smsc.boundSessions()));
                otherTexts.add(outcome.toString());
            }
        } finally {
            root.detachAppender(appender);
            root.setLevel(levelBefore);
            appender.stop();
        }
        assertThat(root.getLevel()).isEqualTo(levelBefore);

        // The hook saw the real bind PDUs (so the password was really in them), yet they print masked.
        assertThat(bindsSent).hasSizeGreaterThanOrEqualTo(3);
        for (Bind bind : bindsSent) {
            assertThat(bind.password()).isEqualTo(PASSWORD);
            assertThat(bind.toString()).contains("password=***").doesNotContain(PASSWORD);
        }
        assertThat(otherTexts).allSatisfy(t -> assertThat(t).doesNotContain(PASSWORD));

        List<ILoggingEvent> events;
        // Logback appends under the appender's lock; copying under it sees a consistent list.
        synchronized (appender) {
            events = new ArrayList<>(appender.list);
        }
        // The test must have logged what it claims to check: DEBUG events and the bind rejection.
        assertThat(events).anyMatch(e -> e.getLevel() == Level.DEBUG);
        assertThat(events).anyMatch(e -> texts(e).stream().anyMatch(t -> t.contains("ESME_RINVPASWD")));

        PatternLayout layout = new PatternLayout();
        layout.setContext(context);
        layout.setPattern("%level %logger %msg %kvp %mdc %ex{full}");
        layout.start();
        try {
            for (ILoggingEvent event : events) {
                List<String> texts = texts(event);
                texts.add(layout.doLayout(event));
                assertThat(texts).as("event %s", event).allSatisfy(t -> assertThat(t).doesNotContain(PASSWORD));
            }
        } finally {
            layout.stop();
        }
    }

    /** Every text an event carries: message, formatted message, arguments, key-value values, MDC, throwables. */
    private static List<String> texts(ILoggingEvent event) {
        List<String> texts = new ArrayList<>();
        texts.add(String.valueOf(event.getMessage()));
        texts.add(event.getFormattedMessage());
        if (event.getArgumentArray() != null) {
            for (Object arg : event.getArgumentArray()) {
                texts.add(String.valueOf(arg));
            }
        }
        if (event.getKeyValuePairs() != null) {
            for (KeyValuePair kv : event.getKeyValuePairs()) {
                texts.add(kv.key + "=" + kv.value);
            }
        }
        event.getMDCPropertyMap().forEach((k, v) -> texts.add(k + "=" + v));
        addThrowableTexts(event.getThrowableProxy(), texts);
        return texts;
    }

    private static void addThrowableTexts(IThrowableProxy t, List<String> texts) {
        if (t == null) {
            return;
        }
        texts.add(t.getClassName() + ": " + t.getMessage());
        addThrowableTexts(t.getCause(), texts);
        if (t.getSuppressed() != null) {
            for (IThrowableProxy s : t.getSuppressed()) {
                addThrowableTexts(s, texts);
            }
        }
    }

    private static List<String> throwableTexts(Throwable t) {
        List<String> texts = new ArrayList<>();
        for (Throwable c = t; c != null; c = c.getCause()) {
            texts.add(c.toString());
            for (Throwable s : c.getSuppressed()) {
                texts.addAll(throwableTexts(s));
            }
        }
        return texts;
    }
}
