package io.ujumbe.pdu;

/**
 * How strictly {@link PduCodec} applies the specification's field limits.
 *
 * <p>Strict (the default): decoding rejects C-octet strings longer than their field allows,
 * times that are neither empty nor 16 characters, known TLVs with a length their type does not
 * allow, and submit_multi with more than 254 destinations, each with the status the peer should
 * get; encoding refuses the same. Lenient: decoding accepts such values as long as the frame
 * itself is well formed (every string has its NUL inside the body, every length stays inside the
 * frame), and encoding writes them back; meant for talking to SMSCs that break the limits.
 *
 * @param strictLengths true to enforce the specification's field lengths in both directions
 */
public record CodecOptions(boolean strictLengths) {

    /** Enforce the specification's field lengths (the default). */
    public static final CodecOptions STRICT = new CodecOptions(true);

    /** Accept and write over-long fields as long as the framing is sound. */
    public static final CodecOptions LENIENT = new CodecOptions(false);
}
