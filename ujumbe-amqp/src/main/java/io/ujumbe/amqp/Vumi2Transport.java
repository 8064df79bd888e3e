package io.ujumbe.amqp;

import io.ujumbe.client.ClientConfig;
import io.ujumbe.client.SmppClient;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * vumi2's SMPP transport on ujumbe: an {@link SmppClient} whose outbox is the broker's
 * {@code <transport_name>.outbound} queue ({@link AmqpOutbox}) and whose listener publishes acks,
 * nacks, delivery reports and inbound messages to {@code <transport_name>.event} and
 * {@code .inbound} ({@link AmqpEventSink}), all on the {@code vumi} exchange with vumi2's JSON. A
 * vumi2 application does not see the difference.
 *
 * <pre>{@code
 * Vumi2Transport transport = Vumi2Transport.create(
 *         Vumi2TransportConfig.builder().amqpUri("amqp://guest:guest@rabbit:5672/%2F").transportName("smpp").build(),
 *         ClientConfig.builder().host("smsc.example.com").port(2775).systemId("acme").password("secret"));
 * transport.start();
 * ...
 * transport.stop(Duration.ofSeconds(30)).join();
 * }</pre>
 *
 * <p>Delivery is at-least-once end to end: an outbound message is acknowledged to the broker only
 * after the event about its outcome was confirmed; a process that dies or loses the broker leaves
 * its unsettled messages for the broker to deliver again.
 */
public interface Vumi2Transport extends AutoCloseable {
    /** The exchange vumi uses: {@code vumi}, direct, durable. */
    String EXCHANGE = "vumi";

    /**
     * A transport for {@code config}; {@code client} holds the SMPP settings (SMSC, account, window,
     * rate, TLS …). The transport sets the client's outbox, adds its listener and sets the submit
     * defaults vumi2's configuration gives (registered delivery, multipart mode, empty source).
     * Nothing connects until {@link #start()}.
     */
    static Vumi2Transport create(Vumi2TransportConfig config, ClientConfig.Builder client) {
        return new DefaultVumi2Transport(config, client);
    }

    /**
     * Connects to the broker (declaring vumi's exchange and queues) and to the SMSC, and keeps both
     * up. The future completes when the broker connection and the first bind are up.
     */
    CompletableFuture<Void> start();

    /**
     * Graceful drain: stops consuming outbound messages, waits up to {@code timeout} for those in
     * flight to reach their outcome and their events to be confirmed, stops the client and closes
     * the broker connection. What is left unsettled goes back to the broker.
     */
    CompletableFuture<Void> stop(Duration timeout);

    /** The SMPP client. */
    SmppClient client();

    /** The outbox on {@code <transport_name>.outbound}. */
    AmqpOutbox outbox();

    /** The listener publishing events and inbound messages. */
    AmqpEventSink eventSink();

    /** True while the broker connection is up. */
    boolean brokerConnected();

    /** The configuration. */
    Vumi2TransportConfig config();

    /** Stops with a 10-second drain. */
    @Override
    default void close() {
        stop(Duration.ofSeconds(10)).join();
    }
}
