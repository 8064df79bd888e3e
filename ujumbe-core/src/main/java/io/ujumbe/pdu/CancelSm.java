package io.ujumbe.pdu;

import java.util.Objects;

/**
 * A cancel_sm: the ESME asks the SMSC to cancel a pending message (by message id), or all pending
 * messages from a source to a destination (message id "", optionally by service type).
 *
 * @param sequenceNumber     the sequence number
 * @param serviceType        the service type to match, "" for any (at most 5 characters)
 * @param messageId          the message to cancel, or "" (at most 64 characters)
 * @param sourceAddress      the source address the message was submitted with (at most 20 characters)
 * @param destinationAddress the destination to match (at most 20 characters)
 * @param tlvs               optional parameters (none are defined for cancel_sm; kept if received)
 */
public record CancelSm(int sequenceNumber, String serviceType, String messageId, Address sourceAddress,
                       Address destinationAddress, Tlvs tlvs) implements PduRequest {

    /** @throws NullPointerException when a component is null */
    public CancelSm {
        Objects.requireNonNull(serviceType, "serviceType");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(sourceAddress, "sourceAddress");
        Objects.requireNonNull(destinationAddress, "destinationAddress");
        Objects.requireNonNull(tlvs, "tlvs");
    }

    /** A cancel_sm without optional parameters. */
    public CancelSm(int sequenceNumber, String serviceType, String messageId, Address sourceAddress,
                    Address destinationAddress) {
        this(sequenceNumber, serviceType, messageId, sourceAddress, destinationAddress, Tlvs.EMPTY);
    }

    @Override
    public CommandId commandId() {
        return CommandId.CANCEL_SM;
    }

    @Override
    public CancelSm withSequenceNumber(int sequenceNumber) {
        return new CancelSm(sequenceNumber, serviceType, messageId, sourceAddress, destinationAddress, tlvs);
    }

    @Override
    public CancelSmResp createResponse(CommandStatus status) {
        return new CancelSmResp(status, sequenceNumber);
    }

    void validate() {
        Check.cString("cancel_sm", "service_type", serviceType, Check.SERVICE_TYPE);
        Check.cString("cancel_sm", "message_id", messageId, Check.MESSAGE_ID);
        Check.address("cancel_sm", "source_addr", sourceAddress, Check.ADDR_21);
        Check.address("cancel_sm", "destination_addr", destinationAddress, Check.ADDR_21);
    }

    /** One line, e.g. {@code CancelSm{seq=7, messageId=0a1b, source=1:1:2547…, dest=0:0:12345}}. */
    @Override
    public String toString() {
        StringBuilder sb = ToStrings.request("CancelSm", sequenceNumber);
        if (!serviceType.isEmpty()) {
            sb.append(", serviceType=").append(ToStrings.safe(serviceType));
        }
        sb.append(", messageId=").append(ToStrings.safe(messageId)).append(", source=").append(sourceAddress)
                .append(", dest=").append(destinationAddress);
        return ToStrings.end(sb, tlvs);
    }
}
