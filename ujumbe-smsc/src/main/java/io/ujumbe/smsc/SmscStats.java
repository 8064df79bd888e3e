package io.ujumbe.smsc;

import io.ujumbe.pdu.MessageState;

import java.util.Map;
import java.util.Objects;

/**
 * A snapshot of the simulator's counters, as served at {@code GET /stats}.
 *
 * @param sessions          connections open now
 * @param boundSessions     connections bound now
 * @param bindsAccepted     binds answered with ESME_ROK
 * @param bindsRejected     binds refused
 * @param submits           submissions accepted (each part counts)
 * @param submitRate        accepted submissions per second over the last 10 seconds
 * @param messagesByState   messages held, by state
 * @param receiptsSent      receipts (and intermediate notifications) the ESME acknowledged
 * @param receiptsPending   receipts waiting for a receiver to bind, or for a retry
 * @param moSent            MO parts the ESME acknowledged
 * @param faults            faults injected, by name: throttled, error, dropped, disconnected, unbind, latency
 */
public record SmscStats(int sessions, int boundSessions, long bindsAccepted, long bindsRejected, long submits,
                        double submitRate, Map<MessageState, Long> messagesByState, long receiptsSent,
                        long receiptsPending, long moSent, Map<String, Long> faults) {

    /** Copies the maps. */
    public SmscStats {
        messagesByState = Map.copyOf(Objects.requireNonNull(messagesByState, "messagesByState"));
        faults = Map.copyOf(Objects.requireNonNull(faults, "faults"));
    }

    /** The count of one fault, 0 when none was injected. */
    public long fault(String name) {
        return faults.getOrDefault(name, 0L);
    }

    /** The number of messages in one state. */
    public long messages(MessageState state) {
        return messagesByState.getOrDefault(state, 0L);
    }
}
