package io.ujumbe.redis;

import io.ujumbe.client.OutboundMessage;
import io.ujumbe.pdu.Address;
import io.ujumbe.pdu.NumberingPlan;
import io.ujumbe.pdu.RegisteredDelivery;
import io.ujumbe.pdu.TypeOfNumber;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * naz's queue items, both generations, are read by the one message codec (the JSON-lines and
 * Redis outboxes both use it); malformed JSON is explained in plain words, without the parser's
 * internals.
 */
class NazQueueItemTest {

    @Test
    void theItemOfNazsReadmeIsAMessage() {
        String item = "{\"version\":\"1\",\"smpp_event\":\"submit_sm\",\"short_message\":\"Hello World-0\","
                + "\"correlation_id\":\"myid12345\",\"source_addr\":\"254722111111\",\"destination_addr\":\"254722999999\"}";
        for (OutboundMessage m : new OutboundMessage[] {OutboundMessageJson.decode(item).message(),
                OutboundMessageJson.decodeStrict(item).message()}) {
            assertThat(m.text()).isEqualTo("Hello World-0");
            assertThat(m.correlationId()).isEqualTo("myid12345");
            assertThat(m.source()).isEqualTo(Address.international("254722111111"));
            assertThat(m.destination()).isEqualTo(Address.international("254722999999"));
        }
    }

    @Test
    void theLaterGenerationWithLogIdHookMetadataAndANullPduIsAMessage() {
        String item = "{\"version\": 1, \"smpp_command\": \"submit_sm\", \"log_id\": \"some-log-id\", \"pdu\": null,"
                + " \"short_message\": \"Hello, thanks for shopping with us.\", \"source_addr\": \"ACME\","
                + " \"destination_addr\": \"254722999999\", \"hook_metadata\": \"{\\\"telco\\\": \\\"Verizon\\\"}\"}";
        OutboundMessage m = OutboundMessageJson.decodeStrict(item).message();
        assertThat(m.correlationId()).isEqualTo("some-log-id");
        assertThat(m.source()).isEqualTo(Address.alphanumeric("ACME"));
        assertThat(m.metadata()).containsEntry("hook_metadata", "{\"telco\": \"Verizon\"}")
                .containsEntry("log_id", "some-log-id");
    }

    @Test
    void nazsSubmitSmParametersMap() {
        String item = "{\"version\":\"1\",\"smpp_command\":\"submit_sm\",\"short_message\":\"hi\",\"log_id\":\"x\","
                + "\"source_addr\":\"12345\",\"source_addr_ton\":3,\"source_addr_npi\":1,\"destination_addr\":\"0722999999\","
                + "\"dest_addr_ton\":2,\"service_type\":\"CMT\",\"protocol_id\":0,\"priority_flag\":1,"
                + "\"validity_period\":\"000000020000000R\",\"registered_delivery\":1}";
        OutboundMessage m = OutboundMessageJson.decodeStrict(item).message();
        assertThat(m.source()).isEqualTo(new Address(TypeOfNumber.of(3), NumberingPlan.ISDN, "12345"));
        assertThat(m.destination().ton()).isEqualTo(TypeOfNumber.NATIONAL);
        assertThat(m.destination().address()).isEqualTo("0722999999");
        assertThat(m.serviceType()).isEqualTo("CMT");
        assertThat(m.priority()).isEqualTo(1);
        assertThat(m.validityPeriod()).isEqualTo("000000020000000R");
        assertThat(m.registeredDelivery()).isEqualTo(RegisteredDelivery.RECEIPT);
    }

    @Test
    void badNazItemsNameTheField() {
        assertThatThrownBy(() -> OutboundMessageJson.decode("{\"version\":\"1\",\"smpp_event\":\"submit_sm\","
                + "\"destination_addr\":\"1\"}")).hasMessage("invalid naz queue item: field 'short_message' is required");
        assertThatThrownBy(() -> OutboundMessageJson.decode("{\"version\":\"1\",\"smpp_event\":\"query_sm\","
                + "\"short_message\":\"x\",\"destination_addr\":\"1\"}"))
                .hasMessageContaining("field 'smpp_event' must be \"submit_sm\"");
        assertThatThrownBy(() -> OutboundMessageJson.decode("{\"version\":\"2\",\"smpp_event\":\"submit_sm\","
                + "\"short_message\":\"x\",\"destination_addr\":\"1\"}")).hasMessageContaining("field 'version' is \"2\"");
        assertThatThrownBy(() -> OutboundMessageJson.decode("{\"version\":\"1\",\"smpp_command\":\"submit_sm\","
                + "\"short_message\":\"x\",\"pdu\":\"AAAA\",\"destination_addr\":\"1\"}"))
                .hasMessageContaining("field 'pdu' is not supported");
        assertThatThrownBy(() -> OutboundMessageJson.decodeStrict("{\"version\":\"1\",\"smpp_event\":\"submit_sm\","
                + "\"short_message\":\"x\",\"destination_addr\":\"1\",\"destination\":\"2\"}"))
                .hasMessageStartingWith("invalid naz queue item: field 'destination' is not a field of a naz queue item");
    }

    @Test
    void malformedJsonIsExplainedInPlainWords() {
        String[][] cases = {
                {"{\"version\":1,\"to\":\"1\",\"text\":\"hi\"", "the JSON ends before the object is complete"},
                {"{\"version\":1,\"to\":'1'}", "unexpected character \"'\" (strings take double quotes) at column 19"},
                {"{\"version\":1,\"to\":one}", "unexpected word 'one'"},
                {"{\"version\":1,\"to\":\"1\",\"to\":\"2\",\"text\":\"x\"}", "field 'to' appears twice"},
                {"{\"version\":1 \"to\":\"1\"}", "unexpected character '\"' at column"},
                {"{\"version\":1,\"to\":\"1\",\"text\":\"a\tb\"}", "a control character"},
        };
        for (String[] c : cases) {
            assertThatThrownBy(() -> OutboundMessageJson.decodeStrict(c[0])).as(c[0])
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(c[1])
                    .hasMessageNotContaining("com.fasterxml").hasMessageNotContaining("[Source")
                    .hasMessageNotContaining("code ").hasMessageNotContaining("`")
                    .hasMessageNotContaining("JsonNode").hasMessageNotContaining("java.")
                    .hasNoCause();
        }
    }
}
