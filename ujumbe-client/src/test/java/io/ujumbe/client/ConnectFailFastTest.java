package io.ujumbe.client;

import io.ujumbe.pdu.CommandStatus;
import io.ujumbe.session.TestSmsc;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link SmppClient#connect()} fails fast, as aiosmpplib's connect() does, where start() keeps
 * reconnecting: on a port nobody listens on, and on a refused bind, against real sockets.
 */
class ConnectFailFastTest {

    private static ClientConfig.Builder config(int port) {
        return ClientConfig.builder().host("127.0.0.1").port(port).systemId("acme").password("secret")
                .enquireLinkInterval(Duration.ZERO).reconnectInitialDelay(Duration.ofMillis(50))
                .reconnectMaxDelay(Duration.ofMillis(100));
    }

    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    @Test
    void connectFailsWithTheNetworkErrorWhenNobodyListens() throws Exception {
        int port = closedPort();
        try (SmppClient client = SmppClient.create(config(port).build())) {
            assertThatThrownBy(() -> client.connect().get(20, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(ConnectException.class)
                    .hasMessageStartingWith("cannot connect to the SMSC at 127.0.0.1:" + port + ": ")
                    .hasMessageContaining("refused")
                    .hasCauseInstanceOf(ConnectException.class);
            // Stopped: nothing keeps reconnecting, and sending is refused.
            assertThatThrownBy(() -> client.send(OutboundMessage.builder().to("254700000001").text("x").build())
                    .get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(ClientStoppedException.class);
        }
    }

    @Test
    // The SMSC is opened for the client to bind to, not referenced.
    @SuppressWarnings("try")
    void startKeepsTryingWhereConnectFailsFast() throws Exception {
        int port = closedPort();
        try (SmppClient client = SmppClient.create(config(port).build())) {
            var started = client.start();
            // Several reconnect attempts (50-100 ms apart) fail meanwhile; start() does not give up.
            org.awaitility.Awaitility.await().pollDelay(Duration.ofMillis(800)).atMost(Duration.ofSeconds(5)).until(() -> true);
            assertThat(started).isNotDone();
            try (TestSmsc smsc = TestSmsc.start(io.ujumbe.session.SessionConfig.builder()
                    .enquireLinkInterval(Duration.ZERO).build(), port)) {
                started.get(20, TimeUnit.SECONDS);
                assertThat(client.boundSessions()).isEqualTo(1);
                client.stop(Duration.ofSeconds(2)).get(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void connectFailsWithTheBindStatusWhenTheBindIsRefused() throws Exception {
        try (TestSmsc smsc = TestSmsc.start().account("acme", "other");
             SmppClient client = SmppClient.create(config(smsc.port()).build())) {
            assertThatThrownBy(() -> client.connect().get(20, TimeUnit.SECONDS))
                    .cause().isInstanceOf(ClientStoppedException.class)
                    .hasMessageContaining("bind rejected by the SMSC at 127.0.0.1:" + smsc.port())
                    .hasMessageContaining(CommandStatus.ESME_RINVPASWD.name());
            assertThat(smsc.bindCount()).isEqualTo(1);
        }
    }

    @Test
    void connectCompletesWhenBound() throws Exception {
        try (TestSmsc smsc = TestSmsc.start();
             SmppClient client = SmppClient.create(config(smsc.port()).build())) {
            client.connect().get(20, TimeUnit.SECONDS);
            assertThat(client.boundSessions()).isEqualTo(1);
        }
    }
}
