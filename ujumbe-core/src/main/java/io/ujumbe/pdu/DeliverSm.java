package io.ujumbe.pdu;

import java.util.Arrays;
import java.util.Objects;

/**
 * A deliver_sm: the SMSC delivers a mobile-originated message or a delivery receipt
 * ({@link EsmClass#isDeliveryReceipt()}) to the ESME. The body is the same as submit_sm's; in a
 * receipt, the short message holds the receipt text and TLVs may carry receipted_message_id and
 * message_state. Build one with
 * {@link #builder()}, which checks the specification's limits; {@link #toBuilder()} copies one.
 * The short message is copied in and out, so an instance never changes.
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
 */
public record DeliverSm(int sequenceNumber, String serviceType, Address sourceAddress, Address destinationAddress,
                       EsmClass esmClass, int protocolId, int priorityFlag, String scheduleDeliveryTime,
                       String validityPeriod, RegisteredDelivery registeredDelivery, int replaceIfPresent,
                       DataCoding dataCoding, int smDefaultMsgId, byte[] shortMessage, Tlvs tlvs)
        implements PduRequest {

    /**
     * Copies the short message.
     *
     * @throws NullPointerException     when a component is null
     * @throws IllegalArgumentException when a one-octet field is out of 0..255
     */
    public DeliverSm {
        Objects.requireNonNull(serviceType, "serviceType");
        Objects.requireNonNull(sourceAddress, "sourceAddress");
        Objects.requireNonNull(destinationAddress, "destinationAddress");
        Objects.requireNonNull(esmClass, "esmClass");
        Objects.requireNonNull(scheduleDeliveryTime, "scheduleDeliveryTime");
        Objects.requireNonNull(validityPeriod, "validityPeriod");
        Objects.requireNonNull(registeredDelivery, "registeredDelivery");
        Objects.requireNonNull(dataCoding, "dataCoding");
        Objects.requireNonNull(tlvs, "tlvs");
        Check.uint8("deliver_sm", "protocol_id", protocolId);
        Check.uint8("deliver_sm", "priority_flag", priorityFlag);
        Check.uint8("deliver_sm", "replace_if_present_flag", replaceIfPresent);
        Check.uint8("deliver_sm", "sm_default_msg_id", smDefaultMsgId);
        shortMessage = shortMessage.clone();
    }

    /** A builder with empty addresses, default classes and codings, and no message. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this PDU's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.sequenceNumber = sequenceNumber;
        b.serviceType = serviceType;
        b.sourceAddress = sourceAddress;
        b.destinationAddress = destinationAddress;
        b.esmClass = esmClass;
        b.protocolId = protocolId;
        b.priorityFlag = priorityFlag;
        b.scheduleDeliveryTime = scheduleDeliveryTime;
        b.validityPeriod = validityPeriod;
        b.registeredDelivery = registeredDelivery;
        b.replaceIfPresent = replaceIfPresent;
        b.dataCoding = dataCoding;
        b.smDefaultMsgId = smDefaultMsgId;
        b.shortMessage = shortMessage;
        b.tlvs = tlvs;
        return b;
    }

    /** A copy of the short message octets. */
    @Override
    public byte[] shortMessage() {
        return shortMessage.clone();
    }

    /** The short message's length in octets (sm_length), without copying it. */
    public int shortMessageLength() {
        return shortMessage.length;
    }

    byte[] rawShortMessage() {
        return shortMessage;
    }

    @Override
    public CommandId commandId() {
        return CommandId.DELIVER_SM;
    }

    @Override
    public DeliverSm withSequenceNumber(int sequenceNumber) {
        return new DeliverSm(sequenceNumber, serviceType, sourceAddress, destinationAddress, esmClass, protocolId,
                priorityFlag, scheduleDeliveryTime, validityPeriod, registeredDelivery, replaceIfPresent, dataCoding,
                smDefaultMsgId, shortMessage, tlvs);
    }

    @Override
    public DeliverSmResp createResponse(CommandStatus status) {
        return new DeliverSmResp(status, sequenceNumber, "");
    }

    void validate() {
        Check.cString("deliver_sm", "service_type", serviceType, Check.SERVICE_TYPE);
        Check.address("deliver_sm", "source_addr", sourceAddress, Check.ADDR_21);
        Check.address("deliver_sm", "destination_addr", destinationAddress, Check.ADDR_21);
        Check.time("deliver_sm", "schedule_delivery_time", scheduleDeliveryTime);
        Check.time("deliver_sm", "validity_period", validityPeriod);
        Check.shortMessage("deliver_sm", shortMessage);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof DeliverSm)) {
            return false;
        }
        DeliverSm p = (DeliverSm) o;
        return sequenceNumber == p.sequenceNumber && protocolId == p.protocolId && priorityFlag == p.priorityFlag
                && replaceIfPresent == p.replaceIfPresent && smDefaultMsgId == p.smDefaultMsgId
                && serviceType.equals(p.serviceType) && sourceAddress.equals(p.sourceAddress)
                && destinationAddress.equals(p.destinationAddress) && esmClass.equals(p.esmClass)
                && scheduleDeliveryTime.equals(p.scheduleDeliveryTime) && validityPeriod.equals(p.validityPeriod)
                && registeredDelivery.equals(p.registeredDelivery) && dataCoding.equals(p.dataCoding)
                && Arrays.equals(shortMessage, p.shortMessage) && tlvs.equals(p.tlvs);
    }

    @Override
    public int hashCode() {
        int h = Objects.hash(sequenceNumber, serviceType, sourceAddress, destinationAddress, esmClass, protocolId,
                priorityFlag, scheduleDeliveryTime, validityPeriod, registeredDelivery, replaceIfPresent, dataCoding,
                smDefaultMsgId, tlvs);
        return 31 * h + Arrays.hashCode(shortMessage);
    }

    /** One line, e.g. {@code DeliverSm{seq=7, source=5:0:Ujumbe, dest=1:1:2547…, dc=0x00, esm=0x40, sm=12 octets [48 65 …]}}. */
    @Override
    public String toString() {
        return MessageStrings.shortMessage(ToStrings.request("DeliverSm", sequenceNumber), serviceType, sourceAddress,
                destinationAddress, esmClass, protocolId, priorityFlag, scheduleDeliveryTime, validityPeriod,
                registeredDelivery, replaceIfPresent, dataCoding, smDefaultMsgId, shortMessage, tlvs);
    }

    /** Builds a {@link DeliverSm}; {@link #build()} checks the specification's limits. */
    public static final class Builder {
        private int sequenceNumber;
        private String serviceType = "";
        private Address sourceAddress = Address.EMPTY;
        private Address destinationAddress = Address.EMPTY;
        private EsmClass esmClass = EsmClass.DEFAULT;
        private int protocolId;
        private int priorityFlag;
        private String scheduleDeliveryTime = "";
        private String validityPeriod = "";
        private RegisteredDelivery registeredDelivery = RegisteredDelivery.NONE;
        private int replaceIfPresent;
        private DataCoding dataCoding = DataCoding.SMSC_DEFAULT;
        private int smDefaultMsgId;
        private byte[] shortMessage = new byte[0];
        private Tlvs tlvs = Tlvs.EMPTY;

        private Builder() {
        }

        /** The sequence number (the session normally assigns it). */
        public Builder sequenceNumber(int sequenceNumber) {
            this.sequenceNumber = sequenceNumber;
            return this;
        }

        /** The service type, at most 5 characters. */
        public Builder serviceType(String serviceType) {
            this.serviceType = Objects.requireNonNull(serviceType, "serviceType");
            return this;
        }

        /** The sender. */
        public Builder sourceAddress(Address sourceAddress) {
            this.sourceAddress = Objects.requireNonNull(sourceAddress, "sourceAddress");
            return this;
        }

        /** The recipient. */
        public Builder destinationAddress(Address destinationAddress) {
            this.destinationAddress = Objects.requireNonNull(destinationAddress, "destinationAddress");
            return this;
        }

        /** The esm_class. */
        public Builder esmClass(EsmClass esmClass) {
            this.esmClass = Objects.requireNonNull(esmClass, "esmClass");
            return this;
        }

        /** The protocol id, 0..255. */
        public Builder protocolId(int protocolId) {
            this.protocolId = protocolId;
            return this;
        }

        /** The priority flag, 0..255. */
        public Builder priorityFlag(int priorityFlag) {
            this.priorityFlag = priorityFlag;
            return this;
        }

        /** "" or a 16-character SMPP time. */
        public Builder scheduleDeliveryTime(String scheduleDeliveryTime) {
            this.scheduleDeliveryTime = Objects.requireNonNull(scheduleDeliveryTime, "scheduleDeliveryTime");
            return this;
        }

        /** "" or a 16-character SMPP time. */
        public Builder validityPeriod(String validityPeriod) {
            this.validityPeriod = Objects.requireNonNull(validityPeriod, "validityPeriod");
            return this;
        }

        /** Which receipts are wanted. */
        public Builder registeredDelivery(RegisteredDelivery registeredDelivery) {
            this.registeredDelivery = Objects.requireNonNull(registeredDelivery, "registeredDelivery");
            return this;
        }

        /** The replace_if_present_flag, 0 or 1. */
        public Builder replaceIfPresent(int replaceIfPresent) {
            this.replaceIfPresent = replaceIfPresent;
            return this;
        }

        /** The data coding of the short message. */
        public Builder dataCoding(DataCoding dataCoding) {
            this.dataCoding = Objects.requireNonNull(dataCoding, "dataCoding");
            return this;
        }

        /** The canned message id, 0 for none. */
        public Builder smDefaultMsgId(int smDefaultMsgId) {
            this.smDefaultMsgId = smDefaultMsgId;
            return this;
        }

        /** The message octets (copied when built), at most 254. */
        public Builder shortMessage(byte[] shortMessage) {
            this.shortMessage = Objects.requireNonNull(shortMessage, "shortMessage");
            return this;
        }

        /** All optional parameters, replacing any set before. */
        public Builder tlvs(Tlvs tlvs) {
            this.tlvs = Objects.requireNonNull(tlvs, "tlvs");
            return this;
        }

        /** Sets one optional parameter, replacing one with the same tag. */
        public Builder tlv(Tlv tlv) {
            this.tlvs = tlvs.with(tlv);
            return this;
        }

        /**
         * The deliver_sm.
         *
         * @throws PduEncodeException       when a field breaks its limit, or when short_message and
         *                                  message_payload both carry octets
         * @throws IllegalArgumentException when a one-octet field is out of 0..255
         */
        public DeliverSm build() {
            DeliverSm pdu = new DeliverSm(sequenceNumber, serviceType, sourceAddress, destinationAddress, esmClass,
                    protocolId, priorityFlag, scheduleDeliveryTime, validityPeriod, registeredDelivery,
                    replaceIfPresent, dataCoding, smDefaultMsgId, shortMessage, tlvs);
            pdu.validate();
            Check.notBoth("deliver_sm", pdu.shortMessage, tlvs);
            return pdu;
        }
    }
}
