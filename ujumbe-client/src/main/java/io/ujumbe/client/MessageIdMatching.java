package io.ujumbe.client;

/**
 * How message_ids from submit_sm_resp are matched to receipted ids in delivery receipts. Some SMSCs
 * write the id in hex in one and in decimal in the other (Kannel's msg-id-type exists for this).
 */
public enum MessageIdMatching {
    /** The ids are the same strings (case-insensitive for hex digits). */
    EXACT,
    /** submit_sm_resp id is hex, the receipt's is decimal. */
    SUBMIT_HEX_RECEIPT_DECIMAL,
    /** submit_sm_resp id is decimal, the receipt's is hex. */
    SUBMIT_DECIMAL_RECEIPT_HEX,
    /** Try the id as given, then its hex/decimal counterparts: works with any of the above. */
    AUTO
}
