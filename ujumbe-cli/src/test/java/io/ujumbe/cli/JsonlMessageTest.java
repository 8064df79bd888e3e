package io.ujumbe.cli;

import io.ujumbe.client.OutboundMessage;
import io.ujumbe.client.TextEncoding;
import io.ujumbe.pdu.RegisteredDelivery;
import io.ujumbe.redis.OutboundMessageJson;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Lines of a JSON-lines outbox become messages (the v1 format of the Redis outbox), or are refused with the field named. */
class JsonlMessageTest {

    @Test
    void everyFieldIsCarried() {
        OutboundMessage m = JsonlMessage.parse("{\"version\":1,\"to\":\"+254700000001\",\"from\":\"ACME\",\"text\":\"hi\","
                + "\"correlationId\":\"c-1\",\"metadata\":{\"customer\":\"42\"},\"encoding\":\"ucs2\",\"receipt\":false}");
        assertThat(m.destination().address()).isEqualTo("254700000001");
        assertThat(m.source().address()).isEqualTo("ACME");
        assertThat(m.text()).isEqualTo("hi");
        assertThat(m.correlationId()).isEqualTo("c-1");
        assertThat(m.metadata()).containsEntry("customer", "42");
        assertThat(m.encoding()).isEqualTo(TextEncoding.UCS2);
        assertThat(m.registeredDelivery()).isEqualTo(RegisteredDelivery.NONE);
    }

    @Test
    void aLineIsTheSameMessageAsTheRedisOutboxEntry() {
        OutboundMessage m = OutboundMessage.builder().correlationId("c-2").to("254700000002").from("ACME")
                .text("Habari €").encoding(TextEncoding.GSM7).registeredDelivery(RegisteredDelivery.RECEIPT)
                .putMetadata("k", "v").priority(1).build();
        assertThat(JsonlMessage.parse(OutboundMessageJson.toJson(m))).isEqualTo(m);
    }

    @Test
    void badLinesNameTheField() {
        assertThatThrownBy(() -> JsonlMessage.parse("{\"version\":1,\"text\":\"hi\"}"))
                .hasMessage("invalid message JSON: field 'to' is required");
        assertThatThrownBy(() -> JsonlMessage.parse("{\"to\":\"1\",\"text\":\"hi\"}"))
                .hasMessageContaining("field 'version' is required");
        assertThatThrownBy(() -> JsonlMessage.parse("{\"version\":2,\"to\":\"1\",\"text\":\"hi\"}"))
                .hasMessageContaining("field 'version' is 2");
        assertThatThrownBy(() -> JsonlMessage.parse("{\"version\":1,\"to\":\"1\",\"text\":\"hi\",\"encoding\":\"utf8\"}"))
                .hasMessageContaining("field 'encoding' must be one of [AUTO, GSM7");
        assertThatThrownBy(() -> JsonlMessage.parse("{\"version\":1,\"to\":\"1\",\"text\":\"hi\",\"metadata\":{\"n\":4}}"))
                .hasMessageContaining("field 'metadata.n' must be a string");
        assertThatThrownBy(() -> JsonlMessage.parse("[1]")).hasMessageContaining("expected an object");
        assertThatThrownBy(() -> JsonlMessage.parse("{\"to\":")).hasMessageContaining("not well-formed");
    }

    @Test
    void unknownFieldsAreRejectedHereButIgnoredByTheLenientReader() {
        String typo = "{\"version\":1,\"to\":\"1\",\"text\":\"hi\",\"reciept\":true}";
        assertThatThrownBy(() -> JsonlMessage.parse(typo))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid message JSON: field 'reciept' is not a field of version 1 (allowed: ");
        assertThat(OutboundMessageJson.decode(typo).message().registeredDelivery()).isNull();

        assertThatThrownBy(() -> JsonlMessage.parse(
                "{\"version\":1,\"to\":{\"address\":\"1\",\"tonn\":1},\"text\":\"hi\"}"))
                .hasMessageContaining("field 'to.tonn' is not a field of version 1");
        assertThatThrownBy(() -> JsonlMessage.parse(
                "{\"version\":1,\"to\":\"1\",\"text\":\"hi\",\"tlvs\":[{\"tag\":5122,\"value\":\"00\"}]}"))
                .hasMessageContaining("field 'tlvs[0].value' is not a field of version 1");
    }
}
