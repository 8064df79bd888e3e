package io.ujumbe.amqp;

import io.ujumbe.client.ClientListener;
import io.ujumbe.client.InboundMessage;
import io.ujumbe.client.MessageOutcome;
import io.ujumbe.client.ReceiptEvent;
import io.ujumbe.pdu.MessageState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The client's listener that tells vumi what happened, on the broker: each outcome becomes an
 * {@code ack} (with the SMSC's message_id as {@code sent_message_id}) or a {@code nack} on
 * {@code <transport_name>.event}, each matched receipt a {@code delivery_report} (status through the
 * {@link StatusMapping}), each inbound SMS or USSD message a user message on
 * {@code <transport_name>.inbound}. Everything is published persistent with publisher confirms; an
 * outcome's broker delivery is settled only once its event is confirmed, and a receipt or inbound
 * message is answered to the SMSC only then (the returned stage completes on the confirm).
 */
public final class AmqpEventSink implements ClientListener {
    private static final Logger LOG = LoggerFactory.getLogger(AmqpEventSink.class);

    private final Vumi2TransportConfig config;
    private final ConfirmingPublisher publisher;
    private final AmqpOutbox outbox;
    private final Vumi2Mapping mapping;
    private final AtomicLong acks = new AtomicLong();
    private final AtomicLong nacks = new AtomicLong();
    private final AtomicLong reports = new AtomicLong();
    private final AtomicLong inbound = new AtomicLong();

    AmqpEventSink(Vumi2TransportConfig config, ConfirmingPublisher publisher, AmqpOutbox outbox, Vumi2Mapping mapping) {
        this.config = config;
        this.publisher = publisher;
        this.outbox = outbox;
        this.mapping = mapping;
    }

    @Override
    public void onOutcome(MessageOutcome outcome) {
        String userMessageId = outcome.correlationId();
        Vumi2Event event;
        if (outcome instanceof MessageOutcome.Accepted) {
            event = Vumi2Event.ack(userMessageId, ((MessageOutcome.Accepted) outcome).messageId());
        } else {
            // vumi2 puts the message's own id in a nack's sent_message_id.
            event = Vumi2Event.builder(EventType.NACK, userMessageId).sentMessageId(userMessageId)
                    .nackReason(((MessageOutcome.Failed) outcome).reason()).build();
        }
        String entry = outcome.metadata().get(Vumi2Mapping.ENTRY_KEY);
        publisher.publish(config.eventQueue(), Vumi2Json.encode(event)).whenComplete((v, err) -> {
            if (err != null) {
                // Not settled: the broker delivers the message again once this process lets go of it.
                LOG.atWarn().addKeyValue("user_message_id", userMessageId)
                        .log("{} event not confirmed; the outbound message stays on the broker: {}",
                                event.eventType().json(), err.getMessage());
                return;
            }
            (event.eventType() == EventType.ACK ? acks : nacks).incrementAndGet();
            if (entry != null) {
                outbox.settle(entry);
            }
        });
    }

    @Override
    public CompletionStage<Void> onReceipt(ReceiptEvent receipt) {
        if (receipt.correlation().isEmpty()) {
            LOG.atWarn().addKeyValue("smpp_message_id", receipt.receipt().messageId())
                    .log("receipt for an unknown SMPP message id; no delivery_report published (as vumi2)");
            return CompletableFuture.completedFuture(null);
        }
        // vumi2 names the status by the message_state TLV when there is one, else by the text's stat.
        String status = Vumi2Mapping.tlvs(receipt.pdu()).flatMap(t -> t.messageState()).map(MessageState::name)
                .orElse(receipt.receipt().stat());
        return report(receipt.correlation().get().correlationId(), status);
    }

    private CompletableFuture<Void> report(String userMessageId, String smppStatus) {
        Vumi2Event event = Vumi2Event.builder(EventType.DELIVERY_REPORT, userMessageId)
                .deliveryStatus(config.statusMapping().statusOf(smppStatus))
                .transportMetadata(Map.of("smpp_delivery_status", smppStatus))
                .build();
        return publisher.publish(config.eventQueue(), Vumi2Json.encode(event)).thenRun(reports::incrementAndGet);
    }

    @Override
    public CompletionStage<Void> onInboundMessage(InboundMessage message) {
        UserMessage m = mapping.toInbound(message);
        return publisher.publish(config.inboundQueue(), Vumi2Json.encode(m)).thenRun(inbound::incrementAndGet);
    }

    /** ack events confirmed since start. */
    public long acksPublished() {
        return acks.get();
    }

    /** nack events confirmed since start. */
    public long nacksPublished() {
        return nacks.get();
    }

    /** delivery_report events confirmed since start. */
    public long reportsPublished() {
        return reports.get();
    }

    /** Inbound user messages confirmed since start. */
    public long inboundPublished() {
        return inbound.get();
    }

    @Override
    public String toString() {
        return "AmqpEventSink[" + config.eventQueue() + ", " + config.inboundQueue() + "]";
    }
}
