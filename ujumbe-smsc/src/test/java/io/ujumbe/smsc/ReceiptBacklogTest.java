package io.ujumbe.smsc;

import io.ujumbe.client.ClientListener;
import io.ujumbe.client.MessageOutcome;
import io.ujumbe.client.OutboundMessage;
import io.ujumbe.client.ReceiptEvent;
import io.ujumbe.client.SmppClient;
import io.ujumbe.pdu.RegisteredDelivery;
import io.ujumbe.session.SessionConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static io.ujumbe.smsc.SmscTestSupport.client;
import static io.ujumbe.smsc.SmscTestSupport.get;
import static io.ujumbe.smsc.SmscTestSupport.smsc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Receipts fall due faster than the ESME answers them and the simulator's window (2 here) is
 * full most of the time: they wait for a place, in order, and every one arrives once; none is
 * given up (before, a deliver_sm that met a full window failed, was retried 200 ms, 400 ms … later
 * and given up after five tries).
 */
class ReceiptBacklogTest {

    @Test
    void receiptsWaitForRoomInTheWindowAndAllArrive() throws Exception {
        int n = 300;
        SmscConfig config = smsc().receiptDelay(Duration.ZERO)
                .session(SessionConfig.builder().enquireLinkInterval(Duration.ZERO).windowSize(2).build()).build();
        Set<String> receipted = ConcurrentHashMap.newKeySet();
        List<String> duplicates = new ArrayList<>();
        ClientListener slow = new ClientListener() {
            @Override
            public CompletionStage<Void> onReceipt(ReceiptEvent receipt) {
                String id = receipt.receipt().messageId();
                if (!receipted.add(id)) {
                    synchronized (duplicates) {
                        duplicates.add(id);
                    }
                }
                // Answered 20 ms later, off the I/O thread: 2 in flight -> ~100 receipts a second at most.
                return CompletableFuture.runAsync(() -> { },
                        CompletableFuture.delayedExecutor(20, TimeUnit.MILLISECONDS));
            }
        };
        try (SmscSimulator smsc = SmscSimulator.start(config);
             SmppClient client = SmppClient.create(client(smsc, new EsmeListener()).addListener(slow)
                     .defaultRegisteredDelivery(RegisteredDelivery.RECEIPT).build())) {
            get(client.start());
            List<CompletableFuture<MessageOutcome>> sent = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                sent.add(client.send(OutboundMessage.text("254700000001", "receipt " + i)));
            }
            for (CompletableFuture<MessageOutcome> f : sent) {
                assertThat(get(f).isAccepted()).isTrue();
            }
            await().atMost(Duration.ofSeconds(90)).until(() -> smsc.stats().receiptsSent() == n);
            assertThat(receipted).hasSize(n);
            assertThat(duplicates).isEmpty();
            assertThat(smsc.stats().receiptsPending()).isZero();
        }
    }
}
