package io.ujumbe.session;

import io.ujumbe.pdu.Address;
import io.ujumbe.pdu.Bind;
import io.ujumbe.pdu.BindResp;
import io.ujumbe.pdu.BindType;
import io.ujumbe.pdu.CommandStatus;
import io.ujumbe.pdu.PduResponse;
import io.ujumbe.pdu.SubmitSm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Requests with the session's usual response timeout share one timer. These tests drive a raw
 * peer that answers some requests and not others, and check that each request still gets its own
 * outcome: answered ones complete and are never timed out, unanswered ones time out, and the window
 * is released exactly once for each.
 */
class ResponseTimeoutSweepTest {
    private static SmppConnector connector;

    @BeforeAll
    static void setUp() {
        connector = SmppConnector.create(1);
    }

    @AfterAll
    static void tearDown() {
        connector.close();
    }

    private static SubmitSm submit(String text) {
        return SubmitSm.builder().sourceAddress(Address.alphanumeric("ujumbe"))
                .destinationAddress(Address.international("254700000001"))
                .shortMessage(text.getBytes(StandardCharsets.ISO_8859_1)).build();
    }

    private static <T> T get(CompletableFuture<T> f) throws Exception {
        return f.get(10, TimeUnit.SECONDS);
    }

    /** A session bound to a raw peer that the test answers by hand. */
    private static SmppSession bound(RawPeer peer, SessionConfig cfg) throws Exception {
        CompletableFuture<SmppSession> c = connector.connect("127.0.0.1", peer.port(), cfg, new NoopHandler());
        peer.accept();
        SmppSession s = get(c);
        CompletableFuture<BindResp> bind = s.bind(Bind.builder().type(BindType.TRANSMITTER)
                .systemId("a").password("b").build());
        peer.write(((Bind) peer.read()).createResponse(CommandStatus.ESME_ROK));
        get(bind);
        return s;
    }

    private static SessionConfig config(int window, Duration timeout) {
        return SessionConfig.builder().enquireLinkInterval(Duration.ZERO).windowSize(window)
                .responseTimeout(timeout).build();
    }

    @Test
    void unansweredRequestsTimeOutAroundAnAnsweredOne() throws Exception {
        try (RawPeer peer = RawPeer.listen()) {
            SmppSession s = bound(peer, config(3, Duration.ofMillis(300)));
            CompletableFuture<PduResponse> first = s.send(submit("first"));
            CompletableFuture<PduResponse> middle = s.send(submit("middle"));
            CompletableFuture<PduResponse> last = s.send(submit("last"));
            SubmitSm a = (SubmitSm) peer.read();
            SubmitSm b = (SubmitSm) peer.read();
            SubmitSm c = (SubmitSm) peer.read();
            assertThat(new String(b.shortMessage(), StandardCharsets.ISO_8859_1)).isEqualTo("middle");
            peer.write(b.createResponse(CommandStatus.ESME_ROK));

            assertThat(get(middle).commandStatus()).isEqualTo(CommandStatus.ESME_ROK);
            assertThatThrownBy(() -> get(first)).hasCauseInstanceOf(ResponseTimeoutException.class)
                    .hasMessageContaining("seq=" + a.sequenceNumber());
            assertThatThrownBy(() -> get(last)).hasCauseInstanceOf(ResponseTimeoutException.class)
                    .hasMessageContaining("seq=" + c.sequenceNumber());
            // One release per request: not two for the answered one, none missing for the expired.
            assertThat(s.windowAvailable()).isEqualTo(3);
            assertThat(s.pendingRequests()).isZero();

            // A late answer to an expired request changes nothing.
            peer.write(a.createResponse(CommandStatus.ESME_ROK));
            CompletableFuture<PduResponse> after = s.send(submit("after"));
            SubmitSm d = (SubmitSm) peer.read();
            peer.write(d.createResponse(CommandStatus.ESME_ROK));
            assertThat(get(after).commandStatus()).isEqualTo(CommandStatus.ESME_ROK);
            assertThat(s.windowAvailable()).isEqualTo(3);
        }
    }

    @Test
    void aRequestSentAfterTheOthersWereAnsweredStillTimesOut() throws Exception {
        try (RawPeer peer = RawPeer.listen()) {
            SmppSession s = bound(peer, config(2, Duration.ofMillis(300)));
            CompletableFuture<PduResponse> answered = s.send(submit("answered"));
            SubmitSm a = (SubmitSm) peer.read();
            peer.write(a.createResponse(CommandStatus.ESME_ROK));
            assertThat(get(answered).commandStatus()).isEqualTo(CommandStatus.ESME_ROK);

            // Nothing is pending now, but the timer armed for the first request may still be
            // scheduled: it must hand over to this request's own deadline.
            CompletableFuture<PduResponse> lost = s.send(submit("lost"));
            assertThat(peer.read()).isInstanceOf(SubmitSm.class);
            assertThatThrownBy(() -> get(lost)).hasCauseInstanceOf(ResponseTimeoutException.class)
                    .hasMessageContaining("not answered within 300 ms");
            assertThat(s.windowAvailable()).isEqualTo(2);
            assertThat(answered).isCompletedWithValueMatching(r -> r.commandStatus().isOk());
        }
    }

    @Test
    void aShorterTimeoutOfItsOwnExpiresFirst() throws Exception {
        try (RawPeer peer = RawPeer.listen()) {
            SmppSession s = bound(peer, config(2, Duration.ofSeconds(30)));
            CompletableFuture<PduResponse> usual = s.send(submit("usual"));
            CompletableFuture<PduResponse> hurried = s.send(submit("hurried"), Duration.ofMillis(200));
            SubmitSm u = (SubmitSm) peer.read();
            assertThat(peer.read()).isInstanceOf(SubmitSm.class);

            assertThatThrownBy(() -> get(hurried)).hasCauseInstanceOf(ResponseTimeoutException.class)
                    .hasMessageContaining("not answered within 200 ms");
            assertThat(usual).isNotDone();
            peer.write(u.createResponse(CommandStatus.ESME_ROK));
            assertThat(get(usual).commandStatus()).isEqualTo(CommandStatus.ESME_ROK);
            assertThat(s.windowAvailable()).isEqualTo(2);
        }
    }

    @Test
    void closingFailsEveryPendingRequestWhateverItsTimeout() throws Exception {
        try (RawPeer peer = RawPeer.listen()) {
            SmppSession s = bound(peer, config(3, Duration.ofSeconds(30)));
            CompletableFuture<PduResponse> a = s.send(submit("a"));
            CompletableFuture<PduResponse> b = s.send(submit("b"), Duration.ofSeconds(20));
            CompletableFuture<PduResponse> c = s.send(submit("c"));
            for (int i = 0; i < 3; i++) {
                assertThat(peer.read()).isInstanceOf(SubmitSm.class);
            }
            get(s.close("test closes"));
            for (CompletableFuture<PduResponse> f : java.util.List.of(a, b, c)) {
                assertThatThrownBy(() -> get(f)).hasCauseInstanceOf(SessionClosedException.class)
                        .hasMessageContaining("test closes");
            }
            assertThat(s.pendingRequests()).isZero();
        }
    }
}
