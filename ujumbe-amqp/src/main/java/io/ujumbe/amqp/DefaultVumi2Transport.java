package io.ujumbe.amqp;

import io.ujumbe.client.ClientConfig;
import io.ujumbe.client.SmppClient;
import io.ujumbe.pdu.Address;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** The default {@link Vumi2Transport}. */
final class DefaultVumi2Transport implements Vumi2Transport {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultVumi2Transport.class);

    private final Vumi2TransportConfig config;
    private final AmqpLink link;
    private final ConfirmingPublisher publisher;
    private final AmqpOutbox outbox;
    private final AmqpEventSink sink;
    private final SmppClient client;
    private volatile CompletableFuture<Void> stopped;

    DefaultVumi2Transport(Vumi2TransportConfig config, ClientConfig.Builder clientBuilder) {
        this.config = config;
        Vumi2Mapping mapping = new Vumi2Mapping(config);
        this.link = new AmqpLink(config);
        this.publisher = new ConfirmingPublisher(link);
        this.outbox = new AmqpOutbox(config, link, publisher, mapping);
        this.sink = new AmqpEventSink(config, publisher, outbox, mapping);
        // The publisher first: on a new connection it resends before the consumer takes new work.
        link.add(publisher);
        link.add(outbox.participant());
        // vumi2's dr_processor_config.regex: the client's receipt parser tries it first.
        config.deliveryReportRegex().ifPresent(clientBuilder::receiptRegex);
        ClientConfig cc = clientBuilder.outbox(outbox).addListener(sink)
                .defaultRegisteredDelivery(config.registeredDelivery())
                .multipartMode(config.multipartHandling().mode())
                .defaultSource(new Address(config.sourceTon(), config.sourceNpi(), ""))
                .build();
        this.client = SmppClient.create(cc);
    }

    @Override
    public CompletableFuture<Void> start() {
        LOG.atInfo().addKeyValue("broker", config.amqpRedactedUri()).addKeyValue("transport", config.transportName())
                .addKeyValue("prefetch", config.prefetch()).log("vumi2 transport starting");
        CompletableFuture<Void> broker = link.start();
        CompletableFuture<Void> smpp = client.start();
        return CompletableFuture.allOf(broker, smpp);
    }

    @Override
    public synchronized CompletableFuture<Void> stop(Duration timeout) {
        if (stopped != null) {
            return stopped;
        }
        stopped = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                drain(timeout);
            } catch (RuntimeException e) {
                LOG.atWarn().setCause(e).log("vumi2 transport stop failed");
            } finally {
                stopped.complete(null);
            }
        }, "ujumbe-vumi2-stop");
        t.setDaemon(true);
        t.start();
        return stopped;
    }

    /** Runs on its own thread: waiting here blocks no I/O thread. */
    private void drain(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        outbox.stopConsuming();
        // Let what was taken reach its outcome and its event be confirmed (it is then settled).
        while (outbox.size() > 0 && System.nanoTime() - deadline < 0 && client.boundSessions() > 0) {
            pause();
        }
        Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
        client.stop(left.isZero() ? Duration.ofSeconds(1) : left).join();
        outbox.releaseUnsent();
        while ((publisher.outstanding() > 0 || outbox.size() > 0) && System.nanoTime() - deadline < 0 && link.isConnected()) {
            pause();
        }
        LOG.atInfo().addKeyValue("unsettled", outbox.size()).addKeyValue("unconfirmed", publisher.outstanding())
                .log("vumi2 transport stopped; anything unsettled goes back to the broker");
        publisher.close();
        link.close();
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while draining", e);
        }
    }

    @Override
    public SmppClient client() {
        return client;
    }

    @Override
    public AmqpOutbox outbox() {
        return outbox;
    }

    @Override
    public AmqpEventSink eventSink() {
        return sink;
    }

    @Override
    public boolean brokerConnected() {
        return link.isConnected();
    }

    @Override
    public Vumi2TransportConfig config() {
        return config;
    }

    @Override
    public String toString() {
        return "Vumi2Transport[" + config + "]";
    }
}
