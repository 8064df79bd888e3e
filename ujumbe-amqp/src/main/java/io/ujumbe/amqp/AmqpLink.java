package io.ujumbe.amqp;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The one connection to the broker, kept up: connects (declaring vumi's topology), tells the
 * participants (publisher, outbox consumer) when it is up and when it is lost, and reconnects with
 * backoff. Everything that touches a channel runs on this link's single thread, so a reconnection
 * never races a publish or an ack. The RabbitMQ client's own automatic recovery is off: after a
 * loss the broker has requeued every unacknowledged delivery, and unconfirmed publishes are sent
 * again on the new connection, which is simpler to get right than recovering channels in place.
 */
final class AmqpLink implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AmqpLink.class);

    /** Something that uses the connection. Called on the link thread. */
    interface Participant {
        /** The connection is up (topology declared); open channels on it. */
        void connected(Connection connection) throws Exception;

        /** The connection is gone; every channel of it is dead. */
        void disconnected();
    }

    private final Vumi2TransportConfig config;
    private final ConnectionFactory factory;
    private final ScheduledExecutorService thread;
    private final List<Participant> participants = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> firstConnection = new CompletableFuture<>();
    private volatile Connection connection;
    private volatile boolean closed;
    private long delayMillis;

    AmqpLink(Vumi2TransportConfig config) {
        this.config = config;
        this.factory = new ConnectionFactory();
        factory.setHost(config.amqpHost());
        factory.setPort(config.amqpPort());
        factory.setUsername(config.amqpUsername());
        factory.setPassword(config.amqpPassword());
        factory.setVirtualHost(config.amqpVhost());
        factory.setAutomaticRecoveryEnabled(false);
        factory.setTopologyRecoveryEnabled(false);
        factory.setRequestedHeartbeat(30);
        factory.setConnectionTimeout(10_000);
        this.delayMillis = config.reconnectDelay().toMillis();
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ujumbe-amqp-" + config.transportName());
            t.setDaemon(true);
            return t;
        });
    }

    void add(Participant p) {
        participants.add(p);
    }

    /** Starts connecting; the future completes at the first successful connection. */
    CompletableFuture<Void> start() {
        thread.execute(this::connect);
        return firstConnection;
    }

    /** Runs {@code task} on the link thread; false when the link is closed and the task will not run. */
    boolean execute(Runnable task) {
        try {
            thread.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.atWarn().setCause(e).log("AMQP task failed");
                }
            });
            return true;
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return false;
        }
    }

    /** Runs {@code task} on the link thread after {@code delay}. */
    void schedule(Runnable task, Duration delay) {
        try {
            thread.schedule(() -> execute(task), Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // Closed: whatever the task was for stays on the broker, unsettled.
        }
    }

    boolean isConnected() {
        Connection c = connection;
        return c != null && c.isOpen();
    }

    /** A channel broke in a way only a new connection mends: drop the connection (reconnects). Link thread. */
    void reset(String why) {
        Connection c = connection;
        if (c != null) {
            LOG.atWarn().addKeyValue("broker", config.amqpRedactedUri()).log("resetting the AMQP connection: {}", why);
            lost(c);
            try {
                c.abort(1000);
            } catch (RuntimeException ignored) {
                // already gone
            }
        }
    }

    private void connect() {
        if (closed || connection != null) {
            return;
        }
        Connection c = null;
        try {
            c = factory.newConnection("ujumbe " + config.transportName());
            declareTopology(c);
            Connection conn = c;
            c.addShutdownListener(cause -> {
                if (!cause.isInitiatedByApplication()) {
                    LOG.atWarn().addKeyValue("broker", config.amqpRedactedUri())
                            .log("AMQP connection lost: {}", cause.getMessage());
                }
                execute(() -> lost(conn));
            });
            connection = c;
            for (Participant p : participants) {
                p.connected(c);
            }
            delayMillis = config.reconnectDelay().toMillis();
            LOG.atInfo().addKeyValue("broker", config.amqpRedactedUri()).addKeyValue("transport", config.transportName())
                    .log("connected to the AMQP broker");
            firstConnection.complete(null);
        } catch (Exception e) {
            LOG.atWarn().addKeyValue("broker", config.amqpRedactedUri()).addKeyValue("retryInMs", delayMillis)
                    .log("cannot connect to the AMQP broker: {}", String.valueOf(e.getMessage()));
            if (c != null) {
                if (connection == c) {
                    lost(c);
                }
                try {
                    c.abort(1000);
                } catch (RuntimeException ignored) {
                    // closing what failed
                }
            }
            retryLater();
        }
    }

    private void retryLater() {
        if (closed) {
            return;
        }
        long d = delayMillis;
        delayMillis = Math.min(d * 2, config.reconnectDelay().toMillis() * 16);
        try {
            thread.schedule(this::connect, d, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closing
        }
    }

    private void lost(Connection c) {
        if (connection != c) {
            return;
        }
        connection = null;
        for (Participant p : participants) {
            try {
                p.disconnected();
            } catch (RuntimeException e) {
                LOG.atWarn().setCause(e).log("AMQP participant failed on disconnect");
            }
        }
        retryLater();
    }

    /** vumi's topology: exchange {@code vumi} (direct, durable), the three durable queues bound by their own names. */
    private void declareTopology(Connection c) throws Exception {
        try (Channel ch = c.createChannel()) {
            ch.exchangeDeclare(Vumi2Transport.EXCHANGE, BuiltinExchangeType.DIRECT, true);
            for (String q : List.of(config.outboundQueue(), config.inboundQueue(), config.eventQueue())) {
                ch.queueDeclare(q, true, false, false, null);
                ch.queueBind(q, Vumi2Transport.EXCHANGE, q);
            }
        }
    }

    /** Closes the connection and the link thread; participants are told they are disconnected. */
    @Override
    public void close() {
        closed = true;
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            thread.execute(() -> {
                Connection c = connection;
                if (c != null) {
                    lost(c);
                    try {
                        c.close(2000);
                    } catch (Exception ignored) {
                        // closing anyway
                    }
                }
                done.complete(null);
            });
            done.get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.atDebug().log("AMQP link close: {}", e.toString());
        }
        thread.shutdownNow();
        firstConnection.completeExceptionally(new IllegalStateException("transport closed"));
    }
}
