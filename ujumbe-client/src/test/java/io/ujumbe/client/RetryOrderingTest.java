package io.ujumbe.client;

import io.ujumbe.pdu.CommandStatus;
import io.ujumbe.pdu.SubmitSm;
import io.ujumbe.session.TestSmsc;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** A retry due now goes before the backlog of new messages, not behind it. */
class RetryOrderingTest {

    @Test
    void aRetryIsSentBeforeTheRestOfTheBacklog() throws Exception {
        int backlog = 10_000;
        AtomicBoolean rejectedOnce = new AtomicBoolean();
        RecordingListener listener = new RecordingListener();
        try (TestSmsc smsc = TestSmsc.start()) {
            smsc.submitStatus = s -> text(s).equals("retry-me") && rejectedOnce.compareAndSet(false, true)
                    ? CommandStatus.ESME_RSYSERR : CommandStatus.ESME_ROK;
            smsc.receipts = false;
            ClientConfig config = ClientTestSupport.config(smsc, listener).outbox(new InMemoryOutbox(backlog + 1))
                    .retryPolicy(ExponentialRetryPolicy.builder().initialBackoff(Duration.ofMillis(20))
                            .maxBackoff(Duration.ofMillis(20)).jitter(0).maxAttempts(5).build())
                    .build();
            try (SmppClient client = SmppClient.create(config)) {
                List<CompletableFuture<MessageOutcome>> futures = new ArrayList<>();
                futures.add(client.send(OutboundMessage.builder().to("254700000001").text("retry-me").build()));
                for (int i = 0; i < backlog; i++) {
                    futures.add(client.send(OutboundMessage.builder().to("254700000001").text("m" + i).build()));
                }
                client.start().get(20, TimeUnit.SECONDS);
                CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0])).get(120, TimeUnit.SECONDS);
                assertThat(futures.get(0).get().isAccepted()).isTrue();
                assertThat(futures.get(0).get().attempts()).isEqualTo(2);
            }
            List<String> order = new ArrayList<>();
            for (SubmitSm s : smsc.received()) {
                order.add(text(s));
            }
            int second = order.lastIndexOf("retry-me");
            assertThat(order.indexOf("retry-me")).isLessThan(second);
            assertThat(second).as("position of the retry among %d submits", order.size()).isLessThan(backlog / 2);
        }
    }

    private static String text(SubmitSm s) {
        return new String(s.shortMessage(), StandardCharsets.ISO_8859_1);
    }
}
