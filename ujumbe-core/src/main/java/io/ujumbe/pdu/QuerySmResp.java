package io.ujumbe.pdu;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to a {@link QuerySm}: the message's state, when it reached a final state, and the
 * network error code if delivery failed.
 *
 * @param commandStatus  the result
 * @param sequenceNumber the query's sequence number
 * @param messageId      the queried message id (at most 64 characters)
 * @param finalDate      when the message reached a final state: "" or 16 characters
 * @param messageState   the message_state value as sent (see {@link #state()})
 * @param errorCode      the network error code, 0 when none
 * @param tlvs           optional parameters (none are defined for query_sm_resp; kept if received)
 */
public record QuerySmResp(CommandStatus commandStatus, int sequenceNumber, String messageId, String finalDate,
                          int messageState, int errorCode, Tlvs tlvs) implements PduResponse {

    /**
     * @throws NullPointerException     when a component is null
     * @throws IllegalArgumentException when messageState or errorCode does not fit one octet
     */
    public QuerySmResp {
        Objects.requireNonNull(commandStatus, "commandStatus");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(finalDate, "finalDate");
        Objects.requireNonNull(tlvs, "tlvs");
        Check.uint8("query_sm_resp", "message_state", messageState);
        Check.uint8("query_sm_resp", "error_code", errorCode);
    }

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyMMddHHmmss");

    /**
     * The final_date of a message that reached its final state at {@code at}: SMPP absolute time in
     * UTC to the second ({@code YYMMDDhhmmss000+}), as SMSCs (the simulator, the gateway's SMPP
     * front) answer query_sm.
     *
     * @param at when the message's state became final
     * @return the 16-character final_date
     */
    public static String finalDate(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC).format(SECONDS) + "000+";
    }

    /** A query_sm_resp without optional parameters. */
    public QuerySmResp(CommandStatus commandStatus, int sequenceNumber, String messageId, String finalDate,
                       int messageState, int errorCode) {
        this(commandStatus, sequenceNumber, messageId, finalDate, messageState, errorCode, Tlvs.EMPTY);
    }

    /** The message state, when the value is one SMPP assigns. */
    public Optional<MessageState> state() {
        return MessageState.of(messageState);
    }

    @Override
    public CommandId commandId() {
        return CommandId.QUERY_SM_RESP;
    }

    @Override
    public QuerySmResp withSequenceNumber(int sequenceNumber) {
        return new QuerySmResp(commandStatus, sequenceNumber, messageId, finalDate, messageState, errorCode, tlvs);
    }

    void validate() {
        Check.cString("query_sm_resp", "message_id", messageId, Check.MESSAGE_ID);
        Check.time("query_sm_resp", "final_date", finalDate);
    }

    /** One line, e.g. {@code QuerySmResp{seq=7, status=ESME_ROK, messageId=0a1b, state=DELIVERED}}. */
    @Override
    public String toString() {
        StringBuilder sb = ToStrings.response("QuerySmResp", commandStatus, sequenceNumber);
        sb.append(", messageId=").append(ToStrings.safe(messageId));
        if (!finalDate.isEmpty()) {
            sb.append(", finalDate=").append(ToStrings.safe(finalDate));
        }
        sb.append(", state=");
        Optional<MessageState> s = state();
        if (s.isPresent()) {
            sb.append(s.get());
        } else {
            sb.append(messageState);
        }
        if (errorCode != 0) {
            sb.append(", errorCode=").append(errorCode);
        }
        return ToStrings.end(sb, tlvs);
    }
}
