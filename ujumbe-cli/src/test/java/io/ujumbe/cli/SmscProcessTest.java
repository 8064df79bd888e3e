package io.ujumbe.cli;

import io.ujumbe.pdu.Bind;
import io.ujumbe.pdu.BindType;
import io.ujumbe.pdu.CommandStatus;
import io.ujumbe.pdu.Pdu;
import io.ujumbe.pdu.PduRequest;
import io.ujumbe.pdu.PduResponse;
import io.ujumbe.pdu.Unbind;
import io.ujumbe.session.BindState;
import io.ujumbe.session.SessionConfig;
import io.ujumbe.session.SessionHandler;
import io.ujumbe.session.SmppConnector;
import io.ujumbe.session.SmppSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code ujumbe smsc} as a process: SIGTERM unbinds the ESMEs before it exits; a busy port is named. */
class SmscProcessTest {

    @TempDir
    Path dir;

    @Test
    void sigtermUnbindsEveryBoundSessionBeforeExiting() throws Exception {
        try (CliProcess smsc = CliProcess.start(dir, "smsc", "--port", "0")) {
            int port = Integer.parseInt(smsc.awaitStdoutLine("listening on port", Duration.ofSeconds(30)));
            List<Pdu> received = new CopyOnWriteArrayList<>();
            SmppConnector connector = SmppConnector.create(1);
            try {
                SmppSession esme = connector.connect("127.0.0.1", port,
                        SessionConfig.builder().enquireLinkInterval(Duration.ZERO).build(), new SessionHandler() {
                            @Override
                            public CompletionStage<PduResponse> onRequest(SmppSession s, PduRequest request) {
                                return CompletableFuture.completedFuture(request.createResponse(CommandStatus.ESME_ROK));
                            }

                            @Override
                            public void afterReceive(SmppSession s, Pdu pdu) {
                                received.add(pdu);
                            }
                        }).get(10, TimeUnit.SECONDS);
                assertThat(esme.bind(Bind.builder().type(BindType.TRANSCEIVER).systemId("acme").password("x").build())
                        .get(10, TimeUnit.SECONDS).commandStatus()).isEqualTo(CommandStatus.ESME_ROK);

                smsc.terminate();
                assertThat(smsc.waitFor(Duration.ofSeconds(30))).as("exit status after SIGTERM").isZero();
                assertThat(received).as("PDUs the ESME received").hasAtLeastOneElementOfType(Unbind.class);
                await().atMost(Duration.ofSeconds(10)).until(() -> esme.state() == BindState.CLOSED);
            } finally {
                connector.close(Duration.ofSeconds(2));
            }
        }
    }

    @Test
    void aBusySmppPortIsNamedInPlainWords() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            try (CliProcess smsc = CliProcess.start(dir, "smsc", "--port", Integer.toString(port))) {
                assertThat(smsc.waitFor(Duration.ofSeconds(30))).isEqualTo(1);
                assertThat(smsc.stderr()).contains("ujumbe smsc: the SMPP port " + port
                                + " (--port, config key port) on 127.0.0.1 is already in use")
                        .doesNotContain("Exception").doesNotContain("java.");
            }
        }
    }
}
