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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * --amqp amqp://guest:guest@127.0.0.1:5672/%2F --count 20000 [--prefetch 500] [--window 100] [--receipts]
 * [--latency-count 10000] [--inflight 100]}
 */
public final class Vumi2AmqpLoad {
    private Vumi2AmqpLoad() {
    }

    private static final Pattern USER_MESSAGE_ID = Pattern.compile("\"user_message_id\":\"([^\"]+)\"");

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    /** Runs the two phases and prints one JSON line. */
    public static void main(String[] args) throws Exception {
        String uri = "amqp://guest:guest@127.0.0.1:5672/%2F";
        int count = 20_000;
        int prefetch = 500;
        int window = 100;
        boolean receipts = false;
        int latencyCount = 10_000;
        int inflight = 100;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--amqp" -> uri = args[++i];
                case "--count" -> count = Integer.parseInt(args[++i]);
                case "--prefetch" -> prefetch = Integer.parseInt(args[++i]);
                case "--window" -> window = Integer.parseInt(args[++i]);
                case "--receipts" -> receipts = true;
                case "--latency-count" -> latencyCount = Integer.parseInt(args[++i]);
                case "--inflight" -> inflight = Integer.parseInt(args[++i]);
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
            // The latency phase: message id -> publish time; the ack event's arrival releases a permit.
            Map<String, Long> published = new ConcurrentHashMap<>();
            long[] latencies = new long[latencyCount];
            AtomicInteger measured = new AtomicInteger();
            Semaphore permits = new Semaphore(inflight);
            CountDownLatch streamed = new CountDownLatch(latencyCount);
            Channel events = app.createChannel();
            events.basicQos(1000);
            events.basicConsume(name + ".event", false, new DefaultConsumer(events) {
                @Override
                public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body)
                        throws java.io.IOException {
                    String s = new String(body, StandardCharsets.UTF_8);
                    if (s.contains("\"event_type\":\"ack\"")) {
                        long now = System.nanoTime();
                        acks.incrementAndGet();
                        Matcher m = USER_MESSAGE_ID.matcher(s);
                        Long sent = m.find() ? published.remove(m.group(1)) : null;
                        if (sent != null) {
                            int k = measured.getAndIncrement();
                            if (k < latencies.length) {
                                latencies[k] = now - sent;
                            }
                            permits.release();
                            streamed.countDown();
                        } else {
                            acked.countDown();
                        }
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
            long preloadAcks = acks.get();

            Channel pub = app.createChannel();
            long s0 = System.nanoTime();
            for (int i = 0; i < latencyCount && done; i++) {
                if (!permits.tryAcquire(2, TimeUnit.MINUTES)) {
                    break;
                }
                String id = "lat-" + name + "-" + i;
                long now = System.nanoTime();
                UserMessage m = UserMessage.builder().messageId(id).toAddr("2783" + String.format("%07d", i)).fromAddr("12345")
                        .transportName(name).transportType("sms").content("latency message " + i)
                        .helperMetadata(Map.of("bench_published_nanos", now)).build();
                published.put(id, now);
                pub.basicPublish("vumi", name + ".outbound", persistent, Vumi2Json.encode(m));
            }
            boolean streamDone = done && streamed.await(5, TimeUnit.MINUTES);
            double streamSeconds = (System.nanoTime() - s0) / 1e9;
            int got = Math.min(measured.get(), latencies.length);
            long[] sorted = Arrays.copyOf(latencies, got);
            Arrays.sort(sorted);
            transport.stop(Duration.ofSeconds(10)).get(30, TimeUnit.SECONDS);
            for (String q : List.of(".outbound", ".inbound", ".event")) {
                ch.queueDelete(name + q);
            }
            System.out.printf(Locale.ROOT, "{\"harness\":\"vumi2-amqp\",\"count\":%d,\"acks\":%d,\"deliveryReports\":%d,\"complete\":%s,"
                            + "\"seconds\":%.2f,\"messagesPerSecond\":%.0f,\"prefetch\":%d,\"window\":%d,"
                            + "\"preloadSeconds\":%.2f,\"broker\":\"%s\",\"brokerVersion\":\"%s\","
                            + "\"latencyCount\":%d,\"latencyAcks\":%d,\"latencyComplete\":%s,\"inflight\":%d,"
                            + "\"latencyMessagesPerSecond\":%.0f,\"latency_ms\":{\"p50\":%.2f,\"p90\":%.2f,\"p99\":%.2f,\"max\":%.2f}}%n",
                    count, preloadAcks, reports.get(), done, seconds, preloadAcks / seconds, prefetch, window, loadSeconds,
                    app.getServerProperties().getOrDefault("product", "?"), app.getServerProperties().getOrDefault("version", "?"),
                    latencyCount, got, streamDone, inflight, got / streamSeconds,
                    pct(sorted, 50), pct(sorted, 90), pct(sorted, 99), got == 0 ? 0 : sorted[got - 1] / 1e6);
        }
    }
}
