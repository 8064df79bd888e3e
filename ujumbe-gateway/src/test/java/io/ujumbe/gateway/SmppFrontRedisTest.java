package io.ujumbe.gateway;

import io.ujumbe.gateway.smpp.SmppFrontConfig;
import io.ujumbe.redis.GatewayRedisServer;
import io.ujumbe.smsc.SmscConfig;
import io.ujumbe.smsc.SmscSimulator;
import org.jsmpp.bean.BindType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The SMPP front on a real redis-server: receipts for a user with no receiver bound wait in Redis,
 * survive the gateway's restart, and reach the receiver that binds to the new gateway, with the
 * ids the first one answered.
 */
class SmppFrontRedisTest {
    /**
     * The simulator gives a receipt up after 5 attempts when its window of deliver_sm to the
     * gateway's client is full; on a loaded test machine 100 fills: a wide window keeps the
     * upstream from dropping receipts these tests count.
     */
    static final io.ujumbe.session.SessionConfig WIDE = io.ujumbe.session.SessionConfig.defaults().toBuilder()
            .windowSize(2000).build();
    static final Duration WAIT = Duration.ofSeconds(60);
    GatewayRedisServer redis;
    SmscSimulator smsc;
    final List<Gateway> gateways = new ArrayList<>();

    @BeforeEach
    void start() {
        redis = GatewayRedisServer.start();
        smsc = SmscSimulator.start(SmscConfig.builder().port(0).session(WIDE).receiptDelay(Duration.ofMillis(20)).build());
    }

    @AfterEach
    void stop() {
        gateways.forEach(Gateway::close);
        smsc.close();
        redis.close();
    }

    Gateway gateway() {
        Gateway g = Gateway.builder(GatewayConfig.builder().httpPort(0).redisUri(redis.uri())
                .smppFront(SmppFrontConfig.builder().port(0).build())
                .addConnector(ConnectorConfig.builder("sim").port(smsc.port()).systemId("acme").password("secret").build())
                .addRoute(RouteConfig.toConnector("default", "sim"))
                .addUser(UserConfig.builder("shop").apiKey("k-shop-123").systemId("shop").password("pw").build())
                .build()).start();
        gateways.add(g);
        await().atMost(WAIT).until(() -> g.connectors().get("sim").boundSessions() > 0);
        return g;
    }

    @Test
    void queuedReceiptsSurviveAGatewayRestart_andReachTheReceiverThatBindsAfterIt() throws Exception {
        Gateway first = gateway();
        List<String> ids = new ArrayList<>();
        try (JsmppDownstream tx = JsmppDownstream.bind(first.smppFront().orElseThrow().port(), BindType.BIND_TX, "shop", "pw")) {
            for (int i = 0; i < 20; i++) {
                ids.add(tx.submit("25474000" + String.format("%04d", i), "restart " + i, (byte) 1));
            }
        }
        await().atMost(WAIT).until(() -> first.smppFront().orElseThrow().queued("shop").toCompletableFuture().join() == 20);
        first.close();
        gateways.remove(first);

        Gateway second = gateway();
        assertThat(second.smppFront().orElseThrow().queued("shop").toCompletableFuture().join()).isEqualTo(20);
        try (JsmppDownstream rx = JsmppDownstream.bind(second.smppFront().orElseThrow().port(), BindType.BIND_RX, "shop", "pw")) {
            await().atMost(WAIT).until(() -> rx.receiptTlvIds().containsAll(ids));
            assertThat(rx.receiptTextIds()).containsExactlyInAnyOrderElementsOf(ids);
        }
        // The second gateway knows the messages the first took, by the same ids.
        for (String id : ids) {
            assertThat(second.statusStore().find(id).toCompletableFuture().join())
                    .hasValueSatisfying(v -> assertThat(v.status()).isEqualTo(MessageStatus.DELIVERED));
        }
        await().atMost(WAIT).until(() -> second.smppFront().orElseThrow().queued("shop").toCompletableFuture().join() == 0);
    }
}
