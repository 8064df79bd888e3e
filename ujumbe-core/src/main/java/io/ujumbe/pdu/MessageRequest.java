package io.ujumbe.pdu;

import java.util.Objects;

/**
 * What submit_sm, deliver_sm and submit_multi share: the whole SMPP 3.4 message body but the
 * destination(s), which each type holds and checks itself.
 */
abstract class MessageRequest extends ShortMessageRequest {

    private final String serviceType;
    private final EsmClass esmClass;
    private final int protocolId;
    private final int priorityFlag;
    private final int replaceIfPresent;
    private final DataCoding dataCoding;

    MessageRequest(CommandId commandId, int sequenceNumber, String serviceType, Address sourceAddress,
                   EsmClass esmClass, int protocolId, int priorityFlag, String scheduleDeliveryTime,
                   String validityPeriod, RegisteredDelivery registeredDelivery, int replaceIfPresent,
                   DataCoding dataCoding, int smDefaultMsgId, byte[] shortMessage, Tlvs tlvs,
                   boolean copyShortMessage) {
        super(commandId, sequenceNumber, sourceAddress, scheduleDeliveryTime, validityPeriod, registeredDelivery,
                smDefaultMsgId, shortMessage, tlvs, copyShortMessage);
        String command = commandId.smppName();
        this.serviceType = Objects.requireNonNull(serviceType, "serviceType");
        this.esmClass = Objects.requireNonNull(esmClass, "esmClass");
        this.protocolId = Check.uint8(command, "protocol_id", protocolId);
        this.priorityFlag = Check.uint8(command, "priority_flag", priorityFlag);
        this.replaceIfPresent = Check.uint8(command, "replace_if_present_flag", replaceIfPresent);
        this.dataCoding = Objects.requireNonNull(dataCoding, "dataCoding");
    }

    /** The SMS application service, usually "" (at most 5 characters). */
    public final String serviceType() {
        return serviceType;
    }

    /** Messaging mode, message type, UDHI … */
    public final EsmClass esmClass() {
        return esmClass;
    }

    /** The GSM TP-Protocol-Identifier. */
    public final int protocolId() {
        return protocolId;
    }

    /** The priority level, 0..3 in GSM. */
    public final int priorityFlag() {
        return priorityFlag;
    }

    /** 1 to replace a pending message with the same source, destination and service type. */
    public final int replaceIfPresent() {
        return replaceIfPresent;
    }

    /** How the short message is encoded. */
    public final DataCoding dataCoding() {
        return dataCoding;
    }

    @Override
    final void validate() {
        String command = commandId().smppName();
        Check.cString(command, "service_type", serviceType, Check.SERVICE_TYPE);
        Check.address(command, "source_addr", sourceAddress(), Check.ADDR_21);
        validateDestinations();
        validateTail();
    }

    /** Checks destination_addr, or the destination list. */
    abstract void validateDestinations();

    /** Copies this level's fields into a builder, for {@code toBuilder()}; returns the builder. */
    final <B extends MessageBuilder<B, ?>> B fill(B b) {
        super.fill(b);
        b.serviceType = serviceType;
        b.esmClass = esmClass;
        b.protocolId = protocolId;
        b.priorityFlag = priorityFlag;
        b.replaceIfPresent = replaceIfPresent;
        b.dataCoding = dataCoding;
        return b;
    }

    @Override
    public boolean equals(Object o) {
        if (!super.equals(o)) {
            return false;
        }
        MessageRequest p = (MessageRequest) o;
        return protocolId == p.protocolId && priorityFlag == p.priorityFlag && replaceIfPresent == p.replaceIfPresent
                && serviceType.equals(p.serviceType) && esmClass.equals(p.esmClass) && dataCoding.equals(p.dataCoding);
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode()
                + Objects.hash(serviceType, esmClass, protocolId, priorityFlag, replaceIfPresent, dataCoding);
    }

    /** The builder setters of the message body; {@code P} is the PDU it builds. */
    abstract static class MessageBuilder<B extends MessageBuilder<B, P>, P extends MessageRequest>
            extends ShortMessageBuilder<B> {
        String serviceType = "";
        EsmClass esmClass = EsmClass.DEFAULT;
        int protocolId;
        int priorityFlag;
        int replaceIfPresent;
        DataCoding dataCoding = DataCoding.SMSC_DEFAULT;

        MessageBuilder() {
        }

        /** The service type, at most 5 characters. */
        public B serviceType(String serviceType) {
            this.serviceType = Objects.requireNonNull(serviceType, "serviceType");
            return self();
        }

        /** The esm_class. */
        public B esmClass(EsmClass esmClass) {
            this.esmClass = Objects.requireNonNull(esmClass, "esmClass");
            return self();
        }

        /** The protocol id, 0..255. */
        public B protocolId(int protocolId) {
            this.protocolId = protocolId;
            return self();
        }

        /** The priority flag, 0..255. */
        public B priorityFlag(int priorityFlag) {
            this.priorityFlag = priorityFlag;
            return self();
        }

        /** The replace_if_present_flag, 0 or 1. */
        public B replaceIfPresent(int replaceIfPresent) {
            this.replaceIfPresent = replaceIfPresent;
            return self();
        }

        /** The data coding of the short message. */
        public B dataCoding(DataCoding dataCoding) {
            this.dataCoding = Objects.requireNonNull(dataCoding, "dataCoding");
            return self();
        }

        /**
         * The PDU, after the specification's checks.
         *
         * @throws PduEncodeException       when a field breaks its limit, or when short_message and
         *                                  message_payload both carry octets
         * @throws IllegalArgumentException when a one-octet field is out of 0..255
         */
        public P build() {
            P pdu = unchecked();
            pdu.validate();
            Check.notBoth(pdu.commandId().smppName(), pdu.rawShortMessage(), pdu.tlvs());
            pdu.markChecked();
            return pdu;
        }

        /** The PDU without the checks: for withSequenceNumber, whose values were accepted before. */
        abstract P unchecked();
    }
}
