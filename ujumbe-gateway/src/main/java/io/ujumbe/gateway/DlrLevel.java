package io.ujumbe.gateway;

import java.util.Locale;

/**
 * Which delivery reports a message's callback URL receives, as Jasmin's {@code dlr-level}:
 * none, the SMSC's acceptance or rejection, terminal (handset) receipts, or both.
 */
public enum DlrLevel {
    /** No callbacks. */
    NONE,
    /** The SMSC's answer: {@code accepted} or {@code rejected} (Jasmin level 1). */
    SMSC,
    /** Receipts from the network: {@code delivered}, {@code undeliverable}, {@code expired} … (Jasmin level 2). */
    TERMINAL,
    /** Both (Jasmin level 3). */
    ALL;

    /** @return true when the SMSC's acceptance or rejection is reported */
    public boolean smsc() {
        return this == SMSC || this == ALL;
    }

    /** @return true when receipts are reported */
    public boolean terminal() {
        return this == TERMINAL || this == ALL;
    }

    /**
     * The level named in a request or a configuration file.
     *
     * @param text none, smsc, terminal or all (any case)
     * @return the level, or null when the text names none
     */
    public static DlrLevel parse(String text) {
        if (text == null) {
            return null;
        }
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "none":
                return NONE;
            case "smsc":
                return SMSC;
            case "terminal":
                return TERMINAL;
            case "all":
                return ALL;
            default:
                return null;
        }
    }

    /** @return the lower-case name used in JSON and configuration */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
