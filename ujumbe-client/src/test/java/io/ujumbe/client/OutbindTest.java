package io.ujumbe.client;

import io.ujumbe.pdu.Address;
import io.ujumbe.pdu.AlertNotification;
import io.ujumbe.pdu.Bind;
import io.ujumbe.pdu.BindType;
import io.ujumbe.pdu.DataCoding;
import io.ujumbe.pdu.DeliverSm;
import io.ujumbe.pdu.DeliverSmResp;
import io.ujumbe.pdu.Outbind;
import io.ujumbe.pdu.Pdu;
import io.ujumbe.pdu.CommandStatus;
import io.ujumbe.session.RawPeer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.ujumbe.client.ClientTestSupport.config;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** SMSC-initiated connections (outbind) and alert_notification, against a scripted SMSC on a raw socket. */
class OutbindTest {

    @Test
    // The peer is closed inside its try on purpose: its port must lead nowhere.
    @SuppressWarnings("try")
    void anSmscThatConnectsAndSendsOutbindGetsABindAndDeliversOnIt() throws Exception {
        RecordingListener l = new RecordingListener();
        // The client's own SMSC address leads nowhere: only the SMSC-initiated connection works.
        try (RawPeer nowhere = RawPeer.listen()) {
            int deadPort = nowhere.port();
            nowhere.close();
            ClientConfig cfg = config(deadPort, l).bindType(BindType.RECEIVER)
                    .reconnectInitialDelay(Duration.ofSeconds(5)).reconnectMaxDelay(Duration.ofSeconds(5))
                    .outbind(OutbindListener.builder().host("127.0.0.1").port(0).build()).build();
            try (SmppClient client = SmppClient.create(cfg)) {
                client.start();
                int port = client.outbindPort().orElseThrow();
                try (RawPeer smsc = RawPeer.connect(port)) {
                    smsc.write(new Outbind(1, "acme", "secret"));
                    Pdu bind = smsc.read();
                    assertThat(bind).isInstanceOf(Bind.class);
                    assertThat(((Bind) bind).type()).isEqualTo(BindType.RECEIVER);
                    assertThat(((Bind) bind).systemId()).isEqualTo("acme");
                    smsc.write(((Bind) bind).createResponse(CommandStatus.ESME_ROK));
                    await().atMost(Duration.ofSeconds(10)).until(() -> client.boundSessions() == 1);
                    smsc.write(DeliverSm.builder().sourceAddress(Address.international("254711000000"))
                            .destinationAddress(Address.of("1234")).dataCoding(DataCoding.SMSC_DEFAULT)
                            .shortMessage("hi over outbind".getBytes(StandardCharsets.US_ASCII)).build()
                            .withSequenceNumber(7));
                    Pdu resp = smsc.read();
                    assertThat(resp).isInstanceOf(DeliverSmResp.class);
                    assertThat(resp.commandStatus().isOk()).isTrue();
                    assertThat(l.inbound).hasSize(1);
                    assertThat(l.inbound.get(0).text()).isEqualTo("hi over outbind");
                }
            }
        }
    }

    @Test
    // The peer is closed inside its try on purpose: its port must lead nowhere.
    @SuppressWarnings("try")
    void anOutbindWithTheWrongPasswordIsRefused() throws Exception {
        RecordingListener l = new RecordingListener();
        try (RawPeer nowhere = RawPeer.listen()) {
            int deadPort = nowhere.port();
            nowhere.close();
            ClientConfig cfg = config(deadPort, l)
                    .reconnectInitialDelay(Duration.ofSeconds(5)).reconnectMaxDelay(Duration.ofSeconds(5))
                    .outbind(OutbindListener.builder().host("127.0.0.1").port(0).build()).build();
            try (SmppClient client = SmppClient.create(cfg)) {
                client.start();
                try (RawPeer smsc = RawPeer.connect(client.outbindPort().orElseThrow())) {
                    smsc.write(new Outbind(1, "acme", "wrong"));
                    assertThat(smsc.closedByPeer()).isTrue();
                    assertThat(client.boundSessions()).isZero();
                }
            }
        }
    }

    @Test
    void alertNotificationReachesTheListener() throws Exception {
        List<AlertNotification> alerts = new CopyOnWriteArrayList<>();
        RecordingListener l = new RecordingListener() {
            @Override
            public void onAlertNotification(String sessionId, AlertNotification alert) {
                alerts.add(alert);
            }
        };
        try (RawPeer server = RawPeer.listen()) {
            try (SmppClient client = SmppClient.create(config(server.port(), l).build())) {
                client.start();
                try (RawPeer smsc = server.accept()) {
                    Pdu bind = smsc.read();
                    smsc.write(((Bind) bind).createResponse(CommandStatus.ESME_ROK));
                    await().atMost(Duration.ofSeconds(10)).until(() -> client.boundSessions() == 1);
                    smsc.write(new AlertNotification(9, Address.international("254700000123"), Address.of("1234")));
                    await().atMost(Duration.ofSeconds(10)).until(() -> alerts.size() == 1);
                    assertThat(alerts.get(0).sourceAddress().address()).isEqualTo("254700000123");
                }
            }
        }
    }
}
