package io.ujumbe.pdu;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A submit_multi: one short message to up to 254 destinations (SME addresses or distribution
 * lists). Build one with {@link #builder()}, which checks the specification's limits.
 *
 * @param sequenceNumber       the sequence number
 * @param serviceType          the SMS application service, usually "" (at most 5 characters)
 * @param sourceAddress        the sender (address at most 20 characters)
 * @param destinations         the destinations, 1 to 254
 * @param esmClass             messaging mode, message type, UDHI …
 * @param protocolId           the GSM TP-Protocol-Identifier
 * @param priorityFlag         the priority level
 * @param scheduleDeliveryTime "" or 16 characters
 * @param validityPeriod       "" or 16 characters
 * @param registeredDelivery   which receipts are wanted
 * @param replaceIfPresent     the replace_if_present_flag
 * @param dataCoding           how the short message is encoded
 * @param smDefaultMsgId       the SMSC's canned message, 0 for none
 * @param shortMessage         the message octets, at most 254
 * @param tlvs                 optional parameters
 */
public record SubmitMulti(int sequenceNumber, String serviceType, Address sourceAddress,
                          List<DestinationAddress> destinations, EsmClass esmClass, int protocolId, int priorityFlag,
                          String scheduleDeliveryTime, String validityPeriod, RegisteredDelivery registeredDelivery,
                          int replaceIfPresent, DataCoding dataCoding, int smDefaultMsgId, byte[] shortMessage,
                          Tlvs tlvs) implements PduRequest {

    /**
     * Copies the list and the short message.
     *
     * @throws NullPointerException     when a component or destination is null
     * @throws IllegalArgumentException when a one-octet field is out of 0..255, or there are more
     *                                  than 255 destinations
     */
    public SubmitMulti {
        Objects.requireNonNull(serviceType, "serviceType");
        Objects.requireNonNull(sourceAddress, "sourceAddress");
        Objects.requireNonNull(esmClass, "esmClass");
        Objects.requireNonNull(scheduleDeliveryTime, "scheduleDeliveryTime");
        Objects.requireNonNull(validityPeriod, "validityPeriod");
        Objects.requireNonNull(registeredDelivery, "registeredDelivery");
        Objects.requireNonNull(dataCoding, "dataCoding");
        Objects.requireNonNull(tlvs, "tlvs");
        destinations = List.copyOf(destinations);
        if (destinations.size() > 255) {
            throw new IllegalArgumentException("submit_multi.number_of_dests must be 0..255, was "
                    + destinations.size());
        }
        Check.uint8("submit_multi", "protocol_id", protocolId);
        Check.uint8("submit_multi", "priority_flag", priorityFlag);
        Check.uint8("submit_multi", "replace_if_present_flag", replaceIfPresent);
        Check.uint8("submit_multi", "sm_default_msg_id", smDefaultMsgId);
        shortMessage = shortMessage.clone();
    }

    /** A builder with no destinations, default classes and codings, and no message. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this PDU's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.sequenceNumber = sequenceNumber;
        b.serviceType = serviceType;
        b.sourceAddress = sourceAddress;
        b.destinations.addAll(destinations);
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

    /** The short message's length in octets, without copying it. */
    public int shortMessageLength() {
        return shortMessage.length;
    }

    byte[] rawShortMessage() {
        return shortMessage;
    }

    @Override
    public CommandId commandId() {
        return CommandId.SUBMIT_MULTI;
    }

    @Override
    public SubmitMulti withSequenceNumber(int sequenceNumber) {
        return new SubmitMulti(sequenceNumber, serviceType, sourceAddress, destinations, esmClass, protocolId,
                priorityFlag, scheduleDeliveryTime, validityPeriod, registeredDelivery, replaceIfPresent, dataCoding,
                smDefaultMsgId, shortMessage, tlvs);
    }

    @Override
    public SubmitMultiResp createResponse(CommandStatus status) {
        return new SubmitMultiResp(status, sequenceNumber, "");
    }

    void validate() {
        Check.cString("submit_multi", "service_type", serviceType, Check.SERVICE_TYPE);
        Check.address("submit_multi", "source_addr", sourceAddress, Check.ADDR_21);
        if (destinations.size() > Check.MAX_DESTINATIONS) {
            throw new PduEncodeException("submit_multi.number_of_dests",
                    "submit_multi.number_of_dests must be at most 254, was " + destinations.size());
        }
        for (DestinationAddress d : destinations) {
            if (d.isDistributionList()) {
                Check.cString("submit_multi", "dl_name", d.distributionListName(), Check.DL_NAME);
            } else {
                Check.address("submit_multi", "destination_addr", d.address(), Check.ADDR_21);
            }
        }
        Check.time("submit_multi", "schedule_delivery_time", scheduleDeliveryTime);
        Check.time("submit_multi", "validity_period", validityPeriod);
        Check.shortMessage("submit_multi", shortMessage);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SubmitMulti)) {
            return false;
        }
        SubmitMulti p = (SubmitMulti) o;
        return sequenceNumber == p.sequenceNumber && protocolId == p.protocolId && priorityFlag == p.priorityFlag
                && replaceIfPresent == p.replaceIfPresent && smDefaultMsgId == p.smDefaultMsgId
                && serviceType.equals(p.serviceType) && sourceAddress.equals(p.sourceAddress)
                && destinations.equals(p.destinations) && esmClass.equals(p.esmClass)
                && scheduleDeliveryTime.equals(p.scheduleDeliveryTime) && validityPeriod.equals(p.validityPeriod)
                && registeredDelivery.equals(p.registeredDelivery) && dataCoding.equals(p.dataCoding)
                && Arrays.equals(shortMessage, p.shortMessage) && tlvs.equals(p.tlvs);
    }

    @Override
    public int hashCode() {
        int h = Objects.hash(sequenceNumber, serviceType, sourceAddress, destinations, esmClass, protocolId,
                priorityFlag, scheduleDeliveryTime, validityPeriod, registeredDelivery, replaceIfPresent, dataCoding,
                smDefaultMsgId, tlvs);
        return 31 * h + Arrays.hashCode(shortMessage);
    }

    /** One line, e.g. {@code SubmitMulti{seq=7, source=…, dests=2 [1:1:2547…, dl:staff], dc=0x00, esm=0x00, sm=5 octets […]}}. */
    @Override
    public String toString() {
        StringBuilder sb = ToStrings.request("SubmitMulti", sequenceNumber);
        if (!serviceType.isEmpty()) {
            sb.append(", serviceType=").append(ToStrings.safe(serviceType));
        }
        sb.append(", source=").append(sourceAddress).append(", dests=").append(destinations.size()).append(" [");
        int shown = Math.min(destinations.size(), 3);
        for (int i = 0; i < shown; i++) {
            sb.append(i > 0 ? ", " : "").append(destinations.get(i));
        }
        sb.append(destinations.size() > shown ? ", …]" : "]");
        sb.append(", dc=").append(Hex.byteString(dataCoding.value())).append(", esm=").append(esmClass);
        if (registeredDelivery.value() != 0) {
            sb.append(", rd=").append(registeredDelivery);
        }
        if (!scheduleDeliveryTime.isEmpty()) {
            sb.append(", schedule=").append(ToStrings.safe(scheduleDeliveryTime));
        }
        if (!validityPeriod.isEmpty()) {
            sb.append(", validity=").append(ToStrings.safe(validityPeriod));
        }
        Hex.appendPreview(sb.append(", sm="), shortMessage, MessageStrings.PREVIEW_OCTETS);
        return ToStrings.end(sb, tlvs);
    }

    /** Builds a {@link SubmitMulti}; {@link #build()} checks the specification's limits. */
    public static final class Builder {
        private int sequenceNumber;
        private String serviceType = "";
        private Address sourceAddress = Address.EMPTY;
        private final List<DestinationAddress> destinations = new ArrayList<>();
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

        /** Replaces the destinations. */
        public Builder destinations(List<DestinationAddress> destinations) {
            this.destinations.clear();
            for (DestinationAddress d : destinations) {
                addDestination(d);
            }
            return this;
        }

        /** Adds one destination. */
        public Builder addDestination(DestinationAddress destination) {
            this.destinations.add(Objects.requireNonNull(destination, "destination"));
            return this;
        }

        /** Adds one SME address as a destination. */
        public Builder addDestination(Address address) {
            return addDestination(DestinationAddress.sme(address));
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

        /** The replace_if_present_flag. */
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
         * The submit_multi.
         *
         * @throws PduEncodeException when there are no destinations or more than 254, a field breaks
         *                            its limit, or short_message and message_payload both carry octets
         */
        public SubmitMulti build() {
            if (destinations.isEmpty()) {
                throw new PduEncodeException("submit_multi.number_of_dests",
                        "submit_multi needs at least one destination");
            }
            if (destinations.size() > Check.MAX_DESTINATIONS) {
                throw new PduEncodeException("submit_multi.number_of_dests",
                        "submit_multi.number_of_dests must be at most 254, was " + destinations.size());
            }
            SubmitMulti pdu = new SubmitMulti(sequenceNumber, serviceType, sourceAddress, destinations, esmClass,
                    protocolId, priorityFlag, scheduleDeliveryTime, validityPeriod, registeredDelivery,
                    replaceIfPresent, dataCoding, smDefaultMsgId, shortMessage, tlvs);
            pdu.validate();
            Check.notBoth("submit_multi", pdu.shortMessage, tlvs);
            return pdu;
        }
    }
}
