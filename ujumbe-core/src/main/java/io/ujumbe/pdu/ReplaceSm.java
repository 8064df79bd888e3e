package io.ujumbe.pdu;

import java.util.Arrays;
import java.util.Objects;

/**
 * A replace_sm: the ESME replaces the text (and timing) of a message still pending at the SMSC.
 * Build one with {@link #builder()}, which checks the specification's limits.
 *
 * @param sequenceNumber       the sequence number
 * @param messageId            the message to replace (at most 64 characters)
 * @param sourceAddress        the source address it was submitted with (at most 20 characters)
 * @param scheduleDeliveryTime "" or 16 characters
 * @param validityPeriod       "" or 16 characters
 * @param registeredDelivery   which receipts are wanted
 * @param smDefaultMsgId       the SMSC's canned message, 0 for none
 * @param shortMessage         the new message octets, at most 254
 * @param tlvs                 optional parameters (none are defined for replace_sm; kept if received)
 */
public record ReplaceSm(int sequenceNumber, String messageId, Address sourceAddress, String scheduleDeliveryTime,
                        String validityPeriod, RegisteredDelivery registeredDelivery, int smDefaultMsgId,
                        byte[] shortMessage, Tlvs tlvs) implements PduRequest {

    /**
     * Copies the short message.
     *
     * @throws NullPointerException     when a component is null
     * @throws IllegalArgumentException when smDefaultMsgId is out of 0..255
     */
    public ReplaceSm {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(sourceAddress, "sourceAddress");
        Objects.requireNonNull(scheduleDeliveryTime, "scheduleDeliveryTime");
        Objects.requireNonNull(validityPeriod, "validityPeriod");
        Objects.requireNonNull(registeredDelivery, "registeredDelivery");
        Objects.requireNonNull(tlvs, "tlvs");
        Check.uint8("replace_sm", "sm_default_msg_id", smDefaultMsgId);
        shortMessage = shortMessage.clone();
    }

    /** A builder with empty fields. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this PDU's values. */
    public Builder toBuilder() {
        return new Builder().sequenceNumber(sequenceNumber).messageId(messageId).sourceAddress(sourceAddress)
                .scheduleDeliveryTime(scheduleDeliveryTime).validityPeriod(validityPeriod)
                .registeredDelivery(registeredDelivery).smDefaultMsgId(smDefaultMsgId).shortMessage(shortMessage)
                .tlvs(tlvs);
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
        return CommandId.REPLACE_SM;
    }

    @Override
    public ReplaceSm withSequenceNumber(int sequenceNumber) {
        return new ReplaceSm(sequenceNumber, messageId, sourceAddress, scheduleDeliveryTime, validityPeriod,
                registeredDelivery, smDefaultMsgId, shortMessage, tlvs);
    }

    @Override
    public ReplaceSmResp createResponse(CommandStatus status) {
        return new ReplaceSmResp(status, sequenceNumber);
    }

    void validate() {
        Check.cString("replace_sm", "message_id", messageId, Check.MESSAGE_ID);
        Check.address("replace_sm", "source_addr", sourceAddress, Check.ADDR_21);
        Check.time("replace_sm", "schedule_delivery_time", scheduleDeliveryTime);
        Check.time("replace_sm", "validity_period", validityPeriod);
        Check.shortMessage("replace_sm", shortMessage);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ReplaceSm)) {
            return false;
        }
        ReplaceSm p = (ReplaceSm) o;
        return sequenceNumber == p.sequenceNumber && smDefaultMsgId == p.smDefaultMsgId
                && messageId.equals(p.messageId) && sourceAddress.equals(p.sourceAddress)
                && scheduleDeliveryTime.equals(p.scheduleDeliveryTime) && validityPeriod.equals(p.validityPeriod)
                && registeredDelivery.equals(p.registeredDelivery) && Arrays.equals(shortMessage, p.shortMessage)
                && tlvs.equals(p.tlvs);
    }

    @Override
    public int hashCode() {
        int h = Objects.hash(sequenceNumber, messageId, sourceAddress, scheduleDeliveryTime, validityPeriod,
                registeredDelivery, smDefaultMsgId, tlvs);
        return 31 * h + Arrays.hashCode(shortMessage);
    }

    /** One line, e.g. {@code ReplaceSm{seq=7, messageId=0a1b, source=1:1:2547…, sm=5 octets […]}}. */
    @Override
    public String toString() {
        StringBuilder sb = ToStrings.request("ReplaceSm", sequenceNumber);
        sb.append(", messageId=").append(ToStrings.safe(messageId)).append(", source=").append(sourceAddress);
        if (!scheduleDeliveryTime.isEmpty()) {
            sb.append(", schedule=").append(ToStrings.safe(scheduleDeliveryTime));
        }
        if (!validityPeriod.isEmpty()) {
            sb.append(", validity=").append(ToStrings.safe(validityPeriod));
        }
        if (registeredDelivery.value() != 0) {
            sb.append(", rd=").append(registeredDelivery);
        }
        if (smDefaultMsgId != 0) {
            sb.append(", smDefaultMsgId=").append(smDefaultMsgId);
        }
        Hex.appendPreview(sb.append(", sm="), shortMessage, MessageStrings.PREVIEW_OCTETS);
        return ToStrings.end(sb, tlvs);
    }

    /** Builds a {@link ReplaceSm}; {@link #build()} checks the specification's limits. */
    public static final class Builder {
        private int sequenceNumber;
        private String messageId = "";
        private Address sourceAddress = Address.EMPTY;
        private String scheduleDeliveryTime = "";
        private String validityPeriod = "";
        private RegisteredDelivery registeredDelivery = RegisteredDelivery.NONE;
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

        /** The message to replace. */
        public Builder messageId(String messageId) {
            this.messageId = Objects.requireNonNull(messageId, "messageId");
            return this;
        }

        /** The source address the message was submitted with. */
        public Builder sourceAddress(Address sourceAddress) {
            this.sourceAddress = Objects.requireNonNull(sourceAddress, "sourceAddress");
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

        /** The canned message id, 0 for none. */
        public Builder smDefaultMsgId(int smDefaultMsgId) {
            this.smDefaultMsgId = smDefaultMsgId;
            return this;
        }

        /** The new message octets (copied when built), at most 254. */
        public Builder shortMessage(byte[] shortMessage) {
            this.shortMessage = Objects.requireNonNull(shortMessage, "shortMessage");
            return this;
        }

        /** All optional parameters, replacing any set before. */
        public Builder tlvs(Tlvs tlvs) {
            this.tlvs = Objects.requireNonNull(tlvs, "tlvs");
            return this;
        }

        /**
         * The replace_sm.
         *
         * @throws PduEncodeException when a field breaks its limit
         */
        public ReplaceSm build() {
            ReplaceSm pdu = new ReplaceSm(sequenceNumber, messageId, sourceAddress, scheduleDeliveryTime,
                    validityPeriod, registeredDelivery, smDefaultMsgId, shortMessage, tlvs);
            pdu.validate();
            return pdu;
        }
    }
}
