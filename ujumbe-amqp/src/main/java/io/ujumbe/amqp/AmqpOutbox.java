package io.ujumbe.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import io.ujumbe.client.OutboundMessage;
import io.ujumbe.client.Outbox;
import io.ujumbe.client.OutboxEntry;
import io.ujumbe.client.SendState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The client's {@link Outbox} on the broker: it consumes {@code <transport_name>.outbound}, each
 * vumi message becoming an entry, with a prefetch that bounds how many are in flight. A delivery is
 * acknowledged to the broker only when its message has reached its terminal outcome and the ack or
 * nack event about it has been published and confirmed ({@link AmqpEventSink} settles it); until
 * then it stays unacknowledged, so if this process dies or loses the broker, the broker delivers it
 * again (to this transport or another one on the same queue). A body that is not a vumi message is
 * rejected without requeue and logged with the reason. Retries the client asks for wait here,
 * still unacknowledged. {@link #offer} publishes to the outbound queue (the Java API's way in).
 */
public final class AmqpOutbox implements Outbox {
    private static final Logger LOG = LoggerFactory.getLogger(AmqpOutbox.class);

    private final Vumi2TransportConfig config;
    private final AmqpLink link;
    private final ConfirmingPublisher publisher;
    private final Vumi2Mapping mapping;
    private final ConcurrentLinkedQueue<OutboxEntry> ready = new ConcurrentLinkedQueue<>();
    private final Map<String, Delivery> deliveries = new ConcurrentHashMap<>();
    private final List<Runnable> callbacks = new CopyOnWriteArrayList<>();
    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    /** Link thread only. */
    private Channel channel;
    private String consumerTag;
    private volatile boolean consuming = true;

    /** One broker delivery: the channel it came on (its tag means nothing on another) and its tag. */
    private record Delivery(Channel channel, long tag) {
    }

    AmqpOutbox(Vumi2TransportConfig config, AmqpLink link, ConfirmingPublisher publisher, Vumi2Mapping mapping) {
        this.config = config;
        this.link = link;
        this.publisher = publisher;
        this.mapping = mapping;
    }

    /** This outbox's side of the broker connection. */
    AmqpLink.Participant participant() {
        return new AmqpLink.Participant() {
            @Override
            public void connected(Connection connection) throws Exception {
                onConnected(connection);
            }

            @Override
            public void disconnected() {
                onDisconnected();
            }
        };
    }

    private void onConnected(Connection connection) throws Exception {
        if (!consuming) {
            return;
        }
        Channel ch = connection.createChannel();
        ch.basicQos(config.prefetch());
        long gen = generation.incrementAndGet();
        channel = ch;
        ch.addShutdownListener(cause -> {
            if (!cause.isInitiatedByApplication() && !cause.isHardError()) {
                // The channel alone failed (a channel error): only a new connection brings consuming back.
                link.execute(() -> {
                    if (channel == ch) {
                        link.reset("outbound consumer channel closed: " + cause.getMessage());
                    }
                });
            }
        });
        consumerTag = ch.basicConsume(config.outboundQueue(), false, new DefaultConsumer(ch) {
            @Override
            public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
                take(ch, gen, envelope, body);
            }

            @Override
            public void handleCancel(String tag) {
                // The broker cancelled the consumer (the queue was deleted): start over, redeclaring it.
                link.execute(() -> {
                    if (channel == ch && consuming) {
                        link.reset("the broker cancelled the outbound consumer");
                    }
                });
            }
        });
    }

    private void onDisconnected() {
        Channel old = channel;
        channel = null;
        consumerTag = null;
        // The broker requeued everything this channel had not acknowledged: forget what was not yet
        // handed to the client (it comes again); what is in flight finishes, and its ack is dropped.
        ready.removeIf(e -> {
            Delivery d = deliveries.get(e.id());
            if (d != null && d.channel == old) {
                deliveries.remove(e.id());
                return true;
            }
            return false;
        });
    }

    private void take(Channel ch, long gen, Envelope envelope, byte[] body) {
        UserMessage m;
        OutboundMessage om;
        String id = gen + ":" + envelope.getDeliveryTag();
        try {
            m = Vumi2Json.decodeMessage(body);
            om = mapping.toOutbound(m, id);
        } catch (RuntimeException e) {
            rejected.incrementAndGet();
            LOG.atWarn().addKeyValue("queue", config.outboundQueue()).addKeyValue("reason", e.getMessage())
                    .addKeyValue("body", preview(body))
                    .log("outbound message rejected (not requeued): {}", e.getMessage());
            link.execute(() -> {
                try {
                    if (ch.isOpen()) {
                        ch.basicReject(envelope.getDeliveryTag(), false);
                    }
                } catch (Exception ex) {
                    LOG.atDebug().log("reject failed: {}", ex.toString());
                }
            });
            return;
        }
        deliveries.put(id, new Delivery(ch, envelope.getDeliveryTag()));
        // Redelivered by the broker: an earlier holder (a process that died) may have sent it.
        ready.add(new OutboxEntry(id, om, 1, null,
                envelope.isRedeliver() ? SendState.SENT_NO_ANSWER : SendState.NOT_SENT));
        signal();
    }

    private static String preview(byte[] body) {
        String s = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8);
        return body.length > 200 ? s + "…" : s;
    }

    private void signal() {
        for (Runnable r : callbacks) {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.atWarn().setCause(e).log("outbox callback threw");
            }
        }
    }

    @Override
    public CompletionStage<Void> offer(OutboundMessage message) {
        return publisher.publish(config.outboundQueue(), Vumi2Json.encode(mapping.fromOutbound(message)));
    }

    @Override
    public CompletionStage<List<OutboxEntry>> poll(int max) {
        List<OutboxEntry> out = new ArrayList<>(Math.min(max, 64));
        OutboxEntry e;
        while (out.size() < max && (e = ready.poll()) != null) {
            if (deliveries.containsKey(e.id())) {
                out.add(e);
            }
        }
        return CompletableFuture.completedFuture(out);
    }

    /** Nothing to do yet: the delivery is settled once the event about the outcome is confirmed. */
    @Override
    public CompletionStage<Void> ack(OutboxEntry entry) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> nack(OutboxEntry entry, Duration retryAfter) {
        link.schedule(() -> {
            Delivery d = deliveries.get(entry.id());
            if (d != null && d.channel.isOpen()) {
                ready.add(entry.withAttempt(entry.attempt() + 1));
                signal();
            } else {
                // The channel went: the broker has requeued it and delivers it again.
                deliveries.remove(entry.id());
            }
        }, retryAfter);
        return CompletableFuture.completedFuture(null);
    }

    /** Back to the broker at once (requeued) for another transport or the next run. */
    @Override
    public CompletionStage<Void> release(OutboxEntry entry) {
        Delivery d = deliveries.remove(entry.id());
        if (d != null) {
            link.execute(() -> {
                try {
                    if (d.channel.isOpen()) {
                        d.channel.basicNack(d.tag, false, true);
                    }
                } catch (Exception e) {
                    LOG.atDebug().log("requeue failed (the broker requeues it on close): {}", e.toString());
                }
            });
        }
        return CompletableFuture.completedFuture(null);
    }

    /** The event about entry {@code id}'s outcome is confirmed: acknowledge its delivery. */
    void settle(String id) {
        Delivery d = deliveries.remove(id);
        if (d == null) {
            return;
        }
        link.execute(() -> {
            try {
                if (d.channel.isOpen()) {
                    d.channel.basicAck(d.tag, false);
                }
            } catch (Exception e) {
                // The channel is closing: the broker requeues the delivery (at-least-once).
                LOG.atDebug().log("ack failed: {}", e.toString());
            }
        });
    }

    /** Gives back to the broker (requeued) what was taken but never handed to the client. After the client stopped. */
    void releaseUnsent() {
        OutboxEntry e;
        while ((e = ready.poll()) != null) {
            release(e);
        }
    }

    /** Stops taking new messages from the broker (graceful drain); what was taken finishes. */
    void stopConsuming() {
        consuming = false;
        link.execute(() -> {
            Channel ch = channel;
            String tag = consumerTag;
            if (ch != null && tag != null && ch.isOpen()) {
                try {
                    ch.basicCancel(tag);
                } catch (Exception e) {
                    LOG.atDebug().log("cancel failed: {}", e.toString());
                }
            }
        });
    }

    @Override
    public void onAvailable(Runnable callback) {
        callbacks.add(callback);
    }

    /** Broker deliveries this process holds and has not settled. */
    @Override
    public long size() {
        return deliveries.size();
    }

    /** Unsettled deliveries stay on the broker: they survive this process. */
    @Override
    public boolean durable() {
        return true;
    }

    /** Outbound bodies rejected as not being vumi messages, since start. */
    public long rejectedCount() {
        return rejected.get();
    }

    @Override
    public String toString() {
        return "AmqpOutbox[" + config.outboundQueue() + ", prefetch=" + config.prefetch() + ", held=" + deliveries.size() + "]";
    }
}
