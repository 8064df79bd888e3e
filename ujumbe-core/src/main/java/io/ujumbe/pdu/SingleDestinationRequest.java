package io.ujumbe.pdu;

import java.util.Objects;

/**
 * The body that submit_sm and deliver_sm share, field for field (SMPP 3.4 sections 4.4.1 and
 * 4.6.1): the message body with one destination address.
 */
abstract class SingleDestinationRequest extends MessageRequest {

    private final Address destinationAddress;

    SingleDestinationRequest(CommandId commandId, int sequenceNumber, String serviceType, Address sourceAddress,
                             Address destinationAddress, EsmClass esmClass, int protocolId, int priorityFlag,
                             String scheduleDeliveryTime, String validityPeriod, RegisteredDelivery registeredDelivery,
                             int replaceIfPresent, DataCoding dataCoding, int smDefaultMsgId, byte[] shortMessage,
                             Tlvs tlvs, boolean copyShortMessage) {
        super(commandId, sequenceNumber, serviceType, sourceAddress, esmClass, protocolId, priorityFlag,
                scheduleDeliveryTime, validityPeriod, registeredDelivery, replaceIfPresent, dataCoding, smDefaultMsgId,
                shortMessage, tlvs, copyShortMessage);
        this.destinationAddress = Objects.requireNonNull(destinationAddress, "destinationAddress");
    }

    /** The recipient (address at most 20 characters). */
    public final Address destinationAddress() {
        return destinationAddress;
    }

    @Override
    final void validateDestinations() {
        Check.address(commandId().smppName(), "destination_addr", destinationAddress, Check.ADDR_21);
    }

    /** Copies this level's fields into a builder, for {@code toBuilder()}; returns the builder. */
    final <B extends SingleDestinationBuilder<B, ?>> B fill(B b) {
        super.fill(b);
        b.destinationAddress = destinationAddress;
        return b;
    }

    @Override
    public final boolean equals(Object o) {
        return super.equals(o) && destinationAddress.equals(((SingleDestinationRequest) o).destinationAddress);
    }

    @Override
    public final int hashCode() {
        return 31 * super.hashCode() + destinationAddress.hashCode();
    }

    /** One line, e.g. {@code SubmitSm{seq=7, source=5:0:Ujumbe, dest=1:1:2547…, dc=0x00, esm=0x40, sm=12 octets [48 65 …]}}. */
    @Override
    public final String toString() {
        return MessageStrings.shortMessage(ToStrings.request(getClass().getSimpleName(), sequenceNumber()), this);
    }

    /** The builder setters of submit_sm and deliver_sm; {@code P} is the PDU it builds. */
    abstract static class SingleDestinationBuilder<B extends SingleDestinationBuilder<B, P>,
            P extends SingleDestinationRequest> extends MessageBuilder<B, P> {
        Address destinationAddress = Address.EMPTY;

        SingleDestinationBuilder() {
        }

        /** The recipient. */
        public B destinationAddress(Address destinationAddress) {
            this.destinationAddress = Objects.requireNonNull(destinationAddress, "destinationAddress");
            return self();
        }
    }
}
