package io.ujumbe.bench.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import io.ujumbe.amqp.UserMessage;
import io.ujumbe.amqp.Vumi2Json;
import io.ujumbe.amqp.Vumi2Transport;
import io.ujumbe.amqp.Vumi2TransportConfig;
import io.ujumbe.client.ClientConfig;
import io.ujumbe.pdu.RegisteredDelivery;
import io.ujumbe.smsc.SmscConfig;
import io.ujumbe.smsc.SmscSimulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Throughput of {@code ujumbe vumi2} through a real broker: N vumi2 user messages are put on
 * {@code <transport>.outbound} first, then a {@link Vumi2Transport} (against an in-process
 * simulator) is started, and the clock runs from its start until the N-th {@code ack} event has
 * been read from {@code <transport>.event} by a plain RabbitMQ consumer. Every message thus went
 * broker → transport → submit_sm → submit_sm_resp → ack event (published, confirmed) → broker
 * ack of the outbound delivery → consumer.
 *
 * <p>Run: {@code java -cp ujumbe-bench/target/benchmarks.jar io.ujumbe.bench.amqp.Vumi2AmqpLoad
 * --amqp amqp://guest:guest@127.0.0.1:5672/%2F --count 20000 [--prefetch 500] [--window 100] [--receipts]}
 */
public final class Vumi2AmqpLoad {
    private Vumi2AmqpLoad() {
    }

    public static void main(String[] args) throws Exception {
        String uri = "amqp://guest:guest@127.0.0.1:5672/%2F";
        int count = 20_000;
        int prefetch = 500;
        int window = 100;
        boolean receipts = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--amqp" -> uri = args[++i];
                case "--count" -> count = Integer.parseInt(args[++i]);
                case "--prefetch" -> prefetch = Integer.parseInt(args[++i]);
                case "--window" -> window = Integer.parseInt(args[++i]);
                case "--receipts" -> receipts = true;
                default -> throw new IllegalArgumentException("unknown flag " + args[i]);
            }
        }
        String name = "bench" + System.currentTimeMillis() % 100000;
        ConnectionFactory f = new ConnectionFactory();
        f.setUri(uri);
        try (SmscSimulator smsc = SmscSimulator.start(SmscConfig.builder().port(0).recordLimit(0)
                .receiptDelay(Duration.ofMillis(10)).build());
             Connection app = f.newConnection("vumi2 load")) {
            Channel ch = app.createChannel();
            ch.exchangeDeclare("vumi", BuiltinExchangeType.DIRECT, true);
            for (String q : List.of(".outbound", ".inbound", ".event")) {
                ch.queueDeclare(name + q, true, false, false, null);
                ch.queueBind(name + q, "vumi", name + q);
            }
            ch.confirmSelect();
            AMQP.BasicProperties persistent = new AMQP.BasicProperties.Builder().deliveryMode(2).build();
            long t0 = System.nanoTime();
            for (int i = 0; i < count; i++) {
                UserMessage m = UserMessage.builder().toAddr("2782" + String.format("%07d", i)).fromAddr("12345")
                        .transportName(name).transportType("sms").content("load message " + i).build();
                ch.basicPublish("vumi", name + ".outbound", persistent, Vumi2Json.encode(m));
                if (i % 1000 == 999) {
                    ch.waitForConfirmsOrDie(60_000);
                }
            }
            ch.waitForConfirmsOrDie(60_000);
            double loadSeconds = (System.nanoTime() - t0) / 1e9;

            CountDownLatch acked = new CountDownLatch(count);
            AtomicLong acks = new AtomicLong();
            AtomicLong reports = new AtomicLong();
            Channel events = app.createChannel();
            events.basicQos(1000);
            events.basicConsume(name + ".event", false, new DefaultConsumer(events) {
                @Override
                public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body)
                        throws java.io.IOException {
                    String s = new String(body, StandardCharsets.UTF_8);
                    if (s.contains("\"event_type\":\"ack\"")) {
                        acks.incrementAndGet();
                        acked.countDown();
                    } else if (s.contains("\"delivery_report\"")) {
                        reports.incrementAndGet();
                    }
                    events.basicAck(envelope.getDeliveryTag(), true);
                }
            });

            Vumi2TransportConfig.Builder tc = Vumi2TransportConfig.builder().amqpUri(uri).transportName(name)
                    .prefetch(prefetch);
            if (receipts) {
                tc.registeredDelivery(RegisteredDelivery.RECEIPT);
            }
            Vumi2Transport transport = Vumi2Transport.create(tc.build(), ClientConfig.builder().host("127.0.0.1")
                    .port(smsc.port()).systemId("bench").password("bench").windowSize(window));
            long start = System.nanoTime();
            transport.start();
            boolean done = acked.await(10, TimeUnit.MINUTES);
            double seconds = (System.nanoTime() - start) / 1e9;
            transport.stop(Duration.ofSeconds(10)).get(30, TimeUnit.SECONDS);
            for (String q : List.of(".outbound", ".inbound", ".event")) {
                ch.queueDelete(name + q);
            }
            System.out.printf("{\"harness\":\"vumi2-amqp\",\"count\":%d,\"acks\":%d,\"deliveryReports\":%d,\"complete\":%s,"
                            + "\"seconds\":%.2f,\"messagesPerSecond\":%.0f,\"prefetch\":%d,\"window\":%d,"
                            + "\"preloadSeconds\":%.2f,\"broker\":\"%s\"}%n",
                    count, acks.get(), reports.get(), done, seconds, acks.get() / seconds, prefetch, window, loadSeconds,
                    app.getServerProperties().getOrDefault("product", "?"));
        }
    }
}
