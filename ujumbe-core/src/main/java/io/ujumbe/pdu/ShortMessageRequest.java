package io.ujumbe.pdu;

import java.util.Arrays;
import java.util.Objects;

/**
 * What the requests carrying a short_message share (submit_sm, deliver_sm, submit_multi,
 * replace_sm): the source, the timing, the receipt request, the message octets and the TLVs. The
 * short message is copied in and out, so an instance never changes; the codec reads it in place
 * through {@link #rawShortMessage()} so that encoding allocates nothing.
 */
abstract class ShortMessageRequest implements PduRequest {

    private final int sequenceNumber;
    private final Address sourceAddress;
    private final String scheduleDeliveryTime;
    private final String validityPeriod;
    private final RegisteredDelivery registeredDelivery;
    private final int smDefaultMsgId;
    private final byte[] shortMessage;
    private final Tlvs tlvs;

    ShortMessageRequest(CommandId commandId, int sequenceNumber, Address sourceAddress, String scheduleDeliveryTime,
                        String validityPeriod, RegisteredDelivery registeredDelivery, int smDefaultMsgId,
                        byte[] shortMessage, Tlvs tlvs) {
        this.sequenceNumber = sequenceNumber;
        this.sourceAddress = Objects.requireNonNull(sourceAddress, "sourceAddress");
        this.scheduleDeliveryTime = Objects.requireNonNull(scheduleDeliveryTime, "scheduleDeliveryTime");
        this.validityPeriod = Objects.requireNonNull(validityPeriod, "validityPeriod");
        this.registeredDelivery = Objects.requireNonNull(registeredDelivery, "registeredDelivery");
        this.smDefaultMsgId = Check.uint8(commandId.smppName(), "sm_default_msg_id", smDefaultMsgId);
        this.shortMessage = Objects.requireNonNull(shortMessage, "shortMessage").clone();
        this.tlvs = Objects.requireNonNull(tlvs, "tlvs");
    }

    @Override
    public final int sequenceNumber() {
        return sequenceNumber;
    }

    /** The sender (source_addr). */
    public final Address sourceAddress() {
        return sourceAddress;
    }

    /** When to deliver: "" for now, or 16 characters (YYMMDDhhmmsstnnp). */
    public final String scheduleDeliveryTime() {
        return scheduleDeliveryTime;
    }

    /** Until when to try: "" for the SMSC default, or 16 characters. */
    public final String validityPeriod() {
        return validityPeriod;
    }

    /** Which receipts and acknowledgements are wanted. */
    public final RegisteredDelivery registeredDelivery() {
        return registeredDelivery;
    }

    /** The SMSC's canned message to send instead, 0 for none. */
    public final int smDefaultMsgId() {
        return smDefaultMsgId;
    }

    /** A copy of the short message octets. */
    public final byte[] shortMessage() {
        return shortMessage.clone();
    }

    /** The short message's length in octets (sm_length), without copying it. */
    public final int shortMessageLength() {
        return shortMessage.length;
    }

    final byte[] rawShortMessage() {
        return shortMessage;
    }

    @Override
    public final Tlvs tlvs() {
        return tlvs;
    }

    /** Checks the specification's limits, field by field in wire order. */
    abstract void validate();

    /** The checks of the fields after the destination(s): timing and short message. */
    final void validateTail() {
        String command = commandId().smppName();
        Check.time(command, "schedule_delivery_time", scheduleDeliveryTime);
        Check.time(command, "validity_period", validityPeriod);
        Check.shortMessage(command, shortMessage);
    }

    /** Copies this level's fields into a builder, for {@code toBuilder()}; returns the builder. */
    final <B extends ShortMessageBuilder<B>> B fill(B b) {
        b.sequenceNumber = sequenceNumber;
        b.sourceAddress = sourceAddress;
        b.scheduleDeliveryTime = scheduleDeliveryTime;
        b.validityPeriod = validityPeriod;
        b.registeredDelivery = registeredDelivery;
        b.smDefaultMsgId = smDefaultMsgId;
        b.shortMessage = shortMessage;
        b.tlvs = tlvs;
        return b;
    }

    /** Equal when of the same type with equal fields, the short message compared by content. */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || o.getClass() != getClass()) {
            return false;
        }
        ShortMessageRequest p = (ShortMessageRequest) o;
        return sequenceNumber == p.sequenceNumber && smDefaultMsgId == p.smDefaultMsgId
                && sourceAddress.equals(p.sourceAddress) && scheduleDeliveryTime.equals(p.scheduleDeliveryTime)
                && validityPeriod.equals(p.validityPeriod) && registeredDelivery.equals(p.registeredDelivery)
                && Arrays.equals(shortMessage, p.shortMessage) && tlvs.equals(p.tlvs);
    }

    @Override
    public int hashCode() {
        int h = Objects.hash(sequenceNumber, sourceAddress, scheduleDeliveryTime, validityPeriod, registeredDelivery,
                smDefaultMsgId, tlvs);
        return 31 * h + Arrays.hashCode(shortMessage);
    }

    /**
     * The setters every short-message request's builder has; {@code B} is the concrete builder,
     * so that calls chain.
     */
    abstract static class ShortMessageBuilder<B extends ShortMessageBuilder<B>> extends RequestBuilder<B> {
        String scheduleDeliveryTime = "";
        String validityPeriod = "";
        int smDefaultMsgId;
        byte[] shortMessage = new byte[0];

        ShortMessageBuilder() {
        }

        /** "" or a 16-character SMPP time. */
        public B scheduleDeliveryTime(String scheduleDeliveryTime) {
            this.scheduleDeliveryTime = Objects.requireNonNull(scheduleDeliveryTime, "scheduleDeliveryTime");
            return self();
        }

        /** "" or a 16-character SMPP time. */
        public B validityPeriod(String validityPeriod) {
            this.validityPeriod = Objects.requireNonNull(validityPeriod, "validityPeriod");
            return self();
        }

        /** The canned message id, 0 for none. */
        public B smDefaultMsgId(int smDefaultMsgId) {
            this.smDefaultMsgId = smDefaultMsgId;
            return self();
        }

        /** The message octets (copied when built), at most 254. */
        public B shortMessage(byte[] shortMessage) {
            this.shortMessage = Objects.requireNonNull(shortMessage, "shortMessage");
            return self();
        }
    }
}
