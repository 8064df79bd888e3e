package io.ujumbe.session;

import io.ujumbe.pdu.Address;
import io.ujumbe.pdu.Bind;
import io.ujumbe.pdu.CommandStatus;
import io.ujumbe.pdu.DataCoding;
import io.ujumbe.pdu.DeliverSm;
import io.ujumbe.pdu.EsmClass;
import io.ujumbe.pdu.MessageState;
import io.ujumbe.pdu.PduRequest;
import io.ujumbe.pdu.PduResponse;
import io.ujumbe.pdu.SubmitSm;
import io.ujumbe.pdu.SubmitSmResp;
import io.ujumbe.pdu.Tlv;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A small scriptable SMSC on the session layer for tests: accounts, submit_sm answers chosen per
 * message, delays, dropped responses, receipts, MO delivery, unbind and restarts. It records what
 * it received. (The full simulator lives in its own module.)
 */
public final class TestSmsc implements AutoCloseable {
    private final Map<String, String> accounts = new ConcurrentHashMap<>();
    private final Queue<SubmitSm> received = new ConcurrentLinkedQueue<>();
    private final Map<String, AtomicInteger> receivedBySession = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(0x1000);
    private final AtomicInteger binds = new AtomicInteger();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "test-smsc-timer");
        t.setDaemon(true);
        return t;
    });
    private final SessionConfig config;
    private volatile SmppServer server;
    private volatile int port;

    /** Decides the status of each submit_sm (default ESME_ROK). */
    public volatile Function<SubmitSm, CommandStatus> submitStatus = s -> CommandStatus.ESME_ROK;
    /** Delay before answering submit_sm. */
    public volatile Duration responseDelay = Duration.ZERO;
    /** When true, submit_sm is never answered. */
    public volatile boolean dropResponses;
    /** message_id in submit_sm_resp as hex (else decimal). */
    public volatile boolean hexIdsInResponse = true;
    /** message_id in receipts as hex (else decimal). */
    public volatile boolean hexIdsInReceipts = true;
    /** Send a receipt when registered_delivery asks for one. */
    public volatile boolean receipts = true;
    /** Delay before sending a receipt. */
    public volatile Duration receiptDelay = Duration.ofMillis(10);
    /** Send the receipt before the submit_sm_resp (the race real SMSCs produce). */
    public volatile boolean receiptBeforeResponse;
    /** Status answered to every bind, when set. */
    public volatile CommandStatus bindStatus;
    /** Close the connection right after answering a rejected bind. */
    public volatile boolean closeAfterBindReject = true;

    private TestSmsc(SessionConfig config) {
        this.config = config;
    }

    public static TestSmsc start() {
        return start(SessionConfig.builder().enquireLinkInterval(Duration.ZERO).build(), 0);
    }

    public static TestSmsc start(SessionConfig config, int port) {
        TestSmsc smsc = new TestSmsc(config);
        smsc.listen(port);
        return smsc;
    }

    private void listen(int p) {
        server = SmppServer.start("127.0.0.1", p, 1, config, session -> new Handler());
        port = server.port();
    }

    public TestSmsc account(String systemId, String password) {
        accounts.put(systemId, password);
        return this;
    }

    public int port() {
        return port;
    }

    public List<SubmitSm> received() {
        return List.copyOf(received);
    }

    /** How many submit_sm each SMSC-side session received, by session id. */
    public Map<String, Integer> receivedBySession() {
        Map<String, Integer> out = new java.util.TreeMap<>();
        receivedBySession.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    public int bindCount() {
        return binds.get();
    }

    public List<SmppSession> boundSessions() {
        return server.sessions().stream().filter(s -> s.state().isBound()).toList();
    }

    /** Sends a deliver_sm on a bound receiver or transceiver session. */
    public CompletableFuture<PduResponse> deliver(DeliverSm deliverSm) {
        for (SmppSession s : server.sessions()) {
            if (s.state().canReceive()) {
                return s.send(deliverSm);
            }
        }
        return CompletableFuture.failedFuture(new IllegalStateException("no receiver bound"));
    }

    /** Closes every connection abruptly (no unbind). */
    public void dropConnections() {
        for (SmppSession s : server.sessions()) {
            s.close("test SMSC drops the connection");
        }
    }

    /** Sends unbind on every bound session. */
    public void unbindAll() {
        for (SmppSession s : server.sessions()) {
            s.unbind();
        }
    }

    /** Stops listening and closes every connection; {@link #restart()} listens again on the same port. */
    public void stopServer() {
        server.close(Duration.ofSeconds(2));
    }

    public void restart() {
        listen(port);
    }

    @Override
    public void close() {
        server.close(Duration.ofSeconds(2));
        timer.shutdownNow();
    }

    private String newId() {
        return Long.toString(ids.incrementAndGet());
    }

    private static String format(String decimalId, boolean hex) {
        return hex ? Long.toHexString(Long.parseLong(decimalId)).toUpperCase() : decimalId;
    }

    private void sendReceipt(SmppSession submitter, SubmitSm submit, String id) {
        String receiptId = format(id, hexIdsInReceipts);
        String text = "id:" + receiptId + " sub:001 dlvrd:001 submit date:2611220400 done date:2611220401"
                + " stat:DELIVRD err:000 Text:" + new String(submit.shortMessage(), StandardCharsets.ISO_8859_1)
                .substring(0, Math.min(20, submit.shortMessage().length));
        DeliverSm receipt = DeliverSm.builder()
                .sourceAddress(submit.destinationAddress())
                .destinationAddress(submit.sourceAddress())
                .esmClass(EsmClass.of(EsmClass.TYPE_DELIVERY_RECEIPT))
                .dataCoding(DataCoding.SMSC_DEFAULT)
                .shortMessage(text.getBytes(StandardCharsets.ISO_8859_1))
                .tlv(Tlv.receiptedMessageId(receiptId))
                .tlv(Tlv.messageState(MessageState.DELIVERED))
                .build();
        SmppSession target = submitter.state().canReceive() ? submitter : null;
        if (target == null) {
            for (SmppSession s : server.sessions()) {
                if (s.state().canReceive() && s.systemId().equals(submitter.systemId())) {
                    target = s;
                    break;
                }
            }
        }
        if (target != null) {
            target.send(receipt);
        }
    }

    private final class Handler implements SessionHandler {
        @Override
        public CompletionStage<PduResponse> onRequest(SmppSession session, PduRequest request) {
            if (request instanceof Bind) {
                Bind bind = (Bind) request;
                binds.incrementAndGet();
                CommandStatus status = bindStatus;
                if (status == null) {
                    String pw = accounts.get(bind.systemId());
                    status = accounts.isEmpty() || (pw != null && pw.equals(bind.password()))
                            ? CommandStatus.ESME_ROK
                            : pw == null ? CommandStatus.ESME_RINVSYSID : CommandStatus.ESME_RINVPASWD;
                }
                if (!status.isOk() && closeAfterBindReject) {
                    timer.schedule(() -> session.close("bind rejected"), 20, TimeUnit.MILLISECONDS);
                }
                return CompletableFuture.completedFuture(bind.createResponse(status));
            }
            if (request instanceof SubmitSm) {
                SubmitSm submit = (SubmitSm) request;
                received.add(submit);
                receivedBySession.computeIfAbsent(session.id(), k -> new AtomicInteger()).incrementAndGet();
                if (dropResponses) {
                    return new CompletableFuture<>();
                }
                CommandStatus status = submitStatus.apply(submit);
                String id = newId();
                PduResponse resp = status.isOk()
                        ? new SubmitSmResp(status, submit.sequenceNumber(), format(id, hexIdsInResponse))
                        : submit.createResponse(status);
                boolean receipt = status.isOk() && receipts && submit.registeredDelivery().requestsReceipt();
                CompletableFuture<PduResponse> answer = new CompletableFuture<>();
                Runnable respond = () -> answer.complete(resp);
                if (receipt && receiptBeforeResponse) {
                    sendReceipt(session, submit, id);
                    timer.schedule(respond, Math.max(50, responseDelay.toMillis()), TimeUnit.MILLISECONDS);
                } else {
                    if (responseDelay.isZero()) {
                        respond.run();
                    } else {
                        timer.schedule(respond, responseDelay.toMillis(), TimeUnit.MILLISECONDS);
                    }
                    if (receipt) {
                        timer.schedule(() -> sendReceipt(session, submit, id), receiptDelay.toMillis() + responseDelay.toMillis(),
                                TimeUnit.MILLISECONDS);
                    }
                }
                return answer;
            }
            return CompletableFuture.completedFuture(request.createResponse(CommandStatus.ESME_ROK));
        }
    }

    /** A convenience for tests: an address. */
    public static Address msisdn(String digits) {
        return Address.international(digits);
    }
}
