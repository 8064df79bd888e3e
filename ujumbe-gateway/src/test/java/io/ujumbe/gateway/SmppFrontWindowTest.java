package io.ujumbe.gateway;

import com.cloudhopper.commons.util.windowing.WindowFuture;
import com.cloudhopper.smpp.SmppBindType;
import com.cloudhopper.smpp.SmppConstants;
import com.cloudhopper.smpp.SmppSession;
import com.cloudhopper.smpp.SmppSessionConfiguration;
import com.cloudhopper.smpp.impl.DefaultSmppClient;
import com.cloudhopper.smpp.impl.DefaultSmppSessionHandler;
import com.cloudhopper.smpp.pdu.PduRequest;
import com.cloudhopper.smpp.pdu.PduResponse;
import io.ujumbe.client.CorrelationStore;
import io.ujumbe.client.Outbox;
import io.ujumbe.gateway.smpp.SmppFrontConfig;
import io.ujumbe.smsc.SmscConfig;
import io.ujumbe.smsc.SmscSimulator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A bind's window: while the gateway has not yet taken its earlier submissions (here a status store
 * that answers only when the test lets it), one more than the user's smppWindow is answered
 * ESME_RTHROTTLED at once, and the others are answered with their ids once taken.
 */
// cloudhopper's PduRequest is generic, and its own API (WindowFuture, sendRequestPdu) hands it out raw.
@SuppressWarnings("rawtypes")
class SmppFrontWindowTest {

    /** The in-memory state whose status store holds every create until {@link #open()}. */
    static final class GatedState implements GatewayState {
        final InMemoryGatewayState inner = new InMemoryGatewayState(Duration.ofHours(1));
        final CompletableFuture<Void> gate = new CompletableFuture<>();
        final StatusStore statuses = new StatusStore() {
            @Override
            public CompletionStage<Void> create(MessageRecord record, MessageEvent first) {
                return gate.thenCompose(v -> inner.statusStore().create(record, first));
            }

            @Override
            public CompletionStage<Void> append(String id, MessageEvent event) {
                return inner.statusStore().append(id, event);
            }

            @Override
            public CompletionStage<Optional<MessageView>> find(String id) {
                return inner.statusStore().find(id);
            }
        };

        void open() {
            gate.complete(null);
        }

        @Override public StatusStore statusStore() { return statuses; }
        @Override public IdempotencyStore idempotencyStore() { return inner.idempotencyStore(); }
        @Override public CallbackQueue callbackQueue() { return inner.callbackQueue(); }
        @Override public UsageLimiter usageLimiter() { return inner.usageLimiter(); }
        @Override public Outbox outbox(ConnectorConfig connector) { return inner.outbox(connector); }
        @Override public Optional<CorrelationStore> correlationStore(ConnectorConfig c) { return inner.correlationStore(c); }
        @Override public boolean durable() { return false; }
        @Override public void close() { inner.close(); }
    }

    @Test
    void oneOverTheWindow_isThrottled_theOthersAnsweredOnceTaken() throws Exception {
        GatedState state = new GatedState();
        ExecutorService workers = Executors.newCachedThreadPool();
        DefaultSmppClient client = new DefaultSmppClient(workers, 1);
        try (SmscSimulator smsc = SmscSimulator.start(SmscConfig.builder().port(0).build());
             Gateway gateway = Gateway.builder(GatewayConfig.builder().httpPort(0)
                     .smppFront(SmppFrontConfig.builder().port(0).build())
                     .addConnector(ConnectorConfig.builder("sim").port(smsc.port()).systemId("acme").password("secret").build())
                     .addRoute(RouteConfig.toConnector("default", "sim"))
                     .addUser(UserConfig.builder("narrow").systemId("narrow").password("pw").smppWindow(3).build())
                     .build()).state(state).start()) {
            SmppSessionConfiguration c = new SmppSessionConfiguration(SmppBindType.TRANSMITTER, "narrow", "pw");
            c.setHost("127.0.0.1");
            c.setPort(gateway.smppFront().orElseThrow().port());
            c.setWindowSize(10);
            c.setRequestExpiryTimeout(30_000);
            c.setWindowMonitorInterval(5_000);
            SmppSession s = client.bind(c, new DefaultSmppSessionHandler());
            List<WindowFuture<Integer, PduRequest, PduResponse>> first = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                first.add(s.sendRequestPdu(SmppFrontCloudhopperTest.submitSm("25476000000" + i, "held " + i), 30_000, false));
            }
            WindowFuture<Integer, PduRequest, PduResponse> over =
                    s.sendRequestPdu(SmppFrontCloudhopperTest.submitSm("254760000009", "over"), 30_000, false);
            assertThat(over.await(30_000)).isTrue();
            assertThat(over.getResponse().getCommandStatus()).isEqualTo(SmppConstants.STATUS_THROTTLED);
            assertThat(first).noneMatch(WindowFuture::isDone);

            state.open();
            for (WindowFuture<Integer, PduRequest, PduResponse> f : first) {
                assertThat(f.await(30_000)).isTrue();
                assertThat(f.getResponse().getCommandStatus()).isZero();
            }
            // Room again: the next one is taken.
            WindowFuture<Integer, PduRequest, PduResponse> after =
                    s.sendRequestPdu(SmppFrontCloudhopperTest.submitSm("254760000010", "after"), 30_000, false);
            assertThat(after.await(30_000)).isTrue();
            assertThat(after.getResponse().getCommandStatus()).isZero();
            await().atMost(Duration.ofSeconds(30)).until(() -> smsc.record().submits().size() == 4);
            s.unbind(5000);
            s.destroy();
        } finally {
            client.destroy();
            workers.shutdownNow();
        }
    }
}
