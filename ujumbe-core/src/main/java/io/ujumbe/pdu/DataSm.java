package io.ujumbe.pdu;

import java.util.Objects;

/**
 * A data_sm: a message in either direction whose content travels in TLVs (message_payload …)
 * rather than a short_message field. Build one with {@link #builder()}.
 *
 * @param sequenceNumber     the sequence number
 * @param serviceType        the SMS application service, usually "" (at most 5 characters)
 * @param sourceAddress      the sender (address at most 64 characters)
 * @param destinationAddress the recipient (address at most 64 characters)
 * @param esmClass           messaging mode, message type, UDHI …
 * @param registeredDelivery which receipts and acknowledgements are wanted
 * @param dataCoding         how the payload is encoded
 * @param tlvs               optional parameters, message_payload among them
 */
public record DataSm(int sequenceNumber, String serviceType, Address sourceAddress, Address destinationAddress,
                     EsmClass esmClass, RegisteredDelivery registeredDelivery, DataCoding dataCoding, Tlvs tlvs)
        implements PduRequest {

    /** @throws NullPointerException when a component is null */
    public DataSm {
        Objects.requireNonNull(serviceType, "serviceType");
        Objects.requireNonNull(sourceAddress, "sourceAddress");
        Objects.requireNonNull(destinationAddress, "destinationAddress");
        Objects.requireNonNull(esmClass, "esmClass");
        Objects.requireNonNull(registeredDelivery, "registeredDelivery");
        Objects.requireNonNull(dataCoding, "dataCoding");
        Objects.requireNonNull(tlvs, "tlvs");
    }

    /** A builder with empty addresses, default classes and codings, and no TLVs. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this PDU's values. */
    public Builder toBuilder() {
        return new Builder().sequenceNumber(sequenceNumber).serviceType(serviceType).sourceAddress(sourceAddress)
                .destinationAddress(destinationAddress).esmClass(esmClass).registeredDelivery(registeredDelivery)
                .dataCoding(dataCoding).tlvs(tlvs);
    }

    @Override
    public CommandId commandId() {
        return CommandId.DATA_SM;
    }

    @Override
    public DataSm withSequenceNumber(int sequenceNumber) {
        return new DataSm(sequenceNumber, serviceType, sourceAddress, destinationAddress, esmClass,
                registeredDelivery, dataCoding, tlvs);
    }

    @Override
    public DataSmResp createResponse(CommandStatus status) {
        return new DataSmResp(status, sequenceNumber, "");
    }

    void validate() {
        Check.cString("data_sm", "service_type", serviceType, Check.SERVICE_TYPE);
        Check.address("data_sm", "source_addr", sourceAddress, Check.ADDR_65);
        Check.address("data_sm", "destination_addr", destinationAddress, Check.ADDR_65);
    }

    /** One line, e.g. {@code DataSm{seq=7, source=1:1:2547…, dest=0:0:12345, dc=0x00, esm=0x00, tlvs=[…]}}. */
    @Override
    public String toString() {
        StringBuilder sb = ToStrings.request("DataSm", sequenceNumber);
        MessageStrings.serviceType(sb, serviceType);
        sb.append(", source=").append(sourceAddress).append(", dest=").append(destinationAddress);
        MessageStrings.codings(sb, dataCoding, esmClass, registeredDelivery);
        return ToStrings.end(sb, tlvs);
    }

    /** Builds a {@link DataSm}; {@link #build()} checks the specification's limits. */
    public static final class Builder extends RequestBuilder<Builder> {
        private String serviceType = "";
        private Address destinationAddress = Address.EMPTY;
        private EsmClass esmClass = EsmClass.DEFAULT;
        private DataCoding dataCoding = DataCoding.SMSC_DEFAULT;

        private Builder() {
        }

        @Override
        Builder self() {
            return this;
        }

        /** The service type, at most 5 characters. */
        public Builder serviceType(String serviceType) {
            this.serviceType = Objects.requireNonNull(serviceType, "serviceType");
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

        /** The data coding of the payload. */
        public Builder dataCoding(DataCoding dataCoding) {
            this.dataCoding = Objects.requireNonNull(dataCoding, "dataCoding");
            return this;
        }

        /**
         * The data_sm.
         *
         * @throws PduEncodeException when a field breaks its limit
         */
        public DataSm build() {
            DataSm pdu = new DataSm(sequenceNumber, serviceType, sourceAddress, destinationAddress, esmClass,
                    registeredDelivery, dataCoding, tlvs);
            pdu.validate();
            return pdu;
        }
    }
}
