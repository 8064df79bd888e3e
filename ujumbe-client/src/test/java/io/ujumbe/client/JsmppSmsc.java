package io.ujumbe.client;

import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.PDUStringException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.ServerResponseDeliveryAdapter;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.session.connection.ServerConnection;
import org.jsmpp.session.connection.ServerConnectionFactory;
import org.jsmpp.session.connection.socket.ServerSocketConnection;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.MessageIDGenerator;
import org.jsmpp.util.MessageId;
import org.jsmpp.util.RandomMessageIDGenerator;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An SMSC written with jSMPP (a third-party SMPP library) for interoperability tests: it listens
 * on 127.0.0.1 on a free port, accepts binds with one system_id/password, answers every submit_sm
 * with a message id from jSMPP's own generator, and sends a text delivery receipt (jSMPP's
 * {@link DeliveryReceipt} format) for each submit_sm that asks for one. It records what it got and
 * every error it met, so a test can assert there were none. {@link #close()} stops every thread it
 * or jSMPP started.
 */
final class JsmppSmsc implements AutoCloseable {
    private final String systemId;
    private final String password;
    private final LoopbackConnectionFactory connections = new LoopbackConnectionFactory();
    private final SMPPServerSessionListener listener;
    private final Thread acceptor;
    // Receipts go out from their own thread: jSMPP's deliverShortMessage blocks until the
    // deliver_sm_resp, and blocking jSMPP's few PDU-processing threads on it starves the very
    // threads that would process that response.
    private final ExecutorService receiptSender = Executors.newSingleThreadExecutor(r -> new Thread(r, "jsmpp-smsc-receipts"));
    private final MessageIDGenerator ids = new RandomMessageIDGenerator();
    private final Map<String, SubmitSm> submitsById = new ConcurrentHashMap<>();
    private final List<String> idsInOrder = new CopyOnWriteArrayList<>();
    private final List<SMPPServerSession> sessions = new CopyOnWriteArrayList<>();
    private final List<BindRequest> binds = new CopyOnWriteArrayList<>();
    private final List<Throwable> errors = new CopyOnWriteArrayList<>();
    private final AtomicInteger receiptsSent = new AtomicInteger();
    private volatile boolean closed;

    private JsmppSmsc(String systemId, String password) throws IOException {
        this.systemId = systemId;
        this.password = password;
        this.listener = new SMPPServerSessionListener(0, connections);
        listener.setMessageReceiverListener(new Receiver());
        listener.setResponseDeliveryListener(new ResponseSent());
        this.acceptor = new Thread(this::acceptLoop, "jsmpp-smsc-acceptor");
    }

    /** Starts an SMSC that accepts binds from {@code systemId} with {@code password}. */
    static JsmppSmsc start(String systemId, String password) throws IOException {
        JsmppSmsc smsc = new JsmppSmsc(systemId, password);
        smsc.acceptor.start();
        return smsc;
    }

    int port() {
        return connections.socket.getLocalPort();
    }

    /** The message ids this SMSC gave, in the order it answered the submit_sm. */
    List<String> idsInOrder() {
        return List.copyOf(idsInOrder);
    }

    /** The submit_sm that was answered with this message id. */
    SubmitSm submitWithId(String messageId) {
        return submitsById.get(messageId);
    }

    int submitCount() {
        return idsInOrder.size();
    }

    /** How many submit_sm asked for a delivery receipt on success. */
    long receiptsRequested() {
        return submitsById.values().stream().filter(s -> wantsReceipt(s.getRegisteredDelivery())).count();
    }

    /** How many receipts were sent and answered with ESME_ROK. */
    int receiptsSent() {
        return receiptsSent.get();
    }

    /** Every bind request received, accepted or not. */
    List<BindRequest> binds() {
        return List.copyOf(binds);
    }

    /** Everything that went wrong inside the SMSC (failed receipts, failed binds …). */
    List<Throwable> errors() {
        return List.copyOf(errors);
    }

    private static boolean wantsReceipt(byte registeredDelivery) {
        // SMSC receipt bits: 1 = on success and failure, 3 = on success (SMPP 5.0). Test the bits,
        // not the whole octet: the other bits ask for other things.
        int bits = registeredDelivery & 0x03;
        return bits == 0x01 || bits == 0x03;
    }

    private void acceptLoop() {
        while (!closed) {
            SMPPServerSession session;
            try {
                session = listener.accept();
            } catch (IOException e) {
                if (!closed) {
                    errors.add(e);
                }
                return;
            }
            sessions.add(session);
            try {
                BindRequest bind = session.waitForBind(5_000);
                binds.add(bind);
                if (systemId.equals(bind.getSystemId()) && password.equals(bind.getPassword())) {
                    bind.accept("jsmpp-smsc");
                } else {
                    bind.reject(systemId.equals(bind.getSystemId())
                            ? SMPPConstant.STAT_ESME_RINVPASWD : SMPPConstant.STAT_ESME_RINVSYSID);
                }
            } catch (TimeoutException | IOException | PDUStringException | IllegalStateException e) {
                errors.add(e);
                session.close();
            }
        }
    }

    private void sendReceipt(SMPPServerSession session, String messageId, SubmitSm submit) {
        Date now = new Date();
        // The text field carries the start of the message only when it is plain GSM text, as
        // SMSCs do; binary and UCS-2 content is left out.
        String text = submit.getDataCoding() == 0 && (submit.getEsmClass() & 0x40) == 0
                ? new String(submit.getShortMessage(), StandardCharsets.ISO_8859_1) : "";
        DeliveryReceipt receipt = new DeliveryReceipt(messageId, 1, 1, now, now, DeliveryReceiptState.DELIVRD, "000", text);
        try {
            session.deliverShortMessage("",
                    TypeOfNumber.valueOf(submit.getDestAddrTon()), NumberingPlanIndicator.valueOf(submit.getDestAddrNpi()),
                    submit.getDestAddress(),
                    TypeOfNumber.valueOf(submit.getSourceAddrTon()), NumberingPlanIndicator.valueOf(submit.getSourceAddrNpi()),
                    submit.getSourceAddr(),
                    new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT),
                    (byte) 0, (byte) 0, new RegisteredDelivery(0), DataCodings.ZERO,
                    receipt.toString().getBytes(StandardCharsets.ISO_8859_1));
            receiptsSent.incrementAndGet();
        } catch (PDUException | ResponseTimeoutException | InvalidResponseException | NegativeResponseException
                 | IOException | RuntimeException e) {
            errors.add(e);
        }
    }

    /** Stops listening, closes every session and waits for the receipt thread to end. */
    @Override
    public void close() throws IOException {
        closed = true;
        listener.close();
        receiptSender.shutdown();
        try {
            acceptor.join(TimeUnit.SECONDS.toMillis(10));
            if (!receiptSender.awaitTermination(10, TimeUnit.SECONDS)) {
                receiptSender.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while stopping the jSMPP SMSC");
        } finally {
            for (SMPPServerSession s : sessions) {
                s.close();
            }
        }
    }

    private final class Receiver implements ServerMessageReceiverListener {
        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm submitSm, SMPPServerSession source) {
            MessageId id = ids.newMessageId();
            submitsById.put(id.getValue(), submitSm);
            idsInOrder.add(id.getValue());
            return new SubmitSmResult(id, new OptionalParameter[0]);
        }

        @Override
        public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source)
                throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw unsupported();
        }

        private ProcessRequestException unsupported() {
            return new ProcessRequestException("not supported by this test SMSC", SMPPConstant.STAT_ESME_RINVCMDID);
        }
    }

    private final class ResponseSent extends ServerResponseDeliveryAdapter {
        @Override
        public void onSubmitSmRespSent(SubmitSmResult result, SMPPServerSession session) {
            SubmitSm submit = submitsById.get(result.getMessageId());
            if (submit != null && wantsReceipt(submit.getRegisteredDelivery())) {
                receiptSender.execute(() -> sendReceipt(session, result.getMessageId(), submit));
            }
        }

        @Override
        public void onSubmitSmRespError(SubmitSmResult result, Exception cause, SMPPServerSession session) {
            errors.add(cause);
        }
    }

    /** jSMPP's own factory listens on every interface; the tests stay on the loopback address. */
    private static final class LoopbackConnectionFactory implements ServerConnectionFactory {
        private volatile ServerSocket socket;

        @Override
        public ServerConnection listen(int port) throws IOException {
            return listen(port, 0, 50);
        }

        @Override
        public ServerConnection listen(int port, int timeout) throws IOException {
            return listen(port, timeout, 50);
        }

        @Override
        public ServerConnection listen(int port, int timeout, int backlog) throws IOException {
            ServerSocket s = new ServerSocket(port, backlog, InetAddress.getByName("127.0.0.1"));
            s.setSoTimeout(timeout);
            socket = s;
            return new ServerSocketConnection(s);
        }
    }
}
