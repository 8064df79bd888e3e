package io.ujumbe.gateway;

/**
 * How a message's delivery reports are sent: the gateway's signed JSON POST, or the GET (or POST)
 * with query parameters that Kannel's and Jasmin's clients expect.
 */
public enum CallbackFormat {
    /** POST with the gateway's JSON body and X-Ujumbe-Signature. */
    JSON,
    /** Kannel's dlr-url with its %-escapes expanded, fetched with GET. */
    KANNEL,
    /** Jasmin's dlr-url with its parameters, by the message's dlr-method (GET or POST form). */
    JASMIN
}
