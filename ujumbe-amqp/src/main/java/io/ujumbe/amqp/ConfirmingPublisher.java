package io.ujumbe.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConfirmListener;
import com.rabbitmq.client.Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Publishes to the {@code vumi} exchange with publisher confirms, persistent (delivery_mode 2): each
 * publish completes only when the broker has confirmed it. A publish the broker nacks, or that was
 * unconfirmed when the connection went, is sent again (at-least-once); while the broker is away,
 * publishes wait. Runs on the link thread; the caller never blocks.
 */
final class ConfirmingPublisher implements AmqpLink.Participant {
    private static final Logger LOG = LoggerFactory.getLogger(ConfirmingPublisher.class);
    private static final AMQP.BasicProperties PERSISTENT_JSON = new AMQP.BasicProperties.Builder()
            .contentType("application/json").deliveryMode(2).build();

    private final AmqpLink link;
    /** Link thread only. */
    private final ArrayDeque<Pending> waiting = new ArrayDeque<>();
    private final AtomicInteger outstanding = new AtomicInteger();
    /** Link thread only. */
    private Channel channel;
    /** The current channel's unconfirmed publishes by sequence number; the confirm thread completes them. */
    private volatile ConcurrentNavigableMap<Long, Pending> unconfirmed = new ConcurrentSkipListMap<>();
    private volatile boolean closed;

    private static final class Pending {
        final String routingKey;
        final byte[] body;
        final CompletableFuture<Void> done = new CompletableFuture<>();

        Pending(String routingKey, byte[] body) {
            this.routingKey = routingKey;
            this.body = body;
        }
    }

    ConfirmingPublisher(AmqpLink link) {
        this.link = link;
    }

    /** Publishes {@code body} with routing key {@code queue}; completes when the broker confirmed it. */
    CompletableFuture<Void> publish(String queue, byte[] body) {
        Pending p = new Pending(queue, body);
        if (closed) {
            p.done.completeExceptionally(new IllegalStateException("AMQP transport stopped; not published"));
            return p.done;
        }
        outstanding.incrementAndGet();
        p.done.whenComplete((v, e) -> outstanding.decrementAndGet());
        if (!link.execute(() -> send(p))) {
            p.done.completeExceptionally(new IllegalStateException("AMQP transport stopped; not published"));
        }
        return p.done;
    }

    /** Publishes not yet confirmed (waiting or sent). */
    int outstanding() {
        return outstanding.get();
    }

    private void send(Pending p) {
        if (p.done.isDone()) {
            return;
        }
        if (closed) {
            p.done.completeExceptionally(new IllegalStateException("AMQP transport stopped; not published"));
            return;
        }
        Channel ch = channel;
        if (ch == null) {
            waiting.add(p);
            return;
        }
        long seq = ch.getNextPublishSeqNo();
        ConcurrentNavigableMap<Long, Pending> map = unconfirmed;
        map.put(seq, p);
        try {
            ch.basicPublish(Vumi2Transport.EXCHANGE, p.routingKey, false, PERSISTENT_JSON, p.body);
        } catch (Exception e) {
            map.remove(seq);
            waiting.addFirst(p);
            link.reset("publish failed: " + e.getMessage());
        }
    }

    @Override
    public void connected(Connection connection) throws Exception {
        Channel ch = connection.createChannel();
        ch.confirmSelect();
        ConcurrentNavigableMap<Long, Pending> map = new ConcurrentSkipListMap<>();
        ch.addConfirmListener(new Confirms(map));
        ch.addShutdownListener(cause -> {
            if (!cause.isInitiatedByApplication() && !cause.isHardError()) {
                link.execute(() -> {
                    if (channel == ch) {
                        link.reset("publishing channel closed: " + cause.getMessage());
                    }
                });
            }
        });
        unconfirmed = map;
        channel = ch;
        List<Pending> again = new ArrayList<>(waiting);
        waiting.clear();
        if (!again.isEmpty()) {
            LOG.atInfo().addKeyValue("count", again.size()).log("publishing again what the broker had not confirmed");
        }
        for (Pending p : again) {
            send(p);
        }
    }

    @Override
    public void disconnected() {
        channel = null;
        ConcurrentNavigableMap<Long, Pending> map = unconfirmed;
        unconfirmed = new ConcurrentSkipListMap<>();
        // Unconfirmed ones first, in the order they were sent, then those that never went.
        List<Pending> again = new ArrayList<>(map.values());
        map.clear();
        again.addAll(waiting);
        waiting.clear();
        for (Pending p : again) {
            if (!p.done.isDone()) {
                waiting.add(p);
            }
        }
    }

    /** Fails what is still waiting or unconfirmed (its message stays unsettled, so nothing is lost). */
    void close() {
        closed = true;
        link.execute(() -> {
            IllegalStateException stopped = new IllegalStateException("AMQP transport stopped before the broker confirmed");
            for (Pending p : waiting) {
                p.done.completeExceptionally(stopped);
            }
            waiting.clear();
            for (Pending p : unconfirmed.values()) {
                p.done.completeExceptionally(stopped);
            }
            unconfirmed.clear();
        });
    }

    private final class Confirms implements ConfirmListener {
        private final ConcurrentNavigableMap<Long, Pending> map;

        Confirms(ConcurrentNavigableMap<Long, Pending> map) {
            this.map = map;
        }

        @Override
        public void handleAck(long seq, boolean multiple) {
            for (Pending p : take(seq, multiple)) {
                p.done.complete(null);
            }
        }

        @Override
        public void handleNack(long seq, boolean multiple) {
            List<Pending> again = take(seq, multiple);
            LOG.atWarn().addKeyValue("count", again.size()).log("the broker refused publishes; sending them again");
            for (Pending p : again) {
                link.execute(() -> send(p));
            }
        }

        private List<Pending> take(long seq, boolean multiple) {
            List<Pending> out = new ArrayList<>();
            if (multiple) {
                ConcurrentNavigableMap<Long, Pending> head = map.headMap(seq, true);
                for (Map.Entry<Long, Pending> e : head.entrySet()) {
                    if (map.remove(e.getKey(), e.getValue())) {
                        out.add(e.getValue());
                    }
                }
            } else {
                Pending p = map.remove(seq);
                if (p != null) {
                    out.add(p);
                }
            }
            return out;
        }
    }
}
