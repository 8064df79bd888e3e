package io.ujumbe.smsc;

import io.ujumbe.pdu.BindType;
import io.ujumbe.session.Validate;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * An ESME account the simulator accepts: its system_id, password and the bind types it may use.
 * The password never appears in {@link #toString()}.
 *
 * @param systemId         the system_id the ESME binds with (1..15 characters)
 * @param password         the password it must give (at most 8 characters, as SMPP 3.4 allows)
 * @param allowedBindTypes the bind types it may use; a bind of another type is rejected with
 *                         ESME_RBINDFAIL
 */
public record SmscAccount(String systemId, String password, Set<BindType> allowedBindTypes) {

    /** @throws IllegalArgumentException naming the field when a value is empty, too long, or no bind type is allowed */
    public SmscAccount {
        Validate.notBlank("account.systemId", systemId);
        Validate.maxLength("account.systemId", systemId, 15);
        Objects.requireNonNull(password, "account.password");
        Validate.maxLength("account.password", password, 8);
        Objects.requireNonNull(allowedBindTypes, "account.allowedBindTypes");
        if (allowedBindTypes.isEmpty()) {
            throw new IllegalArgumentException("account.allowedBindTypes of " + systemId + " must not be empty");
        }
        allowedBindTypes = Set.copyOf(allowedBindTypes);
    }

    /** An account that may bind as transmitter, receiver or transceiver. */
    public static SmscAccount allowingAll(String systemId, String password) {
        return new SmscAccount(systemId, password, EnumSet.allOf(BindType.class));
    }

    @Override
    public String toString() {
        return "SmscAccount{systemId=" + systemId + ", password=***, allowedBindTypes=" + allowedBindTypes + "}";
    }
}
