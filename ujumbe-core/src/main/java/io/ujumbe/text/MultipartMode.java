package io.ujumbe.text;

/**
 * How {@link MessageSplitter} carries a text that is too long for one short message. The same
 * choices as vumi2's {@code multipart_handling}, with the UDH reference width made explicit.
 */
public enum MultipartMode {
    /** Never split: a text that does not fit in one short_message is rejected. */
    SHORT_MESSAGE_ONLY,
    /**
     * One PDU whose message_payload TLV carries the whole text (up to 65,535 octets) and whose
     * short_message is empty; the SMSC splits it for the handset if it must.
     */
    MESSAGE_PAYLOAD,
    /**
     * One PDU per part with the sar_msg_ref_num, sar_total_segments and sar_segment_seqnum TLVs;
     * the short_message holds no concatenation UDH (only the shift-table elements when used). Parts
     * are cut to the same sizes as {@link #UDH_8BIT} because the SMSC adds that header for the
     * handset.
     */
    SAR,
    /** One PDU per part, each starting with the 6-octet UDH {@code 05 00 03 ref total seq}. */
    UDH_8BIT,
    /** One PDU per part, each starting with the 7-octet UDH {@code 06 08 04 refHi refLo total seq}. */
    UDH_16BIT
}
