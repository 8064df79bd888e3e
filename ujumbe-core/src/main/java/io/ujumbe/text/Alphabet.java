package io.ujumbe.text;

/**
 * How the bytes of an {@link EncodedText} count toward an SMS's 140 octets, which decides the
 * capacity of each part and where a message may be split.
 */
public enum Alphabet {
    /** GSM 03.38 7-bit, one septet per byte (unpacked); escapes (0x1B x) take two septets. */
    GSM7,
    /** UCS-2 / UTF-16BE: two octets per unit; a surrogate pair takes two units and is never split. */
    UCS2,
    /** Any 8-bit charset or binary data: one octet per unit (Latin-1, IA5, ISO-8859-x, binary …). */
    OCTET
}
