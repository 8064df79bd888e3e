package io.ujumbe.pdu;

/**
 * A deliver_sm: the SMSC delivers a mobile-originated message or a delivery receipt
 * ({@link EsmClass#isDeliveryReceipt()}) to the ESME. The body is the same as submit_sm's; in a
 * receipt, the short message holds the receipt text and TLVs may carry receipted_message_id and
 * message_state. Build one with {@link #builder()}, which checks the specification's limits;
 * {@link #toBuilder()} copies one. The short message is copied in and out, so an instance never changes.
 */
public final class DeliverSm extends SingleDestinationRequest {

    /**
     * A deliver_sm with these fields; copies the short message.
     *
     * @param sequenceNumber       the sequence number
     * @param serviceType          the SMS application service, usually "" (at most 5 characters)
     * @param sourceAddress        the sender (address at most 20 characters)
     * @param destinationAddress   the recipient (address at most 20 characters)
     * @param esmClass             messaging mode, message type, UDHI …
     * @param protocolId           the GSM TP-Protocol-Identifier
     * @param priorityFlag         the priority level, 0..3 in GSM
     * @param scheduleDeliveryTime when to deliver, "" for now or 16 characters (YYMMDDhhmmsstnnp)
     * @param validityPeriod       until when to try, "" for the SMSC default or 16 characters
     * @param registeredDelivery   which receipts and acknowledgements are wanted
     * @param replaceIfPresent     1 to replace a pending message with the same source, destination and service type
     * @param dataCoding           how the short message is encoded
     * @param smDefaultMsgId       the SMSC's canned message to send instead, 0 for none
     * @param shortMessage         the message octets, at most 254 (or empty, with message_payload)
     * @param tlvs                 optional parameters (SAR, message_payload, ports …)
     * @throws NullPointerException     when a component is null
     * @throws IllegalArgumentException when a one-octet field is out of 0..255
     */
    public DeliverSm(int sequenceNumber, String serviceType, Address sourceAddress, Address destinationAddress,
                     EsmClass esmClass, int protocolId, int priorityFlag, String scheduleDeliveryTime,
                     String validityPeriod, RegisteredDelivery registeredDelivery, int replaceIfPresent,
                     DataCoding dataCoding, int smDefaultMsgId, byte[] shortMessage, Tlvs tlvs) {
        this(sequenceNumber, serviceType, sourceAddress, destinationAddress, esmClass, protocolId, priorityFlag,
                scheduleDeliveryTime, validityPeriod, registeredDelivery, replaceIfPresent, dataCoding, smDefaultMsgId,
                shortMessage, tlvs, true);
    }

    /** As the public constructor, but takes the short message as it is unless {@code copyShortMessage}. */
    DeliverSm(int sequenceNumber, String serviceType, Address sourceAddress, Address destinationAddress,
              EsmClass esmClass, int protocolId, int priorityFlag, String scheduleDeliveryTime,
              String validityPeriod, RegisteredDelivery registeredDelivery, int replaceIfPresent,
              DataCoding dataCoding, int smDefaultMsgId, byte[] shortMessage, Tlvs tlvs, boolean copyShortMessage) {
        super(CommandId.DELIVER_SM, sequenceNumber, serviceType, sourceAddress, destinationAddress, esmClass,
                protocolId, priorityFlag, scheduleDeliveryTime, validityPeriod, registeredDelivery, replaceIfPresent,
                dataCoding, smDefaultMsgId, shortMessage, tlvs, copyShortMessage);
    }

    /** A builder with empty addresses, default classes and codings, and no message. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this PDU's values. */
    public Builder toBuilder() {
        return fill(new Builder());
    }

    @Override
    public CommandId commandId() {
        return CommandId.DELIVER_SM;
    }

    @Override
    public DeliverSm withSequenceNumber(int sequenceNumber) {
        // The session calls this for every PDU it sends: share the immutable short message, skip the builder.
        DeliverSm copy = new DeliverSm(sequenceNumber, serviceType(), sourceAddress(), destinationAddress(), esmClass(),
                protocolId(), priorityFlag(), scheduleDeliveryTime(), validityPeriod(), registeredDelivery(),
                replaceIfPresent(), dataCoding(), smDefaultMsgId(), rawShortMessage(), tlvs(), false);
        copy.inheritChecks(this);
        return copy;
    }

    @Override
    public DeliverSmResp createResponse(CommandStatus status) {
        return new DeliverSmResp(status, sequenceNumber(), "");
    }

    /** Builds a {@link DeliverSm}; {@link #build()} checks the specification's limits. */
    public static final class Builder extends SingleDestinationBuilder<Builder, DeliverSm> {

        private Builder() {
        }

        @Override
        Builder self() {
            return this;
        }

        @Override
        DeliverSm unchecked() {
            return new DeliverSm(sequenceNumber, serviceType, sourceAddress, destinationAddress, esmClass, protocolId,
                    priorityFlag, scheduleDeliveryTime, validityPeriod, registeredDelivery, replaceIfPresent,
                    dataCoding, smDefaultMsgId, shortMessage, tlvs);
        }
    }
}
