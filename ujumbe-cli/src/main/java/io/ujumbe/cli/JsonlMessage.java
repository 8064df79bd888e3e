package io.ujumbe.cli;

import io.ujumbe.client.OutboundMessage;
import io.ujumbe.redis.OutboundMessageJson;

/**
 * One line of a JSON-lines outbox: the project's one message format, version 1 of
 * {@link OutboundMessageJson} (the same object producers XADD to the Redis outbox), e.g.
 * {@code {"version":1,"to":"254700000001","from":"acme","text":"…","correlationId":"…",
 * "metadata":{…},"encoding":"auto","receipt":true}}. {@code version}, {@code to} and {@code text}
 * (or {@code payloadBase64}) are required; unknown fields are rejected, so that a typo in a
 * hand-written file does not silently send something else. A naz queue item
 * ({@code {"version":"1","smpp_event":"submit_sm","short_message":…,"destination_addr":…}}) is
 * read too, by the same codec the Redis outbox uses.
 */
final class JsonlMessage {

    private JsonlMessage() {
    }

    /** The message of one line; throws {@link IllegalArgumentException} naming the field that is wrong. */
    static OutboundMessage parse(String line) {
        return OutboundMessageJson.decodeStrict(line).message();
    }
}
