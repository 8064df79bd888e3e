package io.ujumbe.pdu;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A submit_multi: one short message to up to 254 destinations (SME addresses or distribution
 * lists). Build one with {@link #builder()}, which checks the specification's limits.
 */
public final class SubmitMulti extends MessageRequest {

    private final List<DestinationAddress> destinations;

    /**
     * A submit_multi with these fields; copies the list and the short message.
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
     * @throws NullPointerException     when a component or destination is null
     * @throws IllegalArgumentException when a one-octet field is out of 0..255, or there are more
     *                                  than 255 destinations
     */
    public SubmitMulti(int sequenceNumber, String serviceType, Address sourceAddress,
                       List<DestinationAddress> destinations, EsmClass esmClass, int protocolId, int priorityFlag,
                       String scheduleDeliveryTime, String validityPeriod, RegisteredDelivery registeredDelivery,
                       int replaceIfPresent, DataCoding dataCoding, int smDefaultMsgId, byte[] shortMessage,
                       Tlvs tlvs) {
        super(CommandId.SUBMIT_MULTI, sequenceNumber, serviceType, sourceAddress, esmClass, protocolId, priorityFlag,
                scheduleDeliveryTime, validityPeriod, registeredDelivery, replaceIfPresent, dataCoding, smDefaultMsgId,
                shortMessage, tlvs, true);
        this.destinations = List.copyOf(destinations);
        if (this.destinations.size() > 255) {
            throw new IllegalArgumentException("submit_multi.number_of_dests must be 0..255, was "
                    + this.destinations.size());
        }
    }

    /** A builder with no destinations, default classes and codings, and no message. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this PDU's values. */
    public Builder toBuilder() {
        return fill(new Builder()).destinations(destinations);
    }

    /** The destinations, SME addresses or distribution lists (an unmodifiable list). */
    public List<DestinationAddress> destinations() {
        return destinations;
    }

    @Override
    public CommandId commandId() {
        return CommandId.SUBMIT_MULTI;
    }

    @Override
    public SubmitMulti withSequenceNumber(int sequenceNumber) {
        return toBuilder().sequenceNumber(sequenceNumber).unchecked();
    }

    @Override
    public SubmitMultiResp createResponse(CommandStatus status) {
        return new SubmitMultiResp(status, sequenceNumber(), "");
    }

    @Override
    void validateDestinations() {
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
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o) && destinations.equals(((SubmitMulti) o).destinations);
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + destinations.hashCode();
    }

    /** One line, e.g. {@code SubmitMulti{seq=7, source=…, dests=2 [1:1:2547…, dl:staff], dc=0x00, esm=0x00, sm=5 octets […]}}. */
    @Override
    public String toString() {
        StringBuilder sb = ToStrings.request("SubmitMulti", sequenceNumber());
        MessageStrings.serviceType(sb, serviceType());
        sb.append(", source=").append(sourceAddress()).append(", dests=").append(destinations.size()).append(" [");
        int shown = Math.min(destinations.size(), 3);
        for (int i = 0; i < shown; i++) {
            sb.append(i > 0 ? ", " : "").append(destinations.get(i));
        }
        sb.append(destinations.size() > shown ? ", …]" : "]");
        MessageStrings.codings(sb, dataCoding(), esmClass(), registeredDelivery());
        MessageStrings.timing(sb, this);
        return MessageStrings.end(sb, this);
    }

    /** Builds a {@link SubmitMulti}; {@link #build()} checks the specification's limits. */
    public static final class Builder extends MessageBuilder<Builder, SubmitMulti> {
        private final List<DestinationAddress> destinations = new ArrayList<>();

        private Builder() {
        }

        @Override
        Builder self() {
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

        /**
         * The submit_multi.
         *
         * @throws PduEncodeException when there are no destinations or more than 254, a field breaks
         *                            its limit, or short_message and message_payload both carry octets
         */
        @Override
        public SubmitMulti build() {
            if (destinations.isEmpty()) {
                throw new PduEncodeException("submit_multi.number_of_dests",
                        "submit_multi needs at least one destination");
            }
            if (destinations.size() > Check.MAX_DESTINATIONS) {
                throw new PduEncodeException("submit_multi.number_of_dests",
                        "submit_multi.number_of_dests must be at most 254, was " + destinations.size());
            }
            return super.build();
        }

        @Override
        SubmitMulti unchecked() {
            return new SubmitMulti(sequenceNumber, serviceType, sourceAddress, destinations, esmClass, protocolId,
                    priorityFlag, scheduleDeliveryTime, validityPeriod, registeredDelivery, replaceIfPresent,
                    dataCoding, smDefaultMsgId, shortMessage, tlvs);
        }
    }
}
