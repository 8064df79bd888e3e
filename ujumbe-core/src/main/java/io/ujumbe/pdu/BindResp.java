package io.ujumbe.pdu;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * The answer to a {@link Bind}: the result and the SMSC's system id, and usually the SMSC's SMPP
 * version in the sc_interface_version TLV.
 *
 * @param type           the kind of bind answered
 * @param commandStatus  the result
 * @param sequenceNumber the bind's sequence number
 * @param systemId       the SMSC's system id (at most 15 characters; "" in header-only error responses)
 * @param tlvs           optional parameters (sc_interface_version)
 */
public record BindResp(BindType type, CommandStatus commandStatus, int sequenceNumber, String systemId, Tlvs tlvs)
        implements PduResponse {

    /** @throws NullPointerException when a component is null */
    public BindResp {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(commandStatus, "commandStatus");
        Objects.requireNonNull(systemId, "systemId");
        Objects.requireNonNull(tlvs, "tlvs");
    }

    /** A bind response without optional parameters. */
    public BindResp(BindType type, CommandStatus commandStatus, int sequenceNumber, String systemId) {
        this(type, commandStatus, sequenceNumber, systemId, Tlvs.EMPTY);
    }

    /** The SMSC's SMPP version from the sc_interface_version TLV, when sent. */
    public OptionalInt scInterfaceVersion() {
        return tlvs.scInterfaceVersion();
    }

    @Override
    public CommandId commandId() {
        return type.responseId();
    }

    @Override
    public BindResp withSequenceNumber(int sequenceNumber) {
        return new BindResp(type, commandStatus, sequenceNumber, systemId, tlvs);
    }

    void validate() {
        Check.cString(type.responseId().smppName(), "system_id", systemId, Check.SYSTEM_ID);
    }

    /** One line, e.g. {@code BindResp{seq=1, status=ESME_ROK, type=TRANSCEIVER, systemId=SMSC}}. */
    @Override
    public String toString() {
        StringBuilder sb = ToStrings.response("BindResp", commandStatus, sequenceNumber);
        sb.append(", type=").append(type).append(", systemId=").append(ToStrings.safe(systemId));
        return ToStrings.end(sb, tlvs);
    }
}
