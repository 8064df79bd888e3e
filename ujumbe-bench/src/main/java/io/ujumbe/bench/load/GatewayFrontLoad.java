package io.ujumbe.bench.load;

import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A downstream ESME that knows nothing of ujumbe (jSMPP) driving the gateway's SMPP front door:
 * one transceiver bind, {@code --window} submit_sm in flight (one jSMPP sender thread each), every
 * one with registered_delivery 1; it counts the submit_sm_resp, then the deliver_sm receipts whose
 * receipted_message_id is one of the ids it was given, and prints one JSON line: messages/s
 * (first submit to last submit_sm_resp), receipts/s (first submit to last matching receipt), and
 * how many receipts matched.
 *
 * <p>Run (bench/front.sh does it): {@code java -cp benchmarks.jar
 * io.ujumbe.bench.load.GatewayFrontLoad --port 2776 --system-id bench --password bench --count 20000 --window 100}
 */
public final class GatewayFrontLoad {
    private GatewayFrontLoad() {
    }

    public static void main(String[] args) throws Exception {
        LoadOptions o = LoadOptions.parse(args);
        Set<String> ids = ConcurrentHashMap.newKeySet();
        Set<String> receipted = ConcurrentHashMap.newKeySet();
        AtomicLong lastReceiptAt = new AtomicLong();
        AtomicInteger foreign = new AtomicInteger();
        SMPPSession session = new SMPPSession(new NoDelaySockets());
        session.setTransactionTimer(30_000);
        session.setPduProcessorDegree(4);
        session.setQueueCapacity(Math.max(1000, 4 * o.window()));
        session.setEnquireLinkTimer(30_000);
        session.setMessageReceiverListener(new MessageReceiverListener() {
            @Override
            public void onAcceptDeliverSm(DeliverSm d) {
                OptionalParameter p = d.getOptionalParameter(OptionalParameter.Tag.RECEIPTED_MESSAGE_ID);
                if (p != null) {
                    receipted.add(((OptionalParameter.COctetString) p).getValueAsString());
                    lastReceiptAt.set(System.nanoTime());
                } else {
                    foreign.incrementAndGet();
                }
            }

            @Override
            public void onAcceptAlertNotification(AlertNotification a) {
            }

            @Override
            public DataSmResult onAcceptDataSm(DataSm d, Session s) throws ProcessRequestException {
                throw new ProcessRequestException("no data_sm", 3);
            }
        });
        session.connectAndBind(o.host(), o.port(), new BindParameter(BindType.BIND_TRX, o.systemId(), o.password(),
                "", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null), 10_000);
        byte[] text = o.shortMessage();
        int n = o.count();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicLong lastRespAt = new AtomicLong();
        List<Thread> senders = new ArrayList<>();
        long start = System.nanoTime();
        long interval = o.intervalNanos();
        for (int w = 0; w < o.window(); w++) {
            Thread t = new Thread(() -> {
                int i;
                while ((i = next.getAndIncrement()) < n) {
                    // --rate: message i leaves no earlier than i intervals after the start.
                    long due = start + i * interval;
                    long wait;
                    while (interval > 0 && (wait = due - System.nanoTime()) > 0) {
                        java.util.concurrent.locks.LockSupport.parkNanos(wait);
                    }
                    try {
                        String id = session.submitShortMessage("", TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN,
                                "ujumbe", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN,
                                "2547" + String.format("%08d", i), new ESMClass(), (byte) 0, (byte) 1, null, null,
                                new RegisteredDelivery(1), (byte) 0, DataCodings.ZERO, (byte) 0, text).getMessageId();
                        ids.add(id);
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                    lastRespAt.set(System.nanoTime());
                }
            }, "front-sender-" + w);
            t.start();
            senders.add(t);
        }
        for (Thread t : senders) {
            t.join();
        }
        // Receipts: wait while they keep coming (at most 30 s without a new one).
        long idleSince = System.nanoTime();
        int seen = -1;
        while (matched(ids, receipted) < ids.size() && System.nanoTime() - idleSince < 30_000_000_000L) {
            int now = receipted.size();
            if (now != seen) {
                seen = now;
                idleSince = System.nanoTime();
            }
            Thread.sleep(20);
        }
        int matched = matched(ids, receipted);
        ids.stream().filter(id -> !receipted.contains(id)).limit(3)
                .forEach(id -> System.err.println("no receipt for " + id));
        double submitSeconds = (lastRespAt.get() - start) / 1e9;
        double receiptSeconds = (lastReceiptAt.get() - start) / 1e9;
        System.out.println(String.format(Locale.ROOT, "{\"client\":\"jsmpp\",\"door\":\"gateway-smpp-front\",\"messages\":%d,"
                        + "\"window\":%d,\"rate\":%.0f,\"accepted\":%d,\"failed\":%d,\"receiptsMatched\":%d,\"receiptsForeign\":%d,"
                        + "\"submitSeconds\":%.3f,\"messagesPerSecond\":%.0f,\"receiptSeconds\":%.3f,\"receiptsPerSecond\":%.0f}",
                n, o.window(), o.rate(), ids.size(), failed.get(), matched, foreign.get(), submitSeconds, ids.size() / submitSeconds,
                receiptSeconds, matched / receiptSeconds));
        session.unbindAndClose();
        System.exit(failed.get() == 0 && matched == n ? 0 : 1);
    }

    private static int matched(Set<String> ids, Set<String> receipted) {
        int m = 0;
        for (String id : receipted) {
            if (ids.contains(id)) {
                m++;
            }
        }
        return m;
    }
}
