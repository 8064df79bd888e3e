package io.ujumbe.gateway;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Where the gateway keeps each message's record and timeline, for {@code GET /v1/messages/{id}},
 * for the callbacks, and for any other door (an SMPP front's query_sm) to read. Every method is
 * asynchronous and never blocks, so that it can live in Redis and be called from an I/O thread.
 * The default is {@link InMemoryStatusStore}.
 */
public interface StatusStore {
    /** How many of the latest message ids a store remembers for {@link #recent}. */
    int RECENT = 1000;

    /**
     * Stores a new message with its first event.
     *
     * @param record the record
     * @param first its first event (usually {@code queued})
     * @return done when stored
     */
    CompletionStage<Void> create(MessageRecord record, MessageEvent first);

    /**
     * Adds an event to a message's timeline (ignored when the message is unknown or expired).
     *
     * @param id the message id
     * @param event the event
     * @return done when stored
     */
    CompletionStage<Void> append(String id, MessageEvent event);

    /**
     * A message and its timeline.
     *
     * @param id the message id
     * @return the view, or empty when unknown or expired
     */
    CompletionStage<Optional<MessageView>> find(String id);

    /**
     * The messages taken last, newest first, for the console: at most {@link #RECENT} are remembered
     * (and only while their records live). A store that keeps no such list answers none.
     *
     * @param limit the most to return
     * @return the messages with their timelines
     */
    default CompletionStage<List<MessageView>> recent(int limit) {
        return CompletableFuture.completedFuture(List.of());
    }
}
