package io.ujumbe.cli;

import io.ujumbe.pdu.MessageState;
import io.ujumbe.session.SessionConfig;
import io.ujumbe.session.TlsConfig;
import io.ujumbe.smsc.FaultConfig;
import io.ujumbe.smsc.ReceiptRule;
import io.ujumbe.smsc.ReceivedSubmit;
import io.ujumbe.smsc.SmscAccount;
import io.ujumbe.smsc.SmscConfig;
import io.ujumbe.smsc.SmscSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ujumbe send} as a separate JVM against the simulator embedded in the test: the rate it
 * keeps and shows, giving up, signals, input checked before binding, bind answers it cannot read,
 * TLS, its default window and its exit status on failed receipts.
 */
class SendCommandProcessTest {
    private static final Duration RUN = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private static SmscConfig.Builder smsc() {
        return SmscConfig.builder().port(0).receiptDelay(Duration.ofMillis(50))
                .account(SmscAccount.allowingAll("acme", "secret"))
                .session(SessionConfig.builder().enquireLinkInterval(Duration.ZERO).build());
    }

    private CliProcess send(int port, String... more) {
        List<String> args = new ArrayList<>(List.of("send", "--port", Integer.toString(port), "--system-id", "acme",
                "--password", "secret"));
        args.addAll(List.of(more));
        return CliProcess.start(dir, args.toArray(String[]::new));
    }

    @Test
    void a105At35PerSecondAgainstAnSmscAllowing35FinishesInAboutThreeSecondsUnthrottled() throws Exception {
        try (SmscSimulator smsc = SmscSimulator.start(smsc().faults(FaultConfig.builder().maxRatePerSession(35).build()).build());
             CliProcess p = send(smsc.port(), "--to", "254700000001", "--text", "rate", "--count", "105", "--rate", "35")) {
            assertThat(p.waitFor(RUN)).as(p.stderr()).isZero();
            assertThat(p.stdout()).contains("summary: sent 105, accepted 105, failed 0");
            assertThat(smsc.stats().fault("throttled")).as("ESME_RTHROTTLED answers").isZero();
            assertThat(p.stdout()).doesNotContain("attempts=2");
            Matcher elapsed = Pattern.compile("elapsed (\\d+\\.\\d) s").matcher(p.stdout());
            assertThat(elapsed.find()).isTrue();
            // 104 gaps of 1/35 s: 2.97 s (+ the bind). It was 361 s: a full bucket, then two 180 s pauses.
            assertThat(Double.parseDouble(elapsed.group(1))).isBetween(2.9, 15.0);
        }
    }

    @Test
    void theProgressLineShowsTheRateActuallySent() throws Exception {
        try (SmscSimulator smsc = SmscSimulator.start(smsc().build());
             CliProcess p = send(smsc.port(), "--to", "254700000001", "--text", "progress", "--count", "600",
                     "--rate", "200", "--progress")) {
            assertThat(p.waitFor(RUN)).as(p.stderr()).isZero();
            List<int[]> figures = new ArrayList<>();
            Matcher m = Pattern.compile("(\\d+)/600 done \\(\\d+%\\), (\\d+) msg/s").matcher(p.stdout());
            while (m.find()) {
                if (Integer.parseInt(m.group(1)) >= 20) { // the first quarter-second's figure is a few messages
                    figures.add(new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))});
                }
            }
            assertThat(figures).as("progress figures").isNotEmpty();
            // Before: a full bucket sent 400 in the first second and the line showed 289 msg/s. The
            // limiter may send its first permit at once and catch up 20 ms (4 permits) a late timer
            // lost, so after d messages the rate shown may exceed 200 by (1 + 4) / (d / 200) s: at
            // the first figures (d ≈ 50) that is 220 (208 was seen on CI), at the end 202.
            assertThat(figures).allSatisfy(f -> assertThat(f[1]).as("msg/s after %d done", f[0])
                    .isLessThanOrEqualTo((int) Math.ceil(200.0 * (f[0] + 5) / f[0]) + 1));
            // Receive times in another process jitter: when this JVM is starved of CPU (CI runs on 2
            // shared cores) submits queue in the socket and are stamped together, so a second here can
            // hold a few more than the client wrote in any second (228 seen at load 12). The bucket that
            // started full put ~400 here; the exact sliding-second rule is TokenBucketRateLimiterTest's.
            assertThat(RateFigures.mostInAnySecond(smsc.record().submits())).isLessThanOrEqualTo(250);
        }
    }

    @Test
    void givesUpWhenTheSmscGoesAwayFailingEveryUnsentMessage() throws Exception {
        SmscSimulator smsc = SmscSimulator.start(smsc().build());
        try (CliProcess p = send(smsc.port(), "--to", "254700000001", "--text", "give up", "--count", "300",
                "--rate", "20", "--give-up", "2s")) {
            p.awaitStdoutLine("accepted  msg-5 ", Duration.ofSeconds(30));
            smsc.close();
            assertThat(p.waitFor(RUN)).as(p.stderr()).isEqualTo(Main.FAILED);
            String out = p.stdout();
            long accepted = CliProcess.countLines(out, "accepted  msg-");
            long failed = CliProcess.countLines(out, "failed    msg-");
            assertThat(accepted + failed).as("a line for every message").isEqualTo(300);
            assertThat(out).contains("reason=gave up: no bind to the SMSC for 2s (--give-up)");
            assertThat(out).contains("summary: sent 300, accepted " + accepted + ", failed " + failed);
            assertThat(p.stderr()).contains("gave up: no bind to the SMSC for 2s");
        } finally {
            smsc.close();
        }
    }

    @Test
    void givesUpWhenNoBindComesAtAll() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0)) {
            port = closed.getLocalPort();
        }
        try (CliProcess p = send(port, "--to", "254700000001", "--text", "x", "--count", "3", "--give-up", "3")) {
            assertThat(p.waitFor(RUN)).isEqualTo(Main.FAILED);
            assertThat(CliProcess.countLines(p.stdout(), "failed    msg-")).isEqualTo(3);
            assertThat(p.stdout()).contains("summary: sent 3, accepted 0, failed 3");
            assertThat(p.stderr()).contains("could not bind to 127.0.0.1:" + port + " within 3s")
                    .contains("last error:");
        }
    }

    @Test
    void sigtermStopsFailsWhatIsUnsentPrintsTheSummaryAndExitsOne() throws Exception {
        try (SmscSimulator smsc = SmscSimulator.start(smsc().build());
             CliProcess p = send(smsc.port(), "--to", "254700000001", "--text", "signal", "--count", "100", "--rate", "10")) {
            p.awaitStdoutLine("accepted  msg-3 ", Duration.ofSeconds(30));
            p.terminate();
            assertThat(p.waitFor(RUN)).as(p.stderr()).isEqualTo(Main.FAILED);
            String out = p.stdout();
            long accepted = CliProcess.countLines(out, "accepted  msg-");
            long failed = CliProcess.countLines(out, "failed    msg-");
            assertThat(accepted).isBetween(3L, 99L);
            assertThat(accepted + failed).isEqualTo(100);
            assertThat(out).contains("reason=stopped by a signal (SIGTERM or SIGINT)");
            assertThat(out).containsPattern("summary: sent 100, accepted " + accepted + ", failed " + failed);
        }
    }

    @Test
    void badInputIsAUsageErrorNamingTheOptionBeforeAnyBind() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = listener.getLocalPort();
            assertUsage(port, "--to", List.of("--to", "", "--text", "x"));
            assertUsage(port, "--to must be a phone number", List.of("--to", "alice", "--text", "x"));
            assertUsage(port, "--text must not be empty", List.of("--to", "254700000001", "--text", ""));
            assertUsage(port, "--text cannot be sent with --coding gsm", List.of("--to", "254700000001", "--text",
                    "日本語", "--coding", "gsm"));
            assertUsage(port, "--rate", List.of("--to", "254700000001", "--text", "x", "--rate", "-1"));
            assertUsage(port, "--give-up must be a duration", List.of("--to", "254700000001", "--text", "x",
                    "--give-up", "soon"));
            listener.setSoTimeout(1);
            assertThat(acceptsAny(listener)).as("no connection was made").isFalse();
        }
    }

    @Test
    void anUndecodableBindAnswerIsReportedAsSuch() throws Exception {
        // Garbage that cannot even be framed, and a bind_transceiver_resp whose system_id never ends.
        byte[] garbage = "HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer unterminated = ByteBuffer.allocate(16 + 4);
        unterminated.putInt(20).putInt(0x80000009).putInt(0).putInt(1).put("smsc".getBytes(StandardCharsets.US_ASCII));
        for (byte[] answer : List.of(garbage, unterminated.array())) {
            try (RawSmsc raw = new RawSmsc(answer);
                 CliProcess p = send(raw.port(), "--to", "254700000001", "--text", "x")) {
                assertThat(p.waitFor(RUN)).isEqualTo(Main.FAILED);
                assertThat(p.stderr()).contains("the SMSC's bind_transceiver_resp could not be decoded: ")
                        .doesNotContain("is the SMSC running");
                assertThat(p.stdout()).contains("summary: sent 1, accepted 0, failed 1");
            }
        }
    }

    @Test
    void sendsOverTlsWithTheTrustedCertificate() throws Exception {
        Path cert = copyResource("test-cert.pem");
        Path key = copyResource("test-key.pem");
        try (SmscSimulator smsc = SmscSimulator.start(smsc().tls(0, TlsConfig.server(cert, key)).build());
             CliProcess p = send(smsc.tlsPort(), "--to", "254700000001", "--text", "over tls",
                     "--tls", "--trust-certificates", cert.toString())) {
            assertThat(p.waitFor(RUN)).as(p.stderr()).isZero();
            assertThat(p.stdout()).contains("accepted  msg-1 ");
            assertThat(smsc.record().submits()).extracting(ReceivedSubmit::text).containsExactly("over tls");
        }
    }

    @Test
    void theWindowDefaultsToTheLibrarysSoManyAreInFlightAtOnce() throws Exception {
        // Every answer takes 2 s: with the old default of 10 only 10 could be sent before the first answer.
        try (SmscSimulator smsc = SmscSimulator.start(smsc().faults(FaultConfig.builder()
                .latency(Duration.ofSeconds(2)).build()).build());
             CliProcess p = send(smsc.port(), "--to", "254700000001", "--text", "window", "--count", "40")) {
            assertThat(p.waitFor(RUN)).as(p.stderr()).isZero();
            List<Instant> received = smsc.record().submits().stream().map(ReceivedSubmit::receivedAt).sorted().toList();
            assertThat(received).hasSize(40);
            assertThat(Duration.between(received.get(0), received.get(39))).isLessThan(Duration.ofMillis(1900));
        }
    }

    @Test
    void aReceiptReportingFailureExitsOne() throws Exception {
        try (SmscSimulator smsc = SmscSimulator.start(smsc()
                .receiptRule(ReceiptRule.forPrefix("25479", MessageState.UNDELIVERABLE)).build());
             CliProcess p = send(smsc.port(), "--to", "254790000001", "--text", "to a dead number", "--receipt")) {
            assertThat(p.waitFor(RUN)).as(p.stderr()).isEqualTo(Main.FAILED);
            assertThat(p.stdout()).containsPattern("receipt   msg-1 .*stat=UNDELIV")
                    .contains("summary: sent 1, accepted 1, failed 0, receipts 1 (UNDELIV 1)");
        }
    }

    private void assertUsage(int port, String expected, List<String> args) throws Exception {
        try (CliProcess p = send(port, args.toArray(String[]::new))) {
            assertThat(p.waitFor(RUN)).as(String.join(" ", args) + ": " + p.stderr()).isEqualTo(Main.USAGE);
            assertThat(p.stderr()).contains(expected);
        }
    }

    private static boolean acceptsAny(ServerSocket listener) {
        try (Socket s = listener.accept()) {
            return s != null;
        } catch (java.io.IOException timeout) {
            return false;
        }
    }

    private Path copyResource(String name) throws Exception {
        Path out = dir.resolve(name);
        try (InputStream in = SendCommandProcessTest.class.getResourceAsStream("/" + name)) {
            Files.copy(Objects.requireNonNull(in, name), out);
        }
        return out;
    }

    /** A "SMSC" on a raw socket that answers whatever it is sent with fixed bytes. */
    private static final class RawSmsc implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final Thread thread;

        RawSmsc(byte[] answer) throws java.io.IOException {
            thread = new Thread(() -> {
                while (!server.isClosed()) {
                    try (Socket s = server.accept()) {
                        InputStream in = s.getInputStream();
                        if (in.read(new byte[1024]) > 0) {
                            OutputStream out = s.getOutputStream();
                            out.write(answer);
                            out.flush();
                        }
                        // Keep the connection until the client closes it.
                        while (in.read(new byte[1024]) >= 0) {
                            Thread.onSpinWait();
                        }
                    } catch (java.io.IOException e) {
                        // closed
                    }
                }
            }, "raw-smsc");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return server.getLocalPort();
        }

        @Override
        public void close() throws java.io.IOException {
            server.close();
        }
    }

    /** Counting helpers shared with nothing else. */
    static final class RateFigures {
        private RateFigures() {
        }

        static int mostInAnySecond(List<ReceivedSubmit> submits) {
            List<Instant> times = submits.stream().map(ReceivedSubmit::receivedAt).sorted().toList();
            int worst = 0;
            for (int i = 0, j = 0; i < times.size(); i++) {
                while (Duration.between(times.get(j), times.get(i)).compareTo(Duration.ofSeconds(1)) >= 0) {
                    j++;
                }
                worst = Math.max(worst, i - j + 1);
            }
            return worst;
        }
    }
}
