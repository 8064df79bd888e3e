package io.ujumbe.session;

import io.ujumbe.pdu.Address;
import io.ujumbe.pdu.Bind;
import io.ujumbe.pdu.BindType;
import io.ujumbe.pdu.PduResponse;
import io.ujumbe.pdu.SubmitSm;
import io.ujumbe.pdu.SubmitSmResp;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** TLS on both sides, with the PEM files in test resources (a self-signed localhost certificate). */
class TlsSessionTest {
    private static Path resource(String name) throws Exception {
        return Path.of(TlsSessionTest.class.getResource("/" + name).toURI());
    }

    @Test
    void clientTrustingTheServerCertificateBindsAndSubmitsOverTls() throws Exception {
        SessionConfig server = SessionConfig.builder().enquireLinkInterval(Duration.ZERO)
                .tls(TlsConfig.server(resource("test-cert.pem"), resource("test-key.pem"))).build();
        SessionConfig client = SessionConfig.builder().enquireLinkInterval(Duration.ZERO)
                .tls(TlsConfig.clientTrusting(resource("test-cert.pem"))).build();
        try (TestSmsc smsc = TestSmsc.start(server, 0); SmppConnector connector = SmppConnector.create(1)) {
            SmppSession s = connector.connect("localhost", smsc.port(), client, new NoopHandler()).get(10, TimeUnit.SECONDS);
            s.bind(Bind.builder().type(BindType.TRANSCEIVER).systemId("tls").password("pw").build()).get(10, TimeUnit.SECONDS);
            PduResponse r = s.send(SubmitSm.builder().sourceAddress(Address.of("1")).destinationAddress(Address.of("2"))
                    .shortMessage(new byte[]{0x41}).build()).get(10, TimeUnit.SECONDS);
            assertThat(r).isInstanceOf(SubmitSmResp.class);
            assertThat(smsc.received()).hasSize(1);
        }
    }

    @Test
    void clientThatDoesNotTrustTheServerFailsTheHandshakeClearly() throws Exception {
        SessionConfig server = SessionConfig.builder().enquireLinkInterval(Duration.ZERO)
                .tls(TlsConfig.server(resource("test-cert.pem"), resource("test-key.pem"))).build();
        SessionConfig client = SessionConfig.builder().enquireLinkInterval(Duration.ZERO).tls(TlsConfig.client()).build();
        try (TestSmsc smsc = TestSmsc.start(server, 0); SmppConnector connector = SmppConnector.create(1)) {
            assertThatThrownBy(() -> connector.connect("localhost", smsc.port(), client, new NoopHandler())
                    .get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(SessionClosedException.class)
                    .hasMessageContaining("TLS handshake");
        }
    }

    @Test
    void unreadablePemIsAConfigurationErrorNamingTheSetting() {
        assertThatThrownBy(() -> TlsConfig.server(Path.of("/nonexistent/cert.pem"), Path.of("/nonexistent/key.pem")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("certificateChainPem");
    }
}
