package io.ujumbe.pdu;

import java.util.Objects;

/**
 * An outbind: the SMSC connects to the ESME and asks it to bind as a receiver. It has no
 * response. toString() never shows the password.
 *
 * @param sequenceNumber the sequence number
 * @param systemId       the SMSC's system id (at most 15 characters)
 * @param password       the password (at most 8 characters)
 * @param tlvs           optional parameters (none are defined for outbind; kept if received)
 */
public record Outbind(int sequenceNumber, String systemId, String password, Tlvs tlvs) implements Pdu {

    /** @throws NullPointerException when a component is null */
    public Outbind {
        Objects.requireNonNull(systemId, "systemId");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(tlvs, "tlvs");
    }

    /** An outbind without optional parameters. */
    public Outbind(int sequenceNumber, String systemId, String password) {
        this(sequenceNumber, systemId, password, Tlvs.EMPTY);
    }

    @Override
    public CommandId commandId() {
        return CommandId.OUTBIND;
    }

    /** Always ESME_ROK: outbind is a request. */
    @Override
    public CommandStatus commandStatus() {
        return CommandStatus.ESME_ROK;
    }

    @Override
    public Outbind withSequenceNumber(int sequenceNumber) {
        return new Outbind(sequenceNumber, systemId, password, tlvs);
    }

    void validate() {
        Check.cString("outbind", "system_id", systemId, Check.SYSTEM_ID);
        Check.cString("outbind", "password", password, Check.PASSWORD);
    }

    /** One line with the password masked, e.g. {@code Outbind{seq=1, systemId=SMSC, password=***}}. */
    @Override
    public String toString() {
        StringBuilder sb = ToStrings.request("Outbind", sequenceNumber);
        sb.append(", systemId=").append(ToStrings.safe(systemId)).append(", password=***");
        return ToStrings.end(sb, tlvs);
    }
}
