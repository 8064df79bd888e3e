package io.ujumbe.pdu;

import java.util.Objects;

/**
 * One destination of a {@link SubmitMulti} that the SMSC could not accept, as listed in
 * {@link SubmitMultiResp}, with the reason.
 *
 * @param address          the destination (address at most 20 characters)
 * @param errorStatusCode  why it failed
 */
public record UnsuccessSme(Address address, CommandStatus errorStatusCode) {

    /** @throws NullPointerException when a component is null */
    public UnsuccessSme {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(errorStatusCode, "errorStatusCode");
    }

    /** {@code ton:npi:address=STATUS}. */
    @Override
    public String toString() {
        return address + "=" + (errorStatusCode.isKnown() ? errorStatusCode.name() : errorStatusCode.toString());
    }
}
