package io.ujumbe.receipt;

import io.ujumbe.pdu.NetworkErrorCode;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The receipt TLVs of a deliver_sm or data_sm, as plain values: receipted_message_id (0x001E),
 * message_state (0x0427) and network_error_code (0x0423). It lets {@link DeliveryReceiptParser}
 * work on any PDU model; start from {@link #none()} and add what the PDU carries.
 */
public final class ReceiptTlvs {

    private static final ReceiptTlvs NONE = new ReceiptTlvs(null, null, null);

    private final String receiptedMessageId;
    private final Integer messageState;
    private final NetworkErrorCode networkErrorCode;

    private ReceiptTlvs(String receiptedMessageId, Integer messageState, NetworkErrorCode networkErrorCode) {
        this.receiptedMessageId = receiptedMessageId;
        this.messageState = messageState;
        this.networkErrorCode = networkErrorCode;
    }

    /** No receipt TLVs. */
    public static ReceiptTlvs none() {
        return NONE;
    }

    /** A copy with receipted_message_id; null or blank removes it. */
    public ReceiptTlvs withReceiptedMessageId(String id) {
        String v = id == null || id.isBlank() ? null : id;
        return new ReceiptTlvs(v, messageState, networkErrorCode);
    }

    /**
     * A copy with the message_state octet (kept even when it is not a state SMPP defines).
     *
     * @throws IllegalArgumentException if {@code state} is not 0..255
     */
    public ReceiptTlvs withMessageState(int state) {
        if (state < 0 || state > 0xFF) {
            throw new IllegalArgumentException("message_state must be one octet (0..255), was " + state);
        }
        return new ReceiptTlvs(receiptedMessageId, state, networkErrorCode);
    }

    /** A copy with network_error_code; null removes it. */
    public ReceiptTlvs withNetworkErrorCode(NetworkErrorCode code) {
        return new ReceiptTlvs(receiptedMessageId, messageState, code);
    }

    /** receipted_message_id, when present and not blank. */
    public Optional<String> receiptedMessageId() {
        return Optional.ofNullable(receiptedMessageId);
    }

    /** The message_state octet, when present. */
    public OptionalInt messageState() {
        return messageState == null ? OptionalInt.empty() : OptionalInt.of(messageState);
    }

    /** network_error_code, when present. */
    public Optional<NetworkErrorCode> networkErrorCode() {
        return Optional.ofNullable(networkErrorCode);
    }

    /** True when none of the three TLVs is present. */
    public boolean isEmpty() {
        return receiptedMessageId == null && messageState == null && networkErrorCode == null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReceiptTlvs t
                && Objects.equals(receiptedMessageId, t.receiptedMessageId)
                && Objects.equals(messageState, t.messageState)
                && Objects.equals(networkErrorCode, t.networkErrorCode);
    }

    @Override
    public int hashCode() {
        return Objects.hash(receiptedMessageId, messageState, networkErrorCode);
    }

    @Override
    public String toString() {
        return "ReceiptTlvs{receiptedMessageId=" + receiptedMessageId + ", messageState=" + messageState
                + ", networkErrorCode=" + networkErrorCode + '}';
    }
}
