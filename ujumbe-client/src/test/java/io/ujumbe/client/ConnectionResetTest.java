package io.ujumbe.client;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An SMSC that resets the connection every few hundred submits. Writes that fail because the
 * connection is gone are no attempts: no message may fail without the SMSC having read it, and the
 * attempts counted stay close to the submits actually made.
 */
class ConnectionResetTest {

    @Test
    void aResetConnectionCostsOnlyTheMessagesInFlightAnAttempt() throws Exception {
        int messages = 5_000;
        int resetEvery = 300;
        int window = 50;
        RecordingListener listener = new RecordingListener();
        try (ResettingSmsc smsc = ResettingSmsc.start(resetEvery)) {
            ClientConfig config = ClientTestSupport.config(smsc.port(), listener).windowSize(window)
                    .outbox(new InMemoryOutbox(messages))
                    // Backoff below the reconnect delay: a retry is due when the next bind starts.
                    .retryPolicy(ExponentialRetryPolicy.builder().initialBackoff(Duration.ofMillis(10))
                            .maxBackoff(Duration.ofMillis(20)).maxAttempts(3).build())
                    .build();
            try (SmppClient client = SmppClient.create(config)) {
                client.start().get(20, TimeUnit.SECONDS);
                List<CompletableFuture<MessageOutcome>> futures = new ArrayList<>();
                for (int i = 0; i < messages; i++) {
                    futures.add(client.send(OutboundMessage.builder().correlationId("m" + i).to("254700000001")
                            .text("m" + i).build()));
                }
                CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0])).get(120, TimeUnit.SECONDS);
                await().atMost(Duration.ofSeconds(30)).until(() -> listener.outcomes.size() >= messages);
            }
            assertThat(listener.outcomesPerMessage).hasSize(messages);
            assertThat(listener.outcomesPerMessage.values()).allMatch(n -> n.get() == 1);

            List<String> failedUnsent = new ArrayList<>();
            long attempts = 0;
            for (MessageOutcome o : listener.outcomes) {
                attempts += o.attempts();
                if (!o.isAccepted() && !smsc.received.containsKey(o.message().text())) {
                    failedUnsent.add(o.correlationId() + ": " + ((MessageOutcome.Failed) o).reason());
                }
                if (o instanceof MessageOutcome.Failed f) {
                    assertThat(f.sendState()).as("a failed message that was sent is not reported not sent")
                            .isNotEqualTo(SendState.NOT_SENT);
                }
            }
            long failed = listener.failed();
            System.out.printf("connection resets: %d messages, %d accepted, %d failed (%d never read by the SMSC),"
                    + " %d attempts counted, %d submits read by the SMSC, %d resets, %d connections%n", messages,
                    listener.accepted(), failed, failedUnsent.size(), attempts, smsc.submits.get(), smsc.resets.get(),
                    smsc.connections.get());
            assertThat(failedUnsent).as("messages failed without the SMSC ever reading them").isEmpty();
            assertThat(smsc.resets.get()).as("the SMSC reset connections").isGreaterThan(10);
            // An attempt is a submit written to the connection: those read by the SMSC, plus at
            // most a window's worth unread at each reset.
            assertThat(attempts).as("attempts counted (SMSC read %d submits, %d resets)", smsc.submits.get(),
                    smsc.resets.get()).isLessThanOrEqualTo(smsc.submits.get() + (long) smsc.resets.get() * window);
        }
    }
}
