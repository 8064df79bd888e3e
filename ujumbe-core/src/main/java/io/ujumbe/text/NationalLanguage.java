package io.ujumbe.text;

import java.util.Optional;

/**
 * The national languages of 3GPP TS 23.038 section 6.2.1.2.4, whose single-shift and locking-shift
 * tables extend the GSM 7-bit alphabet. The identifier is the value carried in the user data header
 * information elements 0x24 (single shift) and 0x25 (locking shift).
 */
public enum NationalLanguage {
    TURKISH(1),
    SPANISH(2),
    PORTUGUESE(3),
    BENGALI(4),
    GUJARATI(5),
    HINDI(6),
    KANNADA(7),
    MALAYALAM(8),
    ORIYA(9),
    PUNJABI(10),
    TAMIL(11),
    TELUGU(12),
    URDU(13);

    private final int id;

    NationalLanguage(int id) {
        this.id = id;
    }

    /** The language identifier used in the UDH national-language information elements. */
    public int id() {
        return id;
    }

    /** The language with this identifier, or empty (0 means the default GSM alphabet). */
    public static Optional<NationalLanguage> of(int id) {
        for (NationalLanguage l : values()) {
            if (l.id == id) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }
}
