package io.ujumbe.pdu;

import java.util.Objects;

/**
 * A replace_sm: the ESME replaces the text (and timing) of a message still pending at the SMSC.
 * Build one with {@link #builder()}, which checks the specification's limits.
 */
public final class ReplaceSm extends ShortMessageRequest {

    private final String messageId;

    /**
     * A replace_sm with these fields; copies the short message.
     *
     * @param sequenceNumber       the sequence number
     * @param messageId            the SMSC's id of the message to replace (at most 64 characters)
     * @param sourceAddress        the source address it was submitted with (at most 20 characters)
     * @param scheduleDeliveryTime "" or 16 characters
     * @param validityPeriod       "" or 16 characters
     * @param registeredDelivery   which receipts are wanted
     * @param smDefaultMsgId       the SMSC's canned message, 0 for none
     * @param shortMessage         the new message octets, at most 254
     * @param tlvs                 optional parameters (none are defined for replace_sm; kept if received)
     * @throws NullPointerException     when a component is null
     * @throws IllegalArgumentException when smDefaultMsgId is out of 0..255
     */
    public ReplaceSm(int sequenceNumber, String messageId, Address sourceAddress, String scheduleDeliveryTime,
                     String validityPeriod, RegisteredDelivery registeredDelivery, int smDefaultMsgId,
                     byte[] shortMessage, Tlvs tlvs) {
        super(CommandId.REPLACE_SM, sequenceNumber, sourceAddress, scheduleDeliveryTime, validityPeriod,
                registeredDelivery, smDefaultMsgId, shortMessage, tlvs, true);
        this.messageId = Objects.requireNonNull(messageId, "messageId");
    }

    /** A builder with empty fields. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this PDU's values. */
    public Builder toBuilder() {
        return fill(new Builder()).messageId(messageId);
    }

    /** The SMSC's id of the message to replace. */
    public String messageId() {
        return messageId;
    }

    @Override
    public CommandId commandId() {
        return CommandId.REPLACE_SM;
    }

    @Override
    public ReplaceSm withSequenceNumber(int sequenceNumber) {
        return toBuilder().sequenceNumber(sequenceNumber).unchecked();
    }

    @Override
    public ReplaceSmResp createResponse(CommandStatus status) {
        return new ReplaceSmResp(status, sequenceNumber());
    }

    @Override
    void validate() {
        Check.cString("replace_sm", "message_id", messageId, Check.MESSAGE_ID);
        Check.address("replace_sm", "source_addr", sourceAddress(), Check.ADDR_21);
        validateTail();
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o) && messageId.equals(((ReplaceSm) o).messageId);
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + messageId.hashCode();
    }

    /** One line, e.g. {@code ReplaceSm{seq=7, messageId=0a1b, source=1:1:2547…, sm=5 octets […]}}. */
    @Override
    public String toString() {
        StringBuilder sb = ToStrings.request("ReplaceSm", sequenceNumber());
        sb.append(", messageId=").append(ToStrings.safe(messageId)).append(", source=").append(sourceAddress());
        MessageStrings.timing(sb, this);
        MessageStrings.registeredDelivery(sb, registeredDelivery());
        if (smDefaultMsgId() != 0) {
            sb.append(", smDefaultMsgId=").append(smDefaultMsgId());
        }
        return MessageStrings.end(sb, this);
    }

    /** Builds a {@link ReplaceSm}; {@link #build()} checks the specification's limits. */
    public static final class Builder extends ShortMessageBuilder<Builder> {
        private String messageId = "";

        private Builder() {
        }

        @Override
        Builder self() {
            return this;
        }

        /** The message to replace. */
        public Builder messageId(String messageId) {
            this.messageId = Objects.requireNonNull(messageId, "messageId");
            return this;
        }

        /**
         * The replace_sm.
         *
         * @throws PduEncodeException when a field breaks its limit
         */
        public ReplaceSm build() {
            ReplaceSm pdu = unchecked();
            pdu.validate();
            return pdu;
        }

        ReplaceSm unchecked() {
            return new ReplaceSm(sequenceNumber, messageId, sourceAddress, scheduleDeliveryTime, validityPeriod,
                    registeredDelivery, smDefaultMsgId, shortMessage, tlvs);
        }
    }
}
