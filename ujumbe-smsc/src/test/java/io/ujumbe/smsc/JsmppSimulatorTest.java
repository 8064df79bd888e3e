package io.ujumbe.smsc;

import io.ujumbe.pdu.CommandStatus;
import io.ujumbe.pdu.MessageState;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.Command;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.util.DeliveryReceiptState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.ujumbe.smsc.SmscTestSupport.PASSWORD;
import static io.ujumbe.smsc.SmscTestSupport.SYSTEM_ID;
import static io.ujumbe.smsc.SmscTestSupport.get;
import static io.ujumbe.smsc.SmscTestSupport.smsc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The simulator driven by a third-party client, jSMPP's {@code SMPPSession}: binds (accepted and
 * rejected), submissions with message ids in the configured format, delivery receipts that jSMPP
 * parses, query_sm and cancel_sm, throttling and other injected faults, MO injection (in code and
 * over HTTP), enquire_link and unbind. Everything runs on 127.0.0.1, and each test checks that jSMPP left no thread running.
 */
class JsmppSimulatorTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final long TIMEOUT_MS = 5_000;
    private static final String SCHEDULED_IN_A_DAY = "000001000000000R";

    private final List<JsmppProbeSession> opened = new ArrayList<>();
    private Set<Thread> before;

    @BeforeEach
    void rememberThreads() {
        before = JsmppThreads.snapshot();
    }

    @AfterEach
    void jsmppLeavesNoThreadRunning() {
        opened.forEach(JsmppProbeSession::close);
        await().atMost(WAIT).untilAsserted(() -> assertThat(JsmppThreads.startedSince(before)).isEmpty());
    }

    @Test
    void bindsSubmitsAndReceivesTheReceiptsTheRulesChose() throws Exception {
        SmscConfig config = smsc().messageIds(MessageIdFormat.DECIMAL)
                .receiptRule(ReceiptRule.forPrefix("25479", MessageState.UNDELIVERABLE).withErrorCode(42))
                .build();
        try (SmscSimulator smsc = SmscSimulator.start(config)) {
            JsmppRecordingListener listener = new JsmppRecordingListener();
            JsmppProbeSession session = session(listener);
            String smscSystemId = session.connectAndBind("127.0.0.1", smsc.port(),
                    bindParameter(BindType.BIND_TRX, SYSTEM_ID, PASSWORD), TIMEOUT_MS);
            assertThat(smscSystemId).isEqualTo("ujumbe-smsc");
            assertThat(session.getSessionState()).isEqualTo(SessionState.BOUND_TRX);
            assertThat(smsc.record().binds()).singleElement().satisfies(b -> {
                assertThat(b.systemId()).isEqualTo(SYSTEM_ID);
                assertThat(b.type()).isEqualTo(io.ujumbe.pdu.BindType.TRANSCEIVER);
                assertThat(b.status()).isEqualTo(CommandStatus.ESME_ROK);
            });
            await().atMost(WAIT).until(() -> smsc.stats().boundSessions() == 1);

            String undeliverable = submit(session, "254790000001", "Hii haitafika", "", SMSCDeliveryReceipt.SUCCESS_FAILURE);
            String delivered = submit(session, "254711000001", "Hii itafika", "", SMSCDeliveryReceipt.SUCCESS_FAILURE);
            assertThat(List.of(undeliverable, delivered)).allMatch(id -> id.matches("[0-9]+")).doesNotHaveDuplicates();
            assertThat(smsc.record().message(delivered)).hasValueSatisfying(m -> {
                assertThat(m.systemId()).isEqualTo(SYSTEM_ID);
                assertThat(m.destination()).isEqualTo("254711000001");
                assertThat(new String(m.shortMessage(), StandardCharsets.ISO_8859_1)).isEqualTo("Hii itafika");
            });

            await().atMost(WAIT).until(() -> listener.accepted.size() == 2);
            Map<String, DeliverSm> receipts = new HashMap<>();
            for (DeliverSm pdu : listener.accepted) {
                assertThat(pdu.isSmscDeliveryReceipt()).isTrue();
                receipts.put(pdu.getShortMessageAsDeliveryReceipt().getId(), pdu);
            }
            assertThat(receipts).containsOnlyKeys(undeliverable, delivered);
            assertReceipt(receipts.get(undeliverable), undeliverable, DeliveryReceiptState.UNDELIV, "042", 5);
            assertReceipt(receipts.get(delivered), delivered, DeliveryReceiptState.DELIVRD, "000", 2);
            DeliverSm failed = receipts.get(undeliverable);
            assertThat(failed.getSourceAddr()).isEqualTo("254790000001");
            assertThat(failed.getDestAddress()).isEqualTo("jSMPP");
            byte[] networkError = ((OptionalParameter.OctetString)
                    failed.getOptionalParameter(OptionalParameter.Tag.NETWORK_ERROR_CODE)).getValue();
            assertThat(networkError).hasSize(3);
            assertThat(((networkError[1] & 0xFF) << 8) | (networkError[2] & 0xFF)).isEqualTo(42);

            // query_sm after the receipts: the final states, their date, and the rule's error code.
            QuerySmResult q1 = query(session, undeliverable);
            assertThat(q1.getMessageState()).isEqualTo(org.jsmpp.bean.MessageState.UNDELIVERABLE);
            assertThat(q1.getErrorCode()).isEqualTo((byte) 42);
            assertThat(q1.getFinalDate()).matches("\\d{12}000\\+");
            QuerySmResult q2 = query(session, delivered);
            assertThat(q2.getMessageState()).isEqualTo(org.jsmpp.bean.MessageState.DELIVERED);
            assertThat(q2.getErrorCode()).isZero();
            assertThat(q2.getFinalDate()).matches("\\d{12}000\\+");
            assertThatThrownBy(() -> query(session, "999999999"))
                    .isInstanceOfSatisfying(NegativeResponseException.class,
                            e -> assertThat(e.getCommandStatus()).isEqualTo(SMPPConstant.STAT_ESME_RINVMSGID));

            Command enquireLinkResp = session.enquireLinkNow();
            assertThat(enquireLinkResp.getCommandId()).isEqualTo(SMPPConstant.CID_ENQUIRE_LINK_RESP);
            assertThat(enquireLinkResp.getCommandStatus()).isEqualTo(SMPPConstant.STAT_ESME_ROK);

            Command unbindResp = session.unbindNow();
            assertThat(unbindResp.getCommandId()).isEqualTo(SMPPConstant.CID_UNBIND_RESP);
            assertThat(unbindResp.getCommandStatus()).isEqualTo(SMPPConstant.STAT_ESME_ROK);
            await().atMost(WAIT).until(() -> smsc.stats().boundSessions() == 0);
            session.close();
            assertThat(session.getSessionState()).isEqualTo(SessionState.CLOSED);
            // Counted when the deliver_sm_resp arrives, which jSMPP writes after its listener returns.
            await().atMost(WAIT).until(() -> smsc.stats().receiptsSent() == 2);
        }
    }

    @Test
    void rejectedBindsReachJsmppWithTheirStatus() throws Exception {
        SmscConfig config = smsc().account(new SmscAccount("txonly", "pw", EnumSet.of(io.ujumbe.pdu.BindType.TRANSMITTER)))
                .build();
        try (SmscSimulator smsc = SmscSimulator.start(config)) {
            assertBindRejected(smsc, bindParameter(BindType.BIND_TRX, SYSTEM_ID, "wrong"), SMPPConstant.STAT_ESME_RINVPASWD);
            assertBindRejected(smsc, bindParameter(BindType.BIND_TRX, "nobody", PASSWORD), SMPPConstant.STAT_ESME_RINVSYSID);
            assertBindRejected(smsc, bindParameter(BindType.BIND_RX, "txonly", "pw"), SMPPConstant.STAT_ESME_RBINDFAIL);
            assertThat(smsc.record().binds()).extracting(BindRecord::status).containsExactly(
                    CommandStatus.ESME_RINVPASWD, CommandStatus.ESME_RINVSYSID, CommandStatus.ESME_RBINDFAIL);
            assertThat(smsc.stats().bindsRejected()).isEqualTo(3);
            assertThat(smsc.stats().bindsAccepted()).isZero();

            // The account's allowed bind type still works.
            JsmppProbeSession tx = session(new JsmppRecordingListener());
            tx.connectAndBind("127.0.0.1", smsc.port(), bindParameter(BindType.BIND_TX, "txonly", "pw"), TIMEOUT_MS);
            assertThat(tx.getSessionState()).isEqualTo(SessionState.BOUND_TX);
        }
    }

    @Test
    void querySmFollowsAMessageThroughSchedulingAndCancellation() throws Exception {
        // Receipts far in the future: the states seen here are the simulator's, not a race with its timer.
        SmscConfig config = smsc().messageIds(MessageIdFormat.HEX).receiptDelay(Duration.ofMinutes(10)).build();
        try (SmscSimulator smsc = SmscSimulator.start(config)) {
            JsmppProbeSession session = session(new JsmppRecordingListener());
            session.connectAndBind("127.0.0.1", smsc.port(), bindParameter(BindType.BIND_TRX, SYSTEM_ID, PASSWORD), TIMEOUT_MS);

            String enroute = submit(session, "254711000002", "Bado njiani", "", SMSCDeliveryReceipt.SUCCESS_FAILURE);
            String scheduled = submit(session, "254711000003", "Kesho", SCHEDULED_IN_A_DAY, SMSCDeliveryReceipt.SUCCESS);
            assertThat(List.of(enroute, scheduled)).allMatch(id -> id.matches("[0-9A-F]+")).doesNotHaveDuplicates();

            QuerySmResult q = query(session, enroute);
            assertThat(q.getMessageState()).isEqualTo(org.jsmpp.bean.MessageState.ENROUTE);
            // jSMPP reads the empty final_date (a lone NUL) as null.
            assertThat(q.getFinalDate()).isNullOrEmpty();
            assertThat(q.getErrorCode()).isZero();
            assertThat(query(session, scheduled).getMessageState()).isEqualTo(org.jsmpp.bean.MessageState.SCHEDULED);

            session.cancelShortMessage("", enroute, TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN, "jSMPP",
                    TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, "254711000002");
            QuerySmResult cancelled = query(session, enroute);
            assertThat(cancelled.getMessageState()).isEqualTo(org.jsmpp.bean.MessageState.DELETED);
            assertThat(cancelled.getFinalDate()).matches("\\d{12}000\\+");
            assertThat(smsc.record().message(enroute)).hasValueSatisfying(m -> assertThat(m.state()).isEqualTo(MessageState.DELETED));
            // A message cancelled once cannot be cancelled again.
            assertThatThrownBy(() -> session.cancelShortMessage("", enroute, TypeOfNumber.ALPHANUMERIC,
                    NumberingPlanIndicator.UNKNOWN, "jSMPP", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN,
                    "254711000002"))
                    .isInstanceOfSatisfying(NegativeResponseException.class,
                            e -> assertThat(e.getCommandStatus()).isEqualTo(SMPPConstant.STAT_ESME_RCANCELFAIL));
            assertThat(query(session, scheduled).getMessageState()).isEqualTo(org.jsmpp.bean.MessageState.SCHEDULED);
        }
    }

    @Test
    void submissionsAboveTheSessionRateAreThrottledAsJsmppSees() throws Exception {
        // One token, refilled once every 100 s: the first submission passes and the next is throttled.
        SmscConfig config = smsc().messageIds(MessageIdFormat.UUID)
                .faults(FaultConfig.builder().maxRatePerSession(0.01).build()).build();
        try (SmscSimulator smsc = SmscSimulator.start(config)) {
            JsmppProbeSession session = session(new JsmppRecordingListener());
            session.connectAndBind("127.0.0.1", smsc.port(), bindParameter(BindType.BIND_TRX, SYSTEM_ID, PASSWORD), TIMEOUT_MS);

            String accepted = submit(session, "254711000004", "Ya kwanza", "", SMSCDeliveryReceipt.DEFAULT);
            assertThat(accepted).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
            assertThatThrownBy(() -> submit(session, "254711000005", "Ya pili", "", SMSCDeliveryReceipt.DEFAULT))
                    .isInstanceOfSatisfying(NegativeResponseException.class,
                            e -> assertThat(e.getCommandStatus()).isEqualTo(SMPPConstant.STAT_ESME_RTHROTTLED));
            assertThat(smsc.stats().fault(Counters.THROTTLED)).isEqualTo(1);
            assertThat(smsc.stats().submits()).isEqualTo(1);
            assertThat(smsc.record().submits()).extracting(ReceivedSubmit::destination).containsExactly("254711000004");

            // Throttling is for submissions only: the session still answers everything else.
            assertThat(query(session, accepted).getMessageState()).isNotNull();
            assertThat(session.enquireLinkNow().getCommandStatus()).isEqualTo(SMPPConstant.STAT_ESME_ROK);
            assertThat(session.getSessionState()).isEqualTo(SessionState.BOUND_TRX);
        }
    }

    @Test
    void injectedErrorsAndAnUnbindFromTheSmscReachJsmpp() throws Exception {
        SmscConfig config = smsc().faults(FaultConfig.builder().errorShare(1).errorStatus(CommandStatus.ESME_RSYSERR)
                .unbindAfter(Duration.ofMillis(300)).build()).build();
        try (SmscSimulator smsc = SmscSimulator.start(config)) {
            JsmppProbeSession session = session(new JsmppRecordingListener());
            session.connectAndBind("127.0.0.1", smsc.port(), bindParameter(BindType.BIND_TRX, SYSTEM_ID, PASSWORD), TIMEOUT_MS);
            assertThatThrownBy(() -> submit(session, "254711000007", "Kosa", "", SMSCDeliveryReceipt.DEFAULT))
                    .isInstanceOfSatisfying(NegativeResponseException.class,
                            e -> assertThat(e.getCommandStatus()).isEqualTo(SMPPConstant.STAT_ESME_RSYSERR));
            assertThat(smsc.stats().fault(Counters.ERROR)).isEqualTo(1);
            assertThat(smsc.record().messages()).isEmpty();

            // jSMPP answers the SMSC's unbind and the simulator closes the connection. (jSMPP's own
            // state is not asserted: when the socket closes right after its unbind_resp, its reader
            // thread can stop before it records CLOSED, leaving the object at BOUND_TRX.)
            await().atMost(WAIT).until(() -> smsc.stats().sessions() == 0);
            assertThat(smsc.stats().fault(Counters.UNBIND)).isEqualTo(1);
        }
    }

    @Test
    void receiptsForATransmitterGoToTheAccountsReceiver() throws Exception {
        try (SmscSimulator smsc = SmscSimulator.start(smsc().build())) {
            JsmppProbeSession tx = session(new JsmppRecordingListener());
            tx.connectAndBind("127.0.0.1", smsc.port(), bindParameter(BindType.BIND_TX, SYSTEM_ID, PASSWORD), TIMEOUT_MS);
            String id = submit(tx, "254711000006", "Risiti baadaye", "", SMSCDeliveryReceipt.SUCCESS_FAILURE);
            // No receiver is bound yet: the receipt waits for one.
            await().atMost(WAIT).until(() -> smsc.stats().receiptsPending() == 1);

            JsmppRecordingListener listener = new JsmppRecordingListener();
            JsmppProbeSession rx = session(listener);
            rx.connectAndBind("127.0.0.1", smsc.port(), bindParameter(BindType.BIND_RX, SYSTEM_ID, PASSWORD), TIMEOUT_MS);
            await().atMost(WAIT).until(() -> listener.accepted.size() == 1);
            assertReceipt(listener.accepted.get(0), id, DeliveryReceiptState.DELIVRD, "000", 2);
            await().atMost(WAIT).until(() -> smsc.stats().receiptsPending() == 0);
        }
    }

    @Test
    void injectedMoReachesJsmppInCodeAndOverHttp() throws Exception {
        String longText = "Ujumbe mrefu kutoka kwa SMSC ya majaribio, umegawanywa vipande viwili. ".repeat(3).substring(0, 200);
        String ucs2Text = "Habari \uD83D\uDE00 \u2615";
        try (SmscSimulator smsc = SmscSimulator.start(smsc().httpPort(0).build())) {
            // The first MO is refused once with ESME_RX_T_APPN; the simulator must try it again.
            JsmppRecordingListener listener = new JsmppRecordingListener(1);
            JsmppProbeSession session = session(listener);
            session.connectAndBind("127.0.0.1", smsc.port(), bindParameter(BindType.BIND_RX, SYSTEM_ID, PASSWORD), TIMEOUT_MS);
            await().atMost(WAIT).until(() -> smsc.stats().boundSessions() == 1);

            get(smsc.injectMo("+254700000001", "12345", "Habari kutoka ujumbe", SYSTEM_ID));
            assertThat(listener.refused).hasValue(1);
            assertThat(listener.accepted).hasSize(1);
            DeliverSm mo = listener.accepted.get(0);
            assertThat(mo.isSmscDeliveryReceipt()).isFalse();
            assertThat(mo.isUdhi()).isFalse();
            assertThat(mo.getSourceAddr()).isEqualTo("254700000001");
            assertThat(mo.getSourceAddrTon()).isEqualTo(TypeOfNumber.INTERNATIONAL.value());
            assertThat(mo.getDestAddress()).isEqualTo("12345");
            assertThat(mo.getDataCoding()).isEqualTo((byte) 0x00);
            assertThat(new String(mo.getShortMessage(), StandardCharsets.ISO_8859_1)).isEqualTo("Habari kutoka ujumbe");

            get(smsc.injectMo("254700000002", "12345", ucs2Text, SYSTEM_ID));
            assertThat(listener.accepted).hasSize(2);
            assertThat(listener.accepted.get(1).getDataCoding()).isEqualTo((byte) 0x08);
            assertThat(new String(listener.accepted.get(1).getShortMessage(), StandardCharsets.UTF_16BE)).isEqualTo(ucs2Text);

            get(smsc.injectMo("254700000003", "12345", longText, SYSTEM_ID));
            assertThat(listener.accepted).hasSize(4);
            assertThat(reassembleUdhParts(listener.accepted.subList(2, 4))).isEqualTo(longText);

            HttpClient http = HttpClient.newBuilder().connectTimeout(WAIT).build();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + smsc.httpPort() + "/mo"))
                    .timeout(WAIT).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"from\": \"254700000004\", \"to\": \"12345\", \"text\": \"Jambo kupitia HTTP\", \"systemId\": \"acme\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(202);
            assertThat(response.body()).contains("\"parts\":1");
            await().atMost(WAIT).until(() -> listener.accepted.size() == 5);
            DeliverSm overHttp = listener.accepted.get(4);
            assertThat(overHttp.getSourceAddr()).isEqualTo("254700000004");
            assertThat(new String(overHttp.getShortMessage(), StandardCharsets.ISO_8859_1)).isEqualTo("Jambo kupitia HTTP");
            // The HTTP answer comes before the ESME's: the count follows its deliver_sm_resp.
            await().atMost(WAIT).until(() -> smsc.stats().moSent() == 5);
        }
    }

    private JsmppProbeSession session(MessageReceiverListener listener) {
        JsmppProbeSession session = new JsmppProbeSession();
        opened.add(session);
        session.setTransactionTimer(TIMEOUT_MS);
        session.setMessageReceiverListener(listener);
        return session;
    }

    private static BindParameter bindParameter(BindType type, String systemId, String password) {
        return new BindParameter(type, systemId, password, "cp", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null);
    }

    private void assertBindRejected(SmscSimulator smsc, BindParameter bind, int status) {
        JsmppProbeSession session = session(new JsmppRecordingListener());
        // jSMPP wraps the negative bind_resp in an IOException and closes the session itself.
        assertThatThrownBy(() -> session.connectAndBind("127.0.0.1", smsc.port(), bind, TIMEOUT_MS))
                .isInstanceOf(IOException.class)
                .cause().isInstanceOfSatisfying(NegativeResponseException.class,
                        e -> assertThat(e.getCommandStatus()).isEqualTo(status));
        assertThat(session.getSessionState()).isEqualTo(SessionState.CLOSED);
    }

    private static String submit(JsmppProbeSession session, String destination, String text, String scheduleDeliveryTime,
                                 SMSCDeliveryReceipt receipt) throws Exception {
        return session.submitShortMessage("", TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN, "jSMPP",
                TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, destination, new ESMClass(), (byte) 0, (byte) 0,
                scheduleDeliveryTime, null, new RegisteredDelivery(receipt), (byte) 0,
                new GeneralDataCoding(Alphabet.ALPHA_DEFAULT), (byte) 0, text.getBytes(StandardCharsets.ISO_8859_1))
                .getMessageId();
    }

    private static QuerySmResult query(JsmppProbeSession session, String messageId) throws Exception {
        return session.queryShortMessage(messageId, TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN, "jSMPP");
    }

    /** Checks a receipt as jSMPP reads it: the text form its parser understands, and the receipt TLVs. */
    private static void assertReceipt(DeliverSm pdu, String messageId, DeliveryReceiptState state, String error,
                                      int messageState) throws Exception {
        assertThat(pdu.isSmscDeliveryReceipt()).isTrue();
        DeliveryReceipt receipt = pdu.getShortMessageAsDeliveryReceipt();
        assertThat(receipt.getId()).isEqualTo(messageId);
        assertThat(receipt.getFinalStatus()).isEqualTo(state);
        assertThat(receipt.getError()).isEqualTo(error);
        assertThat(receipt.getSubmitted()).isEqualTo(1);
        assertThat(receipt.getDelivered()).isEqualTo(state == DeliveryReceiptState.DELIVRD ? 1 : 0);
        assertThat(receipt.getSubmitDate()).isNotNull();
        assertThat(receipt.getDoneDate()).isNotNull();
        assertThat(((OptionalParameter.COctetString) pdu.getOptionalParameter(OptionalParameter.Tag.RECEIPTED_MESSAGE_ID))
                .getValueAsString()).isEqualTo(messageId);
        assertThat(((OptionalParameter.Byte) pdu.getOptionalParameter(OptionalParameter.Tag.MESSAGE_STATE)).getValue())
                .isEqualTo((byte) messageState);
    }

    /** Joins deliver_sm parts with 8-bit-reference concatenation UDH, checking each header. */
    private static String reassembleUdhParts(List<DeliverSm> received) {
        // The parts go out together and jSMPP takes them on several threads: order them by sequence.
        List<DeliverSm> parts = new ArrayList<>(received);
        parts.sort(Comparator.comparingInt(p -> p.getShortMessage()[5]));
        StringBuilder text = new StringBuilder();
        int reference = -1;
        for (int i = 0; i < parts.size(); i++) {
            DeliverSm part = parts.get(i);
            assertThat(part.isUdhi()).as("UDHI on part %d", i + 1).isTrue();
            byte[] sm = part.getShortMessage();
            // UDH: length 5, IE 0x00 (concatenation, 8-bit reference), IE length 3, ref, total, seq.
            assertThat(new byte[] {sm[0], sm[1], sm[2], sm[4], sm[5]})
                    .containsExactly(0x05, 0x00, 0x03, parts.size(), i + 1);
            if (reference < 0) {
                reference = sm[3] & 0xFF;
            }
            assertThat(sm[3] & 0xFF).isEqualTo(reference);
            text.append(new String(sm, 6, sm.length - 6, StandardCharsets.ISO_8859_1));
        }
        return text.toString();
    }
}
