package io.ujumbe.client;

import io.ujumbe.pdu.CommandStatus;
import io.ujumbe.pdu.Pdu;
import io.ujumbe.pdu.PduCodec;
import io.ujumbe.pdu.PduRequest;
import io.ujumbe.pdu.SubmitSm;
import io.ujumbe.pdu.SubmitSmResp;
import io.ujumbe.pdu.Unbind;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scripted misbehaving SMSC on a loopback socket: binds anyone, answers submit_sm, and resets
 * the connection (RST, unanswered) on every {@code resetEvery}-th submit of a connection, as SMSCs
 * that drop connections under load do. Counts every submit_sm it read, by message text.
 */
final class ResettingSmsc implements AutoCloseable {
    private final ServerSocket server;
    private final int resetEvery;
    final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
    final AtomicInteger submits = new AtomicInteger();
    final AtomicInteger resets = new AtomicInteger();
    final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger messageIds = new AtomicInteger();
    private volatile boolean closed;

    private ResettingSmsc(int resetEvery) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.resetEvery = resetEvery;
        Thread t = new Thread(this::acceptLoop, "resetting-smsc");
        t.setDaemon(true);
        t.start();
    }

    static ResettingSmsc start(int resetEvery) throws IOException {
        return new ResettingSmsc(resetEvery);
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = server.accept();
                connections.incrementAndGet();
                Thread t = new Thread(() -> serve(s), "resetting-smsc-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        int mine = 0;
        try (s) {
            s.setTcpNoDelay(true);
            DataInputStream in = new DataInputStream(s.getInputStream());
            OutputStream out = s.getOutputStream();
            while (true) {
                int len = in.readInt();
                byte[] frame = new byte[len];
                frame[0] = (byte) (len >>> 24);
                frame[1] = (byte) (len >>> 16);
                frame[2] = (byte) (len >>> 8);
                frame[3] = (byte) len;
                in.readFully(frame, 4, len - 4);
                Pdu pdu = PduCodec.DEFAULT.decode(frame);
                if (pdu instanceof SubmitSm) {
                    SubmitSm sm = (SubmitSm) pdu;
                    submits.incrementAndGet();
                    received.computeIfAbsent(new String(sm.shortMessage(), StandardCharsets.ISO_8859_1),
                            k -> new AtomicInteger()).incrementAndGet();
                    if (++mine % resetEvery == 0) {
                        resets.incrementAndGet();
                        s.setSoLinger(true, 0); // close with RST: what is unread is gone
                        return;
                    }
                    out.write(PduCodec.DEFAULT.encode(new SubmitSmResp(CommandStatus.ESME_ROK, sm.sequenceNumber(),
                            "id" + messageIds.incrementAndGet())));
                } else if (pdu instanceof Unbind) {
                    out.write(PduCodec.DEFAULT.encode(((Unbind) pdu).createResponse(CommandStatus.ESME_ROK)));
                    return;
                } else if (pdu instanceof PduRequest) {
                    out.write(PduCodec.DEFAULT.encode(((PduRequest) pdu).createResponse(CommandStatus.ESME_ROK)));
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
    }
}
