package io.ujumbe.amqp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A vumi2 application as the tests need one, on the plain RabbitMQ client and knowing nothing of
 * ujumbe: it declares vumi's topology as vumi2's connectors do, publishes JSON to
 * {@code <name>.outbound} (persistent, with confirms) and collects what arrives on
 * {@code <name>.event} and {@code <name>.inbound} as parsed JSON.
 */
final class VumiApp implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    final String transportName;
    final List<JsonNode> events;
    final List<JsonNode> inbound;
    private final Connection connection;
    private final Channel publish;
    private final Channel consume;

    VumiApp(AmqpBroker broker, String transportName) throws Exception {
        this.transportName = transportName;
        this.events = new CopyOnWriteArrayList<>();
        this.inbound = new CopyOnWriteArrayList<>();
        this.connection = broker.factory().newConnection("vumi app");
        this.publish = connection.createChannel();
        publish.confirmSelect();
        declare(publish, transportName);
        this.consume = connection.createChannel();
        consume.basicQos(500);
        consume.basicConsume(transportName + ".event", false, collector(consume, events));
        consume.basicConsume(transportName + ".inbound", false, collector(consume, inbound));
    }

    /** A new connection for the same application (after a broker restart), collecting into {@code previous}'s lists. */
    VumiApp(AmqpBroker broker, VumiApp previous) throws Exception {
        this.transportName = previous.transportName;
        this.events = previous.events;
        this.inbound = previous.inbound;
        this.connection = broker.factory().newConnection("vumi app");
        this.publish = connection.createChannel();
        publish.confirmSelect();
        this.consume = connection.createChannel();
        consume.basicQos(500);
        consume.basicConsume(transportName + ".event", false, collector(consume, events));
        consume.basicConsume(transportName + ".inbound", false, collector(consume, inbound));
    }

    /** vumi2's topology, as its Consumer declares it. */
    static void declare(Channel ch, String transportName) throws IOException {
        ch.exchangeDeclare("vumi", BuiltinExchangeType.DIRECT, true);
        for (String q : List.of(".outbound", ".inbound", ".event")) {
            ch.queueDeclare(transportName + q, true, false, false, null);
            ch.queueBind(transportName + q, "vumi", transportName + q);
        }
    }

    private static DefaultConsumer collector(Channel ch, List<JsonNode> into) {
        return new DefaultConsumer(ch) {
            @Override
            public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body)
                    throws IOException {
                // Acknowledged once taken, as vumi2's consumer does after its handler ran.
                into.add(JSON.readTree(body));
                ch.basicAck(envelope.getDeliveryTag(), false);
            }
        };
    }

    /** Publishes a vumi2 outbound SMS and returns its message_id. */
    String send(String to, String content) throws Exception {
        UserMessage m = UserMessage.builder().toAddr(to).fromAddr("12345").transportName(transportName)
                .transportType("sms").content(content).build();
        sendRaw(Vumi2Json.encode(m));
        return m.messageId();
    }

    /** Publishes {@code n} SMS (to numbers {@code prefix} + index) with one wait for confirms; returns their ids in order. */
    List<String> sendBatch(int n, String prefix, String text) throws Exception {
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            UserMessage m = UserMessage.builder().toAddr(prefix + String.format("%06d", i)).fromAddr("12345")
                    .transportName(transportName).transportType("sms").content(text + " " + i).build();
            publish.basicPublish("vumi", transportName + ".outbound", new AMQP.BasicProperties.Builder()
                    .deliveryMode(2).contentType("application/json").build(), Vumi2Json.encode(m));
            ids.add(m.messageId());
        }
        publish.waitForConfirmsOrDie(60_000);
        return ids;
    }

    /** Publishes a message as given. */
    void send(UserMessage m) throws Exception {
        sendRaw(Vumi2Json.encode(m));
    }

    /** Publishes raw bytes to the outbound queue, persistent, and waits for the broker's confirm. */
    void sendRaw(byte[] body) throws Exception {
        publish.basicPublish("vumi", transportName + ".outbound", new AMQP.BasicProperties.Builder()
                .deliveryMode(2).contentType("application/json").build(), body);
        publish.waitForConfirmsOrDie(30_000);
    }

    void sendRaw(String body) throws Exception {
        sendRaw(body.getBytes(StandardCharsets.UTF_8));
    }

    /** Events of {@code type} for {@code userMessageId}. */
    List<JsonNode> events(String userMessageId, String type) {
        return events.stream().filter(e -> userMessageId.equals(e.path("user_message_id").asText())
                && type.equals(e.path("event_type").asText())).toList();
    }

    /** Messages still on the outbound queue (ready, not delivered to a consumer). */
    long outboundReady() throws IOException {
        return publish.messageCount(transportName + ".outbound");
    }

    /** user_message_ids that have an event of {@code type}. */
    java.util.Set<String> idsWith(String type) {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (JsonNode e : events) {
            if (type.equals(e.path("event_type").asText())) {
                out.add(e.path("user_message_id").asText());
            }
        }
        return out;
    }

    @Override
    public void close() {
        if (connection.isOpen()) {
            try {
                connection.close();
            } catch (Exception ignored) {
                // the broker went away
            }
        }
    }
}
