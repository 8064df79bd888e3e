package io.ujumbe.pdu;

import java.util.Objects;

/**
 * The answer to an {@link Unbind}.
 *
 * @param commandStatus  the result
 * @param sequenceNumber the request's sequence number
 * @param tlvs           optional parameters (none are defined for this command; kept if received)
 */
public record UnbindResp(CommandStatus commandStatus, int sequenceNumber, Tlvs tlvs) implements PduResponse {

    /** @throws NullPointerException when a component is null */
    public UnbindResp {
        Objects.requireNonNull(commandStatus, "commandStatus");
        Objects.requireNonNull(tlvs, "tlvs");
    }

    /** An unbind_resp without optional parameters. */
    public UnbindResp(CommandStatus commandStatus, int sequenceNumber) {
        this(commandStatus, sequenceNumber, Tlvs.EMPTY);
    }

    @Override
    public CommandId commandId() {
        return CommandId.UNBIND_RESP;
    }

    @Override
    public UnbindResp withSequenceNumber(int sequenceNumber) {
        return new UnbindResp(commandStatus, sequenceNumber, tlvs);
    }

    /** One line, e.g. {@code UnbindResp{seq=7, status=ESME_ROK}}. */
    @Override
    public String toString() {
        return ToStrings.end(ToStrings.response("UnbindResp", commandStatus, sequenceNumber), tlvs);
    }
}
