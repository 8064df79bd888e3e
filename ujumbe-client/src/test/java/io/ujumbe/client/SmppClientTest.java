package io.ujumbe.client;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ujumbe.pdu.Address;
import io.ujumbe.pdu.CommandStatus;
import io.ujumbe.pdu.DataCoding;
import io.ujumbe.pdu.DeliverSm;
import io.ujumbe.pdu.EsmClass;
import io.ujumbe.pdu.Pdu;
import io.ujumbe.pdu.PduResponse;
import io.ujumbe.pdu.SubmitSm;
import io.ujumbe.pdu.Tlv;
import io.ujumbe.session.BindState;
import io.ujumbe.session.RawPeer;
import io.ujumbe.session.TestSmsc;
import io.ujumbe.text.MultipartMode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static io.ujumbe.client.ClientTestSupport.config;
import static io.ujumbe.client.ClientTestSupport.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The ESME client end to end against a test SMSC on a loopback socket. */
class SmppClientTest {

    @Test
    void sendsAMessageAndMatchesItsReceiptWhenIdsComeInHexAndDecimal() throws Exception {
        try (TestSmsc smsc = TestSmsc.start()) {
            smsc.hexIdsInResponse = true;
            smsc.hexIdsInReceipts = false;
            RecordingListener l = new RecordingListener();
            try (SmppClient client = SmppClient.create(config(smsc, l).build())) {
                get(client.start());
                OutboundMessage m = OutboundMessage.builder().to("254700000001").text("Your code is 1234")
                        .putMetadata("customer", "42").build();
                MessageOutcome outcome = get(client.send(m));
                assertThat(outcome).isInstanceOf(MessageOutcome.Accepted.class);
                String id = ((MessageOutcome.Accepted) outcome).messageId();
                assertThat(id).matches("[0-9A-F]+");
                await().atMost(Duration.ofSeconds(10)).until(() -> l.receipts.size() == 1);
                ReceiptEvent r = l.receipts.get(0);
                assertThat(r.correlationId()).contains(m.correlationId());
                assertThat(r.correlation().get().metadata()).containsEntry("customer", "42");
                assertThat(r.receipt().messageId()).isEqualTo(Long.toString(Long.parseLong(id, 16)));
                SubmitSm sent = smsc.received().get(0);
                assertThat(new String(sent.shortMessage(), StandardCharsets.ISO_8859_1)).isEqualTo("Your code is 1234");
                assertThat(sent.registeredDelivery().requestsReceipt()).isTrue();
            }
        }
    }

    @Test
    void receiptArrivingBeforeItsSubmitResponseIsStillMatched() throws Exception {
        try (TestSmsc smsc = TestSmsc.start()) {
            smsc.receiptBeforeResponse = true;
            RecordingListener l = new RecordingListener();
            try (SmppClient client = SmppClient.create(config(smsc, l).build())) {
                get(client.start());
                OutboundMessage m = OutboundMessage.text("254700000002", "race");
                assertThat(get(client.send(m)).isAccepted()).isTrue();
                await().atMost(Duration.ofSeconds(10)).until(() -> l.receipts.size() == 1);
                assertThat(l.receipts.get(0).correlationId()).contains(m.correlationId());
            }
        }
    }

    @Test
    void longTextIsSplitAndReportedOnceWithEveryPartsId() throws Exception {
        try (TestSmsc smsc = TestSmsc.start()) {
            smsc.receipts = false;
            RecordingListener l = new RecordingListener();
            try (SmppClient client = SmppClient.create(config(smsc, l).multipartMode(MultipartMode.SAR).build())) {
                get(client.start());
                MessageOutcome o = get(client.send(OutboundMessage.text("254700000003", "x".repeat(200))));
                assertThat(((MessageOutcome.Accepted) o).messageIds()).hasSize(2).doesNotHaveDuplicates();
                List<SubmitSm> parts = smsc.received();
                assertThat(parts).hasSize(2);
                assertThat(parts.get(0).shortMessage()).hasSize(153);
                assertThat(parts.get(1).shortMessage()).hasSize(47);
                assertThat(parts.get(0).tlvs().sarTotalSegments()).hasValue(2);
                assertThat(parts.get(1).tlvs().sarSegmentSeqnum()).hasValue(2);
                assertThat(l.outcomes).hasSize(1);
            }
        }
    }

    @Test
    void transientStatusIsRetriedThenAccepted() throws Exception {
        try (TestSmsc smsc = TestSmsc.start()) {
            AtomicInteger calls = new AtomicInteger();
            smsc.submitStatus = s -> calls.incrementAndGet() <= 2 ? CommandStatus.ESME_RSYSERR : CommandStatus.ESME_ROK;
            RecordingListener l = new RecordingListener();
            try (SmppClient client = SmppClient.create(config(smsc, l).build())) {
                get(client.start());
                MessageOutcome o = get(client.send(OutboundMessage.text("254700000004", "retry me")));
                assertThat(o.isAccepted()).isTrue();
                assertThat(o.attempts()).isEqualTo(3);
                assertThat(smsc.received()).hasSize(3);
                assertThat(l.outcomes).hasSize(1);
            }
        }
    }

    @Test
    void permanentFailureIsReportedOnceWithTheStatus() throws Exception {
        try (TestSmsc smsc = TestSmsc.start()) {
            smsc.submitStatus = s -> CommandStatus.ESME_RINVDSTADR;
            RecordingListener l = new RecordingListener();
            MeterRegistry registry = new SimpleMeterRegistry();
            try (SmppClient client = SmppClient.create(config(smsc, l).meterRegistry(registry).build())) {
                get(client.start());
                MessageOutcome o = get(client.send(OutboundMessage.text("254700000005", "nope")));
                assertThat(o).isInstanceOf(MessageOutcome.Failed.class);
                assertThat(((MessageOutcome.Failed) o).status()).isEqualTo(CommandStatus.ESME_RINVDSTADR);
                assertThat(o.attempts()).isEqualTo(1);
                assertThat(smsc.received()).hasSize(1);
                assertThat(l.outcomes).hasSize(1);
                assertThat(registry.get("ujumbe.messages.failed").tag("status", "ESME_RINVDSTADR").counter().count())
                        .isEqualTo(1.0);
            }
        }
    }

    @Test
    void retriesStopAtTheMaximumAndTheMessageFails() throws Exception {
        try (TestSmsc smsc = TestSmsc.start()) {
            smsc.submitStatus = s -> CommandStatus.ESME_RMSGQFUL;
            RecordingListener l = new RecordingListener();
            try (SmppClient client = SmppClient.create(config(smsc, l).throttleHandler(
                    PercentageThrottleHandler.builder().sampleSize(1000).build()).build())) {
                get(client.start());
                MessageOutcome o = get(client.send(OutboundMessage.text("254700000006", "full")));
                assertThat(o.isAccepted()).isFalse();
                assertThat(o.attempts()).isEqualTo(5);
                assertThat(smsc.received()).hasSize(5);
                assertThat(((MessageOutcome.Failed) o).reason()).contains("5");
            }
        }
    }

    @Test
    void genericNackIsTreatedAsTheStatusItCarries() throws Exception {
        try (TestSmsc smsc = TestSmsc.start()) {
            // The test SMSC answers submit_sm with the request's own response; a status in the
            // permanent range must fail the message once, a transient one must be retried.
            smsc.submitStatus = s -> CommandStatus.ESME_RINVCMDID;
            RecordingListener l = new RecordingListener();
            try (SmppClient client = SmppClient.create(config(smsc, l).build())) {
                get(client.start());
                MessageOutcome o = get(client.send(OutboundMessage.text("254700000007", "nack")));
                assertThat(((MessageOutcome.Failed) o).status()).isEqualTo(CommandStatus.ESME_RINVCMDID);
            }
        }
    }

    @Test
    void fullWindowHoldsTheOutboxBackAndEverythingIsStillSent() throws Exception {
        try (TestSmsc smsc = TestSmsc.start()) {
            smsc.receipts = false;
            smsc.responseDelay = Duration.ofMillis(20);
            RecordingListener l = new RecordingListener();
            AtomicInteger maxPending = new AtomicInteger();
            ClientConfig cfg = config(smsc, l).windowSize(2).build();
            try (SmppClient client = SmppClient.create(cfg)) {
                get(client.start());
                List<CompletableFuture<MessageOutcome>> fs = new ArrayList<>();
                for (int i = 0; i < 30; i++) {
                    fs.add(client.send(OutboundMessage.text("2547000001" + String.format("%02d", i), "m" + i)));
                    maxPending.accumulateAndGet(client.sessions().get(0).pendingRequests(), Math::max);
                }
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                    maxPending.accumulateAndGet(client.sessions().get(0).pendingRequests(), Math::max);
                    assertThat(l.outcomes).hasSize(30);
                });
                for (CompletableFuture<MessageOutcome> f : fs) {
                    assertThat(get(f).isAccepted()).isTrue();
                }
                assertThat(maxPending.get()).isLessThanOrEqualTo(2);
                assertThat(client.outbox().size()).isZero();
            }
        }
    }

    @Test
    void severalBindsShareTheLoad() throws Exception {
        try (TestSmsc smsc = TestSmsc.start()) {
            smsc.receipts = false;
            smsc.responseDelay = Duration.ofMillis(20);
            RecordingListener l = new RecordingListener();
            try (SmppClient client = SmppClient.create(config(smsc, l).binds(3).windowSize(1).build())) {
                get(client.start());
                await().atMost(Duration.ofSeconds(10)).until(() -> client.boundSessions() == 3);
                List<CompletableFuture<MessageOutcome>> fs = new ArrayList<>();
                for (int i = 0; i < 30; i++) {
                    fs.add(client.send(OutboundMessage.text("2547000004" + String.format("%02d", i), "b" + i)));
                }
                for (CompletableFuture<MessageOutcome> f : fs) {
                    assertThat(get(f).isAccepted()).isTrue();
                }
                assertThat(smsc.bindCount()).isEqualTo(3);
                assertThat(smsc.receivedBySession()).hasSize(3);
                assertThat(smsc.receivedBySession().values()).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(5));
            }
        }
    }

    @Test
    void throttlingMakesTheHandlerDenyAndThenRecover() throws Exception {
        try (TestSmsc smsc = TestSmsc.start()) {
            smsc.receipts = false;
            AtomicInteger calls = new AtomicInteger();
            smsc.submitStatus = s -> calls.incrementAndGet() <= 4 ? CommandStatus.ESME_RTHROTTLED : CommandStatus.ESME_ROK;
            RecordingListener l = new RecordingListener();
            PercentageThrottleHandler throttle = PercentageThrottleHandler.builder().sampleSize(2).denyRequestAt(10)
                    .samplingPeriod(Duration.ofMillis(300)).throttleWait(Duration.ofMillis(100)).build();
            MeterRegistry registry = new SimpleMeterRegistry();
            try (SmppClient client = SmppClient.create(config(smsc, l).throttleHandler(throttle).meterRegistry(registry)
                    .retryPolicy(ExponentialRetryPolicy.builder().initialBackoff(Duration.ofMillis(10))
                            .maxBackoff(Duration.ofMillis(20)).maxAttempts(10).build()).build())) {
                get(client.start());
                List<CompletableFuture<MessageOutcome>> fs = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    fs.add(client.send(OutboundMessage.text("25470000020" + i, "t" + i)));
                }
                await().atMost(Duration.ofSeconds(5)).until(() -> !throttle.allowRequest() || l.outcomes.size() == 4);
                for (CompletableFuture<MessageOutcome> f : fs) {
                    assertThat(get(f).isAccepted()).isTrue();
                }
                assertThat(registry.get("ujumbe.responses.throttled").counter().count()).isEqualTo(4.0);
                await().atMost(Duration.ofSeconds(5)).until(throttle::allowRequest);
            }
        }
    }

    @Test
    void bindRejectionIsReportedAndRetriedThenTheClientGivesUp() throws Exception {
        try (TestSmsc smsc = TestSmsc.start().account("acme", "other")) {
            RecordingListener l = new RecordingListener();
            SmppClient client = SmppClient.create(config(smsc, l).maxBindRejections(3).build());
            CompletableFuture<Void> started = client.start();
            assertThatThrownBy(() -> get(started)).hasMessageContaining("ESME_RINVPASWD");
            assertThat(l.bindRejections).hasSize(3).containsOnly(CommandStatus.ESME_RINVPASWD);
            assertThat(smsc.bindCount()).isEqualTo(3);
            get(client.stop(Duration.ofSeconds(1)));
            assertThatThrownBy(() -> get(client.send(OutboundMessage.text("2547", "x"))))
                    .hasCauseInstanceOf(ClientStoppedException.class);
        }
    }

    @Test
    void reconnectsAfterTheSmscUnbindsOrDropsTheConnection() throws Exception {
        try (TestSmsc smsc = TestSmsc.start()) {
            RecordingListener l = new RecordingListener();
            try (SmppClient client = SmppClient.create(config(smsc, l).build())) {
                get(client.start());
                smsc.unbindAll();
                await().atMost(Duration.ofSeconds(10)).until(() -> smsc.bindCount() == 2 && client.boundSessions() == 1);
                assertThat(l.states).contains(BindState.UNBOUND, BindState.CLOSED);
                smsc.dropConnections();
                await().atMost(Duration.ofSeconds(10)).until(() -> smsc.bindCount() == 3 && client.boundSessions() == 1);
                assertThat(get(client.send(OutboundMessage.text("254700000009", "after"))).isAccepted()).isTrue();
            }
        }
    }

    @Test
    void smscRestartMidRunLosesNothing() throws Exception {
        try (TestSmsc smsc = TestSmsc.start()) {
            smsc.receipts = false;
            smsc.responseDelay = Duration.ofMillis(5);
            RecordingListener l = new RecordingListener();
            int total = 300;
            try (SmppClient client = SmppClient.create(config(smsc, l).windowSize(10).binds(2)
                    .retryPolicy(ExponentialRetryPolicy.builder().initialBackoff(Duration.ofMillis(50))
                            .maxBackoff(Duration.ofMillis(200)).maxAttempts(100).build()).build())) {
                get(client.start());
                List<CompletableFuture<MessageOutcome>> fs = new ArrayList<>();
                for (int i = 0; i < total; i++) {
                    fs.add(client.send(OutboundMessage.text("2547" + String.format("%08d", i), "msg " + i)));
                }
                await().atMost(Duration.ofSeconds(10)).until(() -> smsc.received().size() > 50);
                smsc.stopServer();
                smsc.restart();
                await().atMost(Duration.ofSeconds(30)).until(() -> l.outcomes.size() == total);
                assertThat(l.accepted()).isEqualTo(total);
                assertThat(l.noDuplicates()).isTrue();
                for (CompletableFuture<MessageOutcome> f : fs) {
                    assertThat(f).isCompleted();
                }
                assertThat(client.outbox().size()).isZero();
            }
        }
    }

    @Test
    void aPeerThatNeverAnswersEndsInTimeoutsRetriesAndAFailure() throws Exception {
        try (TestSmsc smsc = TestSmsc.start()) {
            smsc.dropResponses = true;
            RecordingListener l = new RecordingListener();
            try (SmppClient client = SmppClient.create(config(smsc, l).responseTimeout(Duration.ofMillis(100))
                    .retryPolicy(ExponentialRetryPolicy.builder().initialBackoff(Duration.ofMillis(10))
                            .maxBackoff(Duration.ofMillis(20)).maxAttempts(3).build()).build())) {
                get(client.start());
                MessageOutcome o = get(client.send(OutboundMessage.text("254700000010", "void")));
                assertThat(o.isAccepted()).isFalse();
                assertThat(((MessageOutcome.Failed) o).cause()).isNotNull();
                assertThat(o.attempts()).isEqualTo(3);
                assertThat(smsc.received()).hasSize(3);
            }
        }
    }

    @Test
    void enquireLinkTimeoutLeadsToReconnection() throws Exception {
        // An SMSC that answers the bind and then goes silent: the client must notice and bind again.
        try (RawPeer smsc = RawPeer.listen()) {
            RecordingListener l = new RecordingListener();
            try (SmppClient client = SmppClient.create(config(smsc.port(), l).enquireLinkInterval(Duration.ofMillis(100))
                    .enquireLinkTimeout(Duration.ofMillis(200)).build())) {
                client.start();
                smsc.accept();
                Pdu bind = smsc.read();
                smsc.write(((io.ujumbe.pdu.Bind) bind).createResponse(CommandStatus.ESME_ROK));
                assertThat(smsc.read()).isInstanceOf(io.ujumbe.pdu.EnquireLink.class);
                // No answer. The client closes the link and connects again.
                assertThat(smsc.closedByPeer()).isTrue();
                smsc.accept();
                assertThat(smsc.read()).isInstanceOf(io.ujumbe.pdu.Bind.class);
                assertThat(l.states).contains(BindState.CLOSED);
            }
        }
    }

    @Test
    void stopDrainsWhatIsInFlightAndFailsWhatWasNotSent() throws Exception {
        try (TestSmsc smsc = TestSmsc.start()) {
            smsc.receipts = false;
            smsc.responseDelay = Duration.ofMillis(200);
            RecordingListener l = new RecordingListener();
            SmppClient client = SmppClient.create(config(smsc, l).windowSize(5).build());
            get(client.start());
            List<CompletableFuture<MessageOutcome>> fs = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                fs.add(client.send(OutboundMessage.text("25470000030" + i, "s" + i)));
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> smsc.received().size() >= 5);
            get(client.stop(Duration.ofSeconds(5)));
            long accepted = 0;
            for (CompletableFuture<MessageOutcome> f : fs) {
                MessageOutcome o = get(f);
                if (o.isAccepted()) {
                    accepted++;
                } else {
                    assertThat(((MessageOutcome.Failed) o).reason()).contains("client stopped");
                }
            }
            assertThat(accepted).isEqualTo(smsc.received().size());
            assertThat(l.outcomes).hasSize(20);
            assertThat(l.noDuplicates()).isTrue();
            assertThat(smsc.boundSessions()).isEmpty();
        }
    }

    @Test
    void multipartMoIsReassembledAndAFailingListenerMakesTheSmscRedeliver() throws Exception {
        try (TestSmsc smsc = TestSmsc.start()) {
            RecordingListener l = new RecordingListener();
            try (SmppClient client = SmppClient.create(config(smsc, l).build())) {
                get(client.start());
                byte[] p1 = concat(new byte[]{5, 0, 3, 9, 2, 1}, "Hello, ".getBytes(StandardCharsets.US_ASCII));
                byte[] p2 = concat(new byte[]{5, 0, 3, 9, 2, 2}, "world".getBytes(StandardCharsets.US_ASCII));
                PduResponse r2 = get(smsc.deliver(mo(p2)));
                PduResponse r1 = get(smsc.deliver(mo(p1)));
                assertThat(r2.commandStatus().isOk()).isTrue();
                assertThat(r1.commandStatus().isOk()).isTrue();
                await().atMost(Duration.ofSeconds(5)).until(() -> l.inbound.size() == 1);
                assertThat(l.inbound.get(0).text()).isEqualTo("Hello, world");
                assertThat(l.inbound.get(0).parts()).isEqualTo(2);

                l.failInbound = true;
                PduResponse refused = get(smsc.deliver(mo("single".getBytes(StandardCharsets.US_ASCII), false)));
                assertThat(refused.commandStatus()).isEqualTo(CommandStatus.ESME_RX_T_APPN);
                l.failInbound = false;
                PduResponse again = get(smsc.deliver(mo("single".getBytes(StandardCharsets.US_ASCII), false)));
                assertThat(again.commandStatus().isOk()).isTrue();
                assertThat(l.inbound).hasSize(2);
            }
        }
    }

    @Test
    void receiptWithOnlyTlvsIsRecognised() throws Exception {
        try (TestSmsc smsc = TestSmsc.start()) {
            RecordingListener l = new RecordingListener();
            try (SmppClient client = SmppClient.create(config(smsc, l).receiptCorrelationWait(Duration.ZERO).build())) {
                get(client.start());
                DeliverSm receipt = DeliverSm.builder().sourceAddress(Address.international("2547"))
                        .destinationAddress(Address.alphanumeric("ujumbe"))
                        .esmClass(EsmClass.of(EsmClass.TYPE_DELIVERY_RECEIPT))
                        .tlv(Tlv.receiptedMessageId("ABC123")).tlv(Tlv.messageState(io.ujumbe.pdu.MessageState.UNDELIVERABLE))
                        .build();
                assertThat(get(smsc.deliver(receipt)).commandStatus().isOk()).isTrue();
                assertThat(l.receipts).hasSize(1);
                assertThat(l.receipts.get(0).receipt().messageId()).isEqualTo("ABC123");
                assertThat(l.receipts.get(0).correlation()).isEmpty();
                assertThat(l.inbound).isEmpty();
            }
        }
    }

    @Test
    void hookThatThrowsDoesNotStopTraffic() throws Exception {
        try (TestSmsc smsc = TestSmsc.start()) {
            RecordingListener l = new RecordingListener();
            List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
            PduHook hook = new PduHook() {
                @Override
                public void beforeSend(String sessionId, Pdu pdu) {
                    seen.add("out:" + pdu.commandId().smppName());
                    throw new IllegalStateException("hook bug");
                }

                @Override
                public void afterReceive(String sessionId, Pdu pdu) {
                    seen.add("in:" + pdu.commandId().smppName());
                    throw new IllegalStateException("hook bug");
                }
            };
            try (SmppClient client = SmppClient.create(config(smsc, l).addHook(hook).build())) {
                get(client.start());
                assertThat(get(client.send(OutboundMessage.text("254700000011", "hooked"))).isAccepted()).isTrue();
                assertThat(seen).contains("out:bind_transceiver", "in:bind_transceiver_resp", "out:submit_sm",
                        "in:submit_sm_resp");
            }
        }
    }

    /** With a hook the session numbers each PDU before the hook sees it: the hook sees the number on the wire. */
    @Test
    void hooksSeeEachSubmitSmWithTheNumberItIsSentWith() throws Exception {
        try (TestSmsc smsc = TestSmsc.start()) {
            List<Integer> out = new java.util.concurrent.CopyOnWriteArrayList<>();
            List<Integer> in = new java.util.concurrent.CopyOnWriteArrayList<>();
            PduHook hook = new PduHook() {
                @Override
                public void beforeSend(String sessionId, Pdu pdu) {
                    if (pdu instanceof io.ujumbe.pdu.SubmitSm) {
                        out.add(pdu.sequenceNumber());
                    }
                }

                @Override
                public void afterReceive(String sessionId, Pdu pdu) {
                    if (pdu instanceof io.ujumbe.pdu.SubmitSmResp) {
                        in.add(pdu.sequenceNumber());
                    }
                }
            };
            try (SmppClient client = SmppClient.create(config(smsc, new RecordingListener()).addHook(hook).build())) {
                get(client.start());
                for (int i = 0; i < 3; i++) {
                    assertThat(get(client.send(OutboundMessage.text("254700000011", "n" + i))).isAccepted()).isTrue();
                }
                assertThat(out).hasSize(3).doesNotContain(0).doesNotHaveDuplicates();
                assertThat(in).containsExactlyInAnyOrderElementsOf(out);
                assertThat(smsc.received()).extracting(Pdu::sequenceNumber).containsExactlyInAnyOrderElementsOf(out);
            }
        }
    }

    @Test
    void unencodableTextFailsClearlyWithoutReachingTheSmsc() throws Exception {
        try (TestSmsc smsc = TestSmsc.start()) {
            RecordingListener l = new RecordingListener();
            try (SmppClient client = SmppClient.create(config(smsc, l).build())) {
                get(client.start());
                MessageOutcome o = get(client.send(OutboundMessage.builder().to("2547").text("ሰላም")
                        .encoding(TextEncoding.GSM7).build()));
                assertThat(o.isAccepted()).isFalse();
                assertThat(((MessageOutcome.Failed) o).reason()).contains("cannot be encoded");
                assertThat(smsc.received()).isEmpty();
            }
        }
    }

    @Test
    void configErrorsNameTheSetting() {
        RecordingListener l = new RecordingListener();
        assertThatThrownBy(() -> config(2775, l).systemId("a-very-long-system-id").build())
                .hasMessageContaining("systemId").hasMessageContaining("15");
        assertThatThrownBy(() -> config(2775, l).password("123456789").build()).hasMessageContaining("password");
        assertThatThrownBy(() -> config(2775, l).port(70000).build()).hasMessageContaining("port");
        assertThatThrownBy(() -> config(2775, l).windowSize(0).build()).hasMessageContaining("windowSize");
        assertThatThrownBy(() -> config(2775, l).binds(0).build()).hasMessageContaining("binds");
        ClientConfig ok = config(2775, l).password("s3cret!").build();
        assertThat(ok.toString()).doesNotContain("s3cret!").contains("password=***");
    }

    private static DeliverSm mo(byte[] userData) {
        return mo(userData, true);
    }

    private static DeliverSm mo(byte[] userData, boolean udhi) {
        return DeliverSm.builder().sourceAddress(Address.international("254711000000"))
                .destinationAddress(Address.of("1234")).esmClass(EsmClass.DEFAULT.withUdhi(udhi))
                .dataCoding(DataCoding.SMSC_DEFAULT).shortMessage(userData).build();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
