package io.ujumbe.gateway;

/**
 * One delivery report to tell a message's sender: the SMSC's acceptance or rejection
 * ({@code smsc} level) or a receipt ({@code terminal} level).
 *
 * @param level {@code smsc} or {@code terminal}
 * @param status the callback status: accepted, rejected, delivered, undeliverable, expired, deleted, unknown, enroute …
 * @param stat the receipt's stat (DELIVRD …) or the SMSC's command status name for the smsc level
 * @param errorCode the error code (the receipt's err, or the command status as a number), or null
 * @param smscMessageId the SMSC's message id, or null when it rejected the message
 * @param connector the connector
 * @param receiptText the receipt's text, or null
 * @param submitted the receipt's sub count, or null
 * @param deliveredCount the receipt's dlvrd count, or null
 * @param submitDate the receipt's submit date text, or null
 * @param doneDate the receipt's done date text, or null
 * @param at when the gateway learnt it, epoch milliseconds
 */
public record DeliveryReport(String level, String status, String stat, String errorCode, String smscMessageId,
                             String connector, String receiptText, String submitted, String deliveredCount,
                             String submitDate, String doneDate, long at) {

    /** @return true for a receipt, false for the SMSC's answer */
    public boolean terminal() {
        return level.equals("terminal");
    }

    /** @return Kannel's dlr type: 1 delivered, 2 failed, 4 intermediate, 8 SMSC accepted, 16 SMSC rejected */
    public int kannelType() {
        if (!terminal()) {
            return status.equals("accepted") ? 8 : 16;
        }
        return ReceiptStatuses.kannelType(stat);
    }
}
