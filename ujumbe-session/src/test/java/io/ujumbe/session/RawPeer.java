package io.ujumbe.session;

import io.ujumbe.pdu.Pdu;
import io.ujumbe.pdu.PduCodec;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * A peer on a plain blocking socket, driven step by step by a test: reads and writes raw frames,
 * so a test can misbehave (wrong lengths, unknown commands, silence) in ways a real session won't.
 */
public final class RawPeer implements AutoCloseable {
    private final ServerSocket server;
    private Socket socket;

    private RawPeer(ServerSocket server) {
        this.server = server;
    }

    /** Listens on a free loopback port; {@link #accept()} waits for the session to connect. */
    public static RawPeer listen() throws IOException {
        return new RawPeer(new ServerSocket(0, 10, InetAddress.getLoopbackAddress()));
    }

    /** Connects to a listening session server. */
    public static RawPeer connect(int port) throws IOException {
        RawPeer p = new RawPeer(null);
        p.socket = new Socket(InetAddress.getLoopbackAddress(), port);
        p.socket.setSoTimeout(10_000);
        return p;
    }

    public int port() {
        return server.getLocalPort();
    }

    public RawPeer accept() throws IOException {
        server.setSoTimeout(10_000);
        socket = server.accept();
        socket.setSoTimeout(10_000);
        return this;
    }

    public void write(byte[] bytes) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(bytes);
        out.flush();
    }

    public void write(Pdu pdu) throws IOException {
        write(PduCodec.DEFAULT.encode(pdu));
    }

    /** Reads one frame and decodes it. */
    public Pdu read() throws IOException {
        return PduCodec.DEFAULT.decode(readFrame());
    }

    public byte[] readFrame() throws IOException {
        DataInputStream in = new DataInputStream(socket.getInputStream());
        int len = in.readInt();
        byte[] frame = new byte[len];
        frame[0] = (byte) (len >>> 24);
        frame[1] = (byte) (len >>> 16);
        frame[2] = (byte) (len >>> 8);
        frame[3] = (byte) len;
        in.readFully(frame, 4, len - 4);
        return frame;
    }

    /** Drops the connection with a TCP reset (what was not read is discarded), as a crashed peer's kernel does. */
    public void reset() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    /** True when the other side closed the connection (EOF) within the socket timeout. */
    public boolean closedByPeer() throws IOException {
        try {
            return socket.getInputStream().read() == -1;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        if (socket != null) {
            socket.close();
        }
        if (server != null) {
            server.close();
        }
    }
}
