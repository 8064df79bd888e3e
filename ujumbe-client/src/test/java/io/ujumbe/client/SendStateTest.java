package io.ujumbe.client;

import io.ujumbe.pdu.CommandStatus;
import io.ujumbe.session.TestSmsc;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A failed message says whether the SMSC may have it ({@link SendState}), over all its attempts:
 * "not sent" only when no byte of any attempt left the process, so that an application resending
 * "not sent" messages never duplicates one.
 */
class SendStateTest {

    private static OutboundMessage msg(String text) {
        return OutboundMessage.builder().to("254700000001").text(text).build();
    }

    private static MessageOutcome.Failed failed(CompletableFuture<MessageOutcome> f) throws Exception {
        MessageOutcome o = f.get(30, TimeUnit.SECONDS);
        assertThat(o).isInstanceOf(MessageOutcome.Failed.class);
        return (MessageOutcome.Failed) o;
    }

    @Test
    void stoppedAfterAnUnansweredAttemptIsNotReportedNotSent() throws Exception {
        RecordingListener listener = new RecordingListener();
        try (TestSmsc smsc = TestSmsc.start()) {
            smsc.dropResponses = true;
            io.micrometer.core.instrument.simple.SimpleMeterRegistry registry =
                    new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
            ClientConfig config = ClientTestSupport.config(smsc, listener).responseTimeout(Duration.ofMillis(300))
                    .meterRegistry(registry)
                    .retryPolicy(ExponentialRetryPolicy.builder().initialBackoff(Duration.ofSeconds(30))
                            .maxBackoff(Duration.ofSeconds(30)).maxAttempts(5).build())
                    .build();
            SmppClient client = SmppClient.create(config);
            client.start().get(20, TimeUnit.SECONDS);
            CompletableFuture<MessageOutcome> f = client.send(msg("taken"));
            await().atMost(Duration.ofSeconds(20)).until(() -> smsc.received().size() == 1);
            // The attempt times out and waits 30 s for its retry; the client stops meanwhile.
            await().atMost(Duration.ofSeconds(20)).until(() -> registry.counter("ujumbe.messages.retried",
                    "client", config.clientId()).count() == 1);
            client.stop(Duration.ofSeconds(5)).get(20, TimeUnit.SECONDS);

            MessageOutcome.Failed failure = failed(f);
            assertThat(failure.sendState()).isEqualTo(SendState.SENT_NO_ANSWER);
            assertThat(failure.reason()).doesNotContain("before the message was sent");
        }
    }

    @Test
    void stoppedBeforeAnythingWasSentIsNotSent() throws Exception {
        RecordingListener listener = new RecordingListener();
        try (TestSmsc smsc = TestSmsc.start()) {
            smsc.bindStatus = CommandStatus.ESME_RBINDFAIL;
            SmppClient client = SmppClient.create(ClientTestSupport.config(smsc, listener).build());
            client.start();
            CompletableFuture<MessageOutcome> f = client.send(msg("never"));
            client.stop(Duration.ofSeconds(2)).get(20, TimeUnit.SECONDS);

            MessageOutcome.Failed failure = failed(f);
            assertThat(failure.sendState()).isEqualTo(SendState.NOT_SENT);
            assertThat(smsc.received()).isEmpty();
        }
    }

    @Test
    void anSmscRejectionIsRejected() throws Exception {
        RecordingListener listener = new RecordingListener();
        try (TestSmsc smsc = TestSmsc.start()) {
            smsc.submitStatus = s -> CommandStatus.ESME_RINVDSTADR;
            try (SmppClient client = SmppClient.create(ClientTestSupport.config(smsc, listener).build())) {
                client.start().get(20, TimeUnit.SECONDS);
                MessageOutcome.Failed failure = failed(client.send(msg("bad address")));
                assertThat(failure.sendState()).isEqualTo(SendState.REJECTED);
                assertThat(failure.commandStatus()).contains(CommandStatus.ESME_RINVDSTADR);
            }
        }
    }

    @Test
    void aTimeoutAfterEarlierRejectionsMayHaveReachedTheSmsc() throws Exception {
        RecordingListener listener = new RecordingListener();
        try (TestSmsc smsc = TestSmsc.start()) {
            ClientConfig config = ClientTestSupport.config(smsc, listener).responseTimeout(Duration.ofMillis(300))
                    .retryPolicy(ExponentialRetryPolicy.builder().initialBackoff(Duration.ofMillis(20))
                            .maxBackoff(Duration.ofMillis(20)).maxAttempts(2).build())
                    .build();
            try (SmppClient client = SmppClient.create(config)) {
                client.start().get(20, TimeUnit.SECONDS);
                // First attempt rejected (RSYSERR, retried); the second is answered too late.
                smsc.submitStatus = s -> {
                    if (smsc.received().size() <= 1) {
                        return CommandStatus.ESME_RSYSERR;
                    }
                    smsc.responseDelay = Duration.ofSeconds(5);
                    return CommandStatus.ESME_ROK;
                };
                MessageOutcome.Failed failure = failed(client.send(msg("twice")));
                assertThat(failure.attempts()).isEqualTo(2);
                assertThat(failure.sendState()).isEqualTo(SendState.SENT_NO_ANSWER);
            }
        }
    }
}
