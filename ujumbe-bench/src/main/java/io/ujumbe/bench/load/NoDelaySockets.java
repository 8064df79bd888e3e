package io.ujumbe.bench.load;

import org.jsmpp.session.connection.Connection;
import org.jsmpp.session.connection.ConnectionFactory;
import org.jsmpp.session.connection.socket.SocketConnection;

import java.io.IOException;
import java.net.Socket;

/** jSMPP's socket connections with Nagle off, as ujumbe's and cloudhopper's clients have them. */
final class NoDelaySockets implements ConnectionFactory {
    @Override
    public Connection createConnection(String host, int port) throws IOException {
        Socket socket = new Socket(host, port);
        socket.setTcpNoDelay(true);
        return new SocketConnection(socket);
    }
}
