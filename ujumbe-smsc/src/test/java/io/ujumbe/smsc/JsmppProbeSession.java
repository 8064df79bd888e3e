package io.ujumbe.smsc;

import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.bean.Command;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.EnquireLinkCommandTask;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.UnbindCommandTask;

import java.io.IOException;

/**
 * A jSMPP client session that can send enquire_link and unbind on demand and hand back the
 * simulator's response. jSMPP itself sends enquire_link only from its idle timer and swallows a
 * failed unbind in a log line, so a test could not otherwise tell that the simulator answered them.
 */
final class JsmppProbeSession extends SMPPSession {

    /** Sends enquire_link now and returns the response (a timeout or nack throws). */
    Command enquireLinkNow() throws PDUException, ResponseTimeoutException, InvalidResponseException,
            NegativeResponseException, IOException {
        return executeSendCommand(new EnquireLinkCommandTask(pduSender()), getTransactionTimer());
    }

    /** Sends unbind and returns the unbind_resp; the session stays open until {@link #close()}. */
    Command unbindNow() throws PDUException, ResponseTimeoutException, InvalidResponseException,
            NegativeResponseException, IOException {
        return executeSendCommand(new UnbindCommandTask(pduSender()), getTransactionTimer());
    }
}
