package io.ujumbe.gateway;

import com.cloudhopper.commons.util.windowing.WindowFuture;
import com.cloudhopper.smpp.SmppBindType;
import com.cloudhopper.smpp.SmppConstants;
import com.cloudhopper.smpp.SmppSession;
import com.cloudhopper.smpp.SmppSessionConfiguration;
import com.cloudhopper.smpp.impl.DefaultSmppClient;
import com.cloudhopper.smpp.impl.DefaultSmppSessionHandler;
import com.cloudhopper.smpp.pdu.DataSm;
import com.cloudhopper.smpp.pdu.DeliverSm;
import com.cloudhopper.smpp.pdu.PduRequest;
import com.cloudhopper.smpp.pdu.PduResponse;
import com.cloudhopper.smpp.pdu.SubmitSm;
import com.cloudhopper.smpp.ssl.SslConfiguration;
import com.cloudhopper.smpp.tlv.Tlv;
import com.cloudhopper.smpp.type.Address;
import com.cloudhopper.smpp.type.SmppBindException;
import io.ujumbe.gateway.smpp.SmppFrontConfig;
import io.ujumbe.session.TlsConfig;
import io.ujumbe.smsc.SmscConfig;
import io.ujumbe.smsc.SmscSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * cloudhopper-smpp's client as the downstream ESME, over the SMPP front's plain and TLS ports:
 * pipelined submit_sm and data_sm with their receipts, a receiver's submission refused by the
 * gateway's session, a wrong password.
 */
// cloudhopper's PduRequest is generic, and its own API (WindowFuture, sendRequestPdu) hands it out raw.
@SuppressWarnings("rawtypes")
class SmppFrontCloudhopperTest {
    /**
     * The simulator gives a receipt up after 5 attempts when its window of deliver_sm to the
     * gateway's client is full; on a loaded test machine 100 fills: a wide window keeps the
     * upstream from dropping receipts these tests count.
     */
    static final io.ujumbe.session.SessionConfig WIDE = io.ujumbe.session.SessionConfig.defaults().toBuilder()
            .windowSize(2000).build();
    static final Duration WAIT = Duration.ofSeconds(60);
    static final Pattern TEXT_ID = Pattern.compile("id:(\\S+)");
    static SmscSimulator smsc;
    static Gateway gateway;
    static ExecutorService workers;
    static DefaultSmppClient client;
    final List<SmppSession> opened = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        smsc = SmscSimulator.start(SmscConfig.builder().port(0).session(WIDE).receiptDelay(Duration.ofMillis(20)).build());
        gateway = Gateway.builder(GatewayConfig.builder().httpPort(0)
                .smppFront(SmppFrontConfig.builder().port(0)
                        .tls(0, TlsConfig.server(resource("test-cert.pem"), resource("test-key.pem"))).build())
                .addConnector(ConnectorConfig.builder("sim").port(smsc.port()).systemId("acme").password("secret").build())
                .addRoute(RouteConfig.toConnector("default", "sim"))
                .addUser(UserConfig.builder("shop").apiKey("k-shop-123").systemId("shop").password("pw").build())
                .build()).start();
        await().atMost(WAIT).until(() -> gateway.connectors().get("sim").boundSessions() > 0);
        workers = Executors.newCachedThreadPool();
        client = new DefaultSmppClient(workers, 2);
    }

    @AfterAll
    static void stop() {
        client.destroy();
        workers.shutdownNow();
        gateway.close();
        smsc.close();
    }

    @AfterEach
    void unbind() {
        for (SmppSession s : opened) {
            s.unbind(5000);
            s.destroy();
        }
        opened.clear();
    }

    static Path resource(String name) throws URISyntaxException {
        return Path.of(SmppFrontCloudhopperTest.class.getResource("/" + name).toURI());
    }

    SmppSession bind(SmppBindType type, boolean tls, String password, Receiver handler) throws Exception {
        SmppSessionConfiguration c = new SmppSessionConfiguration(type, "shop", password);
        c.setHost("127.0.0.1");
        c.setPort(tls ? gateway.smppFront().orElseThrow().tlsPort() : gateway.smppFront().orElseThrow().port());
        c.setConnectTimeout(10_000);
        c.setBindTimeout(10_000);
        c.setWindowSize(50);
        c.setRequestExpiryTimeout(30_000);
        c.setWindowMonitorInterval(5_000);
        if (tls) {
            SslConfiguration ssl = new SslConfiguration();
            ssl.setTrustAll(true);
            // cloudhopper's Netty 3 SslHandler trips its own assertion on TLS 1.3; 1.2 it speaks.
            ssl.setIncludeProtocols("TLSv1.2");
            c.setUseSsl(true);
            c.setSslConfiguration(ssl);
        }
        SmppSession s = client.bind(c, handler);
        opened.add(s);
        return s;
    }

    /** Answers every deliver_sm and keeps the receipts' ids, from the text and from the TLV. */
    static final class Receiver extends DefaultSmppSessionHandler {
        final Map<String, String> textIdByTlvId = new ConcurrentHashMap<>();

        @Override
        public PduResponse firePduRequestReceived(PduRequest request) {
            if (request instanceof DeliverSm d && (d.getEsmClass() & 0x3C) == 0x04) {
                Tlv t = d.getOptionalParameter(SmppConstants.TAG_RECEIPTED_MSG_ID);
                Matcher m = TEXT_ID.matcher(new String(d.getShortMessage(), StandardCharsets.ISO_8859_1));
                try {
                    textIdByTlvId.put(t.getValueAsString(), m.find() ? m.group(1) : "");
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }
            return request.createResponse();
        }
    }

    static SubmitSm submitSm(String to, String text) throws Exception {
        SubmitSm sm = new SubmitSm();
        sm.setSourceAddress(new Address((byte) 5, (byte) 0, "ACME"));
        sm.setDestAddress(new Address((byte) 1, (byte) 1, to));
        sm.setRegisteredDelivery((byte) 1);
        sm.setShortMessage(text.getBytes(StandardCharsets.ISO_8859_1));
        return sm;
    }

    @Test
    void pipelinedSubmitsOverTls_allAnswered_allReceiptsCarryTheirIds() throws Exception {
        Receiver receiver = new Receiver();
        SmppSession s = bind(SmppBindType.TRANSCEIVER, true, "pw", receiver);
        List<WindowFuture<Integer, PduRequest, PduResponse>> futures = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            futures.add(s.sendRequestPdu(submitSm("2547300" + String.format("%05d", i), "tls " + i), 30_000, false));
        }
        Set<String> ids = ConcurrentHashMap.newKeySet();
        for (WindowFuture<Integer, PduRequest, PduResponse> f : futures) {
            assertThat(f.await(30_000)).isTrue();
            assertThat(f.getResponse().getCommandStatus()).isZero();
            ids.add(((com.cloudhopper.smpp.pdu.SubmitSmResp) f.getResponse()).getMessageId());
        }
        assertThat(ids).hasSize(200);
        await().atMost(WAIT).until(() -> receiver.textIdByTlvId.keySet().containsAll(ids));
        receiver.textIdByTlvId.forEach((tlvId, textId) -> assertThat(textId).isEqualTo(tlvId));
    }

    @Test
    void dataSmWithMessagePayload_isAnsweredAndReceipted() throws Exception {
        Receiver receiver = new Receiver();
        SmppSession s = bind(SmppBindType.TRANSCEIVER, false, "pw", receiver);
        DataSm d = new DataSm();
        d.setSourceAddress(new Address((byte) 5, (byte) 0, "ACME"));
        d.setDestAddress(new Address((byte) 1, (byte) 1, "254730099999"));
        d.setRegisteredDelivery((byte) 1);
        d.addOptionalParameter(new Tlv(SmppConstants.TAG_MESSAGE_PAYLOAD,
                "A data sm whose text travels in message payload".getBytes(StandardCharsets.ISO_8859_1)));
        WindowFuture<Integer, PduRequest, PduResponse> f = s.sendRequestPdu(d, 30_000, false);
        assertThat(f.await(30_000)).isTrue();
        assertThat(f.getResponse().getCommandStatus()).isZero();
        String id = ((com.cloudhopper.smpp.pdu.DataSmResp) f.getResponse()).getMessageId();
        await().atMost(WAIT).until(() -> receiver.textIdByTlvId.containsKey(id));
        assertThat(smsc.record().submits()).anySatisfy(r -> {
            assertThat(r.destination()).isEqualTo("254730099999");
            assertThat(r.text()).isEqualTo("A data sm whose text travels in message payload");
        });
    }

    @Test
    void aReceiversSubmission_isRefusedByTheBindState() throws Exception {
        SmppSession rx = bind(SmppBindType.RECEIVER, false, "pw", new Receiver());
        WindowFuture<Integer, PduRequest, PduResponse> f = rx.sendRequestPdu(submitSm("254730000001", "no"), 30_000, false);
        assertThat(f.await(30_000)).isTrue();
        assertThat(f.getResponse().getCommandStatus()).isEqualTo(SmppConstants.STATUS_INVBNDSTS);
    }

    @Test
    void aWrongPassword_isRefusedWithRinvpaswd() {
        assertThatThrownBy(() -> bind(SmppBindType.TRANSCEIVER, false, "nope", new Receiver()))
                .isInstanceOfSatisfying(SmppBindException.class,
                        e -> assertThat(e.getBindResponse().getCommandStatus()).isEqualTo(SmppConstants.STATUS_INVPASWD));
    }
}
