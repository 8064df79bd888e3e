package io.ujumbe.gateway;

import io.ujumbe.client.CorrelationStore;
import io.ujumbe.client.Outbox;
import io.ujumbe.smsc.SmscConfig;
import io.ujumbe.smsc.SmscSimulator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A request that fails before anything is queued does not leave its idempotency key answering "queued". */
class IdempotencyFailureTest {

    /** The in-memory state, with a status store that can be made to fail. */
    static final class FlakyState implements GatewayState {
        final InMemoryGatewayState inner = new InMemoryGatewayState(Duration.ofHours(1));
        final AtomicBoolean broken = new AtomicBoolean();
        final StatusStore store = new StatusStore() {
            @Override
            public CompletionStage<Void> create(MessageRecord record, MessageEvent first) {
                if (broken.get()) {
                    throw new IllegalStateException("status store unavailable");
                }
                return inner.statusStore().create(record, first);
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

        @Override public StatusStore statusStore() { return store; }
        @Override public IdempotencyStore idempotencyStore() { return inner.idempotencyStore(); }
        @Override public CallbackQueue callbackQueue() { return inner.callbackQueue(); }
        @Override public UsageLimiter usageLimiter() { return inner.usageLimiter(); }
        @Override public Outbox outbox(ConnectorConfig connector) { return inner.outbox(connector); }
        @Override public Optional<CorrelationStore> correlationStore(ConnectorConfig connector) { return Optional.empty(); }
        @Override public boolean durable() { return false; }
        @Override public void close() { }
    }

    @Test
    void aFailedRequestFreesItsKey_soTheRetryIsSent() {
        FlakyState state = new FlakyState();
        try (SmscSimulator smsc = SmscSimulator.start(SmscConfig.builder().port(0).receiptDelay(Duration.ofMillis(50)).build());
             Gateway gateway = Gateway.builder(GatewayConfig.builder().httpPort(0)
                     .addConnector(ConnectorConfig.builder("sim").port(smsc.port()).systemId("acme").password("pw").build())
                     .addRoute(RouteConfig.toConnector("default", "sim"))
                     .addUser(UserConfig.builder("shop").apiKey("k-shop-123").build())
                     .build()).state(state).start()) {
            String url = "http://127.0.0.1:" + gateway.port() + "/v1/messages";
            String body = "{\"to\":\"254700001001\",\"text\":\"retry me\",\"idempotencyKey\":\"once-1\"}";
            state.broken.set(true);
            var failed = Http.post(url, body, "Authorization", Http.bearer("k-shop-123"));
            assertThat(failed.statusCode()).isEqualTo(500);
            state.broken.set(false);
            var retried = Http.post(url, body, "Authorization", Http.bearer("k-shop-123"));
            assertThat(retried.statusCode()).isEqualTo(202);
            assertThat(retried.headers().firstValue("Idempotent-Replayed")).isEmpty();
            await().atMost(Duration.ofSeconds(20)).until(() -> smsc.record().submits().stream()
                    .anyMatch(s -> s.text().equals("retry me")));
        }
    }
}
