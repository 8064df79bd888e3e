package io.ujumbe.client;

import io.ujumbe.pdu.Address;
import io.ujumbe.pdu.BindType;
import io.ujumbe.pdu.RegisteredDelivery;
import io.ujumbe.pdu.SubmitSm;
import io.ujumbe.receipt.ReceiptOutcome;
import io.ujumbe.session.TestSmsc;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.Command;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.DeliveryReceiptState;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.ujumbe.client.ClientTestSupport.config;
import static io.ujumbe.client.ClientTestSupport.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * ujumbe against a third-party SMPP implementation, jSMPP, in both directions: ujumbe's client
 * sending through a jSMPP SMSC, and a jSMPP client bound to ujumbe's session layer (TestSmsc).
 * Everything runs on 127.0.0.1, and each test checks that jSMPP left no thread running.
 */
class JsmppInteropTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String LONG_TEXT = "The quick brown fox jumps over the lazy dog 0123456789. ".repeat(4).substring(0, 200);
    private static final String UCS2_TEXT = "Habari yako? \uD83D\uDE00 Karibu Nairobi \u2615";

    @Test
    void ujumbeClientSendsThroughAJsmppSmscAndMatchesItsReceipts() throws Exception {
        Set<Thread> before = JsmppThreads.snapshot();
        RecordingListener listener = new RecordingListener();
        List<OutboundMessage> messages = new ArrayList<>();
        for (int i = 0; i < 18; i++) {
            OutboundMessage.Builder b = OutboundMessage.builder().correlationId("short-" + i)
                    .to("2547000100" + String.format("%02d", i)).text("Message number " + i + " from ujumbe");
            if (i == 5) {
                b.registeredDelivery(RegisteredDelivery.NONE);
            }
            messages.add(b.build());
        }
        OutboundMessage longMessage = OutboundMessage.builder().correlationId("long").to("254700020000").text(LONG_TEXT).build();
        OutboundMessage ucs2Message = OutboundMessage.builder().correlationId("ucs2").to("254700030000").text(UCS2_TEXT).build();
        messages.add(longMessage);
        messages.add(ucs2Message);

        try (JsmppSmsc smsc = JsmppSmsc.start("acme", "secret")) {
            ClientConfig cfg = config(smsc.port(), listener).bindType(BindType.TRANSCEIVER).build();
            try (SmppClient client = SmppClient.create(cfg)) {
                get(client.start());
                List<CompletableFuture<MessageOutcome>> futures = new ArrayList<>();
                for (OutboundMessage m : messages) {
                    futures.add(client.send(m));
                }
                Map<String, String> correlationById = new HashMap<>();
                List<String> idsFromOutcomes = new ArrayList<>();
                for (int i = 0; i < messages.size(); i++) {
                    OutboundMessage m = messages.get(i);
                    MessageOutcome outcome = get(futures.get(i));
                    assertThat(outcome).as("outcome of %s", m.correlationId()).isInstanceOf(MessageOutcome.Accepted.class);
                    assertThat(outcome.correlationId()).isEqualTo(m.correlationId());
                    assertThat(outcome.attempts()).isEqualTo(1);
                    List<String> ids = ((MessageOutcome.Accepted) outcome).messageIds();
                    assertThat(ids).hasSize(m == longMessage ? 2 : 1);
                    for (String id : ids) {
                        org.jsmpp.bean.SubmitSm submit = smsc.submitWithId(id);
                        assertThat(submit).as("the submit_sm jSMPP answered with id %s", id).isNotNull();
                        assertThat(submit.getDestAddress()).isEqualTo(m.destination().address());
                        assertThat(submit.getDestAddrTon()).isEqualTo(TypeOfNumber.INTERNATIONAL.value());
                        assertThat(submit.getDestAddrNpi()).isEqualTo(NumberingPlanIndicator.ISDN.value());
                        correlationById.put(id, m.correlationId());
                        idsFromOutcomes.add(id);
                    }
                    if (m != longMessage && m != ucs2Message) {
                        org.jsmpp.bean.SubmitSm submit = smsc.submitWithId(ids.get(0));
                        assertThat(submit.getDataCoding()).isEqualTo((byte) 0x00);
                        assertThat(new String(submit.getShortMessage(), StandardCharsets.ISO_8859_1)).isEqualTo(m.text());
                    }
                }
                // Every id jSMPP handed out is reported, once, on the message it belongs to.
                assertThat(idsFromOutcomes).hasSize(21).doesNotHaveDuplicates()
                        .containsExactlyInAnyOrderElementsOf(smsc.idsInOrder());
                assertThat(listener.outcomes).hasSize(20);
                assertThat(listener.noDuplicates()).isTrue();

                assertLongMessageWentAsTwoUdhParts(smsc, longMessage, listener);
                org.jsmpp.bean.SubmitSm ucs2 = smsc.submitWithId(messageIds(listener, "ucs2").get(0));
                assertThat(ucs2.getDataCoding()).isEqualTo((byte) 0x08);
                assertThat(new String(ucs2.getShortMessage(), StandardCharsets.UTF_16BE)).isEqualTo(UCS2_TEXT);

                // Every submit_sm but short-5's asked for a receipt: 17 short ones, 2 parts, 1 UCS-2.
                String noReceiptId = messageIds(listener, "short-5").get(0);
                assertThat(smsc.submitWithId(noReceiptId).getRegisteredDelivery() & 0x03).isZero();
                assertThat(smsc.receiptsRequested()).isEqualTo(20);
                await().atMost(WAIT).until(() -> listener.receipts.size() >= 20);
                assertThat(listener.receipts).hasSize(20);
                List<String> receiptIds = new ArrayList<>();
                for (ReceiptEvent r : listener.receipts) {
                    String id = r.receipt().messageId();
                    receiptIds.add(id);
                    assertThat(r.correlationId()).as("correlation of the receipt for %s", id)
                            .contains(correlationById.get(id));
                    assertThat(r.receipt().outcome()).isEqualTo(ReceiptOutcome.DELIVERED);
                }
                List<String> expectedReceiptIds = new ArrayList<>(idsFromOutcomes);
                expectedReceiptIds.remove(noReceiptId);
                assertThat(receiptIds).containsExactlyInAnyOrderElementsOf(expectedReceiptIds);
                // Counted when jSMPP's deliver_sm_resp reaches the simulator, just after jSMPP handed
                // the receipt over: wait for it rather than race it.
                await().atMost(Duration.ofSeconds(10)).until(() -> smsc.receiptsSent() == 20);
                assertThat(smsc.receiptsSent()).isEqualTo(20);
            }
            assertThat(smsc.binds()).hasSize(1);
            BindRequest bind = smsc.binds().get(0);
            assertThat(bind.getBindType()).isEqualTo(org.jsmpp.bean.BindType.BIND_TRX);
            assertThat(bind.getSystemId()).isEqualTo("acme");
            assertThat(smsc.errors()).isEmpty();
        }
        await().atMost(WAIT).untilAsserted(() -> assertThat(JsmppThreads.startedSince(before)).isEmpty());
    }

    private static List<String> messageIds(RecordingListener listener, String correlationId) {
        return listener.outcomes.stream().filter(o -> o.correlationId().equals(correlationId))
                .map(o -> ((MessageOutcome.Accepted) o).messageIds()).findFirst().orElseThrow();
    }

    private static void assertLongMessageWentAsTwoUdhParts(JsmppSmsc smsc, OutboundMessage longMessage,
                                                           RecordingListener listener) {
        List<String> ids = messageIds(listener, longMessage.correlationId());
        StringBuilder reassembled = new StringBuilder();
        int reference = -1;
        for (int part = 0; part < ids.size(); part++) {
            org.jsmpp.bean.SubmitSm submit = smsc.submitWithId(ids.get(part));
            assertThat(submit.isUdhi()).as("UDHI set on part %d", part + 1).isTrue();
            assertThat(submit.getDataCoding()).isEqualTo((byte) 0x00);
            byte[] sm = submit.getShortMessage();
            // UDH: length 5, IE 0x00 (8-bit reference concatenation), IE length 3, ref, total, seq.
            assertThat(new byte[] {sm[0], sm[1], sm[2], sm[4], sm[5]})
                    .containsExactly(0x05, 0x00, 0x03, 0x02, part + 1);
            if (reference < 0) {
                reference = sm[3] & 0xFF;
            }
            assertThat(sm[3] & 0xFF).isEqualTo(reference);
            reassembled.append(new String(sm, 6, sm.length - 6, StandardCharsets.ISO_8859_1));
        }
        assertThat(reassembled.toString()).isEqualTo(LONG_TEXT);
    }

    @Test
    void jsmppClientBindsSubmitsEnquiresAndUnbindsAgainstUjumbe() throws Exception {
        Set<Thread> before = JsmppThreads.snapshot();
        try (TestSmsc smsc = TestSmsc.start().account("jsmpp", "pw123")) {
            List<DeliverSm> delivered = new CopyOnWriteArrayList<>();
            JsmppProbeSession session = new JsmppProbeSession();
            session.setTransactionTimer(5_000);
            session.setMessageReceiverListener(new Receiver(delivered));
            try {
                session.connectAndBind("127.0.0.1", smsc.port(), new BindParameter(
                        org.jsmpp.bean.BindType.BIND_TRX, "jsmpp", "pw123", "cp",
                        TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null), 5_000);
                assertThat(session.getSessionState()).isEqualTo(SessionState.BOUND_TRX);
                await().atMost(WAIT).until(() -> smsc.boundSessions().size() == 1);
                assertThat(smsc.boundSessions().get(0).systemId()).isEqualTo("jsmpp");

                byte[] text = "Habari kutoka jSMPP".getBytes(StandardCharsets.ISO_8859_1);
                SubmitSmResult result = session.submitShortMessage("CMT",
                        TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN, "jSMPP",
                        TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, "254711000111",
                        new ESMClass(), (byte) 0x00, (byte) 1, null, "000001000000000R",
                        new org.jsmpp.bean.RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE), (byte) 0,
                        new GeneralDataCoding(Alphabet.ALPHA_DEFAULT), (byte) 0, text,
                        new OptionalParameter.User_message_reference((short) 42));
                String messageId = result.getMessageId();
                assertThat(messageId).matches("[0-9A-F]+");

                assertThat(smsc.received()).hasSize(1);
                SubmitSm got = smsc.received().get(0);
                assertThat(got.serviceType()).isEqualTo("CMT");
                assertThat(got.sourceAddress()).isEqualTo(Address.alphanumeric("jSMPP"));
                assertThat(got.destinationAddress()).isEqualTo(Address.international("254711000111"));
                assertThat(got.esmClass().value()).isZero();
                assertThat(got.protocolId()).isZero();
                assertThat(got.priorityFlag()).isEqualTo(1);
                assertThat(got.scheduleDeliveryTime()).isEmpty();
                assertThat(got.validityPeriod()).isEqualTo("000001000000000R");
                assertThat(got.registeredDelivery().value()).isEqualTo(0x01);
                assertThat(got.replaceIfPresent()).isZero();
                assertThat(got.dataCoding().value()).isZero();
                assertThat(got.shortMessage()).isEqualTo(text);
                assertThat(got.tlvs().userMessageReference()).hasValue(42);

                Command enquireLinkResp = session.enquireLinkNow();
                assertThat(enquireLinkResp.getCommandId()).isEqualTo(SMPPConstant.CID_ENQUIRE_LINK_RESP);
                assertThat(enquireLinkResp.getCommandStatus()).isEqualTo(SMPPConstant.STAT_ESME_ROK);

                // ujumbe's receipt, as jSMPP reads it: the same id as the submit_sm_resp gave.
                await().atMost(WAIT).until(() -> delivered.size() == 1);
                DeliverSm receiptPdu = delivered.get(0);
                assertThat(receiptPdu.isSmscDeliveryReceipt()).isTrue();
                DeliveryReceipt receipt = receiptPdu.getShortMessageAsDeliveryReceipt();
                assertThat(receipt.getId()).isEqualTo(messageId);
                assertThat(receipt.getFinalStatus()).isEqualTo(DeliveryReceiptState.DELIVRD);

                Command unbindResp = session.unbindNow();
                assertThat(unbindResp.getCommandId()).isEqualTo(SMPPConstant.CID_UNBIND_RESP);
                assertThat(unbindResp.getCommandStatus()).isEqualTo(SMPPConstant.STAT_ESME_ROK);
                await().atMost(WAIT).until(() -> smsc.boundSessions().isEmpty());
            } finally {
                session.close();
            }
            assertThat(session.getSessionState()).isEqualTo(SessionState.CLOSED);
        }
        await().atMost(WAIT).untilAsserted(() -> assertThat(JsmppThreads.startedSince(before)).isEmpty());
    }

    /** Takes deliver_sm (the receipts) for the jSMPP client. */
    private static final class Receiver implements MessageReceiverListener {
        private final List<DeliverSm> delivered;

        Receiver(List<DeliverSm> delivered) {
            this.delivered = delivered;
        }

        @Override
        public void onAcceptDeliverSm(DeliverSm deliverSm) {
            delivered.add(deliverSm);
        }

        @Override
        public void onAcceptAlertNotification(AlertNotification alertNotification) {
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("data_sm not expected", SMPPConstant.STAT_ESME_RINVCMDID);
        }
    }
}
