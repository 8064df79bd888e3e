package io.ujumbe.smsc;

import io.ujumbe.pdu.Bind;
import io.ujumbe.pdu.BindType;
import io.ujumbe.pdu.PduCodec;
import io.ujumbe.session.SessionConfig;
import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bound peer that trickles an incomplete PDU (10 bytes every 0.2 s of a 128 KiB submit_sm) is
 * disconnected once the PDU-completion deadline passes, instead of holding its socket and buffer
 * for as long as it likes.
 */
class TricklingPeerTest {

    @Test
    void aPeerThatNeverCompletesItsPduIsClosedAfterTheDeadline() throws Exception {
        SmscConfig config = SmscTestSupport.smsc().session(SessionConfig.builder().enquireLinkInterval(Duration.ZERO)
                .pduCompletionTimeout(Duration.ofSeconds(1)).build()).build();
        try (SmscSimulator smsc = SmscSimulator.start(config);
             Socket socket = new Socket(InetAddress.getLoopbackAddress(), smsc.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(PduCodec.DEFAULT.encode(Bind.builder().type(BindType.TRANSMITTER)
                    .systemId(SmscTestSupport.SYSTEM_ID).password(SmscTestSupport.PASSWORD).build().withSequenceNumber(1)));
            out.flush();
            DataInputStream data = new DataInputStream(in);
            int len = data.readInt();
            data.skipNBytes(len - 4);

            // A submit_sm header claiming 128 KiB, then the body 10 bytes at a time.
            out.write(ByteBuffer.allocate(16).putInt(128 * 1024).putInt(0x00000004).putInt(0).putInt(2).array());
            out.flush();
            long start = System.nanoTime();
            boolean closed = false;
            socket.setSoTimeout(200);
            while (!closed && System.nanoTime() - start < Duration.ofSeconds(15).toNanos()) {
                try {
                    out.write(new byte[10]);
                    out.flush();
                } catch (java.io.IOException e) {
                    closed = true;
                    break;
                }
                try {
                    closed = in.read() == -1;
                } catch (SocketTimeoutException e) {
                    // still open: trickle on
                } catch (java.io.IOException e) {
                    closed = true;
                }
            }
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            assertThat(closed).as("connection closed by the simulator (after %d ms)", tookMs).isTrue();
            assertThat(tookMs).as("closed only after the deadline").isGreaterThanOrEqualTo(900);
        }
    }
}
