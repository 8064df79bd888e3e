package io.ujumbe.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import io.ujumbe.amqp.AmqpBroker;
import io.ujumbe.smsc.SmscConfig;
import io.ujumbe.smsc.SmscSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code ujumbe vumi2 --config} as a process with a vumi2 config file as vumi2's docs write one,
 * a real broker and the simulator; the vumi2 side is the plain RabbitMQ client.
 */
class Vumi2CommandProcessTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aVumi2ApplicationWorksAgainstUjumbeVumi2() throws Exception {
        try (AmqpBroker broker = AmqpBroker.start();
             SmscSimulator smsc = SmscSimulator.start(SmscConfig.builder().port(0)
                     .receiptDelay(Duration.ofMillis(50)).build())) {
            Path config = dir.resolve("smpp.yaml");
            Files.writeString(config, String.join("\n",
                    "# A vumi2 SmppTransceiverTransport config, as in vumi2's docs",
                    "amqp:",
                    "  hostname: 127.0.0.1",
                    "  port: " + broker.port(),
                    "  username: guest",
                    "  password: guest",
                    "  vhost: /",
                    "worker_concurrency: 10",
                    "http_bind: 127.0.0.1:0",
                    "log_level: INFO",
                    "transport_name: smpp",
                    "host: 127.0.0.1",
                    "port: " + smsc.port(),
                    "system_id: smppclient1",
                    "password: password",
                    "smpp_enquire_link_interval: 55",
                    "submit_sm_processor_config:",
                    "  data_coding: SMSC_DEFAULT_ALPHABET",
                    "  multipart_handling: multipart_udh",
                    "  registered_delivery:",
                    "    delivery_receipt: SMSC_DELIVERY_RECEIPT_REQUESTED",
                    ""));
            try (CliProcess p = CliProcess.start(dir, "vumi2", "--config", config.toString());
                 Connection c = broker.factory().newConnection("vumi2 app")) {
                String http = p.awaitStdoutLine("http on port", Duration.ofSeconds(60));
                int httpPort = Integer.parseInt(http.replaceAll("\\D", ""));
                Channel ch = c.createChannel();
                ch.exchangeDeclare("vumi", BuiltinExchangeType.DIRECT, true);
                for (String q : List.of("smpp.outbound", "smpp.inbound", "smpp.event")) {
                    ch.queueDeclare(q, true, false, false, null);
                    ch.queueBind(q, "vumi", q);
                }
                List<JsonNode> events = collect(ch, "smpp.event");
                List<JsonNode> inbound = collect(ch, "smpp.inbound");
                await().atMost(Duration.ofSeconds(60)).until(() -> smsc.stats().boundSessions() == 1);

                String longText = "ujumbe speaks vumi2: this message is long enough to go in two parts. ".repeat(3);
                String body = "{\"to_addr\": \"+27820001001\", \"from_addr\": \"12345\", \"transport_name\": \"smpp\", "
                        + "\"transport_type\": \"sms\", \"message_version\": \"20110921\", \"message_type\": \"user_message\", "
                        + "\"timestamp\": \"2024-05-06 07:08:09.123456\", \"routing_metadata\": {}, \"helper_metadata\": {}, "
                        + "\"message_id\": \"0123456789abcdef0123456789abcdef\", \"in_reply_to\": null, \"provider\": null, "
                        + "\"session_event\": null, \"content\": \"" + longText + "\", \"transport_metadata\": {}, "
                        + "\"group\": null, \"to_addr_type\": null, \"from_addr_type\": null}";
                ch.confirmSelect();
                ch.basicPublish("vumi", "smpp.outbound", new AMQP.BasicProperties.Builder().deliveryMode(2).build(),
                        body.getBytes(StandardCharsets.UTF_8));
                ch.waitForConfirmsOrDie(30_000);
                await().atMost(Duration.ofSeconds(60)).until(() -> events.stream()
                        .anyMatch(e -> e.path("event_type").asText().equals("delivery_report")));
                JsonNode ack = events.stream().filter(e -> e.path("event_type").asText().equals("ack")).findFirst().orElseThrow();
                assertThat(ack.path("user_message_id").asText()).isEqualTo("0123456789abcdef0123456789abcdef");
                assertThat(ack.path("sent_message_id").asText()).isEqualTo(smsc.record().submits().get(0).messageId());
                assertThat(smsc.record().joinedMessages().get(0).text()).isEqualTo(longText);

                smsc.injectMo("27820001001", "12345", "STOP").get(30, TimeUnit.SECONDS);
                await().atMost(Duration.ofSeconds(30)).until(() -> inbound.size() == 1);
                assertThat(inbound.get(0).path("content").asText()).isEqualTo("STOP");
                assertThat(inbound.get(0).path("transport_name").asText()).isEqualTo("smpp");

                HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + httpPort + "/health")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(health.statusCode()).isEqualTo(200);
                assertThat(health.body()).contains("\"status\":\"UP\"");

                HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + httpPort + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(metrics.body()).contains("ujumbe_amqp_connected 1.0")
                        .contains("ujumbe_amqp_events{event_type=\"ack\"} 1.0");

                p.terminate();
                assertThat(p.waitFor(Duration.ofSeconds(60))).as(p.stderr()).isZero();
                assertThat(p.stderr()).contains("stopped").doesNotContain("guest:guest");
            }
        }
    }

    @Test
    void aConfigErrorNamesTheKeyAndExitsWithUsage() throws Exception {
        Path config = dir.resolve("bad.yaml");
        Files.writeString(config, "transport_name: smpp\nsmpp_cache_class: my.RedisCache\nsubmit_sm_processor_config: {colour: red}\n");
        try (CliProcess p = CliProcess.start(dir, "vumi2", "--config", config.toString())) {
            assertThat(p.waitFor(Duration.ofSeconds(60))).isEqualTo(Main.USAGE);
            assertThat(p.stderr()).contains("smpp_cache_class 'my.RedisCache' is not supported")
                    .contains("submit_sm_processor_config.colour is not a known setting");
        }
    }

    private static List<JsonNode> collect(Channel ch, String queue) throws IOException {
        List<JsonNode> out = new CopyOnWriteArrayList<>();
        ch.basicConsume(queue, true, new DefaultConsumer(ch) {
            @Override
            public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body)
                    throws IOException {
                out.add(JSON.readTree(body));
            }
        });
        return out;
    }
}
