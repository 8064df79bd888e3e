package io.ujumbe.smsc;

import java.util.Objects;

/**
 * An inbound SMS (MO) to inject into the simulator, from a handset to an ESME: the sender
 * ({@code from}, a number such as {@code +254700000001} or an alphanumeric id), the number it was
 * sent to ({@code to}, often a short code such as {@code 12345}), its text, and optionally the
 * account whose sessions receive it ({@code systemId}; null means a receiver of any account).
 * See {@link SmscSimulator#queueMo(MoRequest)} for the TON each address goes out with.
 *
 * @param from     the sender; not blank
 * @param to       the destination; not blank
 * @param text     the text, any length (a long text goes in parts); not null
 * @param systemId the receiving account, or null for any
 * @param coding   how the text is encoded: {@code auto} (the cheapest that fits: GSM 03.38, else
 *                 UCS-2), {@code gsm} or {@code ucs2}
 */
public record MoRequest(String from, String to, String text, String systemId, String coding) {

    /** @throws IllegalArgumentException naming {@code from}, {@code to} or {@code text} when one is missing */
    public MoRequest {
        if (from == null || from.isBlank()) {
            throw new IllegalArgumentException("from must not be empty");
        }
        if (to == null || to.isBlank()) {
            throw new IllegalArgumentException("to must not be empty");
        }
        if (text == null) {
            throw new IllegalArgumentException("text must not be null");
        }
        systemId = systemId == null || systemId.isBlank() ? null : systemId;
        coding = coding == null || coding.isBlank() ? "auto" : coding.trim().toLowerCase(java.util.Locale.ROOT);
        if (!coding.equals("auto") && !coding.equals("gsm") && !coding.equals("ucs2")) {
            throw new IllegalArgumentException("coding must be auto, gsm or ucs2, was \"" + coding + "\"");
        }
    }

    /** An MO whose text is encoded the cheapest way that fits. */
    public MoRequest(String from, String to, String text, String systemId) {
        this(from, to, text, systemId, "auto");
    }

    /** An MO for a receiver of any account. */
    public static MoRequest of(String from, String to, String text) {
        return new MoRequest(from, to, text, null);
    }

    /** The same MO for a receiver of {@code systemId} (null or blank: any account). */
    public MoRequest withSystemId(String systemId) {
        return new MoRequest(from, to, text, systemId, coding);
    }

    @Override
    public String toString() {
        // The text is the subscriber's: its length is enough for logs.
        return "MoRequest[from=" + from + ", to=" + to + ", textLength=" + text.length()
                + ", systemId=" + Objects.requireNonNullElse(systemId, "*") + ", coding=" + coding + "]";
    }
}
