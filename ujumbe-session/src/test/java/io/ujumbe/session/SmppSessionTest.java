package io.ujumbe.session;

import io.ujumbe.pdu.Address;
import io.ujumbe.pdu.Bind;
import io.ujumbe.pdu.BindResp;
import io.ujumbe.pdu.BindType;
import io.ujumbe.pdu.CommandStatus;
import io.ujumbe.pdu.DeliverSm;
import io.ujumbe.pdu.EnquireLink;
import io.ujumbe.pdu.EnquireLinkResp;
import io.ujumbe.pdu.GenericNack;
import io.ujumbe.pdu.Pdu;
import io.ujumbe.pdu.PduRequest;
import io.ujumbe.pdu.PduResponse;
import io.ujumbe.pdu.SubmitSm;
import io.ujumbe.pdu.SubmitSmResp;
import io.ujumbe.pdu.Unbind;
import io.ujumbe.pdu.UnbindResp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The session layer against real peers on loopback sockets: a test SMSC and raw misbehaving sockets. */
class SmppSessionTest {
    private static SmppConnector connector;

    @BeforeAll
    static void setUp() {
        connector = SmppConnector.create(1);
    }

    @AfterAll
    static void tearDown() {
        connector.close();
    }

    /** A short MO for the test SMSC to deliver to a session under test. */
    private static DeliverSm mo() {
        return DeliverSm.builder().sourceAddress(Address.international("254711"))
                .destinationAddress(Address.of("1234")).shortMessage("hi".getBytes(StandardCharsets.US_ASCII)).build();
    }

    private static Bind bind(BindType type, String systemId, String password) {
        return Bind.builder().type(type).systemId(systemId).password(password).build();
    }

    private static SubmitSm submit(String text) {
        return SubmitSm.builder().sourceAddress(Address.alphanumeric("ujumbe"))
                .destinationAddress(Address.international("254700000001"))
                .shortMessage(text.getBytes(StandardCharsets.ISO_8859_1)).build();
    }

    private static SessionConfig quiet() {
        return SessionConfig.builder().enquireLinkInterval(Duration.ZERO).build();
    }

    private static <T> T get(CompletableFuture<T> f) throws Exception {
        return f.get(10, TimeUnit.SECONDS);
    }

    @Test
    void bindsEachTypeAndSubmits() throws Exception {
        try (TestSmsc smsc = TestSmsc.start().account("acme", "secret")) {
            for (BindType type : BindType.values()) {
                NoopHandler h = new NoopHandler();
                SmppSession s = get(connector.connect("127.0.0.1", smsc.port(), quiet(), h));
                assertThat(s.state()).isEqualTo(BindState.OPEN);
                BindResp resp = get(s.bind(bind(type, "acme", "secret")));
                assertThat(resp.commandStatus()).isEqualTo(CommandStatus.ESME_ROK);
                BindState expected = type == BindType.TRANSMITTER ? BindState.BOUND_TX
                        : type == BindType.RECEIVER ? BindState.BOUND_RX : BindState.BOUND_TRX;
                assertThat(s.state()).isEqualTo(expected);
                if (type.canTransmit()) {
                    PduResponse r = get(s.send(submit("hello")));
                    assertThat(r).isInstanceOf(SubmitSmResp.class);
                    assertThat(((SubmitSmResp) r).messageId()).isNotEmpty();
                } else {
                    assertThatThrownBy(() -> get(s.send(submit("no"))))
                            .hasCauseInstanceOf(InvalidSessionStateException.class);
                }
                get(s.unbind());
                assertThat(s.state()).isEqualTo(BindState.CLOSED);
                assertThat(h.closeReasons).containsExactly("unbound");
            }
            assertThat(smsc.received()).hasSize(2);
        }
    }

    @Test
    void rejectedBindReportsTheStatusEvenWhenTheSmscClosesAtOnce() throws Exception {
        try (TestSmsc smsc = TestSmsc.start().account("acme", "secret")) {
            smsc.closeAfterBindReject = true;
            SmppSession s = get(connector.connect("127.0.0.1", smsc.port(), quiet(), new NoopHandler()));
            BindResp resp = get(s.bind(bind(BindType.TRANSCEIVER, "acme", "wrong")));
            assertThat(resp.commandStatus()).isEqualTo(CommandStatus.ESME_RINVPASWD);
            assertThat(s.state()).isNotEqualTo(BindState.BOUND_TRX);
            get(s.closeFuture());
        }
    }

    @Test
    void bindRejectedWithHeaderOnlyResponseIsDecoded() throws Exception {
        try (RawPeer peer = RawPeer.listen()) {
            CompletableFuture<SmppSession> c = connector.connect("127.0.0.1", peer.port(), quiet(), new NoopHandler());
            peer.accept();
            SmppSession s = get(c);
            CompletableFuture<BindResp> bound = s.bind(bind(BindType.TRANSMITTER, "acme", "pw"));
            Pdu req = peer.read();
            // 16-byte header, no body: some SMSCs answer errors like this.
            byte[] header = java.nio.ByteBuffer.allocate(16).putInt(16).putInt(0x80000002).putInt(0x0E)
                    .putInt(req.sequenceNumber()).array();
            peer.write(header);
            assertThat(get(bound).commandStatus()).isEqualTo(CommandStatus.ESME_RINVPASWD);
        }
    }

    @Test
    void bindTimesOutWhenTheSmscNeverAnswers() throws Exception {
        try (RawPeer peer = RawPeer.listen()) {
            SessionConfig cfg = quiet().toBuilder().bindTimeout(Duration.ofMillis(300)).build();
            CompletableFuture<SmppSession> c = connector.connect("127.0.0.1", peer.port(), cfg, new NoopHandler());
            peer.accept();
            SmppSession s = get(c);
            CompletableFuture<BindResp> bound = s.bind(bind(BindType.TRANSMITTER, "acme", "pw"));
            assertThat(peer.read()).isInstanceOf(Bind.class);
            assertThatThrownBy(() -> get(bound)).hasCauseInstanceOf(ResponseTimeoutException.class);
        }
    }

    @Test
    void fullWindowRefusesAtOnceAndSignalsWhenThereIsRoomAgain() throws Exception {
        try (TestSmsc smsc = TestSmsc.start()) {
            smsc.responseDelay = Duration.ofMillis(300);
            NoopHandler h = new NoopHandler();
            SmppSession s = get(connector.connect("127.0.0.1", smsc.port(), quiet().toBuilder().windowSize(2).build(), h));
            get(s.bind(bind(BindType.TRANSMITTER, "a", "b")));
            CompletableFuture<PduResponse> a = s.send(submit("1"));
            CompletableFuture<PduResponse> b = s.send(submit("2"));
            assertThat(s.windowAvailable()).isZero();
            CompletableFuture<PduResponse> c = s.send(submit("3"));
            assertThatThrownBy(() -> get(c)).hasCauseInstanceOf(WindowFullException.class);
            get(a);
            get(b);
            await().atMost(Duration.ofSeconds(5)).until(() -> h.windowAvailable.get() >= 1);
            assertThat(s.windowAvailable()).isEqualTo(2);
            assertThat(s.pendingRequests()).isZero();
        }
    }

    /** The callback form of send: each outcome exactly once, like the future's; a throwing callback harms nothing. */
    @Test
    void callbackSendTellsEachOutcomeOnceAndSurvivesAThrowingCallback() throws Exception {
        callbackSend(true);
        // A handler that does not observe outbound PDUs: no numbered copy, the encoder numbers the
        // request on the wire; the responses must still find their requests.
        callbackSend(false);
    }

    private void callbackSend(boolean observes) throws Exception {
        try (TestSmsc smsc = TestSmsc.start()) {
            smsc.responseDelay = Duration.ofMillis(200);
            NoopHandler handler = observes ? new NoopHandler() : new NoopHandler() {
                @Override
                public boolean observesOutboundPdus() {
                    return false;
                }
            };
            SmppSession s = get(connector.connect("127.0.0.1", smsc.port(),
                    quiet().toBuilder().windowSize(2).build(), handler));
            get(s.bind(bind(BindType.TRANSMITTER, "a", "b")));
            List<Object> outcomes = new java.util.concurrent.CopyOnWriteArrayList<>();
            AtomicInteger calls = new AtomicInteger();
            s.send(submit("1"), (resp, err) -> {
                calls.incrementAndGet();
                outcomes.add(resp != null ? resp : err);
                throw new IllegalStateException("a careless callback");
            });
            s.send(submit("2"), (resp, err) -> {
                calls.incrementAndGet();
                outcomes.add(resp != null ? resp : err);
            });
            // The window is full: told at once, on this thread, with the future's exception.
            List<Throwable> refused = new ArrayList<>();
            s.send(submit("3"), (resp, err) -> refused.add(err));
            assertThat(refused).singleElement().isInstanceOf(WindowFullException.class);
            await().atMost(Duration.ofSeconds(10)).until(() -> outcomes.size() == 2);
            assertThat(outcomes).allSatisfy(o -> assertThat(o).isInstanceOf(SubmitSmResp.class));
            // The session goes on after the throwing callback, and nothing is told twice.
            assertThat(get(s.send(submit("4"))).commandStatus().isOk()).isTrue();
            assertThat(calls.get()).isEqualTo(2);
            assertThat(s.pendingRequests()).isZero();
            // On the wire every submit_sm had its own number, whichever way it was numbered.
            assertThat(smsc.received()).extracting(Pdu::sequenceNumber).doesNotContain(0).doesNotHaveDuplicates()
                    .hasSize(3);
            smsc.dropResponses = true;
            CompletableFuture<Throwable> lost = new CompletableFuture<>();
            s.send(submit("5"), (resp, err) -> lost.complete(err));
            s.close("test");
            assertThat(get(lost)).isInstanceOf(SessionClosedException.class);
        }
    }

    @Test
    void unansweredRequestTimesOutAndFreesItsPlace() throws Exception {
        try (TestSmsc smsc = TestSmsc.start()) {
            smsc.dropResponses = true;
            SmppSession s = get(connector.connect("127.0.0.1", smsc.port(),
                    quiet().toBuilder().windowSize(1).responseTimeout(Duration.ofMillis(200)).build(), new NoopHandler()));
            get(s.bind(bind(BindType.TRANSMITTER, "a", "b")));
            assertThatThrownBy(() -> get(s.send(submit("lost")))).hasCauseInstanceOf(ResponseTimeoutException.class);
            assertThat(s.windowAvailable()).isEqualTo(1);
            smsc.dropResponses = false;
            assertThat(get(s.send(submit("ok"))).commandStatus().isOk()).isTrue();
        }
    }

    @Test
    void pendingRequestsFailWhenTheConnectionDrops() throws Exception {
        try (TestSmsc smsc = TestSmsc.start()) {
            smsc.dropResponses = true;
            NoopHandler h = new NoopHandler();
            SmppSession s = get(connector.connect("127.0.0.1", smsc.port(), quiet(), h));
            get(s.bind(bind(BindType.TRANSMITTER, "a", "b")));
            List<CompletableFuture<PduResponse>> sent = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                sent.add(s.send(submit("m" + i)));
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> smsc.received().size() == 5);
            smsc.dropConnections();
            for (CompletableFuture<PduResponse> f : sent) {
                assertThatThrownBy(() -> get(f)).hasCauseInstanceOf(SessionClosedException.class);
            }
            get(s.closeFuture());
            assertThat(s.state()).isEqualTo(BindState.CLOSED);
            assertThat(s.pendingRequests()).isZero();
            assertThat(h.closeReasons).containsExactly("peer closed the connection");
            assertThatThrownBy(() -> get(s.send(submit("after")))).hasCauseInstanceOf(SessionClosedException.class);
        }
    }

    @Test
    void enquireLinkTimeoutClosesADeadLink() throws Exception {
        try (RawPeer peer = RawPeer.listen()) {
            SessionConfig cfg = SessionConfig.builder().enquireLinkInterval(Duration.ofMillis(200))
                    .enquireLinkTimeout(Duration.ofMillis(300)).build();
            NoopHandler h = new NoopHandler();
            CompletableFuture<SmppSession> c = connector.connect("127.0.0.1", peer.port(), cfg, h);
            peer.accept();
            SmppSession s = get(c);
            CompletableFuture<BindResp> bound = s.bind(bind(BindType.TRANSMITTER, "a", "b"));
            Pdu req = peer.read();
            peer.write(((Bind) req).createResponse(CommandStatus.ESME_ROK));
            get(bound);
            // The peer goes silent: the session must send enquire_link, wait, and close.
            assertThat(peer.read()).isInstanceOf(EnquireLink.class);
            get(s.closeFuture());
            assertThat(h.closeReasons.get(0)).contains("enquire_link not answered");
        }
    }

    @Test
    void answersThePeersEnquireLinkAndKeepsALiveLinkOpen() throws Exception {
        try (RawPeer peer = RawPeer.listen()) {
            SessionConfig cfg = SessionConfig.builder().enquireLinkInterval(Duration.ofMillis(100))
                    .enquireLinkTimeout(Duration.ofSeconds(2)).build();
            CompletableFuture<SmppSession> c = connector.connect("127.0.0.1", peer.port(), cfg, new NoopHandler());
            peer.accept();
            SmppSession s = get(c);
            CompletableFuture<BindResp> bound = s.bind(bind(BindType.TRANSCEIVER, "a", "b"));
            peer.write(((Bind) peer.read()).createResponse(CommandStatus.ESME_ROK));
            get(bound);
            peer.write(new EnquireLink(77));
            int answered = 0;
            int ours = 0;
            while (answered == 0 || ours < 2) {
                Pdu p = peer.read();
                if (p instanceof EnquireLinkResp && p.sequenceNumber() == 77) {
                    answered++;
                } else if (p instanceof EnquireLink) {
                    ours++;
                    peer.write(new EnquireLinkResp(CommandStatus.ESME_ROK, p.sequenceNumber()));
                }
            }
            assertThat(s.state()).isEqualTo(BindState.BOUND_TRX);
        }
    }

    @Test
    void peerUnbindIsAnsweredAndTheConnectionCloses() throws Exception {
        try (RawPeer peer = RawPeer.listen()) {
            NoopHandler h = new NoopHandler();
            CompletableFuture<SmppSession> c = connector.connect("127.0.0.1", peer.port(), quiet(), h);
            peer.accept();
            SmppSession s = get(c);
            CompletableFuture<BindResp> bound = s.bind(bind(BindType.TRANSCEIVER, "a", "b"));
            peer.write(((Bind) peer.read()).createResponse(CommandStatus.ESME_ROK));
            get(bound);
            peer.write(new Unbind(5));
            Pdu resp = peer.read();
            assertThat(resp).isInstanceOf(UnbindResp.class);
            assertThat(resp.sequenceNumber()).isEqualTo(5);
            get(s.closeFuture());
            assertThat(h.closeReasons).containsExactly("peer unbound");
            assertThat(h.states).contains(BindState.UNBOUND, BindState.CLOSED);
        }
    }

    @Test
    void unknownCommandGetsGenericNackAndTheSessionGoesOn() throws Exception {
        try (TestSmsc smsc = TestSmsc.start(); RawPeer peer = RawPeer.connect(smsc.port())) {
            byte[] unknown = java.nio.ByteBuffer.allocate(16).putInt(16).putInt(0x00000999).putInt(0).putInt(42).array();
            peer.write(unknown);
            Pdu nack = peer.read();
            assertThat(nack).isInstanceOf(GenericNack.class);
            assertThat(nack.commandStatus()).isEqualTo(CommandStatus.ESME_RINVCMDID);
            assertThat(nack.sequenceNumber()).isEqualTo(42);
            peer.write(bind(BindType.TRANSMITTER, "a", "b").withSequenceNumber(1));
            assertThat(peer.read()).isInstanceOf(BindResp.class);
        }
    }

    @Test
    void malformedBodyGetsGenericNackWithTheDecodersStatus() throws Exception {
        try (TestSmsc smsc = TestSmsc.start(); RawPeer peer = RawPeer.connect(smsc.port())) {
            // bind_transmitter whose system_id has no NUL terminator before the frame ends
            byte[] body = "abcdefghij".getBytes(StandardCharsets.US_ASCII);
            byte[] frame = java.nio.ByteBuffer.allocate(16 + body.length).putInt(16 + body.length).putInt(0x00000002)
                    .putInt(0).putInt(9).put(body).array();
            peer.write(frame);
            Pdu nack = peer.read();
            assertThat(nack).isInstanceOf(GenericNack.class);
            assertThat(nack.commandStatus().isOk()).isFalse();
            assertThat(nack.sequenceNumber()).isEqualTo(9);
        }
    }

    @Test
    void lyingCommandLengthClosesOnlyThatConnection() throws Exception {
        SessionConfig cfg = quiet().toBuilder().maxPduSize(4096).build();
        try (TestSmsc smsc = TestSmsc.start(cfg, 0)) {
            SmppSession good = get(connector.connect("127.0.0.1", smsc.port(), quiet(), new NoopHandler()));
            get(good.bind(bind(BindType.TRANSMITTER, "a", "b")));
            try (RawPeer peer = RawPeer.connect(smsc.port())) {
                peer.write(java.nio.ByteBuffer.allocate(16).putInt(1_000_000).putInt(4).putInt(0).putInt(3).array());
                Pdu nack = peer.read();
                assertThat(nack.commandStatus()).isEqualTo(CommandStatus.ESME_RINVCMDLEN);
                assertThat(peer.closedByPeer()).isTrue();
            }
            try (RawPeer peer = RawPeer.connect(smsc.port())) {
                peer.write(java.nio.ByteBuffer.allocate(8).putInt(7).putInt(4).array());
                assertThat(peer.read().commandStatus()).isEqualTo(CommandStatus.ESME_RINVCMDLEN);
                assertThat(peer.closedByPeer()).isTrue();
            }
            assertThat(get(good.send(submit("still fine"))).commandStatus().isOk()).isTrue();
        }
    }

    @Test
    void requestInTheWrongStateGetsInvalidBindStatus() throws Exception {
        try (TestSmsc smsc = TestSmsc.start(); RawPeer peer = RawPeer.connect(smsc.port())) {
            peer.write(submit("too early").withSequenceNumber(3));
            Pdu resp = peer.read();
            assertThat(resp).isInstanceOf(SubmitSmResp.class);
            assertThat(resp.commandStatus()).isEqualTo(CommandStatus.ESME_RINVBNDSTS);
            peer.write(bind(BindType.RECEIVER, "a", "b").withSequenceNumber(4));
            assertThat(peer.read().commandStatus().isOk()).isTrue();
            peer.write(bind(BindType.RECEIVER, "a", "b").withSequenceNumber(5));
            assertThat(peer.read().commandStatus()).isEqualTo(CommandStatus.ESME_RALYBND);
            peer.write(submit("receiver may not submit").withSequenceNumber(6));
            assertThat(peer.read().commandStatus()).isEqualTo(CommandStatus.ESME_RINVBNDSTS);
        }
    }

    @Test
    void responseOfTheWrongTypeFailsTheRequest() throws Exception {
        try (RawPeer peer = RawPeer.listen()) {
            CompletableFuture<SmppSession> c = connector.connect("127.0.0.1", peer.port(), quiet(), new NoopHandler());
            peer.accept();
            SmppSession s = get(c);
            CompletableFuture<BindResp> bound = s.bind(bind(BindType.TRANSMITTER, "a", "b"));
            peer.write(((Bind) peer.read()).createResponse(CommandStatus.ESME_ROK));
            get(bound);
            CompletableFuture<PduResponse> f = s.send(submit("x"));
            Pdu req = peer.read();
            peer.write(new EnquireLinkResp(CommandStatus.ESME_ROK, req.sequenceNumber()));
            assertThatThrownBy(() -> get(f)).hasCauseInstanceOf(UnexpectedResponseException.class);
            // generic_nack is a valid answer to anything
            CompletableFuture<PduResponse> g = s.send(submit("y"));
            peer.write(new GenericNack(CommandStatus.ESME_RSYSERR, peer.read().sequenceNumber()));
            assertThat(get(g)).isInstanceOf(GenericNack.class);
            assertThat(get(g).commandStatus()).isEqualTo(CommandStatus.ESME_RSYSERR);
        }
    }

    @Test
    void inboundRequestIsAnsweredOnlyWhenTheHandlerCompletesAndWithAnErrorWhenItFails() throws Exception {
        try (TestSmsc smsc = TestSmsc.start()) {
            CompletableFuture<PduResponse> gate = new CompletableFuture<>();
            AtomicInteger calls = new AtomicInteger();
            SessionHandler h = new NoopHandler() {
                @Override
                public CompletionStage<PduResponse> onRequest(SmppSession session, PduRequest request) {
                    return calls.incrementAndGet() == 1 ? gate
                            : CompletableFuture.failedFuture(new IllegalStateException("listener broke"));
                }
            };
            SmppSession s = get(connector.connect("127.0.0.1", smsc.port(), quiet(), h));
            get(s.bind(bind(BindType.RECEIVER, "a", "b")));
            DeliverSm mo = mo();
            CompletableFuture<PduResponse> first = smsc.deliver(mo);
            Thread.onSpinWait();
            assertThat(first).isNotDone();
            gate.complete(mo.createResponse(CommandStatus.ESME_ROK));
            assertThat(get(first).commandStatus().isOk()).isTrue();
            PduResponse second = get(smsc.deliver(mo));
            assertThat(second.commandStatus()).isEqualTo(CommandStatus.ESME_RX_T_APPN);
        }
    }

    @Test
    void aStageCompleteAlreadyIsAnsweredAtOnceRenumberedAndANullAnswerIsAnError() throws Exception {
        try (TestSmsc smsc = TestSmsc.start()) {
            AtomicInteger calls = new AtomicInteger();
            SessionHandler h = new NoopHandler() {
                @Override
                public CompletionStage<PduResponse> onRequest(SmppSession session, PduRequest request) {
                    // The first answer carries another sequence number: the session puts the request's on it.
                    return CompletableFuture.completedFuture(calls.incrementAndGet() == 1
                            ? request.createResponse(CommandStatus.ESME_ROK).withSequenceNumber(999_999) : null);
                }
            };
            SmppSession s = get(connector.connect("127.0.0.1", smsc.port(), quiet(), h));
            get(s.bind(bind(BindType.RECEIVER, "a", "b")));
            DeliverSm mo = mo();
            assertThat(get(smsc.deliver(mo)).commandStatus()).isEqualTo(CommandStatus.ESME_ROK);
            assertThat(get(smsc.deliver(mo)).commandStatus()).as("no response is the handler's failure")
                    .isEqualTo(CommandStatus.ESME_RX_T_APPN);
        }
    }

    @Test
    void requestsReadInOneBurstShareOneReadTimeAndALaterBurstHasALaterOne() throws Exception {
        List<Long> times = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<SmppSession> sessions = new java.util.concurrent.CopyOnWriteArrayList<>();
        SessionHandler h = new NoopHandler() {
            @Override
            public CompletionStage<PduResponse> onRequest(SmppSession session, PduRequest request) {
                if (request instanceof SubmitSm) {
                    times.add(session.readTimeNanos());
                }
                sessions.add(session);
                return CompletableFuture.completedFuture(request.createResponse(CommandStatus.ESME_ROK));
            }
        };
        SmppServer server = SmppServer.start("127.0.0.1", 0, 1, quiet(), session -> h);
        try (RawPeer peer = RawPeer.connect(server.port())) {
            peer.write(bind(BindType.TRANSCEIVER, "a", "b").withSequenceNumber(1));
            assertThat(peer.read().commandStatus()).isEqualTo(CommandStatus.ESME_ROK);
            java.io.ByteArrayOutputStream three = new java.io.ByteArrayOutputStream();
            for (int seq = 2; seq <= 4; seq++) {
                three.write(io.ujumbe.pdu.PduCodec.DEFAULT.encode(submit("burst " + seq).withSequenceNumber(seq)));
            }
            long before = System.nanoTime();
            peer.write(three.toByteArray());
            for (int i = 0; i < 3; i++) {
                assertThat(peer.read()).isInstanceOf(SubmitSmResp.class);
            }
            assertThat(times).hasSize(3);
            assertThat(times.get(0)).isGreaterThanOrEqualTo(before);
            assertThat(times).as("one clock read for the burst").containsOnly(times.get(0));
            peer.write(submit("later").withSequenceNumber(5));
            assertThat(peer.read()).isInstanceOf(SubmitSmResp.class);
            assertThat(times).hasSize(4);
            assertThat(times.get(3)).as("read again for the next burst").isGreaterThan(times.get(0));
            long fresh = System.nanoTime();
            assertThat(sessions.get(0).readTimeNanos()).as("off the I/O thread: a fresh reading").isGreaterThanOrEqualTo(fresh);
        } finally {
            server.close();
        }
    }

    @Test
    void hooksThatThrowDoNotStopTraffic() throws Exception {
        try (TestSmsc smsc = TestSmsc.start()) {
            AtomicInteger seen = new AtomicInteger();
            SessionHandler h = new NoopHandler() {
                @Override
                public void beforeSend(SmppSession session, Pdu pdu) {
                    seen.incrementAndGet();
                    throw new IllegalStateException("bad hook");
                }

                @Override
                public void afterReceive(SmppSession session, Pdu pdu) {
                    seen.incrementAndGet();
                    throw new IllegalStateException("bad hook");
                }
            };
            SmppSession s = get(connector.connect("127.0.0.1", smsc.port(), quiet(), h));
            get(s.bind(bind(BindType.TRANSMITTER, "a", "b")));
            assertThat(get(s.send(submit("x"))).commandStatus().isOk()).isTrue();
            assertThat(seen.get()).isEqualTo(4);
        }
    }

    @Test
    void sequenceNumbersWrapWithoutBreakingTheSession() throws Exception {
        try (TestSmsc smsc = TestSmsc.start()) {
            SessionConfig cfg = quiet().toBuilder().sequencerFactory(() -> new InMemorySequencer(0x7FFFFFFE)).build();
            SmppSession s = get(connector.connect("127.0.0.1", smsc.port(), cfg, new NoopHandler()));
            get(s.bind(bind(BindType.TRANSMITTER, "a", "b")));
            List<Integer> seqs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                PduResponse r = get(s.send(submit("w" + i)));
                assertThat(r.commandStatus().isOk()).isTrue();
                seqs.add(r.sequenceNumber());
            }
            assertThat(seqs).containsExactly(0x7FFFFFFF, 1, 2);
        }
    }

    @Test
    void smscClosesAConnectionThatNeverBinds() throws Exception {
        SessionConfig cfg = quiet().toBuilder().bindTimeout(Duration.ofMillis(200)).build();
        try (TestSmsc smsc = TestSmsc.start(cfg, 0); RawPeer peer = RawPeer.connect(smsc.port())) {
            assertThat(peer.closedByPeer()).isTrue();
        }
    }

    @Test
    void connectFailureIsReportedNotHung() {
        CompletableFuture<SmppSession> f = connector.connect("127.0.0.1", 1, quiet(), new NoopHandler());
        assertThatThrownBy(() -> get(f)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(SessionClosedException.class);
    }

    @Test
    void configRejectsBadValuesNamingTheSetting() {
        assertThatThrownBy(() -> SessionConfig.builder().windowSize(0).build()).hasMessageContaining("windowSize");
        assertThatThrownBy(() -> SessionConfig.builder().responseTimeout(Duration.ZERO).build())
                .hasMessageContaining("responseTimeout");
        assertThatThrownBy(() -> SessionConfig.builder().maxPduSize(10).build()).hasMessageContaining("maxPduSize");
        assertThatThrownBy(() -> SessionConfig.builder().handlerErrorStatus(CommandStatus.ESME_ROK).build())
                .hasMessageContaining("handlerErrorStatus");
    }
}
