package io.ujumbe.bench.load;

import com.cloudhopper.smpp.SmppServerHandler;
import com.cloudhopper.smpp.SmppServerSession;
import com.cloudhopper.smpp.SmppSessionConfiguration;
import com.cloudhopper.smpp.impl.DefaultSmppServer;
import com.cloudhopper.smpp.impl.DefaultSmppSession;
import com.cloudhopper.smpp.impl.DefaultSmppSessionHandler;
import com.cloudhopper.smpp.pdu.BaseBind;
import com.cloudhopper.smpp.pdu.BaseBindResp;
import com.cloudhopper.smpp.pdu.PduRequest;
import com.cloudhopper.smpp.pdu.PduResponse;
import com.cloudhopper.smpp.pdu.SubmitSmResp;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An SMSC on cloudhopper-smpp 5.0.9's server that accepts any bind and answers every submit_sm at
 * once with a fresh hex message id (no receipts), and every other request with its default
 * response. Sessions get TCP_NODELAY, a window of 10,000 and 30 s request expiry; each
 * connection is served by one NIO worker thread, as in ujumbe's simulator (one event loop).
 *
 * <p>Run: {@code java -cp benchmarks.jar io.ujumbe.bench.load.CloudhopperServer --port 2776};
 * prints {@code listening on port N} and serves until killed.
 */
public final class CloudhopperServer {
    private CloudhopperServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = 2776;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown flag " + args[i] + " (use --port N)");
            }
        }
        com.cloudhopper.smpp.SmppServerConfiguration c = new com.cloudhopper.smpp.SmppServerConfiguration();
        c.setPort(port);
        c.setName("bench-smsc");
        // cloudhopper starts one NIO worker thread per allowed connection; 64 is the harnesses' most sessions.
        c.setMaxConnectionSize(64);
        c.setNonBlockingSocketsEnabled(true);
        c.setDefaultWindowSize(10_000);
        c.setDefaultRequestExpiryTimeout(30_000);
        c.setDefaultWindowMonitorInterval(15_000);
        c.setDefaultSessionCountersEnabled(false);
        c.setJmxEnabled(false);
        DefaultSmppServer server = new DefaultSmppServer(c, new Handler(), Executors.newCachedThreadPool(), null);
        server.start();
        System.out.println("listening on port " + port);
        System.out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(server::destroy));
        new CountDownLatch(1).await();
    }

    /** Accepts every bind and gives each session the answering handler, with Nagle off. */
    private static final class Handler implements SmppServerHandler {
        private final AtomicLong ids = new AtomicLong(0x10000000L);

        @Override
        @SuppressWarnings("rawtypes") // cloudhopper's interface declares the raw BaseBind
        public void sessionBindRequested(Long sessionId, SmppSessionConfiguration config, BaseBind bindRequest) {
            config.setName("bench." + sessionId);
            config.getLoggingOptions().setLogBytes(false);
            config.getLoggingOptions().setLogPdu(false);
        }

        @Override
        public void sessionCreated(Long sessionId, SmppServerSession session, BaseBindResp preparedBindResponse) {
            ((DefaultSmppSession) session).getChannel().getConfig().setOption("tcpNoDelay", true);
            session.serverReady(new DefaultSmppSessionHandler() {
                @Override
                public PduResponse firePduRequestReceived(@SuppressWarnings("rawtypes") PduRequest request) {
                    PduResponse response = request.createResponse();
                    if (response instanceof SubmitSmResp resp) {
                        resp.setMessageId(Long.toHexString(ids.incrementAndGet()));
                    }
                    return response;
                }
            });
        }

        @Override
        public void sessionDestroyed(Long sessionId, SmppServerSession session) {
            session.destroy();
        }
    }
}
