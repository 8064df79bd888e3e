package io.ujumbe.text;

import java.util.Objects;

/**
 * What sending a text will take: the encoding chosen, its length in units of that encoding
 * (septets, UCS-2 code units or octets), the number of SMS parts, and the units each part holds
 * (after the header that the parts carry: shift tables, and concatenation when there are several).
 *
 * @param encoded the text as encoded
 * @param units its length in the encoding's units
 * @param parts the number of SMS needed, at least 1
 * @param unitsPerPart the capacity of each part in units
 */
public record TextPlan(EncodedText encoded, int units, int parts, int unitsPerPart) {
    public TextPlan {
        Objects.requireNonNull(encoded, "encoded");
        if (units < 0) {
            throw new IllegalArgumentException("units must not be negative, was " + units);
        }
        if (parts < 1) {
            throw new IllegalArgumentException("parts must be at least 1, was " + parts);
        }
        if (unitsPerPart < 1) {
            throw new IllegalArgumentException("unitsPerPart must be at least 1, was " + unitsPerPart);
        }
    }

    /** The alphabet of the chosen encoding. */
    public Alphabet alphabet() {
        return encoded.alphabet();
    }

    /** The data_coding of the chosen encoding. */
    public int dataCoding() {
        return encoded.dataCoding();
    }

    /** True when the text goes as one SMS. */
    public boolean singlePart() {
        return parts == 1;
    }
}
