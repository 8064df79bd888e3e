package io.ujumbe.pdu;

import java.util.Objects;

/**
 * The setters that the builders of the message requests (submit_sm, deliver_sm, submit_multi,
 * replace_sm, data_sm) share. {@code B} is the concrete builder, so that calls chain and return it.
 */
abstract class RequestBuilder<B extends RequestBuilder<B>> {
    int sequenceNumber;
    Address sourceAddress = Address.EMPTY;
    RegisteredDelivery registeredDelivery = RegisteredDelivery.NONE;
    Tlvs tlvs = Tlvs.EMPTY;

    RequestBuilder() {
    }

    /** This builder, typed as the concrete builder. */
    abstract B self();

    /** The sequence number (the session normally assigns it). */
    public B sequenceNumber(int sequenceNumber) {
        this.sequenceNumber = sequenceNumber;
        return self();
    }

    /** The sender. */
    public B sourceAddress(Address sourceAddress) {
        this.sourceAddress = Objects.requireNonNull(sourceAddress, "sourceAddress");
        return self();
    }

    /** Which receipts are wanted. */
    public B registeredDelivery(RegisteredDelivery registeredDelivery) {
        this.registeredDelivery = Objects.requireNonNull(registeredDelivery, "registeredDelivery");
        return self();
    }

    /** All optional parameters, replacing any set before. */
    public B tlvs(Tlvs tlvs) {
        this.tlvs = Objects.requireNonNull(tlvs, "tlvs");
        return self();
    }

    /** Sets one optional parameter, replacing one with the same tag. */
    public B tlv(Tlv tlv) {
        this.tlvs = tlvs.with(tlv);
        return self();
    }
}
