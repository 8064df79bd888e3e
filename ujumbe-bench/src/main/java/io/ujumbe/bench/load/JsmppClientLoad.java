package io.ujumbe.bench.load;

import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.SMPPSession;
import io.ujumbe.process.WarmUp;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * jSMPP 3.0.1's client under the same load as {@code ujumbe bench}. jSMPP's submitShortMessage
 * blocks until its response, so a window of W per session is W sending threads per session, each
 * with one request in flight: the way jSMPP users get a window.
 *
 * <p>Configured fairly: sockets with TCP_NODELAY (through a connection factory; jSMPP's default
 * leaves Nagle on), a 30 s transaction timer (request expiry), a PDU processor pool of 3 threads
 * and a queue large enough that jSMPP never answers ESME_RTHROTTLED itself.
 *
 * <p>Run: {@code java -cp benchmarks.jar io.ujumbe.bench.load.JsmppClientLoad --port 2775 --count 20000 --window 100 --json}
 */
public final class JsmppClientLoad {
    private JsmppClientLoad() {
    }

    public static void main(String[] args) throws Exception {
        LoadOptions o = LoadOptions.parse(args);
        List<SMPPSession> sessions = new ArrayList<>();
        for (int s = 0; s < o.sessions(); s++) {
            SMPPSession session = new SMPPSession(new NoDelaySockets());
            session.setTransactionTimer(30_000);
            session.setPduProcessorDegree(3);
            session.setQueueCapacity(Math.max(100, 2 * o.window()));
            session.setEnquireLinkTimer(30_000);
            session.connectAndBind(o.host(), o.port(), new BindParameter(BindType.BIND_TRX, o.systemId(), o.password(),
                    "", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null), 10_000);
            sessions.add(session);
        }
        byte[] text = o.shortMessage();
        long warmed = WarmUp.run(o.warmup(), o.warmupSeconds(), n -> run(o, sessions, text, n));
        LoadRun r = run(o, sessions, text, o.count());
        System.out.println(r.report("jsmpp", o, warmed));
        for (SMPPSession s : sessions) {
            s.unbindAndClose();
        }
        System.exit(r.failed() == 0 ? 0 : 1);
    }

    private static LoadRun run(LoadOptions o, List<SMPPSession> sessions, byte[] text, int n) throws InterruptedException {
        LoadRun r = new LoadRun(n);
        AtomicInteger next = new AtomicInteger();
        long interval = o.intervalNanos();
        List<Thread> senders = new ArrayList<>();
        r.start();
        for (int s = 0; s < sessions.size(); s++) {
            SMPPSession session = sessions.get(s);
            for (int w = 0; w < o.window(); w++) {
                Thread t = new Thread(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < n) {
                        r.pace(i, interval);
                        long sent = System.nanoTime();
                        boolean ok;
                        try {
                            session.submitShortMessage("", TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN, "ujumbe",
                                    TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, "254700000001",
                                    new ESMClass(), (byte) 0, (byte) 1, null, null, new RegisteredDelivery(0), (byte) 0,
                                    DataCodings.ZERO, (byte) 0, text);
                            ok = true;
                        } catch (Exception e) {
                            ok = false;
                        }
                        r.done(i, System.nanoTime() - sent, ok);
                    }
                }, "jsmpp-sender-" + s + "-" + w);
                t.start();
                senders.add(t);
            }
        }
        r.awaitDone();
        for (Thread t : senders) {
            t.join();
        }
        return r;
    }
}
