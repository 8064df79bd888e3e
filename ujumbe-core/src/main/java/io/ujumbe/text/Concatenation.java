package io.ujumbe.text;

/**
 * Where one part sits in a concatenated (multipart) message: the sender's reference shared by all
 * parts, the total number of parts, this part's 1-based sequence number, and whether the reference
 * is 16-bit (UDH IE 0x08, or the SAR TLVs whose sar_msg_ref_num is two octets) rather than 8-bit
 * (UDH IE 0x00). Values are reported as received; {@link InboundPart} validates them.
 *
 * @param reference the concatenation reference, 0..255 or 0..65535
 * @param total the number of parts, 0..255 as received
 * @param sequence this part's number, 0..255 as received (valid parts use 1..total)
 * @param sixteenBit true for a 16-bit reference
 */
public record Concatenation(int reference, int total, int sequence, boolean sixteenBit) {
    public Concatenation {
        int maxReference = sixteenBit ? 0xFFFF : 0xFF;
        if (reference < 0 || reference > maxReference) {
            throw new IllegalArgumentException("reference must be 0.." + maxReference + ", was " + reference);
        }
        if (total < 0 || total > 0xFF) {
            throw new IllegalArgumentException("total must be 0..255, was " + total);
        }
        if (sequence < 0 || sequence > 0xFF) {
            throw new IllegalArgumentException("sequence must be 0..255, was " + sequence);
        }
    }
}
