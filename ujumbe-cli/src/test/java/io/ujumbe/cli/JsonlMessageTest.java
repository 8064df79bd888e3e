package io.ujumbe.cli;

import io.ujumbe.client.OutboundMessage;
import io.ujumbe.client.TextEncoding;
import io.ujumbe.pdu.RegisteredDelivery;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Lines of a JSON-lines outbox become messages, or are refused with the field named. */
class JsonlMessageTest {

    @Test
    void everyFieldIsCarried() {
        OutboundMessage m = JsonlMessage.parse("{\"version\":1,\"to\":\"+254700000001\",\"from\":\"ACME\",\"text\":\"hi\","
                + "\"correlationId\":\"c-1\",\"metadata\":{\"customer\":42},\"encoding\":\"ucs2\",\"receipt\":false}");
        assertThat(m.destination().address()).isEqualTo("254700000001");
        assertThat(m.source().address()).isEqualTo("ACME");
        assertThat(m.text()).isEqualTo("hi");
        assertThat(m.correlationId()).isEqualTo("c-1");
        assertThat(m.metadata()).containsEntry("customer", "42");
        assertThat(m.encoding()).isEqualTo(TextEncoding.UCS2);
        assertThat(m.registeredDelivery()).isEqualTo(RegisteredDelivery.NONE);
    }

    @Test
    void badLinesNameTheField() {
        assertThatThrownBy(() -> JsonlMessage.parse("{\"text\":\"hi\"}")).hasMessage("to is required");
        assertThatThrownBy(() -> JsonlMessage.parse("{\"to\":\"1\",\"text\":\"hi\",\"txt\":1}"))
                .hasMessageStartingWith("txt is not a message field");
        assertThatThrownBy(() -> JsonlMessage.parse("{\"version\":2,\"to\":\"1\",\"text\":\"hi\"}"))
                .hasMessage("version must be 1, was 2");
        assertThatThrownBy(() -> JsonlMessage.parse("{\"to\":\"1\",\"text\":\"hi\",\"encoding\":\"utf8\"}"))
                .hasMessageStartingWith("encoding must be one of auto, gsm");
        assertThatThrownBy(() -> JsonlMessage.parse("[1]")).hasMessage("a line must be one JSON object");
        assertThatThrownBy(() -> JsonlMessage.parse("{\"to\":")).hasMessageStartingWith("not valid JSON");
    }
}
