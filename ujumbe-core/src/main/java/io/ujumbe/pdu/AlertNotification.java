package io.ujumbe.pdu;

import java.util.Objects;

/**
 * An alert_notification: the SMSC tells the ESME that a mobile it tried to reach (with set_dpf)
 * is available again. It has no response.
 *
 * @param sequenceNumber the sequence number
 * @param sourceAddress  the mobile that became available (address at most 64 characters)
 * @param esmeAddress    the ESME the alert is for (address at most 64 characters)
 * @param tlvs           optional parameters (ms_availability_status)
 */
public record AlertNotification(int sequenceNumber, Address sourceAddress, Address esmeAddress, Tlvs tlvs)
        implements Pdu {

    /** @throws NullPointerException when a component is null */
    public AlertNotification {
        Objects.requireNonNull(sourceAddress, "sourceAddress");
        Objects.requireNonNull(esmeAddress, "esmeAddress");
        Objects.requireNonNull(tlvs, "tlvs");
    }

    /** An alert_notification without optional parameters. */
    public AlertNotification(int sequenceNumber, Address sourceAddress, Address esmeAddress) {
        this(sequenceNumber, sourceAddress, esmeAddress, Tlvs.EMPTY);
    }

    @Override
    public CommandId commandId() {
        return CommandId.ALERT_NOTIFICATION;
    }

    /** Always ESME_ROK: alert_notification is a request. */
    @Override
    public CommandStatus commandStatus() {
        return CommandStatus.ESME_ROK;
    }

    @Override
    public AlertNotification withSequenceNumber(int sequenceNumber) {
        return new AlertNotification(sequenceNumber, sourceAddress, esmeAddress, tlvs);
    }

    void validate() {
        Check.address("alert_notification", "source_addr", sourceAddress, Check.ADDR_65);
        Check.address("alert_notification", "esme_addr", esmeAddress, Check.ADDR_65);
    }

    /** One line, e.g. {@code AlertNotification{seq=7, source=1:1:2547…, esme=0:0:12345}}. */
    @Override
    public String toString() {
        StringBuilder sb = ToStrings.request("AlertNotification", sequenceNumber);
        sb.append(", source=").append(sourceAddress).append(", esme=").append(esmeAddress);
        return ToStrings.end(sb, tlvs);
    }
}
