package io.ujumbe.bench.load;

import com.cloudhopper.smpp.PduAsyncResponse;
import com.cloudhopper.smpp.SmppBindType;
import com.cloudhopper.smpp.SmppSession;
import com.cloudhopper.smpp.SmppSessionConfiguration;
import com.cloudhopper.smpp.impl.DefaultSmppClient;
import com.cloudhopper.smpp.impl.DefaultSmppSession;
import com.cloudhopper.smpp.impl.DefaultSmppSessionHandler;
import com.cloudhopper.smpp.pdu.PduRequest;
import com.cloudhopper.smpp.pdu.SubmitSm;
import com.cloudhopper.smpp.type.Address;
import io.ujumbe.process.LoadWindow;
import io.ujumbe.process.WarmUp;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * cloudhopper-smpp 5.0.9's client under the same load as {@code ujumbe bench}: one sending thread
 * keeps at most window × sessions submit_sm in flight, round-robin over the sessions, sent with the
 * asynchronous {@code sendRequestPdu} and answered in {@code fireExpectedPduResponseReceived}.
 *
 * <p>Configured fairly, not at its defaults: the window is the run's (the default is 1), requests
 * expire after 30 s (by default they never do: expiry needs both requestExpiryTimeout and
 * windowMonitorInterval), TCP_NODELAY is set on each connected channel (cloudhopper leaves Nagle on),
 * and one NIO worker thread per session, as ujumbe uses one event-loop thread.
 *
 * <p>Run: {@code java -cp benchmarks.jar io.ujumbe.bench.load.CloudhopperClientLoad --port 2775 --count 100000 --window 100 --json}
 */
public final class CloudhopperClientLoad {
    private static final long REQUEST_TIMEOUT_MS = 30_000;

    private CloudhopperClientLoad() {
    }

    public static void main(String[] args) throws Exception {
        LoadOptions o = LoadOptions.parse(args);
        ExecutorService workers = Executors.newCachedThreadPool();
        DefaultSmppClient client = new DefaultSmppClient(workers, o.sessions());
        List<SmppSession> sessions = new ArrayList<>();
        Handler handler = new Handler();
        try {
            for (int s = 0; s < o.sessions(); s++) {
                SmppSessionConfiguration c = new SmppSessionConfiguration(SmppBindType.TRANSCEIVER, o.systemId(), o.password());
                c.setName("bench-" + s);
                c.setHost(o.host());
                c.setPort(o.port());
                c.setConnectTimeout(10_000);
                c.setBindTimeout(10_000);
                c.setWindowSize(o.window());
                c.setWindowWaitTimeout(REQUEST_TIMEOUT_MS);
                c.setRequestExpiryTimeout(REQUEST_TIMEOUT_MS);
                c.setWindowMonitorInterval(5_000);
                c.setCountersEnabled(false);
                c.getLoggingOptions().setLogBytes(false);
                c.getLoggingOptions().setLogPdu(false);
                SmppSession session = client.bind(c, handler);
                ((DefaultSmppSession) session).getChannel().getConfig().setOption("tcpNoDelay", true);
                sessions.add(session);
            }
            byte[] text = o.shortMessage();
            long warmed = WarmUp.run(o.warmup(), o.warmupSeconds(), n -> run(o, sessions, handler, text, n));
            LoadRun r = run(o, sessions, handler, text, o.count());
            System.out.println(r.report("cloudhopper", o, warmed));
            for (SmppSession s : sessions) {
                s.unbind(5_000);
                s.destroy();
            }
            System.exit(r.failed() == 0 ? 0 : 1);
        } finally {
            client.destroy();
            workers.shutdownNow();
        }
    }

    private static LoadRun run(LoadOptions o, List<SmppSession> sessions, Handler handler, byte[] text, int n)
            throws Exception {
        LoadRun r = new LoadRun(n);
        // The same window as ujumbe bench's (see LoadWindow).
        LoadWindow permits = new LoadWindow(o.window() * o.sessions());
        handler.begin(r, permits);
        long interval = o.intervalNanos();
        r.start();
        for (int i = 0; i < n; i++) {
            r.pace(i, interval);
            permits.acquire();
            SubmitSm sm = new SubmitSm();
            sm.setSourceAddress(new Address((byte) 5, (byte) 0, "ujumbe"));
            sm.setDestAddress(new Address((byte) 1, (byte) 1, "254700000001"));
            sm.setShortMessage(text);
            sm.setReferenceObject(new Sent(i, System.nanoTime()));
            sessions.get(i % sessions.size()).sendRequestPdu(sm, REQUEST_TIMEOUT_MS, false);
        }
        r.awaitDone();
        return r;
    }

    /** What a request carries to its response: its index and when it was sent. */
    private record Sent(int index, long nanos) {
    }

    /** Completes each message from its response (or expiry) on cloudhopper's I/O thread. */
    private static final class Handler extends DefaultSmppSessionHandler {
        private volatile LoadRun run;
        private volatile LoadWindow permits;

        void begin(LoadRun r, LoadWindow p) {
            this.run = r;
            this.permits = p;
        }

        @Override
        public void fireExpectedPduResponseReceived(PduAsyncResponse response) {
            Sent sent = (Sent) response.getRequest().getReferenceObject();
            run.done(sent.index(), System.nanoTime() - sent.nanos(), response.getResponse().getCommandStatus() == 0);
            permits.release();
        }

        @Override
        public void firePduRequestExpired(@SuppressWarnings("rawtypes") PduRequest request) {
            Sent sent = (Sent) request.getReferenceObject();
            if (sent != null) {
                run.done(sent.index(), System.nanoTime() - sent.nanos(), false);
                permits.release();
            }
        }
    }
}
