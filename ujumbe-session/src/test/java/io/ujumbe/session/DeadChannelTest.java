package io.ujumbe.session;

import io.ujumbe.pdu.Address;
import io.ujumbe.pdu.Bind;
import io.ujumbe.pdu.BindType;
import io.ujumbe.pdu.CommandStatus;
import io.ujumbe.pdu.PduResponse;
import io.ujumbe.pdu.SubmitSm;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A connection reset by the peer: requests written before it fail as "sent, not answered"; the
 * session takes no more writes from the moment one fails on the dead channel (no window room, an
 * immediate "not sent" failure), instead of freeing a window slot per failed write while it still
 * reads bound.
 */
class DeadChannelTest {

    private static SubmitSm submit(String text) {
        return SubmitSm.builder().sourceAddress(Address.alphanumeric("ujumbe"))
                .destinationAddress(Address.international("254700000001"))
                .shortMessage(text.getBytes(StandardCharsets.ISO_8859_1)).build();
    }

    private static SessionClosedException closed(Throwable t) {
        Throwable e = t;
        while (e != null && !(e instanceof SessionClosedException)) {
            e = e.getCause();
        }
        assertThat(e).as("failure %s", t).isInstanceOf(SessionClosedException.class);
        return (SessionClosedException) e;
    }

    @Test
    void aResetConnectionStopsTakingWritesAtTheFirstFailedOne() throws Exception {
        SessionConfig config = SessionConfig.builder().enquireLinkInterval(Duration.ZERO)
                .responseTimeout(Duration.ofSeconds(30)).windowSize(1_000).build();
        try (SmppConnector connector = SmppConnector.create(1); RawPeer peer = RawPeer.listen()) {
            CompletableFuture<SmppSession> connecting = connector.connect("127.0.0.1", peer.port(), config, new NoopHandler());
            peer.accept();
            SmppSession session = connecting.get(10, TimeUnit.SECONDS);
            CompletableFuture<?> bound = session.bind(Bind.builder().type(BindType.TRANSMITTER).systemId("acme")
                    .password("pw").build());
            peer.write(((Bind) peer.read()).createResponse(CommandStatus.ESME_ROK));
            bound.get(10, TimeUnit.SECONDS);

            List<CompletableFuture<PduResponse>> written = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                written.add(session.send(submit("w" + i)));
                peer.read();
            }
            peer.reset();

            // Keep writing, as a dispatcher with a full outbox does, until the session refuses.
            List<String> roomWhenNotSent = new CopyOnWriteArrayList<>();
            List<CompletableFuture<PduResponse>> later = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (session.state().isOpen() && session.windowAvailable() > 0 && System.nanoTime() < deadline) {
                CompletableFuture<PduResponse> f = session.send(submit("late"));
                f.whenComplete((r, err) -> {
                    if (err != null && !closed(err).requestSent()) {
                        roomWhenNotSent.add(session.state() + "/" + session.windowAvailable());
                    }
                });
                later.add(f);
                Thread.sleep(1); // a steady stream of writes, not a wait for a condition
            }
            session.closeFuture().get(10, TimeUnit.SECONDS);

            for (CompletableFuture<PduResponse> f : written) {
                Throwable err = f.handle((r, e) -> e).get(10, TimeUnit.SECONDS);
                assertThat(closed(err).requestSent()).as("written before the reset: the peer may have it").isTrue();
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> later.stream().allMatch(CompletableFuture::isDone));
            assertThat(roomWhenNotSent).as("window room offered after a write failed on the dead channel")
                    .allMatch(s -> s.endsWith("/0"));
            Throwable refused = session.send(submit("after")).handle((r, e) -> e).get(10, TimeUnit.SECONDS);
            assertThat(closed(refused).requestSent()).isFalse();
            assertThat(session.windowAvailable()).isZero();
        }
    }
}
