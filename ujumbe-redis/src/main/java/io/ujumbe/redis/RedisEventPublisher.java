package io.ujumbe.redis;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lettuce.core.RedisClient;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.ujumbe.client.ClientListener;
import io.ujumbe.client.Correlation;
import io.ujumbe.client.InboundMessage;
import io.ujumbe.client.MessageOutcome;
import io.ujumbe.client.ReceiptEvent;
import io.ujumbe.receipt.DeliveryReceipt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * A {@link ClientListener} that publishes what the client hears to Redis Streams, so that
 * applications in any language can consume it (XREAD or their own consumer group). Each stream
 * entry has one field, {@code event}, holding a JSON object with {@code "version":1} and
 * {@code "type"} ({@code outcome}, {@code receipt} or {@code inbound}); docs/deployment.md lists the
 * fields. Streams are trimmed approximately to {@code maxLength} entries.
 *
 * <p>Receipts and inbound messages are answered to the SMSC only once their entry is in Redis (the
 * returned stage is the XADD): if Redis is down the SMSC is told to deliver them again, so none is
 * lost. Outcomes are published without holding anything up; a failed publish is logged.
 */
public final class RedisEventPublisher implements ClientListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RedisEventPublisher.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String outcomes;
    private final String receipts;
    private final String inbound;
    private final long maxLength;
    private final StatefulRedisConnection<String, String> connection;
    private final RedisAsyncCommands<String, String> redis;

    private RedisEventPublisher(Builder b) {
        this.outcomes = b.outcomes;
        this.receipts = b.receipts;
        this.inbound = b.inbound;
        this.maxLength = b.maxLength;
        this.connection = b.client.connect();
        this.redis = connection.async();
    }

    public static Builder builder(RedisClient client) {
        return new Builder(client);
    }

    @Override
    public void onOutcome(MessageOutcome outcome) {
        ObjectNode o = event("outcome");
        o.put("correlationId", outcome.correlationId());
        putMap(o.putObject("metadata"), outcome.metadata());
        o.put("attempts", outcome.attempts());
        if (outcome instanceof MessageOutcome.Accepted a) {
            o.put("accepted", true);
            ArrayNode ids = o.putArray("messageIds");
            a.messageIds().forEach(ids::add);
        } else if (outcome instanceof MessageOutcome.Failed f) {
            o.put("accepted", false);
            o.put("reason", f.reason());
            o.put("sendState", f.sendState().name()); // whether the SMSC may have it: resend only NOT_SENT
            f.commandStatus().ifPresent(s -> o.put("status", s.name()).put("statusCode", s.code()));
        }
        publish(outcomes, o).whenComplete((id, err) -> {
            if (err != null) {
                LOG.atWarn().setCause(err).addKeyValue("correlationId", outcome.correlationId())
                        .addKeyValue("stream", outcomes).log("outcome could not be published to redis");
            }
        });
    }

    @Override
    public CompletionStage<Void> onReceipt(ReceiptEvent event) {
        DeliveryReceipt r = event.receipt();
        ObjectNode o = event("receipt");
        o.put("messageId", r.messageId());
        o.put("matched", event.correlation().isPresent());
        if (event.correlation().isPresent()) {
            Correlation c = event.correlation().get();
            o.put("correlationId", c.correlationId());
            putMap(o.putObject("metadata"), c.metadata());
            o.put("part", c.partNumber());
            o.put("parts", c.totalParts());
        }
        o.put("outcome", r.outcome().name());
        o.put("stat", r.stat());
        o.put("err", r.err());
        o.put("submitDate", r.submitDateText());
        o.put("doneDate", r.doneDateText());
        r.messageState().ifPresent(s -> o.put("messageState", s.name()));
        if (event.sessionId() != null) {
            o.put("sessionId", event.sessionId());
        }
        return publish(receipts, o).thenApply(id -> null);
    }

    @Override
    public CompletionStage<Void> onInboundMessage(InboundMessage m) {
        ObjectNode o = event("inbound");
        o.put("from", m.source().address());
        o.put("to", m.destination().address());
        o.put("text", m.text());
        o.put("payloadBase64", Base64.getEncoder().encodeToString(m.payload()));
        o.put("dataCoding", m.dataCoding());
        o.put("parts", m.parts());
        if (m.sessionId() != null) {
            o.put("sessionId", m.sessionId());
        }
        return publish(inbound, o).thenApply(id -> null);
    }

    /** Closes the connection (not the RedisClient). */
    @Override
    public void close() {
        if (connection.isOpen()) {
            connection.close();
        }
    }

    public String outcomesStream() {
        return outcomes;
    }

    public String receiptsStream() {
        return receipts;
    }

    public String inboundStream() {
        return inbound;
    }

    @Override
    public String toString() {
        return "RedisEventPublisher[outcomes=" + outcomes + ", receipts=" + receipts + ", inbound=" + inbound + "]";
    }

    private static ObjectNode event(String type) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("version", 1);
        o.put("type", type);
        o.put("at", Instant.now().toString());
        return o;
    }

    private static void putMap(ObjectNode target, Map<String, String> map) {
        map.forEach(target::put);
    }

    private CompletionStage<String> publish(String stream, ObjectNode event) {
        return redis.xadd(stream, XAddArgs.Builder.maxlen(maxLength).approximateTrimming(), "event", event.toString());
    }

    /** Settings of a {@link RedisEventPublisher}; every one has a default. */
    public static final class Builder {
        private final RedisClient client;
        private String outcomes = "ujumbe:outcomes";
        private String receipts = "ujumbe:receipts";
        private String inbound = "ujumbe:inbound";
        private long maxLength = 1_000_000;

        private Builder(RedisClient client) {
            this.client = Objects.requireNonNull(client, "client");
        }

        /** The outcomes stream; default {@code ujumbe:outcomes}. */
        public Builder outcomesStream(String name) {
            this.outcomes = check("outcomesStream", name);
            return this;
        }

        /** The receipts stream; default {@code ujumbe:receipts}. */
        public Builder receiptsStream(String name) {
            this.receipts = check("receiptsStream", name);
            return this;
        }

        /** The inbound (MO) stream; default {@code ujumbe:inbound}. */
        public Builder inboundStream(String name) {
            this.inbound = check("inboundStream", name);
            return this;
        }

        /** Approximate number of entries each stream keeps; at least 1, default 1,000,000. */
        public Builder maxLength(long n) {
            if (n < 1) {
                throw new IllegalArgumentException("redis event stream maxLength must be at least 1, was " + n);
            }
            this.maxLength = n;
            return this;
        }

        /** Connects (once, on the calling thread). */
        public RedisEventPublisher build() {
            return new RedisEventPublisher(this);
        }

        private static String check(String setting, String name) {
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException("redis " + setting + " must not be empty");
            }
            return name;
        }
    }
}
