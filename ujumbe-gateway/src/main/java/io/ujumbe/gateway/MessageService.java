package io.ujumbe.gateway;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The gateway's one way in for MT messages, whichever door they come by (the JSON API, the Kannel
 * and Jasmin endpoints, an SMPP front): interceptors, routing, the status store, the connector's
 * queue. Authentication, rate limits and quotas are the door's job, done before. Never blocks.
 */
public interface MessageService {

    /**
     * Takes messages: each is intercepted, routed, recorded and queued.
     *
     * @param messages the messages, one destination each, ids already given
     * @return one result per message, in order, once each is recorded and queued (or refused)
     */
    CompletionStage<List<SubmitResult>> submit(List<GatewayMessage> messages);

    /**
     * A message's status and timeline.
     *
     * @param id the gateway's id
     * @return the view, or empty when unknown
     */
    CompletionStage<Optional<MessageView>> find(String id);
}
