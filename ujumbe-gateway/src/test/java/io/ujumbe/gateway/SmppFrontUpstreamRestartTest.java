package io.ujumbe.gateway;

import io.ujumbe.gateway.smpp.SmppFrontConfig;
import io.ujumbe.smsc.SmscConfig;
import io.ujumbe.smsc.SmscSimulator;
import org.jsmpp.bean.BindType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The upstream SMSC goes away while a downstream ESME keeps submitting: the front still answers
 * each submission with a gateway id, the connector queues them, and once the SMSC is back and the
 * connector has rebound every one is sent and its receipt relayed with the id given.
 */
class SmppFrontUpstreamRestartTest {
    /**
     * The simulator gives a receipt up after 5 attempts when its window of deliver_sm to the
     * gateway's client is full; on a loaded test machine 100 fills: a wide window keeps the
     * upstream from dropping receipts these tests count.
     */
    static final io.ujumbe.session.SessionConfig WIDE = io.ujumbe.session.SessionConfig.defaults().toBuilder()
            .windowSize(2000).build();
    static final Duration WAIT = Duration.ofSeconds(90);
    SmscSimulator smsc;
    Gateway gateway;

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (smsc != null) {
            smsc.close();
        }
    }

    @Test
    void messagesSubmittedWhileTheSmscIsDown_areDeliveredAfterItComesBack() throws Exception {
        smsc = SmscSimulator.start(SmscConfig.builder().port(0).session(WIDE).receiptDelay(Duration.ofMillis(20)).build());
        int upstreamPort = smsc.port();
        gateway = Gateway.builder(GatewayConfig.builder().httpPort(0)
                .smppFront(SmppFrontConfig.builder().port(0).build())
                .addConnector(ConnectorConfig.builder("sim").port(upstreamPort).systemId("acme").password("secret").build())
                .addRoute(RouteConfig.toConnector("default", "sim"))
                .addUser(UserConfig.builder("shop").apiKey("k-shop-123").systemId("shop").password("pw").build())
                .build()).start();
        await().atMost(WAIT).until(() -> gateway.connectors().get("sim").boundSessions() > 0);

        try (JsmppDownstream trx = JsmppDownstream.bind(gateway.smppFront().orElseThrow().port(), BindType.BIND_TRX, "shop", "pw")) {
            List<String> ids = new ArrayList<>();
            ids.add(trx.submit("254750000000", "before", (byte) 1));
            await().atMost(WAIT).until(() -> trx.receiptTlvIds().containsAll(ids));

            smsc.close();
            await().atMost(WAIT).until(() -> gateway.connectors().get("sim").boundSessions() == 0);
            for (int i = 1; i <= 10; i++) {
                ids.add(trx.submit("25475000000" + (i % 10), "while down " + i, (byte) 1));
            }
            assertThat(ids).hasSize(11).doesNotHaveDuplicates();
            assertThat(gateway.statusStore().find(ids.get(5)).toCompletableFuture().join())
                    .hasValueSatisfying(v -> assertThat(v.status()).isEqualTo(MessageStatus.QUEUED));

            smsc = SmscSimulator.start(SmscConfig.builder().port(upstreamPort).session(WIDE).receiptDelay(Duration.ofMillis(20)).build());
            await().atMost(WAIT).until(() -> trx.receiptTlvIds().containsAll(ids));
            assertThat(trx.receiptTextIds()).containsAll(ids);
        }
    }
}
