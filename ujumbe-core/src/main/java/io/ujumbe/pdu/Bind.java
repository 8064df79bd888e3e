package io.ujumbe.pdu;

import java.util.Objects;

/**
 * A bind_transmitter, bind_receiver or bind_transceiver request ({@link #type()} says which): the
 * ESME's credentials and the SMPP version it speaks. toString() never shows the password.
 * Build one with {@link #builder()}, which checks the specification's limits.
 *
 * @param type             transmitter, receiver or transceiver
 * @param sequenceNumber   the sequence number
 * @param systemId         the account name (at most 15 characters)
 * @param password         the password (at most 8 characters)
 * @param systemType       the kind of ESME, often "" (at most 12 characters)
 * @param interfaceVersion the SMPP version, 0x34 for 3.4
 * @param addressRange     the addresses this ESME serves, often empty (at most 40 characters)
 * @param tlvs             optional parameters (none are defined for bind; kept if received)
 */
public record Bind(BindType type, int sequenceNumber, String systemId, String password, String systemType,
                   int interfaceVersion, Address addressRange, Tlvs tlvs) implements PduRequest {

    /** SMPP 3.4's interface_version. */
    public static final int SMPP_34 = 0x34;

    /**
     * @throws NullPointerException     when a component is null
     * @throws IllegalArgumentException when interfaceVersion does not fit one octet
     */
    public Bind {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(systemId, "systemId");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(systemType, "systemType");
        Objects.requireNonNull(addressRange, "addressRange");
        Objects.requireNonNull(tlvs, "tlvs");
        Check.uint8("bind", "interface_version", interfaceVersion);
    }

    /** A builder for a transceiver bind with SMPP 3.4 and empty fields. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this bind's values. */
    public Builder toBuilder() {
        return new Builder().type(type).sequenceNumber(sequenceNumber).systemId(systemId).password(password)
                .systemType(systemType).interfaceVersion(interfaceVersion).addressRange(addressRange).tlvs(tlvs);
    }

    @Override
    public CommandId commandId() {
        return type.requestId();
    }

    @Override
    public Bind withSequenceNumber(int sequenceNumber) {
        return new Bind(type, sequenceNumber, systemId, password, systemType, interfaceVersion, addressRange, tlvs);
    }

    @Override
    public BindResp createResponse(CommandStatus status) {
        return new BindResp(type, status, sequenceNumber, "");
    }

    void validate() {
        String cmd = type.requestId().smppName();
        Check.cString(cmd, "system_id", systemId, Check.SYSTEM_ID);
        Check.cString(cmd, "password", password, Check.PASSWORD);
        Check.cString(cmd, "system_type", systemType, Check.SYSTEM_TYPE);
        Check.address(cmd, "address_range", addressRange, Check.ADDRESS_RANGE);
    }

    /** One line with the password masked, e.g. {@code Bind{seq=1, type=TRANSCEIVER, systemId=acme, password=***}}. */
    @Override
    public String toString() {
        StringBuilder sb = ToStrings.request("Bind", sequenceNumber);
        sb.append(", type=").append(type).append(", systemId=").append(ToStrings.safe(systemId)).append(", password=***");
        if (!systemType.isEmpty()) {
            sb.append(", systemType=").append(ToStrings.safe(systemType));
        }
        sb.append(", version=").append(Hex.byteString(interfaceVersion));
        if (!addressRange.isEmpty() || addressRange.ton().value() != 0 || addressRange.npi().value() != 0) {
            sb.append(", addressRange=").append(addressRange);
        }
        return ToStrings.end(sb, tlvs);
    }

    /** Builds a {@link Bind}; {@link #build()} checks the specification's field limits. */
    public static final class Builder {
        private BindType type = BindType.TRANSCEIVER;
        private int sequenceNumber;
        private String systemId = "";
        private String password = "";
        private String systemType = "";
        private int interfaceVersion = SMPP_34;
        private Address addressRange = Address.EMPTY;
        private Tlvs tlvs = Tlvs.EMPTY;

        private Builder() {
        }

        /** Transmitter, receiver or transceiver (the default). */
        public Builder type(BindType type) {
            this.type = Objects.requireNonNull(type, "type");
            return this;
        }

        /** The sequence number (the session normally assigns it). */
        public Builder sequenceNumber(int sequenceNumber) {
            this.sequenceNumber = sequenceNumber;
            return this;
        }

        /** The account name, at most 15 characters. */
        public Builder systemId(String systemId) {
            this.systemId = Objects.requireNonNull(systemId, "systemId");
            return this;
        }

        /** The password, at most 8 characters. */
        public Builder password(String password) {
            this.password = Objects.requireNonNull(password, "password");
            return this;
        }

        /** The system type, at most 12 characters. */
        public Builder systemType(String systemType) {
            this.systemType = Objects.requireNonNull(systemType, "systemType");
            return this;
        }

        /** The interface version, 0x34 by default. */
        public Builder interfaceVersion(int interfaceVersion) {
            this.interfaceVersion = interfaceVersion;
            return this;
        }

        /** The address range, at most 40 characters. */
        public Builder addressRange(Address addressRange) {
            this.addressRange = Objects.requireNonNull(addressRange, "addressRange");
            return this;
        }

        /** The optional parameters. */
        public Builder tlvs(Tlvs tlvs) {
            this.tlvs = Objects.requireNonNull(tlvs, "tlvs");
            return this;
        }

        /**
         * The bind.
         *
         * @throws PduEncodeException when a field breaks its limit
         */
        public Bind build() {
            Bind bind = new Bind(type, sequenceNumber, systemId, password, systemType, interfaceVersion,
                    addressRange, tlvs);
            bind.validate();
            return bind;
        }
    }
}
