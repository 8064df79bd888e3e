package io.ujumbe.http;

/**
 * An open server-sent event stream ({@code text/event-stream}) to one HTTP client. Safe to use from
 * any thread. A client that does not keep up loses events rather than holding memory: while its
 * connection cannot take more, {@link #send} drops the event and returns false.
 */
public interface EventStream {

    /**
     * Sends one event.
     *
     * @param event the event's name (the {@code event:} field), or null for a plain message
     * @param data the data; each line becomes a {@code data:} line
     * @return false when the stream is closed or the event was dropped because the client is slow
     */
    boolean send(String event, String data);

    /** @return whether the client is still connected */
    boolean isOpen();

    /**
     * Runs {@code action} once when the stream closes (at once when it already has).
     *
     * @param action what to do; must not block
     */
    void onClose(Runnable action);

    /** Ends the stream and closes the connection. */
    void close();
}
