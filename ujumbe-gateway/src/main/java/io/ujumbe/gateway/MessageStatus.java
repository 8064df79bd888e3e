package io.ujumbe.gateway;

import java.util.Locale;

/**
 * Where a gateway message stands, as {@code GET /v1/messages/{id}} shows it. {@link #QUEUED} until
 * an SMSC answers; then {@link #ACCEPTED} (a receipt will follow), {@link #SENT} (accepted, no receipt
 * asked for, so nothing more will be known) or {@link #FAILED}; a receipt then makes it
 * {@link #DELIVERED}, {@link #FAILED} or {@link #EXPIRED}.
 */
public enum MessageStatus {
    /** Taken by the gateway, waiting for a connector's SMSC to answer. */
    QUEUED,
    /** Accepted by the SMSC without a receipt requested: final as far as the gateway can know. */
    SENT,
    /** Accepted by the SMSC (its message id known); a receipt is expected. */
    ACCEPTED,
    /** The handset received it. */
    DELIVERED,
    /** Rejected by the gateway or the SMSC, or undeliverable. */
    FAILED,
    /** The SMSC gave up when its validity period passed. */
    EXPIRED;

    /** @return the lower-case name used in JSON */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return true when no later event changes this status */
    public boolean isFinal() {
        return this == SENT || this == DELIVERED || this == FAILED || this == EXPIRED;
    }
}
