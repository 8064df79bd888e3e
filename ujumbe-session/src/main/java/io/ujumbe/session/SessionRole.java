package io.ujumbe.session;

/** Which side of the SMPP connection a session plays: the ESME (client) or the SMSC (server). */
public enum SessionRole {
    /** External Short Message Entity: the application's side; binds and submits. */
    ESME,
    /** Short Message Service Centre: accepts binds, takes submissions, delivers. */
    SMSC
}
