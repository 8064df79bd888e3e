package io.ujumbe.pdu;

/**
 * A submit_sm: the ESME sends one short message to one destination. Build one with
 * {@link #builder()}, which checks the specification's limits; {@link #toBuilder()} copies one.
 * The short message is copied in and out, so an instance never changes.
 */
public final class SubmitSm extends SingleDestinationRequest {

    /**
     * A submit_sm with these fields; copies the short message.
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
    public SubmitSm(int sequenceNumber, String serviceType, Address sourceAddress, Address destinationAddress,
                    EsmClass esmClass, int protocolId, int priorityFlag, String scheduleDeliveryTime,
                    String validityPeriod, RegisteredDelivery registeredDelivery, int replaceIfPresent,
                    DataCoding dataCoding, int smDefaultMsgId, byte[] shortMessage, Tlvs tlvs) {
        this(sequenceNumber, serviceType, sourceAddress, destinationAddress, esmClass, protocolId, priorityFlag,
                scheduleDeliveryTime, validityPeriod, registeredDelivery, replaceIfPresent, dataCoding, smDefaultMsgId,
                shortMessage, tlvs, true);
    }

    /** As the public constructor, but takes the short message as it is unless {@code copyShortMessage}. */
    SubmitSm(int sequenceNumber, String serviceType, Address sourceAddress, Address destinationAddress,
             EsmClass esmClass, int protocolId, int priorityFlag, String scheduleDeliveryTime,
             String validityPeriod, RegisteredDelivery registeredDelivery, int replaceIfPresent,
             DataCoding dataCoding, int smDefaultMsgId, byte[] shortMessage, Tlvs tlvs, boolean copyShortMessage) {
        super(CommandId.SUBMIT_SM, sequenceNumber, serviceType, sourceAddress, destinationAddress, esmClass,
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
        return CommandId.SUBMIT_SM;
    }

    @Override
    public SubmitSm withSequenceNumber(int sequenceNumber) {
        // The session calls this for every PDU it sends: share the immutable short message, skip the builder.
        SubmitSm copy = new SubmitSm(sequenceNumber, serviceType(), sourceAddress(), destinationAddress(), esmClass(),
                protocolId(), priorityFlag(), scheduleDeliveryTime(), validityPeriod(), registeredDelivery(),
                replaceIfPresent(), dataCoding(), smDefaultMsgId(), rawShortMessage(), tlvs(), false);
        copy.inheritChecks(this);
        return copy;
    }

    @Override
    public SubmitSmResp createResponse(CommandStatus status) {
        return new SubmitSmResp(status, sequenceNumber(), "");
    }

    /** Builds a {@link SubmitSm}; {@link #build()} checks the specification's limits. */
    public static final class Builder extends SingleDestinationBuilder<Builder, SubmitSm> {

        private Builder() {
        }

        @Override
        Builder self() {
            return this;
        }

        @Override
        SubmitSm unchecked() {
            return new SubmitSm(sequenceNumber, serviceType, sourceAddress, destinationAddress, esmClass, protocolId,
                    priorityFlag, scheduleDeliveryTime, validityPeriod, registeredDelivery, replaceIfPresent,
                    dataCoding, smDefaultMsgId, shortMessage, tlvs);
        }
    }
}
