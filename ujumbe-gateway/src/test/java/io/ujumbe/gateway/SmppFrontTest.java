package io.ujumbe.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.ujumbe.gateway.smpp.SmppFront;
import io.ujumbe.gateway.smpp.SmppFrontConfig;
import io.ujumbe.pdu.SubmitSm;
import io.ujumbe.pdu.TlvTag;
import io.ujumbe.smsc.ReceivedSubmit;
import io.ujumbe.smsc.SmscConfig;
import io.ujumbe.smsc.SmscSimulator;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.util.DeliveryReceiptState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The SMPP front door end to end over loopback: jSMPP's client as the downstream ESME, the gateway
 * in between, the SMSC simulator upstream. Binds of each type, refused binds, receipts carrying the
 * ids the submit_sm_resp gave, 1,000 of them, long messages in UDH and SAR parts, throttling, a
 * receiver that binds late, query_sm, cancel_sm, MO to a downstream user.
 */
class SmppFrontTest {
    /**
     * The simulator gives a receipt up after 5 attempts when its window of deliver_sm to the
     * gateway's client is full; on a loaded test machine 100 fills: a wide window keeps the
     * upstream from dropping receipts these tests count.
     */
    static final io.ujumbe.session.SessionConfig WIDE = io.ujumbe.session.SessionConfig.defaults().toBuilder()
            .windowSize(2000).build();
    static final Duration WAIT = Duration.ofSeconds(60);
    static SmscSimulator smsc;
    static Gateway gateway;
    static int port;
    final List<JsmppDownstream> opened = new ArrayList<>();

    @BeforeAll
    static void start() {
        smsc = SmscSimulator.start(SmscConfig.builder().port(0).session(WIDE).receiptDelay(Duration.ofMillis(20)).build());
        gateway = Gateway.builder(GatewayConfig.builder().httpPort(0)
                .smppFront(SmppFrontConfig.builder().port(0).build())
                .addConnector(ConnectorConfig.builder("sim").port(smsc.port()).systemId("acme").password("secret").build())
                .addRoute(RouteConfig.toConnector("default", "sim"))
                .addUser(UserConfig.builder("shop").apiKey("k-shop-123").systemId("shop").password("pw").build())
                .addUser(UserConfig.builder("late").apiKey("k-late-123").systemId("late").password("pw").build())
                .addUser(UserConfig.builder("slow").systemId("slow").password("pw").ratePerSecond(1).build())
                .addUser(UserConfig.builder("brand").systemId("brand").password("pw").allowedSenders(List.of("ACME")).build())
                .addUser(UserConfig.builder("two").systemId("two").password("pw").smppMaxBinds(2).build())
                .addUser(UserConfig.builder("httponly").apiKey("k-http-123").password("pw").build())
                .addMoRoute(new MoRouteConfig("to-shop", List.of("3333"), null, List.of(), "smpp:shop", null))
                .build()).start();
        port = gateway.smppFront().orElseThrow().port();
        await().atMost(WAIT).until(() -> gateway.connectors().get("sim").boundSessions() > 0);
    }

    @AfterAll
    static void stop() {
        gateway.close();
        smsc.close();
    }

    @AfterEach
    void unbind() {
        opened.forEach(JsmppDownstream::close);
        opened.clear();
    }

    JsmppDownstream bind(BindType type, String systemId) throws Exception {
        JsmppDownstream d = JsmppDownstream.bind(port, type, systemId, "pw");
        opened.add(d);
        return d;
    }

    static JsonNode status(String apiKey, String id) {
        return Http.json(Http.get("http://127.0.0.1:" + gateway.port() + "/v1/messages/" + id,
                "Authorization", Http.bearer(apiKey)));
    }

    @Test
    void submitIsAnsweredWithTheGatewayId_andItsReceiptCarriesThatId() throws Exception {
        JsmppDownstream trx = bind(BindType.BIND_TRX, "shop");
        String id = trx.submit("254700000001", "Habari ya asubuhi", (byte) 1);
        assertThat(id).matches("[0-9a-f-]{36}");

        await().atMost(WAIT).until(() -> trx.receiptTlvIds().contains(id));
        DeliverSm receipt = trx.received.stream().filter(DeliverSm::isSmscDeliveryReceipt).findFirst().orElseThrow();
        assertThat(JsmppDownstream.receiptedMessageId(receipt)).isEqualTo(id);
        assertThat(receipt.getShortMessageAsDeliveryReceipt().getId()).isEqualTo(id);
        assertThat(receipt.getShortMessageAsDeliveryReceipt().getFinalStatus()).isEqualTo(DeliveryReceiptState.DELIVRD);
        assertThat(receipt.getShortMessageAsDeliveryReceipt().getDelivered()).isEqualTo(1);
        assertThat(JsmppDownstream.messageState(receipt)).isEqualTo(2);
        // Addressed back to the sender, from the handset.
        assertThat(receipt.getSourceAddr()).isEqualTo("254700000001");
        assertThat(receipt.getDestAddress()).isEqualTo("ACME");

        // Upstream it is an ordinary message; through HTTP it is the same message, delivered.
        assertThat(smsc.record().submits()).anySatisfy(s -> {
            assertThat(s.destination()).isEqualTo("254700000001");
            assertThat(s.text()).isEqualTo("Habari ya asubuhi");
        });
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode s = status("k-shop-123", id);
            assertThat(s.get("status").asText()).isEqualTo("delivered");
            assertThat(s.get("timeline").findValuesAsText("event")).contains("queued", "accepted", "receipt");
        });
        JsonNode health = Http.json(Http.get("http://127.0.0.1:" + gateway.port() + "/health"));
        assertThat(health.get("smpp").get("binds").get("shop").get("binds").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(health.get("smpp").get("receiptsDelivered").asLong()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void bindsOfEveryType_severalPerUser_receiptsGoOnlyToReceivers() throws Exception {
        JsmppDownstream tx = bind(BindType.BIND_TX, "shop");
        JsmppDownstream rx = bind(BindType.BIND_RX, "shop");
        JsmppDownstream rx2 = bind(BindType.BIND_RX, "shop");
        SmppFront front = gateway.smppFront().orElseThrow();
        assertThat(front.binds("shop")).isEqualTo(3);

        Set<String> ids = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < 10; i++) {
            ids.add(tx.submit("25470000010" + i, "round robin " + i, (byte) 1));
        }
        await().atMost(WAIT).until(() -> rx.receiptTlvIds().size() + rx2.receiptTlvIds().size() == 10);
        Set<String> all = new java.util.HashSet<>(rx.receiptTlvIds());
        all.addAll(rx2.receiptTlvIds());
        assertThat(all).isEqualTo(ids);
        assertThat(rx.receiptTlvIds()).isNotEmpty();
        assertThat(rx2.receiptTlvIds()).isNotEmpty();
        assertThat(tx.received).isEmpty();

        tx.close();
        await().atMost(WAIT).until(() -> front.binds("shop") == 2);
    }

    @Test
    void wrongPassword_unknownSystemId_httpOnlyUser_andTooManyBinds_areRefused() throws Exception {
        for (String[] creds : List.of(new String[] {"shop", "wrong"}, new String[] {"nobody", "pw"},
                new String[] {"httponly", "pw"})) {
            assertThatThrownBy(() -> JsmppDownstream.bind(port, BindType.BIND_TRX, creds[0], creds[1]))
                    .isInstanceOf(IOException.class).cause()
                    .isInstanceOfSatisfying(NegativeResponseException.class,
                            e -> assertThat(e.getCommandStatus()).isEqualTo(SMPPConstant.STAT_ESME_RINVPASWD));
        }
        bind(BindType.BIND_TRX, "two");
        bind(BindType.BIND_TX, "two");
        assertThatThrownBy(() -> bind(BindType.BIND_RX, "two")).isInstanceOf(IOException.class).cause()
                .isInstanceOfSatisfying(NegativeResponseException.class,
                        e -> assertThat(e.getCommandStatus()).isEqualTo(SMPPConstant.STAT_ESME_RBINDFAIL));
    }

    @Test
    void aThousandMessages_aThousandReceipts_withTheIdsGiven() throws Exception {
        JsmppDownstream trx = bind(BindType.BIND_TRX, "shop");
        Set<String> ids = ConcurrentHashMap.newKeySet();
        ExecutorService senders = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                done.add(senders.submit(() -> {
                    for (int i = 0; i < 125; i++) {
                        ids.add(trx.submit("2547100" + thread + String.format("%04d", i), "load " + i, (byte) 1));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            senders.shutdownNow();
        }
        assertThat(ids).hasSize(1000);
        await().atMost(Duration.ofSeconds(120)).until(() -> trx.receiptTlvIds().containsAll(ids));
        assertThat(trx.receiptTextIds()).containsAll(ids);
        assertThat(trx.received.stream().filter(DeliverSm::isSmscDeliveryReceipt).count()).isEqualTo(1000);
    }

    @Test
    void longMessageInUdhParts_goesUpstreamAsParts_withAReceiptPerPart() throws Exception {
        JsmppDownstream trx = bind(BindType.BIND_TRX, "shop");
        ESMClass udhi = new ESMClass(MessageMode.DEFAULT, MessageType.DEFAULT, GSMSpecificFeature.UDHI);
        List<String> ids = new ArrayList<>();
        for (int part = 1; part <= 3; part++) {
            byte[] text = ("sehemu ya " + part + " ya ujumbe mrefu").getBytes(StandardCharsets.ISO_8859_1);
            byte[] ud = new byte[6 + text.length];
            ud[0] = 5;
            ud[1] = 0;
            ud[2] = 3;
            ud[3] = 0x2A;
            ud[4] = 3;
            ud[5] = (byte) part;
            System.arraycopy(text, 0, ud, 6, text.length);
            ids.add(trx.submitPart("254700000201", ud, udhi));
        }
        assertThat(ids).doesNotHaveDuplicates();
        await().atMost(WAIT).until(() -> trx.receiptTlvIds().containsAll(ids));

        List<ReceivedSubmit> upstream = smsc.record().submits().stream()
                .filter(s -> s.destination().equals("254700000201")).toList();
        assertThat(upstream).hasSize(3).allSatisfy(s -> {
            assertThat(s.isPart()).isTrue();
            assertThat(s.reference()).isEqualTo(0x2A);
            assertThat(s.totalParts()).isEqualTo(3);
            assertThat(((SubmitSm) s.pdu()).esmClass().isUdhi()).isTrue();
        });
        assertThat(upstream).extracting(ReceivedSubmit::partNumber).containsExactlyInAnyOrder(1, 2, 3);
    }

    @Test
    void longMessageInSarParts_keepsItsTlvsUpstream_withAReceiptPerPart() throws Exception {
        JsmppDownstream trx = bind(BindType.BIND_TRX, "shop");
        List<String> ids = new ArrayList<>();
        for (int part = 1; part <= 2; part++) {
            ids.add(trx.submitPart("254700000202", ("SAR part " + part).getBytes(StandardCharsets.ISO_8859_1),
                    new ESMClass(),
                    new OptionalParameter.Short(OptionalParameter.Tag.SAR_MSG_REF_NUM, (short) 0x0102),
                    new OptionalParameter.Byte(OptionalParameter.Tag.SAR_TOTAL_SEGMENTS, (byte) 2),
                    new OptionalParameter.Byte(OptionalParameter.Tag.SAR_SEGMENT_SEQNUM, (byte) part)));
        }
        await().atMost(WAIT).until(() -> trx.receiptTlvIds().containsAll(ids));
        List<ReceivedSubmit> upstream = smsc.record().submits().stream()
                .filter(s -> s.destination().equals("254700000202")).toList();
        assertThat(upstream).hasSize(2).allSatisfy(s -> {
            SubmitSm pdu = (SubmitSm) s.pdu();
            assertThat(pdu.tlvs().get(TlvTag.SAR_MSG_REF_NUM)).hasValueSatisfying(t -> assertThat(t.longValue()).isEqualTo(0x0102));
            assertThat(pdu.tlvs().get(TlvTag.SAR_TOTAL_SEGMENTS)).hasValueSatisfying(t -> assertThat(t.longValue()).isEqualTo(2));
            assertThat(pdu.esmClass().isUdhi()).isFalse();
        });
    }

    @Test
    void overTheUsersRate_submissionsAreThrottled_andSendersAreChecked() throws Exception {
        JsmppDownstream slow = bind(BindType.BIND_TRX, "slow");
        slow.submit("254700000301", "first", (byte) 0);
        assertThatThrownBy(() -> slow.submit("254700000302", "second", (byte) 0))
                .isInstanceOfSatisfying(NegativeResponseException.class,
                        e -> assertThat(e.getCommandStatus()).isEqualTo(SMPPConstant.STAT_ESME_RTHROTTLED));

        JsmppDownstream brand = bind(BindType.BIND_TRX, "brand");
        brand.submit("254700000303", "from ACME", (byte) 0);
        assertThatThrownBy(() -> brand.session.submitShortMessage("", TypeOfNumber.ALPHANUMERIC,
                NumberingPlanIndicator.UNKNOWN, "OTHER", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN,
                "254700000304", new ESMClass(), (byte) 0, (byte) 0, null, null,
                new org.jsmpp.bean.RegisteredDelivery((byte) 0), (byte) 0,
                new org.jsmpp.bean.GeneralDataCoding(org.jsmpp.bean.Alphabet.ALPHA_DEFAULT), (byte) 0, "x".getBytes()))
                .isInstanceOfSatisfying(NegativeResponseException.class,
                        e -> assertThat(e.getCommandStatus()).isEqualTo(SMPPConstant.STAT_ESME_RINVSRCADR));
    }

    @Test
    void aReceiverThatBindsLate_getsTheQueuedReceipts_andFailureOnlyAsksForNone() throws Exception {
        JsmppDownstream tx = bind(BindType.BIND_TX, "late");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(tx.submit("25470000040" + i, "late " + i, (byte) 1));
        }
        String failureOnly = tx.submit("254700000409", "no receipt wanted when delivered", (byte) 2);
        await().atMost(WAIT).untilAsserted(() -> {
            for (String id : ids) {
                assertThat(status("k-late-123", id).get("status").asText()).isEqualTo("delivered");
            }
            assertThat(status("k-late-123", failureOnly).get("status").asText()).isEqualTo("delivered");
        });
        await().atMost(WAIT).until(() -> gateway.smppFront().orElseThrow().queued("late").toCompletableFuture().join() == 5);

        JsmppDownstream rx = bind(BindType.BIND_RX, "late");
        await().atMost(WAIT).until(() -> rx.receiptTlvIds().containsAll(ids));
        assertThat(rx.receiptTextIds()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(rx.receiptTlvIds()).doesNotContain(failureOnly);
        await().atMost(WAIT).until(() -> gateway.smppFront().orElseThrow().queued("late").toCompletableFuture().join() == 0);
    }

    @Test
    void querySm_andCancelSm_answerFromTheStatusStore() throws Exception {
        JsmppDownstream trx = bind(BindType.BIND_TRX, "shop");
        String id = trx.submit("254700000501", "query me", (byte) 1);
        await().atMost(WAIT).until(() -> trx.receiptTlvIds().contains(id));
        await().atMost(WAIT).untilAsserted(() -> {
            QuerySmResult q = trx.session.queryShortMessage(id, TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN, "ACME");
            assertThat(q.getMessageState()).isEqualTo(org.jsmpp.bean.MessageState.DELIVERED);
            assertThat(q.getFinalDate()).matches("\\d{12}000\\+");
        });
        assertThatThrownBy(() -> trx.session.queryShortMessage("no-such-id", TypeOfNumber.ALPHANUMERIC,
                NumberingPlanIndicator.UNKNOWN, "ACME")).isInstanceOfSatisfying(NegativeResponseException.class,
                e -> assertThat(e.getCommandStatus()).isEqualTo(SMPPConstant.STAT_ESME_RINVMSGID));
        // Another user's id is unknown to this one.
        JsmppDownstream other = bind(BindType.BIND_TRX, "late");
        assertThatThrownBy(() -> other.session.queryShortMessage(id, TypeOfNumber.ALPHANUMERIC,
                NumberingPlanIndicator.UNKNOWN, "ACME")).isInstanceOfSatisfying(NegativeResponseException.class,
                e -> assertThat(e.getCommandStatus()).isEqualTo(SMPPConstant.STAT_ESME_RINVMSGID));
        assertThatThrownBy(() -> trx.session.cancelShortMessage("", id, TypeOfNumber.ALPHANUMERIC,
                NumberingPlanIndicator.UNKNOWN, "ACME", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN,
                "254700000501")).isInstanceOfSatisfying(NegativeResponseException.class,
                e -> assertThat(e.getCommandStatus()).isEqualTo(SMPPConstant.STAT_ESME_RCANCELFAIL));
    }

    @Test
    void inboundSmsRoutedToAUser_arrivesAsDeliverSmOnItsReceiver() throws Exception {
        JsmppDownstream trx = bind(BindType.BIND_TRX, "shop");
        smsc.injectMo("254722000001", "3333", "Nataka kujiunga", "acme").get();
        await().atMost(WAIT).until(() -> trx.received.stream().anyMatch(d -> !d.isSmscDeliveryReceipt()));
        DeliverSm mo = trx.received.stream().filter(d -> !d.isSmscDeliveryReceipt()).findFirst().orElseThrow();
        assertThat(new String(mo.getShortMessage(), StandardCharsets.ISO_8859_1)).isEqualTo("Nataka kujiunga");
        assertThat(mo.getSourceAddr()).isEqualTo("254722000001");
        assertThat(mo.getDestAddress()).isEqualTo("3333");
        assertThat(Arrays.asList(mo.getSourceAddrTon())).isNotNull();
    }

    @Test
    void aPduTheFrontCannotUnderstand_getsGenericNack_andTheConnectionStays() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(15_000);
            java.io.DataOutputStream out = new java.io.DataOutputStream(socket.getOutputStream());
            java.io.DataInputStream in = new java.io.DataInputStream(socket.getInputStream());
            // An unknown command_id, header only.
            out.writeInt(16);
            out.writeInt(0x00000777);
            out.writeInt(0);
            out.writeInt(7);
            out.flush();
            assertThat(in.readInt()).isEqualTo(16);
            assertThat(in.readInt()).isEqualTo(0x80000000);
            assertThat(in.readInt()).isEqualTo(0x03);
            assertThat(in.readInt()).isEqualTo(7);
            // Still open: enquire_link is answered.
            out.writeInt(16);
            out.writeInt(0x00000015);
            out.writeInt(0);
            out.writeInt(8);
            out.flush();
            assertThat(in.readInt()).isEqualTo(16);
            assertThat(in.readInt()).isEqualTo(0x80000015);
            assertThat(in.readInt()).isZero();
            assertThat(in.readInt()).isEqualTo(8);
        }
    }
}
