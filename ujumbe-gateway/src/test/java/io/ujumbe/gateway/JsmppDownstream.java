package io.ujumbe.gateway;

import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GeneralDataCoding;
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

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * A downstream ESME that knows nothing of ujumbe: jSMPP's {@link SMPPSession}, bound to the
 * gateway's SMPP front, keeping every deliver_sm it receives (receipts and MO).
 */
final class JsmppDownstream implements AutoCloseable, MessageReceiverListener {
    static final long TIMEOUT_MS = 15_000;

    final SMPPSession session = new SMPPSession();
    final List<DeliverSm> received = new CopyOnWriteArrayList<>();
    private final Set<String> receiptIds = ConcurrentHashMap.newKeySet();

    private JsmppDownstream() {
        session.setTransactionTimer(TIMEOUT_MS);
        session.setMessageReceiverListener(this);
    }

    /** Binds, or throws what jSMPP throws (an IOException wrapping the negative bind_resp). */
    static JsmppDownstream bind(int port, BindType type, String systemId, String password) throws Exception {
        JsmppDownstream d = new JsmppDownstream();
        try {
            d.session.connectAndBind("127.0.0.1", port, new BindParameter(type, systemId, password, "cp",
                    TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null), TIMEOUT_MS);
        } catch (Exception e) {
            d.close();
            throw e;
        }
        return d;
    }

    /** A text message from ACME to {@code to}; returns the id of the submit_sm_resp. */
    String submit(String to, String text, byte registeredDelivery) throws Exception {
        return session.submitShortMessage("", TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN, "ACME",
                TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, to, new ESMClass(), (byte) 0, (byte) 0,
                null, null, new RegisteredDelivery(registeredDelivery), (byte) 0,
                new GeneralDataCoding(Alphabet.ALPHA_DEFAULT), (byte) 0, text.getBytes(StandardCharsets.ISO_8859_1))
                .getMessageId();
    }

    /** One part of a long message: raw user data with the esm_class and optional parameters given. */
    String submitPart(String to, byte[] userData, ESMClass esm, OptionalParameter... tlvs) throws Exception {
        return session.submitShortMessage("", TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN, "ACME",
                TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, to, esm, (byte) 0, (byte) 0,
                null, null, new RegisteredDelivery((byte) 1), (byte) 0,
                new GeneralDataCoding(Alphabet.ALPHA_8_BIT), (byte) 0, userData, tlvs).getMessageId();
    }

    /** The ids the receipts received carry in their text ({@code id:}). */
    Set<String> receiptTextIds() {
        return received.stream().filter(DeliverSm::isSmscDeliveryReceipt).map(d -> {
            try {
                return d.getShortMessageAsDeliveryReceipt().getId();
            } catch (Exception e) {
                throw new AssertionError("jSMPP cannot read a receipt's text: "
                        + new String(d.getShortMessage(), StandardCharsets.ISO_8859_1), e);
            }
        }).collect(Collectors.toSet());
    }

    /** The ids the receipts received carry in receipted_message_id. */
    Set<String> receiptTlvIds() {
        return receiptIds;
    }

    static String receiptedMessageId(DeliverSm d) {
        OptionalParameter p = d.getOptionalParameter(OptionalParameter.Tag.RECEIPTED_MESSAGE_ID);
        return p == null ? null : ((OptionalParameter.COctetString) p).getValueAsString();
    }

    static int messageState(DeliverSm d) {
        OptionalParameter p = d.getOptionalParameter(OptionalParameter.Tag.MESSAGE_STATE);
        return p == null ? -1 : ((OptionalParameter.Byte) p).getValue();
    }

    @Override
    public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
        received.add(deliverSm);
        if (deliverSm.isSmscDeliveryReceipt()) {
            String id = receiptedMessageId(deliverSm);
            if (id != null) {
                receiptIds.add(id);
            }
        }
    }

    @Override
    public void onAcceptAlertNotification(AlertNotification alertNotification) {
        // The gateway sends none.
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
        throw new ProcessRequestException("data_sm not expected", 0x03);
    }

    @Override
    public void close() {
        try {
            if (session.getSessionState().isBound()) {
                session.unbindAndClose();
            } else {
                session.close();
            }
        } catch (RuntimeException e) {
            session.close();
        }
    }
}
