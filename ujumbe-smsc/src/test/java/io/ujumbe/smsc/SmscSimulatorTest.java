package io.ujumbe.smsc;

import io.ujumbe.client.MessageOutcome;
import io.ujumbe.client.OutboundMessage;
import io.ujumbe.client.ReceiptEvent;
import io.ujumbe.client.SmppClient;
import io.ujumbe.pdu.Address;
import io.ujumbe.pdu.BindType;
import io.ujumbe.pdu.CancelSm;
import io.ujumbe.pdu.CommandStatus;
import io.ujumbe.pdu.DataCoding;
import io.ujumbe.pdu.DeliverSm;
import io.ujumbe.pdu.DestinationAddress;
import io.ujumbe.pdu.MessageState;
import io.ujumbe.pdu.NetworkErrorCode;
import io.ujumbe.pdu.PduResponse;
import io.ujumbe.pdu.QuerySm;
import io.ujumbe.pdu.QuerySmResp;
import io.ujumbe.pdu.RegisteredDelivery;
import io.ujumbe.pdu.ReplaceSm;
import io.ujumbe.pdu.SubmitMulti;
import io.ujumbe.pdu.SubmitMultiResp;
import io.ujumbe.pdu.SubmitSm;
import io.ujumbe.pdu.SubmitSmResp;
import io.ujumbe.pdu.Tlv;
import io.ujumbe.pdu.TlvTag;
import io.ujumbe.pdu.NumberingPlan;
import io.ujumbe.pdu.TypeOfNumber;
import io.ujumbe.session.TlsConfig;
import io.ujumbe.text.MultipartMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;

import static io.ujumbe.smsc.SmscTestSupport.client;
import static io.ujumbe.smsc.SmscTestSupport.get;
import static io.ujumbe.smsc.SmscTestSupport.smsc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/** The simulator end to end on loopback sockets, with ujumbe's client and a bare session as ESMEs. */
class SmscSimulatorTest {

    @Test
    void acceptsItsAccountsAndRejectsWrongCredentialsWithTheRightStatus() throws Exception {
        SmscConfig config = smsc().account(new SmscAccount("watcher", "pw", EnumSet.of(BindType.RECEIVER))).build();
        try (SmscSimulator smsc = SmscSimulator.start(config)) {
            try (RawEsme ok = RawEsme.connect(smsc.port())) {
                assertThat(ok.bind(BindType.TRANSCEIVER, "acme", "secret").commandStatus()).isEqualTo(CommandStatus.ESME_ROK);
            }
            try (RawEsme e = RawEsme.connect(smsc.port())) {
                assertThat(e.bind(BindType.TRANSMITTER, "acme", "wrong").commandStatus()).isEqualTo(CommandStatus.ESME_RINVPASWD);
            }
            try (RawEsme e = RawEsme.connect(smsc.port())) {
                assertThat(e.bind(BindType.TRANSMITTER, "nobody", "secret").commandStatus()).isEqualTo(CommandStatus.ESME_RINVSYSID);
            }
            try (RawEsme e = RawEsme.connect(smsc.port())) {
                assertThat(e.bind(BindType.TRANSMITTER, "watcher", "pw").commandStatus()).isEqualTo(CommandStatus.ESME_RBINDFAIL);
            }
            try (RawEsme e = RawEsme.connect(smsc.port())) {
                assertThat(e.bind(BindType.RECEIVER, "watcher", "pw").commandStatus()).isEqualTo(CommandStatus.ESME_ROK);
            }
            assertThat(smsc.record().binds()).extracting(BindRecord::status).containsExactly(CommandStatus.ESME_ROK,
                    CommandStatus.ESME_RINVPASWD, CommandStatus.ESME_RINVSYSID, CommandStatus.ESME_RBINDFAIL,
                    CommandStatus.ESME_ROK);
            assertThat(smsc.stats().bindsAccepted()).isEqualTo(2);
            assertThat(smsc.stats().bindsRejected()).isEqualTo(3);
        }
    }

    @Test
    void acceptsAnyCredentialsWhenNoAccountIsConfigured() throws Exception {
        try (SmscSimulator smsc = SmscSimulator.start(smsc().accounts(List.of()).build());
             RawEsme e = RawEsme.connect(smsc.port())) {
            assertThat(e.bind(BindType.TRANSMITTER, "anyone", "anything").commandStatus()).isEqualTo(CommandStatus.ESME_ROK);
        }
    }

    @Test
    void queryTellsTheTruthAndReceiptsFollowTheRules() throws Exception {
        SmscConfig config = smsc().receiptDelay(Duration.ofSeconds(1))
                .receiptRule(ReceiptRule.forPrefix("2547999", MessageState.UNDELIVERABLE).withErrorCode(11))
                .receiptRule(ReceiptRule.forRegex("2547000\\d+", MessageState.DELIVERED))
                .receiptOutcomes(Map.of(MessageState.EXPIRED, 1.0))
                .build();
        EsmeListener l = new EsmeListener();
        try (SmscSimulator smsc = SmscSimulator.start(config);
             SmppClient client = SmppClient.create(client(smsc, l).build());
             RawEsme tx = RawEsme.bound(smsc.port(), BindType.TRANSMITTER, "acme", "secret")) {
            get(client.start());
            String good = accepted(get(client.send(OutboundMessage.text("254700012345", "Your code is 1234"))));
            String bad = accepted(get(client.send(OutboundMessage.text("254799912345", "Your code is 5678"))));
            String other = accepted(get(client.send(OutboundMessage.text("254711111111", "drawn"))));

            QuerySmResp before = tx.send(new QuerySm(0, good, Address.alphanumeric("ujumbe")));
            assertThat(before.commandStatus()).isEqualTo(CommandStatus.ESME_ROK);
            assertThat(before.state()).contains(MessageState.ENROUTE);
            assertThat(before.finalDate()).isEmpty();

            await().atMost(Duration.ofSeconds(10)).until(() -> l.receipts.size() == 3);
            assertThat(stateOfReceipt(l, good)).isEqualTo(MessageState.DELIVERED);
            assertThat(stateOfReceipt(l, bad)).isEqualTo(MessageState.UNDELIVERABLE);
            assertThat(stateOfReceipt(l, other)).isEqualTo(MessageState.EXPIRED);
            ReceiptEvent failed = receiptFor(l, bad);
            assertThat(failed.receipt().err()).isEqualTo("011");
            assertThat(failed.receipt().networkErrorCode()).contains(new NetworkErrorCode(NetworkErrorCode.GSM, 11));
            DeliverSm pdu = (DeliverSm) failed.pdu();
            assertThat(pdu.esmClass().isDeliveryReceipt()).isTrue();
            assertThat(pdu.tlvs().get(TlvTag.RECEIPTED_MESSAGE_ID)).isPresent();
            assertThat(new String(pdu.shortMessage(), StandardCharsets.ISO_8859_1)).contains("stat:UNDELIV", "Text:Your code is 5678");
            assertThat(failed.correlation()).isPresent();

            QuerySmResp after = tx.send(new QuerySm(0, bad, Address.alphanumeric("ujumbe")));
            assertThat(after.state()).contains(MessageState.UNDELIVERABLE);
            assertThat(after.errorCode()).isEqualTo(11);
            assertThat(after.finalDate()).hasSize(16);
            assertThat(smsc.record().message(good).orElseThrow().state()).isEqualTo(MessageState.DELIVERED);
            assertThat(smsc.stats().messages(MessageState.UNDELIVERABLE)).isEqualTo(1);
            assertThat(smsc.record().receipts()).hasSize(3);
        }
    }

    @Test
    void writesIdsInHexInResponsesAndInDecimalInReceipts() throws Exception {
        SmscConfig config = smsc().messageIds(MessageIdFormat.HEX).receiptIdFormat(MessageIdFormat.DECIMAL).build();
        EsmeListener l = new EsmeListener();
        try (SmscSimulator smsc = SmscSimulator.start(config);
             SmppClient client = SmppClient.create(client(smsc, l).build())) {
            get(client.start());
            OutboundMessage m = OutboundMessage.text("254700000001", "hex and decimal");
            String id = accepted(get(client.send(m)));
            assertThat(id).matches("[0-9A-F]+");
            await().atMost(Duration.ofSeconds(10)).until(() -> l.receipts.size() == 1);
            ReceiptEvent r = l.receipts.get(0);
            assertThat(r.receipt().messageId()).isEqualTo(Long.toString(Long.parseLong(id, 16)));
            assertThat(r.correlationId()).contains(m.correlationId());
        }
    }

    @Test
    void writesDecimalAndUuidIds() throws Exception {
        for (MessageIdFormat f : List.of(MessageIdFormat.DECIMAL, MessageIdFormat.UUID)) {
            try (SmscSimulator smsc = SmscSimulator.start(smsc().messageIds(f).build());
                 RawEsme tx = RawEsme.bound(smsc.port(), BindType.TRANSMITTER, "acme", "secret")) {
                SubmitSmResp resp = tx.send(submit("254700000001", "x", RegisteredDelivery.NONE));
                assertThat(resp.messageId()).matches(f == MessageIdFormat.DECIMAL ? "[0-9]+"
                        : "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
                assertThat(smsc.record().message(resp.messageId())).isPresent();
            }
        }
    }

    @Test
    void cancelsAndReplacesOnlyPendingMessages() throws Exception {
        try (SmscSimulator smsc = SmscSimulator.start(smsc().receiptDelay(Duration.ofSeconds(30))
                .account(SmscAccount.allowingAll("acme2", "x")).build());
             RawEsme tx = RawEsme.bound(smsc.port(), BindType.TRANSMITTER, "acme", "secret");
             RawEsme stranger = RawEsme.bound(smsc.port(), BindType.TRANSMITTER, "acme2", "x")) {
            String id = ((SubmitSmResp) tx.send(submit("254700000001", "old text", RegisteredDelivery.RECEIPT))).messageId();
            Address src = Address.international("254700000999");

            PduResponse replaced = tx.send(ReplaceSm.builder().messageId(id).sourceAddress(src)
                    .registeredDelivery(RegisteredDelivery.NONE).shortMessage(bytes("new text")).build());
            assertThat(replaced.commandStatus()).isEqualTo(CommandStatus.ESME_ROK);
            assertThat(new String(smsc.record().message(id).orElseThrow().shortMessage(), StandardCharsets.ISO_8859_1))
                    .isEqualTo("new text");

            PduResponse notTheirs = stranger.send(new CancelSm(0, "", id, src, Address.EMPTY));
            assertThat(notTheirs.commandStatus()).isEqualTo(CommandStatus.ESME_RINVMSGID);

            PduResponse cancelled = tx.send(new CancelSm(0, "", id, src, Address.EMPTY));
            assertThat(cancelled.commandStatus()).isEqualTo(CommandStatus.ESME_ROK);
            assertThat(smsc.record().message(id).orElseThrow().state()).isEqualTo(MessageState.DELETED);
            QuerySmResp q = tx.send(new QuerySm(0, id, src));
            assertThat(q.state()).contains(MessageState.DELETED);

            assertThat(tx.send(new CancelSm(0, "", id, src, Address.EMPTY)).commandStatus())
                    .isEqualTo(CommandStatus.ESME_RCANCELFAIL);
            assertThat(tx.send(ReplaceSm.builder().messageId(id).sourceAddress(src).shortMessage(bytes("late")).build())
                    .commandStatus()).isEqualTo(CommandStatus.ESME_RREPLACEFAIL);
            assertThat(tx.send(new QuerySm(0, "FFFFFFF", src)).commandStatus()).isEqualTo(CommandStatus.ESME_RINVMSGID);

            String second = ((SubmitSmResp) tx.send(submit("254700000002", "by address", RegisteredDelivery.NONE))).messageId();
            PduResponse byAddress = tx.send(new CancelSm(0, "", "", src, Address.international("254700000002")));
            assertThat(byAddress.commandStatus()).isEqualTo(CommandStatus.ESME_ROK);
            assertThat(smsc.record().message(second).orElseThrow().state()).isEqualTo(MessageState.DELETED);
        }
    }

    @Test
    void submitMultiListsTheDestinationsItCannotServe() throws Exception {
        try (SmscSimulator smsc = SmscSimulator.start(smsc().build());
             RawEsme trx = RawEsme.bound(smsc.port(), BindType.TRANSCEIVER, "acme", "secret")) {
            SubmitMulti multi = SubmitMulti.builder().sourceAddress(Address.alphanumeric("ujumbe"))
                    .addDestination(Address.international("254700000001"))
                    .addDestination(Address.international("254700000002"))
                    .addDestination(new Address(TypeOfNumber.INTERNATIONAL, NumberingPlan.ISDN, "not-a-number"))
                    .addDestination(DestinationAddress.distributionList("friends"))
                    .registeredDelivery(RegisteredDelivery.RECEIPT)
                    .shortMessage(bytes("to many")).build();
            SubmitMultiResp resp = trx.send(multi);
            assertThat(resp.commandStatus()).isEqualTo(CommandStatus.ESME_ROK);
            assertThat(resp.unsuccessSmes()).extracting(u -> u.errorStatusCode())
                    .containsExactly(CommandStatus.ESME_RINVDSTADR, CommandStatus.ESME_RINVDLNAME);
            await().atMost(Duration.ofSeconds(10)).until(() -> trx.delivered.size() == 2);
            assertThat(trx.delivered).extracting(d -> d.sourceAddress().address())
                    .containsExactlyInAnyOrder("254700000001", "254700000002");
        }
    }

    @Test
    void recordsEachSubmissionWithTheTextItCameWith() throws Exception {
        try (SmscSimulator smsc = SmscSimulator.start(smsc().receiptDelay(Duration.ofSeconds(30))
                .account(SmscAccount.allowingAll("acme2", "x")).build());
             RawEsme tx = RawEsme.bound(smsc.port(), BindType.TRANSMITTER, "acme", "secret");
             RawEsme other = RawEsme.bound(smsc.port(), BindType.TRANSMITTER, "acme2", "x")) {
            SubmitSm ucs2 = SubmitSm.builder().sourceAddress(Address.international("254700000999"))
                    .destinationAddress(Address.international("254700000001")).dataCoding(DataCoding.UCS2)
                    .shortMessage("Habari 😀".getBytes(StandardCharsets.UTF_16BE)).build();
            String first = ((SubmitSmResp) tx.send(ucs2)).messageId();
            // Two of the three SAR TLVs do not make a part: recorded as a whole message.
            SubmitSm halfSar = submit("254700000002", "not a part", RegisteredDelivery.NONE).toBuilder()
                    .tlv(Tlv.sarMsgRefNum(7)).tlv(Tlv.sarTotalSegments(2)).build();
            String second = ((SubmitSmResp) tx.send(halfSar)).messageId();
            SubmitSm part = submit("254700000003", "part two", RegisteredDelivery.NONE).toBuilder()
                    .tlv(Tlv.sarMsgRefNum(9)).tlv(Tlv.sarTotalSegments(3)).tlv(Tlv.sarSegmentSeqnum(2)).build();
            String third = ((SubmitSmResp) other.send(part)).messageId();
            tx.send(ReplaceSm.builder().messageId(first).sourceAddress(Address.international("254700000999"))
                    .shortMessage(bytes("replaced")).build());

            List<ReceivedSubmit> all = smsc.record().submits();
            assertThat(all).extracting(ReceivedSubmit::messageId).containsExactly(first, second, third);
            assertThat(all).extracting(ReceivedSubmit::text).containsExactly("Habari 😀", "not a part", "part two");
            assertThat(all).extracting(ReceivedSubmit::partNumber, ReceivedSubmit::totalParts, ReceivedSubmit::reference)
                    .containsExactly(tuple(1, 1, -1), tuple(1, 1, -1), tuple(2, 3, 9));
            assertThat(all.get(0).dataCoding()).isEqualTo(0x08);
            assertThat(all.get(0).pdu()).isEqualTo(ucs2.toBuilder().sequenceNumber(all.get(0).pdu().sequenceNumber()).build());
            assertThat(all.get(1).receivedAt()).isEqualTo(smsc.record().message(second).orElseThrow().submittedAt());
            assertThat(smsc.record().submits()).isEqualTo(all);
            assertThat(smsc.record().submits("acme2")).extracting(ReceivedSubmit::messageId).containsExactly(third);
            assertThat(smsc.record().submits("nobody")).isEmpty();
            assertThat(smsc.record().messages()).extracting(SimulatedMessage::messageId)
                    .containsExactlyInAnyOrder(first, second, third);
        }
    }

    @Test
    void keepsTheLatestRecordLimitEntriesAndNoneAtZeroWhileQueriesStillWork() throws Exception {
        try (SmscSimulator smsc = SmscSimulator.start(smsc().recordLimit(2).build());
             RawEsme tx = RawEsme.bound(smsc.port(), BindType.TRANSMITTER, "acme", "secret")) {
            for (String text : List.of("one", "two", "three")) {
                tx.send(submit("254700000001", text, RegisteredDelivery.NONE));
            }
            assertThat(smsc.record().submits()).extracting(ReceivedSubmit::text).containsExactly("two", "three");
            assertThat(smsc.record().binds()).hasSize(1);
        }
        try (SmscSimulator smsc = SmscSimulator.start(smsc().recordLimit(0).receiptDelay(Duration.ofSeconds(30)).build());
             RawEsme tx = RawEsme.bound(smsc.port(), BindType.TRANSMITTER, "acme", "secret")) {
            String id = ((SubmitSmResp) tx.send(submit("254700000001", "unrecorded", RegisteredDelivery.NONE))).messageId();
            assertThat(smsc.record().submits()).isEmpty();
            assertThat(smsc.record().binds()).isEmpty();
            QuerySmResp q = tx.send(new QuerySm(0, id, Address.international("254700000999")));
            assertThat(q.state()).contains(MessageState.ENROUTE);
            assertThat(smsc.stats().submits()).isEqualTo(1);
        }
    }

    @Test
    void recordsConcatenatedPartsAndJoinsThem() throws Exception {
        EsmeListener l = new EsmeListener();
        String longText = "This message is long enough to need three parts. ".repeat(8);
        try (SmscSimulator smsc = SmscSimulator.start(smsc().build());
             SmppClient client = SmppClient.create(client(smsc, l).build())) {
            get(client.start());
            MessageOutcome udh = get(client.send(OutboundMessage.text("254700000001", longText)));
            MessageOutcome sar = get(client.send(OutboundMessage.builder().to("254700000002").text(longText + "SAR")
                    .multipartMode(MultipartMode.SAR).build()));
            assertThat(udh.isAccepted()).isTrue();
            assertThat(sar.isAccepted()).isTrue();
            List<ReceivedSubmit> parts = smsc.record().submits("acme");
            assertThat(parts).hasSizeGreaterThanOrEqualTo(6).allMatch(ReceivedSubmit::isPart);
            assertThat(parts.get(0).totalParts()).isEqualTo(parts.stream().filter(p -> p.reference() == parts.get(0).reference()
                    && p.destination().equals("254700000001")).count());
            List<JoinedMessage> joined = smsc.record().joinedMessages();
            assertThat(joined).extracting(JoinedMessage::text).containsExactlyInAnyOrder(longText, longText + "SAR");
            JoinedMessage first = joined.stream().filter(j -> j.destination().equals("254700000001")).findFirst().orElseThrow();
            assertThat(first.messageIds()).containsExactlyElementsOf(((MessageOutcome.Accepted) udh).messageIds());
        }
    }

    @Test
    void injectsLongMoInPartsThatTheClientReassembles() throws Exception {
        EsmeListener l = new EsmeListener();
        String text = "Habari! Ujumbe mrefu sana kutoka kwa simu ya mkononi 📱 ".repeat(4);
        try (SmscSimulator smsc = SmscSimulator.start(smsc().build());
             SmppClient client = SmppClient.create(client(smsc, l).build())) {
            get(client.start());
            get(smsc.injectMo("+254700000001", "12345", text, "acme"));
            await().atMost(Duration.ofSeconds(10)).until(() -> l.inbound.size() == 1);
            assertThat(l.inbound.get(0).text()).isEqualTo(text);
            assertThat(l.inbound.get(0).source().address()).isEqualTo("254700000001");
            // The last part's deliver_sm_resp reaches the simulator just after the client has the
            // message: wait for the simulator to have counted every part it recorded.
            await().atMost(Duration.ofSeconds(10)).until(() -> smsc.stats().moSent()
                    == smsc.record().deliveries().stream().filter(d -> d.kind() == DeliveryRecord.Kind.MO).count());
            long parts = smsc.record().deliveries().stream().filter(d -> d.kind() == DeliveryRecord.Kind.MO).count();
            assertThat(parts).isGreaterThan(1);
            assertThat(smsc.stats().moSent()).isEqualTo(parts);

            // No receiver of "other" is bound: stored until one binds (MoDeliveryTest), not refused.
            assertThat(smsc.injectMo("1", "2", "nobody listens yet", "other")).isNotDone();
        }
    }

    @Test
    void keepsReceiptsUntilAReceiverBindsAndRetriesRefusedOnes() throws Exception {
        try (SmscSimulator smsc = SmscSimulator.start(smsc().receiptDelay(Duration.ZERO).build());
             RawEsme tx = RawEsme.bound(smsc.port(), BindType.TRANSMITTER, "acme", "secret")) {
            String id = ((SubmitSmResp) tx.send(submit("254700000001", "later", RegisteredDelivery.RECEIPT))).messageId();
            await().atMost(Duration.ofSeconds(10)).until(() -> smsc.stats().receiptsPending() == 1);
            try (RawEsme rx = RawEsme.connect(smsc.port())) {
                rx.answer = CommandStatus.ESME_RSYSERR;
                rx.bind(BindType.RECEIVER, "acme", "secret");
                await().atMost(Duration.ofSeconds(10)).until(() -> smsc.record().deliveries().stream()
                        .anyMatch(d -> d.status().equals(CommandStatus.ESME_RSYSERR)));
                rx.answer = CommandStatus.ESME_ROK;
                await().atMost(Duration.ofSeconds(10)).until(() -> rx.delivered.size() == 1);
                assertThat(rx.delivered.get(0).tlvs().get(TlvTag.RECEIPTED_MESSAGE_ID).orElseThrow().stringValue())
                        .isEqualTo(id);
                // The simulator counts a receipt as sent when the ESME's deliver_sm_resp reaches it,
                // just after the ESME recorded the receipt: wait for it rather than race it.
                await().atMost(Duration.ofSeconds(10)).until(() -> smsc.stats().receiptsSent() == 1);
                assertThat(smsc.stats().receiptsPending()).isZero();
                assertThat(smsc.stats().receiptsSent()).isEqualTo(1);
            }
        }
    }

    @Test
    void sendsIntermediateNotificationsWhenAskedAndEnabled() throws Exception {
        SmscConfig config = smsc().intermediateReceipts(true).receiptDelay(Duration.ofMillis(200)).build();
        try (SmscSimulator smsc = SmscSimulator.start(config);
             RawEsme trx = RawEsme.bound(smsc.port(), BindType.TRANSCEIVER, "acme", "secret")) {
            trx.send(submit("254700000001", "hi", RegisteredDelivery.RECEIPT.withIntermediate(true)));
            await().atMost(Duration.ofSeconds(10)).until(() -> trx.delivered.size() == 2);
            assertThat(trx.delivered.get(0).esmClass().isIntermediateNotification()).isTrue();
            assertThat(trx.delivered.get(1).esmClass().isDeliveryReceipt()).isTrue();
        }
    }

    @Test
    void servesSmppOverTlsOnItsOwnPort(@TempDir Path dir) throws Exception {
        Path cert = copyResource("test-cert.pem", dir);
        Path key = copyResource("test-key.pem", dir);
        EsmeListener l = new EsmeListener();
        try (SmscSimulator smsc = SmscSimulator.start(smsc().tls(0, TlsConfig.server(cert, key)).build());
             SmppClient client = SmppClient.create(client(smsc, l).host("localhost").port(smsc.tlsPort())
                     .tls(TlsConfig.clientTrusting(cert)).build())) {
            assertThat(smsc.tlsPort()).isPositive().isNotEqualTo(smsc.port());
            get(client.start());
            assertThat(get(client.send(OutboundMessage.text("254700000001", "over TLS"))).isAccepted()).isTrue();
            assertThat(smsc.record().submits()).extracting(ReceivedSubmit::text).containsExactly("over TLS");
        }
    }

    private static Path copyResource(String name, Path dir) throws Exception {
        Path out = dir.resolve(name);
        try (InputStream in = SmscSimulatorTest.class.getResourceAsStream("/" + name)) {
            Files.copy(Objects.requireNonNull(in, name), out);
        }
        return out;
    }

    private static SubmitSm submit(String to, String text, RegisteredDelivery rd) {
        return SubmitSm.builder().sourceAddress(Address.international("254700000999"))
                .destinationAddress(Address.international(to)).registeredDelivery(rd).shortMessage(bytes(text)).build();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String accepted(MessageOutcome outcome) {
        assertThat(outcome).isInstanceOf(MessageOutcome.Accepted.class);
        return ((MessageOutcome.Accepted) outcome).messageId();
    }

    private static ReceiptEvent receiptFor(EsmeListener l, String id) {
        return l.receipts.stream().filter(r -> r.receipt().messageId().equalsIgnoreCase(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no receipt for " + id + " in " + l.receipts));
    }

    private static MessageState stateOfReceipt(EsmeListener l, String id) {
        return receiptFor(l, id).receipt().messageState().orElseThrow();
    }
}
