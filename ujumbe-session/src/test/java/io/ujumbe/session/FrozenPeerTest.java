package io.ujumbe.session;

import io.ujumbe.pdu.Address;
import io.ujumbe.pdu.Bind;
import io.ujumbe.pdu.BindType;
import io.ujumbe.pdu.CommandId;
import io.ujumbe.pdu.CommandStatus;
import io.ujumbe.pdu.Pdu;
import io.ujumbe.pdu.SubmitSm;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A frozen SMSC (SIGSTOP, a hung process) still takes writes into its socket buffer but answers
 * nothing. While the client keeps sending, the keepalive must still notice: enquire_link goes out
 * after the interval without reads, and its timeout closes the session.
 */
class FrozenPeerTest {

    @Test
    void aPeerThatTakesWritesButNeverAnswersIsDetectedWhileTrafficFlows() throws Exception {
        SessionConfig config = SessionConfig.builder().enquireLinkInterval(Duration.ofMillis(500))
                .enquireLinkTimeout(Duration.ofMillis(500)).responseTimeout(Duration.ofSeconds(60))
                .windowSize(10_000).build();
        List<CommandId> seen = new CopyOnWriteArrayList<>();
        try (SmppConnector connector = SmppConnector.create(1); RawPeer peer = RawPeer.listen()) {
            var connecting = connector.connect("127.0.0.1", peer.port(), config, new NoopHandler());
            peer.accept();
            SmppSession session = connecting.get(10, TimeUnit.SECONDS);
            var bound = session.bind(Bind.builder().type(BindType.TRANSMITTER).systemId("acme").password("pw").build());
            Pdu bind = peer.read();
            peer.write(((Bind) bind).createResponse(CommandStatus.ESME_ROK));
            bound.get(10, TimeUnit.SECONDS);

            // From now on the peer reads everything and answers nothing.
            Thread reader = new Thread(() -> {
                try {
                    while (true) {
                        seen.add(peer.read().commandId());
                    }
                } catch (Exception end) {
                    // connection closed
                }
            });
            reader.setDaemon(true);
            reader.start();

            long start = System.nanoTime();
            SubmitSm submit = SubmitSm.builder().sourceAddress(Address.alphanumeric("ujumbe"))
                    .destinationAddress(Address.international("254700000001"))
                    .shortMessage("ping".getBytes(StandardCharsets.ISO_8859_1)).build();
            while (session.state().isOpen() && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(15)) {
                session.send(submit);
                Thread.sleep(20); // the traffic the client keeps sending, not a wait for a condition
            }
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            session.closeFuture().get(10, TimeUnit.SECONDS);

            assertThat(seen).as("enquire_link sent although submits kept flowing").contains(CommandId.ENQUIRE_LINK);
            assertThat(session.state()).isEqualTo(BindState.CLOSED);
            assertThat(tookMs).as("closed by the keepalive, not after the 60 s response timeout").isLessThan(10_000);
        }
    }
}
