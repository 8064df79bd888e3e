package io.ujumbe.smsc;

import io.ujumbe.pdu.Address;
import io.ujumbe.pdu.Bind;
import io.ujumbe.pdu.BindType;
import io.ujumbe.pdu.CommandStatus;
import io.ujumbe.pdu.DataCoding;
import io.ujumbe.pdu.DeliverSm;
import io.ujumbe.pdu.EsmClass;
import io.ujumbe.pdu.NumberingPlan;
import io.ujumbe.pdu.Pdu;
import io.ujumbe.pdu.PduRequest;
import io.ujumbe.pdu.PduResponse;
import io.ujumbe.pdu.RegisteredDelivery;
import io.ujumbe.pdu.SubmitSm;
import io.ujumbe.pdu.TypeOfNumber;
import io.ujumbe.pdu.Unbind;
import io.ujumbe.receipt.DeliveryReceipt;
import io.ujumbe.receipt.DeliveryReceiptParser;
import io.ujumbe.session.BindState;
import io.ujumbe.session.SessionConfig;
import io.ujumbe.session.SessionHandler;
import io.ujumbe.session.SmppConnector;
import io.ujumbe.session.SmppSession;
import io.ujumbe.text.GsmCharset;
import io.ujumbe.text.EncodingErrorMode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static io.ujumbe.smsc.SmscTestSupport.PASSWORD;
import static io.ujumbe.smsc.SmscTestSupport.SYSTEM_ID;
import static io.ujumbe.smsc.SmscTestSupport.get;
import static io.ujumbe.smsc.SmscTestSupport.smsc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The simulator delivers MO and receipts as an SMSC does: MO queued at once and stored until a
 * receiver binds (bounded, with a TTL), never twice when the ESME answered, addresses with the
 * TON their form calls for, receipts quoting a part's text without its UDH, and an unbind for
 * every session when it closes. Against ESMEs on the bare session layer over loopback sockets.
 */
class MoDeliveryTest {

    /** An ESME that records every PDU it is sent and answers deliver_sm as {@code answer} says. */
    static final class Esme implements AutoCloseable {
        final List<DeliverSm> delivered = new CopyOnWriteArrayList<>();
        final List<PduRequest> requests = new CopyOnWriteArrayList<>();
        final List<Pdu> received = new CopyOnWriteArrayList<>();
        volatile Function<DeliverSm, CompletionStage<PduResponse>> answer =
                d -> CompletableFuture.completedFuture(d.createResponse(CommandStatus.ESME_ROK));
        private final SmppConnector connector = SmppConnector.create(1);
        final SmppSession session;

        Esme(int port) throws Exception {
            SessionConfig config = SessionConfig.builder().enquireLinkInterval(Duration.ZERO).build();
            session = connector.connect("127.0.0.1", port, config, new SessionHandler() {
                @Override
                public CompletionStage<PduResponse> onRequest(SmppSession s, PduRequest request) {
                    requests.add(request);
                    if (request instanceof DeliverSm d) {
                        delivered.add(d);
                        return answer.apply(d);
                    }
                    return CompletableFuture.completedFuture(request.createResponse(CommandStatus.ESME_ROK));
                }

                @Override
                public void afterReceive(SmppSession s, Pdu pdu) {
                    // The session answers unbind itself; this is where the ESME sees it arrive.
                    received.add(pdu);
                }
            }).get(10, TimeUnit.SECONDS);
        }

        Esme bind(BindType type) throws Exception {
            CommandStatus status = session.bind(Bind.builder().type(type).systemId(SYSTEM_ID).password(PASSWORD).build())
                    .get(10, TimeUnit.SECONDS).commandStatus();
            assertThat(status).isEqualTo(CommandStatus.ESME_ROK);
            return this;
        }

        @Override
        public void close() {
            session.close("test done");
            connector.close(Duration.ofSeconds(2));
        }
    }

    @Test
    void anMoQueuedWithoutAReceiverIsStoredAndDeliveredWhenOneBinds() throws Exception {
        try (SmscSimulator smsc = SmscSimulator.start(smsc().build())) {
            MoTicket ticket = smsc.queueMo(new MoRequest("+254700000009", "12345", "STOP", SYSTEM_ID))
                    .toCompletableFuture().getNow(null);
            assertThat(ticket).as("queueMo answers at once").isNotNull();
            assertThat(ticket.waiting()).isTrue();
            assertThat(ticket.parts()).isEqualTo(1);
            assertThat(ticket.delivered().toCompletableFuture()).isNotDone();
            try (Esme esme = new Esme(smsc.port()).bind(BindType.RECEIVER)) {
                get(ticket.delivered().toCompletableFuture());
                assertThat(esme.delivered).hasSize(1);
                assertThat(new String(esme.delivered.get(0).shortMessage(), StandardCharsets.ISO_8859_1)).isEqualTo("STOP");
            }
            assertThat(smsc.stats().moSent()).isEqualTo(1);
        }
    }

    @Test
    void aStoredMoExpiresAfterItsTtlAndTheStoreIsBounded() throws Exception {
        try (SmscSimulator smsc = SmscSimulator.start(smsc().moStoreTtl(Duration.ofMillis(300)).moStoreLimit(2).build())) {
            MoTicket first = smsc.queueMo(MoRequest.of("254700000009", "12345", "one")).toCompletableFuture().getNow(null);
            MoTicket second = smsc.queueMo(MoRequest.of("254700000009", "12345", "two")).toCompletableFuture().getNow(null);
            CompletableFuture<MoTicket> third = smsc.queueMo(MoRequest.of("254700000009", "12345", "three"))
                    .toCompletableFuture();
            assertThat(third).isCompletedExceptionally();
            assertThatThrownBy(third::join).hasMessageContaining("MO store is full").hasMessageContaining("moStoreLimit");
            assertThatThrownBy(() -> get(first.delivered().toCompletableFuture()))
                    .isInstanceOf(ExecutionException.class).hasMessageContaining("no receiver bound within");
            assertThatThrownBy(() -> get(second.delivered().toCompletableFuture())).isInstanceOf(ExecutionException.class);
            try (Esme esme = new Esme(smsc.port()).bind(BindType.TRANSCEIVER)) {
                // The expired ones are gone (nothing arrives), and the store has room again.
                get(smsc.queueMo(MoRequest.of("254700000009", "12345", "four")).toCompletableFuture()
                        .thenCompose(MoTicket::delivered).toCompletableFuture());
                assertThat(esme.delivered).extracting(d -> new String(d.shortMessage(), StandardCharsets.ISO_8859_1))
                        .containsExactly("four");
            }
        }
    }

    @Test
    void queueMoAnswersAtOnceEvenWhenTheEsmeNeverAnswers() throws Exception {
        try (SmscSimulator smsc = SmscSimulator.start(smsc().build());
             Esme esme = new Esme(smsc.port()).bind(BindType.TRANSCEIVER)) {
            esme.answer = d -> new CompletableFuture<>();
            CompletableFuture<MoTicket> queued = smsc.queueMo(MoRequest.of("254700000009", "12345", "hello"))
                    .toCompletableFuture();
            assertThat(queued).isCompleted();
            assertThat(queued.join().waiting()).isFalse();
            await().atMost(Duration.ofSeconds(10)).until(() -> esme.delivered.size() == 1);
            assertThat(queued.join().delivered().toCompletableFuture()).isNotDone();
        }
    }

    @Test
    void aLateAnswerAfterTheTimeoutIsTakenAndTheMoIsNotDeliveredTwice() throws Exception {
        SessionConfig session = SessionConfig.builder().enquireLinkInterval(Duration.ZERO)
                .responseTimeout(Duration.ofMillis(1500)).build();
        try (SmscSimulator smsc = SmscSimulator.start(smsc().session(session).build());
             Esme esme = new Esme(smsc.port()).bind(BindType.TRANSCEIVER)) {
            CompletableFuture<PduResponse> held = new CompletableFuture<>();
            esme.answer = d -> held;
            MoTicket ticket = smsc.queueMo(MoRequest.of("254700000009", "12345", "late")).toCompletableFuture().join();
            Deliveries deliveries = smsc.deliveries();
            // The simulator gave up waiting for this answer: now answer, late.
            await().atMost(Duration.ofSeconds(20)).until(() -> deliveries.awaitingLateAnswer() == 1);
            held.complete(esme.delivered.get(0).createResponse(CommandStatus.ESME_ROK));
            get(ticket.delivered().toCompletableFuture());
            // Longer than the response timeout and the retry steps: a resend would have arrived.
            await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> true);
            assertThat(esme.delivered).hasSize(1);
            assertThat(smsc.stats().moSent()).isEqualTo(1);
        }
    }

    @Test
    void anMoNeverAnsweredIsSentAgainAfterTheGrace() throws Exception {
        SessionConfig session = SessionConfig.builder().enquireLinkInterval(Duration.ZERO)
                .responseTimeout(Duration.ofMillis(300)).build();
        try (SmscSimulator smsc = SmscSimulator.start(smsc().session(session).build());
             Esme esme = new Esme(smsc.port()).bind(BindType.TRANSCEIVER)) {
            esme.answer = d -> esme.delivered.size() == 1 ? new CompletableFuture<>()
                    : CompletableFuture.completedFuture(d.createResponse(CommandStatus.ESME_ROK));
            MoTicket ticket = smsc.queueMo(MoRequest.of("254700000009", "12345", "again")).toCompletableFuture().join();
            get(ticket.delivered().toCompletableFuture());
            assertThat(esme.delivered).hasSize(2);
        }
    }

    @Test
    void moAddressesCarryTheTonTheirFormCallsFor() throws Exception {
        try (SmscSimulator smsc = SmscSimulator.start(smsc().build());
             Esme esme = new Esme(smsc.port()).bind(BindType.RECEIVER)) {
            get(smsc.injectMo("+254700000001", "12345", "international to a short code"));
            get(smsc.injectMo("ACME Bank", "254700000002", "alphanumeric to a number"));
            get(smsc.injectMo("254700000003", "+44123", "digits to a plus number"));
            assertThat(esme.delivered).hasSize(3);
            DeliverSm first = esme.delivered.get(0);
            assertThat(first.sourceAddress()).isEqualTo(Address.international("254700000001"));
            assertThat(first.destinationAddress().ton()).isEqualTo(TypeOfNumber.UNKNOWN);
            assertThat(first.destinationAddress().npi()).isEqualTo(NumberingPlan.ISDN);
            assertThat(first.destinationAddress().address()).isEqualTo("12345");
            DeliverSm second = esme.delivered.get(1);
            assertThat(second.sourceAddress().ton()).isEqualTo(TypeOfNumber.ALPHANUMERIC);
            assertThat(second.sourceAddress().address()).isEqualTo("ACME Bank");
            assertThat(second.destinationAddress()).isEqualTo(Address.international("254700000002"));
            assertThat(esme.delivered.get(2).destinationAddress()).isEqualTo(Address.international("44123"));
        }
    }

    @Test
    void theReceiptOfAConcatenatedPartQuotesThePartsTextWithoutItsUdh() throws Exception {
        try (SmscSimulator smsc = SmscSimulator.start(smsc().receiptDelay(Duration.ZERO).build());
             Esme esme = new Esme(smsc.port()).bind(BindType.TRANSCEIVER)) {
            byte[] udh = {0x05, 0x00, 0x03, (byte) 0xA1, 0x02, 0x01};
            byte[] text = GsmCharset.DEFAULT.encode("A peer long text, part one of two", EncodingErrorMode.STRICT);
            byte[] userData = new byte[udh.length + text.length];
            System.arraycopy(udh, 0, userData, 0, udh.length);
            System.arraycopy(text, 0, userData, udh.length, text.length);
            SubmitSm part = SubmitSm.builder().sourceAddress(Address.alphanumeric("ACME"))
                    .destinationAddress(Address.international("254700000001"))
                    .esmClass(EsmClass.DEFAULT.withUdhi(true)).dataCoding(DataCoding.SMSC_DEFAULT)
                    .registeredDelivery(RegisteredDelivery.RECEIPT).shortMessage(userData).build();
            assertThat(esme.session.send(part).get(10, TimeUnit.SECONDS).commandStatus()).isEqualTo(CommandStatus.ESME_ROK);
            await().atMost(Duration.ofSeconds(10)).until(() -> !esme.delivered.isEmpty());
            DeliveryReceipt receipt = DeliveryReceiptParser.standard().parse(esme.delivered.get(0)).orElseThrow();
            assertThat(receipt.text()).isEqualTo("A peer long text, pa");
        }
    }

    @Test
    void closingTheSimulatorUnbindsEveryBoundSession() throws Exception {
        SmscSimulator smsc = SmscSimulator.start(smsc().build());
        try (Esme esme = new Esme(smsc.port()).bind(BindType.TRANSCEIVER)) {
            smsc.close();
            assertThat(esme.received).hasAtLeastOneElementOfType(Unbind.class);
            await().atMost(Duration.ofSeconds(10)).until(() -> esme.session.state() == BindState.CLOSED);
        } finally {
            smsc.close();
        }
    }
}
