package io.ujumbe.redis;

import io.ujumbe.client.OutboundMessage;
import io.ujumbe.client.TextEncoding;
import io.ujumbe.pdu.Address;
import io.ujumbe.pdu.NumberingPlan;
import io.ujumbe.pdu.RegisteredDelivery;
import io.ujumbe.pdu.Tlv;
import io.ujumbe.pdu.TypeOfNumber;
import io.ujumbe.text.MultipartMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutboundMessageJsonTest {

    @Test
    void aRawPartKeepsItsUdhiFlagThroughJson() {
        byte[] part = {5, 0, 3, 42, 2, 1, 'h', 'i'};
        OutboundMessage m = OutboundMessage.builder().correlationId("p1").to("254700000001").payload(part, 0)
                .rawPart(true).addTlv(Tlv.sarMsgRefNum(7)).build();
        String json = OutboundMessageJson.toJson(m);
        assertThat(json).contains("\"rawPart\":\"udhi\"");
        OutboundMessage back = OutboundMessageJson.fromJson(json);
        assertThat(back).isEqualTo(m);
        assertThat(back.rawPart()).isTrue();
        assertThat(back.udhi()).isTrue();
        assertThat(OutboundMessageJson.fromJson(OutboundMessageJson.toJson(m.toBuilder().rawPart(false).build())).udhi()).isFalse();
        assertThatThrownBy(() -> OutboundMessageJson.decodeStrict(json.replace("\"udhi\"", "\"yes\"")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rawPart");
    }

    @Test
    void textMessageWithEveryOptionRoundTrips() {
        OutboundMessage m = OutboundMessage.builder()
                .correlationId("c-1").to("254700000001").from("ACME").text("Habari ya asubuhi €")
                .encoding(TextEncoding.UCS2).registeredDelivery(RegisteredDelivery.RECEIPT)
                .metadata(Map.of("order", "42", "tenant", "a")).validity(Duration.ofHours(2))
                .scheduleDeliveryTime("000000000500000R").priority(2).serviceType("CMT").protocolId(0x7F)
                .multipartMode(MultipartMode.SAR).addTlv(Tlv.ofInt16(0x1403, 7)).build();

        String json = OutboundMessageJson.toJson(m, 3);
        OutboundMessageJson.Decoded d = OutboundMessageJson.decode(json);

        assertThat(d.message()).isEqualTo(m);
        assertThat(d.attempt()).isEqualTo(3);
        assertThat(json).contains("\"version\":1", "\"to\":\"254700000001\"", "\"from\":\"ACME\"", "\"receipt\":true");
    }

    @Test
    void aRetryCarriesWhatItsEarlierAttemptsAchieved() {
        OutboundMessage m = OutboundMessage.builder().correlationId("c").to("254700000001").text("hi").build();

        String json = OutboundMessageJson.toJson(m, 3, null, io.ujumbe.client.SendState.SENT_NO_ANSWER);
        OutboundMessageJson.Decoded d = OutboundMessageJson.decodeStrict(json);

        assertThat(json).contains("\"sendState\":\"SENT_NO_ANSWER\"");
        assertThat(d.attempt()).isEqualTo(3);
        assertThat(d.sendState()).isEqualTo(io.ujumbe.client.SendState.SENT_NO_ANSWER);
        assertThat(OutboundMessageJson.decode(OutboundMessageJson.toJson(m, 2)).sendState())
                .isEqualTo(io.ujumbe.client.SendState.NOT_SENT);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> OutboundMessageJson.decode(
                json.replace("SENT_NO_ANSWER", "MAYBE"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sendState");
    }

    @Test
    void binaryMessageAndExplicitAddressesRoundTrip() {
        OutboundMessage m = OutboundMessage.builder()
                .to(new Address(TypeOfNumber.NATIONAL, NumberingPlan.ISDN, "0700000001"))
                .from(new Address(TypeOfNumber.of(3), NumberingPlan.UNKNOWN, "12345"))
                .payload(new byte[] {0, 1, 2, (byte) 0xFF}, 0xF5)
                .registeredDelivery(RegisteredDelivery.of(0x11)).build();

        String json = OutboundMessageJson.toJson(m);

        assertThat(OutboundMessageJson.fromJson(json)).isEqualTo(m);
        assertThat(json).contains("\"payloadBase64\":\"AAEC/w==\"", "\"dataCoding\":245", "\"registeredDelivery\":17");
    }

    @Test
    void minimalForeignMessageGetsDefaults() {
        OutboundMessageJson.Decoded d = OutboundMessageJson.decode(
                "{\"version\":1,\"to\":\"+254700000002\",\"text\":\"hi\",\"future\":{\"x\":1}}");

        assertThat(d.attempt()).isEqualTo(1);
        assertThat(d.message().destination()).isEqualTo(Address.international("254700000002"));
        assertThat(d.message().correlationId()).isNotEmpty();
        assertThat(d.message().encoding()).isEqualTo(TextEncoding.AUTO);
        assertThat(d.message().registeredDelivery()).isNull();
        assertThat(d.message().source()).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "not json                                                              | not well-formed",
            "[1,2]                                                                 | expected an object",
            "{\"to\":\"1\",\"text\":\"x\"}                                         | 'version' is required",
            "{\"version\":2,\"to\":\"1\",\"text\":\"x\"}                           | 'version' is 2",
            "{\"version\":1,\"text\":\"x\"}                                        | 'to' is required",
            "{\"version\":1,\"to\":5,\"text\":\"x\"}                               | 'to' must be a string or an object",
            "{\"version\":1,\"to\":\"1\"}                                          | exactly one of 'text' and 'payloadBase64'",
            "{\"version\":1,\"to\":\"1\",\"text\":\"x\",\"payloadBase64\":\"AA==\"} | exactly one of 'text' and 'payloadBase64'",
            "{\"version\":1,\"to\":\"1\",\"payloadBase64\":\"%%%\"}                | 'payloadBase64' is not valid base64",
            "{\"version\":1,\"to\":\"1\",\"text\":\"x\",\"priority\":9}            | 'priority' must be between 0 and 3",
            "{\"version\":1,\"to\":\"1\",\"text\":\"x\",\"priority\":\"high\"}     | 'priority' must be an integer",
            "{\"version\":1,\"to\":\"1\",\"text\":\"x\",\"encoding\":\"EBCDIC\"}   | 'encoding' must be one of",
            "{\"version\":1,\"to\":\"1\",\"text\":\"x\",\"metadata\":{\"k\":1}}    | 'metadata.k' must be a string",
            "{\"version\":1,\"to\":\"1\",\"text\":\"x\",\"receipt\":\"yes\"}       | 'receipt' must be true or false",
            "{\"version\":1,\"to\":\"1\",\"text\":\"x\",\"attempt\":0}             | 'attempt' must be between 1",
            "{\"version\":1,\"to\":\"1\",\"text\":\"x\",\"dataCoding\":8}          | 'dataCoding' applies only to 'payloadBase64'",
            "{\"version\":1,\"to\":\"1\",\"text\":\"x\",\"tlvs\":[{\"valueHex\":\"00\"}]} | 'tlvs[0].tag' is required",
            "{\"version\":1,\"to\":\"1\",\"text\":\"x\",\"to\":\"2\"}              | not well-formed",
            "{\"version\":1,\"to\":\"1\",\"text\":\"x\",\"validityPeriod\":\"tomorrow\"} | validityPeriod",
    })
    void badJsonIsRejectedNamingTheProblem(String json, String expected) {
        assertThatThrownBy(() -> OutboundMessageJson.decode(json))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid message JSON")
                .hasMessageContaining(expected.trim());
    }
}
