package io.ujumbe.smsc;

import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.Session;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * jSMPP's receiving side in these tests: keeps every deliver_sm it accepts (receipts and MO), and
 * can refuse the first few with ESME_RX_T_APPN, the status an ESME uses to ask for a retry.
 */
final class JsmppRecordingListener implements MessageReceiverListener {
    final List<DeliverSm> accepted = new CopyOnWriteArrayList<>();
    final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger toRefuse;

    JsmppRecordingListener() {
        this(0);
    }

    JsmppRecordingListener(int refuseFirst) {
        this.toRefuse = new AtomicInteger(refuseFirst);
    }

    @Override
    public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
        if (toRefuse.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            refused.incrementAndGet();
            throw new ProcessRequestException("refused by the test", SMPPConstant.STAT_ESME_RX_T_APPN);
        }
        accepted.add(deliverSm);
    }

    @Override
    public void onAcceptAlertNotification(AlertNotification alertNotification) {
        // The simulator sends none; a test that needed them would record them here.
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
        throw new ProcessRequestException("data_sm not expected", SMPPConstant.STAT_ESME_RINVCMDID);
    }
}
