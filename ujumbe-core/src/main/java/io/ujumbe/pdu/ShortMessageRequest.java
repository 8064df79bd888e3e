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
    /**
     * Set by a builder once its checks have passed, before the instance leaves it, and copied by
     * withSequenceNumber; never changed after. A thread that misses the write only checks again.
     */
    private boolean checked;
    /**
     * The encoded length once computed, 0 before: the session asks for it to size the buffer and
     * the codec again to write. Racy by design: an int is written whole, and every thread computes
     * the same value from the same immutable fields.
     */
    private int encodedLength;

    ShortMessageRequest(CommandId commandId, int sequenceNumber, Address sourceAddress, String scheduleDeliveryTime,
                        String validityPeriod, RegisteredDelivery registeredDelivery, int smDefaultMsgId,
                        byte[] shortMessage, Tlvs tlvs, boolean copyShortMessage) {
        this.sequenceNumber = sequenceNumber;
        this.sourceAddress = Objects.requireNonNull(sourceAddress, "sourceAddress");
        this.scheduleDeliveryTime = Objects.requireNonNull(scheduleDeliveryTime, "scheduleDeliveryTime");
        this.validityPeriod = Objects.requireNonNull(validityPeriod, "validityPeriod");
        this.registeredDelivery = Objects.requireNonNull(registeredDelivery, "registeredDelivery");
        this.smDefaultMsgId = Check.uint8(commandId.smppName(), "sm_default_msg_id", smDefaultMsgId);
        Objects.requireNonNull(shortMessage, "shortMessage");
        // Only arrays that nobody else can write are taken as they are: the decoder's, or another instance's.
        this.shortMessage = copyShortMessage ? shortMessage.clone() : shortMessage;
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

    /**
     * True when every string field is known to be ASCII/Latin-1 without NUL and within the
     * specification's limits, as a builder's {@code build()} checked them; the encoder then copies
     * the strings without checking each character again.
     */
    final boolean checked() {
        return checked;
    }

    /** The length {@link PduCodec#encodedLength} computed for this instance, or 0 if it has not yet. */
    final int cachedEncodedLength() {
        return encodedLength;
    }

    /** Remembers the encoded length (it depends only on the fields, not on the codec's options). */
    final void cacheEncodedLength(int length) {
        encodedLength = length;
    }

    /**
     * For a copy that differs from {@code original} only in its sequence number: takes over the
     * original's checked mark and encoded length. Only on an instance that has not yet left its maker.
     */
    final void inheritChecks(ShortMessageRequest original) {
        checked = original.checked;
        encodedLength = original.encodedLength;
    }

    /** Records that the checks passed; only on an instance that has not yet left its maker. */
    final void markChecked() {
        checked = true;
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
        /** Shared empty default: the built PDU copies what it is given, so nothing writes to this. */
        private static final byte[] NO_OCTETS = new byte[0];
        byte[] shortMessage = NO_OCTETS;

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
