/**
 * Delivery receipts: parsing the text form of SMPP 3.4 Appendix B and its vendor variants, the
 * TLV form (receipted_message_id, message_state, network_error_code), mapping statuses to a
 * {@link io.ujumbe.receipt.ReceiptOutcome}, formatting receipts back to text (for the simulator),
 * and normalising message ids so that a submit_sm_resp id and a receipt id can be matched.
 *
 * <p>Nothing here does I/O and every type is immutable and thread-safe.
 */
package io.ujumbe.receipt;
