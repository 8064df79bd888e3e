package io.ujumbe.amqp;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** vumi2's JSON: what vumi2 writes is read, what ujumbe writes is what vumi2 writes. */
class Vumi2JsonTest {
    /** A message as vumi2's Message.serialise() writes it (json.dumps of cattrs.unstructure). */
    private static final String VUMI2_MESSAGE = "{\"to_addr\": \"+27820001001\", \"from_addr\": \"12345\", "
            + "\"transport_name\": \"smpp\", \"transport_type\": \"sms\", \"message_version\": \"20110921\", "
            + "\"message_type\": \"user_message\", \"timestamp\": \"2023-06-01 12:34:56.789012\", "
            + "\"routing_metadata\": {}, \"helper_metadata\": {\"x\": [1, 2]}, "
            + "\"message_id\": \"8d6a7bd7d1f34ac5b4b8d5e7c3a4f0a1\", \"in_reply_to\": null, \"provider\": null, "
            + "\"session_event\": null, \"content\": \"hello\", \"transport_metadata\": {}, \"group\": null, "
            + "\"to_addr_type\": \"msisdn\", \"from_addr_type\": null}";

    private static String text(byte[] json) {
        return new String(json, StandardCharsets.UTF_8);
    }

    @Test
    void readsWhatVumi2WritesAndWritesItBackFieldForField() throws Exception {
        UserMessage m = Vumi2Json.decodeMessage(VUMI2_MESSAGE.getBytes(StandardCharsets.UTF_8));
        assertThat(m.messageId()).isEqualTo("8d6a7bd7d1f34ac5b4b8d5e7c3a4f0a1");
        assertThat(m.timestamp()).isEqualTo(Instant.parse("2023-06-01T12:34:56.789012Z"));
        assertThat(m.content()).contains("hello");
        assertThat(m.toAddrType()).contains("msisdn");
        assertThat(m.helperMetadata()).isEqualTo(Map.of("x", List.of(1, 2)));
        JsonNode expected = VumiApp.JSON.readTree(VUMI2_MESSAGE);
        JsonNode written = VumiApp.JSON.readTree(Vumi2Json.encode(m));
        assertThat(written).isEqualTo(expected);
        List<String> order = new ArrayList<>();
        written.fieldNames().forEachRemaining(order::add);
        List<String> vumi2Order = new ArrayList<>();
        expected.fieldNames().forEachRemaining(vumi2Order::add);
        assertThat(order).isEqualTo(vumi2Order);
    }

    @Test
    void timestampsWithoutFractionOrWithZAndUnknownFieldsAndAbsentOnes() {
        String json = "{\"to_addr\": \"1\", \"timestamp\": \"2023-06-01 12:34:56\", \"some_new_field\": {\"a\": 1},"
                + " \"session_event\": \"new\", \"transport_type\": \"ussd\"}";
        UserMessage m = Vumi2Json.decodeMessage(json.getBytes(StandardCharsets.UTF_8));
        assertThat(m.timestamp()).isEqualTo(Instant.parse("2023-06-01T12:34:56Z"));
        assertThat(m.sessionEvent()).contains(SessionEvent.NEW);
        assertThat(m.isUssd()).isTrue();
        assertThat(m.content()).isEmpty();
        assertThat(m.fromAddr()).isEmpty();
        assertThat(m.messageId()).matches("[0-9a-f]{32}");
        assertThat(Vumi2Json.parseTimestamp("2023-06-01 12:34:56.5Z")).isEqualTo(Instant.parse("2023-06-01T12:34:56.500Z"));
        assertThat(Vumi2Json.formatTimestamp(Instant.parse("2023-06-01T12:34:56Z"))).isEqualTo("2023-06-01 12:34:56.000000");
    }

    @Test
    void badInputNamesTheField() {
        assertThatThrownBy(() -> Vumi2Json.decodeMessage("{\"to_addr\": \"1\", \"timestamp\": \"yesterday\"}".getBytes()))
                .isInstanceOf(Vumi2DecodeException.class).hasMessageContaining("timestamp");
        assertThatThrownBy(() -> Vumi2Json.decodeMessage("{\"to_addr\": \"1\", \"session_event\": \"open\"}".getBytes()))
                .isInstanceOf(Vumi2DecodeException.class).hasMessageContaining("session_event");
        assertThatThrownBy(() -> Vumi2Json.decodeMessage("{\"to_addr\": \"1\", \"helper_metadata\": 3}".getBytes()))
                .isInstanceOf(Vumi2DecodeException.class).hasMessageContaining("helper_metadata");
        assertThatThrownBy(() -> Vumi2Json.decodeMessage("[1]".getBytes()))
                .isInstanceOf(Vumi2DecodeException.class).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> Vumi2Json.decodeMessage("{\"to_addr\": \"1\", \"message_type\": \"event\"}".getBytes()))
                .isInstanceOf(Vumi2DecodeException.class).hasMessageContaining("message_type");
        assertThatThrownBy(() -> Vumi2Json.decodeEvent("{\"event_type\": \"ack\", \"user_message_id\": \"x\"}".getBytes()))
                .isInstanceOf(Vumi2DecodeException.class).hasMessageContaining("sent_message_id");
    }

    @Test
    void eventsRoundTripInVumi2sShape() throws Exception {
        Vumi2Event dr = Vumi2Event.builder(EventType.DELIVERY_REPORT, "abc").deliveryStatus(DeliveryStatus.FAILED)
                .transportMetadata(Map.of("smpp_delivery_status", "REJECTD")).build();
        byte[] json = Vumi2Json.encode(dr);
        assertThat(Vumi2Json.decodeEvent(json)).isEqualTo(dr);
        JsonNode o = VumiApp.JSON.readTree(json);
        List<String> order = new ArrayList<>();
        o.fieldNames().forEachRemaining(order::add);
        assertThat(order).containsExactly("user_message_id", "event_type", "message_version", "message_type", "timestamp",
                "routing_metadata", "helper_metadata", "transport_metadata", "event_id", "sent_message_id", "nack_reason",
                "delivery_status");
        assertThat(text(json)).contains("\"delivery_status\":\"failed\"").contains("\"message_type\":\"event\"");
    }

    @Test
    void theDefaultStatusMappingIsVumi2s() {
        StatusMapping m = StatusMapping.vumi2Default();
        assertThat(m.statusOf("ENROUTE")).isEqualTo(DeliveryStatus.PENDING);
        assertThat(m.statusOf("DELIVERED")).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(m.statusOf("EXPIRED")).isEqualTo(DeliveryStatus.FAILED);
        assertThat(m.statusOf("DELETED")).isEqualTo(DeliveryStatus.FAILED);
        assertThat(m.statusOf("UNDELIVERABLE")).isEqualTo(DeliveryStatus.FAILED);
        assertThat(m.statusOf("ACCEPTED")).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(m.statusOf("UNKNOWN")).isEqualTo(DeliveryStatus.PENDING);
        assertThat(m.statusOf("REJECTED")).isEqualTo(DeliveryStatus.FAILED);
        assertThat(m.statusOf("DELIVRD")).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(m.statusOf("REJECTD")).isEqualTo(DeliveryStatus.FAILED);
        assertThat(m.statusOf("FAILED")).isEqualTo(DeliveryStatus.FAILED);
        assertThat(m.statusOf("0")).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(m.statusOf("UNDELIV")).isEqualTo(DeliveryStatus.PENDING);
        assertThat(m.statusOf("whatever")).isEqualTo(DeliveryStatus.PENDING);
    }

    @Test
    void theVumi2RegexInPythonSyntaxIsAccepted() {
        Vumi2TransportConfig c = Vumi2TransportConfig.builder().deliveryReportRegex(
                "id:(?P<id>[^ ]{,65})(?: +submit date:(?P<submit_date>\\d*))? +stat:(?P<stat>[A-Z]{5,7}).*").build();
        var m = c.deliveryReportRegex().orElseThrow().matcher("id:abc submit date:2301011200 stat:DELIVRD err:000");
        assertThat(m.matches()).isTrue();
        assertThat(m.group("id")).isEqualTo("abc");
        assertThat(m.group("stat")).isEqualTo("DELIVRD");
        assertThatThrownBy(() -> Vumi2TransportConfig.builder().deliveryReportRegex("stat:(?P<stat>.*)"))
                .hasMessageContaining("id");
        assertThat(Vumi2TransportConfig.builder().amqpUri("amqp://u:secret@h:1234/v").build().toString())
                .doesNotContain("secret").contains("h:1234");
    }
}
