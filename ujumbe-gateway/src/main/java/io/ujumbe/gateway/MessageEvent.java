package io.ujumbe.gateway;

import java.util.List;

/**
 * One step in a message's timeline: {@code queued}, {@code accepted}, {@code failover},
 * {@code failed}, {@code receipt}, {@code callback}. Appended, never changed, so that gateways
 * sharing one Redis never overwrite each other's steps.
 *
 * @param type the kind of step
 * @param at when, epoch milliseconds
 * @param connector the connector involved, or null
 * @param smscMessageIds the SMSC's ids (accepted) or the receipt's id, else empty
 * @param attempts the submission attempts so far (accepted, failed), else 0
 * @param state the receipt's stat (DELIVRD, UNDELIV …) or the callback's status, else null
 * @param error the error code or reason, else null
 * @param detail free text for people, else null
 */
public record MessageEvent(String type, long at, String connector, List<String> smscMessageIds, int attempts,
                           String state, String error, String detail) {
    /** Normalises the id list. */
    public MessageEvent {
        smscMessageIds = smscMessageIds == null ? List.of() : List.copyOf(smscMessageIds);
    }

    /**
     * A step with only a type and a note.
     *
     * @param type the type
     * @param at when
     * @param connector the connector, or null
     * @param detail the note, or null
     * @return the event
     */
    public static MessageEvent of(String type, long at, String connector, String detail) {
        return new MessageEvent(type, at, connector, List.of(), 0, null, null, detail);
    }
}
