package io.ujumbe.gateway.smpp;

import io.ujumbe.pdu.DeliverSm;
import io.ujumbe.pdu.Pdu;
import io.ujumbe.pdu.PduCodec;

import java.util.Base64;
import java.util.Objects;

/**
 * One deliver_sm waiting in a {@link DeliveryQueue}: a receipt or an inbound SMS for a downstream
 * user, kept as the encoded PDU so that it is relayed exactly as it was built.
 *
 * @param kind {@code receipt} or {@code mo}
 * @param messageId the gateway's id of the message it is about (the receipt's id, the MO's id)
 * @param queuedAt when it was first queued, epoch milliseconds (its time to live counts from here)
 * @param pdu the encoded deliver_sm
 */
public record QueuedDelivery(String kind, String messageId, long queuedAt, byte[] pdu) {
    /** Checks and copies. */
    public QueuedDelivery {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(messageId, "messageId");
        pdu = pdu.clone();
    }

    /**
     * A queued deliver_sm.
     *
     * @param kind {@code receipt} or {@code mo}
     * @param messageId the gateway's id
     * @param queuedAt when
     * @param deliverSm the PDU
     * @return the entry
     */
    public static QueuedDelivery of(String kind, String messageId, long queuedAt, DeliverSm deliverSm) {
        return new QueuedDelivery(kind, messageId, queuedAt, PduCodec.DEFAULT.encode(deliverSm));
    }

    @Override
    public byte[] pdu() {
        return pdu.clone();
    }

    /** @return the deliver_sm */
    public DeliverSm deliverSm() {
        Pdu p = PduCodec.DEFAULT.decode(pdu);
        if (!(p instanceof DeliverSm)) {
            throw new IllegalStateException("a queued delivery holds a " + p.commandId() + ", not a deliver_sm");
        }
        return (DeliverSm) p;
    }

    /** @return the one-line form stored in Redis: {@code kind|id|queuedAt|base64(pdu)} */
    public String encode() {
        return kind + "|" + messageId.replace("|", "") + "|" + queuedAt + "|" + Base64.getEncoder().encodeToString(pdu);
    }

    /**
     * Reads {@link #encode()}'s form.
     *
     * @param line the stored line
     * @return the entry
     * @throws IllegalArgumentException when it is not of that form
     */
    public static QueuedDelivery decode(String line) {
        String[] f = line.split("\\|", 4);
        if (f.length != 4) {
            throw new IllegalArgumentException("a queued delivery must be kind|id|queuedAt|pdu");
        }
        return new QueuedDelivery(f[0], f[1], Long.parseLong(f[2]), Base64.getDecoder().decode(f[3]));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QueuedDelivery q && q.kind.equals(kind) && q.messageId.equals(messageId)
                && q.queuedAt == queuedAt && java.util.Arrays.equals(q.pdu, pdu);
    }

    @Override
    public int hashCode() {
        return messageId.hashCode();
    }

    @Override
    public String toString() {
        return "QueuedDelivery{" + kind + ", " + messageId + "}";
    }
}
