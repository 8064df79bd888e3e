package io.ujumbe.pdu;

/**
 * One destination of a {@link SubmitMulti}: either an SME address (dest_flag 1) or the name of a
 * distribution list kept on the SMSC (dest_flag 2). Exactly one of the two is non-null.
 *
 * @param address              the SME address, or null for a distribution list
 * @param distributionListName the list name (at most 20 characters), or null for an SME address
 */
public record DestinationAddress(Address address, String distributionListName) {

    /** dest_flag for an SME address. */
    public static final int SME_ADDRESS = 1;
    /** dest_flag for a distribution list name. */
    public static final int DISTRIBUTION_LIST = 2;

    /** @throws IllegalArgumentException unless exactly one component is non-null */
    public DestinationAddress {
        if ((address == null) == (distributionListName == null)) {
            throw new IllegalArgumentException("submit_multi.dest_address: exactly one of an SME address and a "
                    + "distribution list name is required");
        }
    }

    /** A destination that is one SME address. */
    public static DestinationAddress sme(Address address) {
        return new DestinationAddress(address, null);
    }

    /** A destination that is a distribution list on the SMSC. */
    public static DestinationAddress distributionList(String name) {
        return new DestinationAddress(null, name);
    }

    /** True for a distribution list name, false for an SME address. */
    public boolean isDistributionList() {
        return distributionListName != null;
    }

    /** The dest_flag written on the wire: 1 for an SME address, 2 for a distribution list. */
    public int destFlag() {
        return isDistributionList() ? DISTRIBUTION_LIST : SME_ADDRESS;
    }

    /** The address as {@code ton:npi:address}, or {@code dl:name}. */
    @Override
    public String toString() {
        return isDistributionList() ? "dl:" + ToStrings.safe(distributionListName) : address.toString();
    }
}
