package io.ujumbe.client;

import io.ujumbe.pdu.CommandStatus;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The terminal outcome of one {@link OutboundMessage}: every message handed to the client gets
 * exactly one, {@link Accepted} (the SMSC took every part and gave their message ids) or
 * {@link Failed} (with the SMSC's status or the exception, and why no retry was made).
 */
public sealed interface MessageOutcome {

    OutboundMessage message();

    /** How many times the message was sent (1 when it went through first time). */
    int attempts();

    default String correlationId() {
        return message().correlationId();
    }

    default Map<String, String> metadata() {
        return message().metadata();
    }

    default boolean isAccepted() {
        return this instanceof Accepted;
    }

    /** The SMSC accepted every part; {@code messageIds} holds each part's message_id in part order. */
    record Accepted(OutboundMessage message, List<String> messageIds, int attempts) implements MessageOutcome {
        public Accepted {
            Objects.requireNonNull(message, "message");
            messageIds = List.copyOf(messageIds);
        }

        /** The first (or only) part's message_id. */
        public String messageId() {
            return messageIds.get(0);
        }
    }

    /**
     * The message will not be sent (again): the SMSC rejected it ({@code status}), or it could not be
     * sent ({@code cause}: a timeout after the last attempt, unencodable text, the client stopping).
     * {@code sendState} says whether the SMSC may have it despite the failure, over all attempts:
     * {@link SendState#NOT_SENT} only when no byte of any attempt left the process. An application
     * that resends failed messages must look at it, not at the words of {@code reason}.
     */
    record Failed(OutboundMessage message, CommandStatus status, String reason, Throwable cause, int attempts,
                  SendState sendState) implements MessageOutcome {
        public Failed {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(sendState, "sendState");
        }

        /**
         * A failure whose send state is not known: {@link SendState#SENT_NO_ANSWER} (the SMSC may
         * have the message), the assumption that never makes an application send a duplicate.
         */
        public Failed(OutboundMessage message, CommandStatus status, String reason, Throwable cause, int attempts) {
            this(message, status, reason, cause, attempts, SendState.SENT_NO_ANSWER);
        }

        /** The SMSC's error status, when the failure is the SMSC's answer. */
        public Optional<CommandStatus> commandStatus() {
            return Optional.ofNullable(status);
        }
    }
}
