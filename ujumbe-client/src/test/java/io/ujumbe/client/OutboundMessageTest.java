package io.ujumbe.client;

import io.ujumbe.pdu.Address;
import io.ujumbe.pdu.RegisteredDelivery;
import io.ujumbe.pdu.Tlv;
import io.ujumbe.text.MultipartMode;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A message keeps every option it was built with (most share one default set of options). */
class OutboundMessageTest {

    @Test
    void everyOptionSurvivesBuildAndToBuilder() {
        OutboundMessage m = OutboundMessage.builder().correlationId("c-1").putMetadata("k", "v")
                .to("254700000001").from("ACME").text("hello").encoding(TextEncoding.UCS2)
                .registeredDelivery(RegisteredDelivery.RECEIPT).validity(Duration.ofHours(2))
                .scheduleAfter(Duration.ofMinutes(5)).priority(2).serviceType("CMT").protocolId(0x7F)
                .addTlv(Tlv.sarMsgRefNum(9)).multipartMode(MultipartMode.SAR).build();
        OutboundMessage copy = m.toBuilder().build();
        for (OutboundMessage x : new OutboundMessage[] {m, copy}) {
            assertThat(x.correlationId()).isEqualTo("c-1");
            assertThat(x.metadata()).containsEntry("k", "v");
            assertThat(x.destination()).isEqualTo(Address.international("254700000001"));
            assertThat(x.source()).isEqualTo(Address.alphanumeric("ACME"));
            assertThat(x.encoding()).isEqualTo(TextEncoding.UCS2);
            assertThat(x.registeredDelivery()).isEqualTo(RegisteredDelivery.RECEIPT);
            assertThat(x.validityPeriod()).isEqualTo(SmppTime.relative(Duration.ofHours(2)));
            assertThat(x.scheduleDeliveryTime()).isEqualTo(SmppTime.relative(Duration.ofMinutes(5)));
            assertThat(x.priority()).isEqualTo(2);
            assertThat(x.serviceType()).isEqualTo("CMT");
            assertThat(x.protocolId()).isEqualTo(0x7F);
            assertThat(x.tlvs()).containsExactly(Tlv.sarMsgRefNum(9));
            assertThat(x.multipartMode()).isEqualTo(MultipartMode.SAR);
            assertThat(x.isBinary()).isFalse();
        }
        assertThat(copy).isEqualTo(m).hasSameHashCodeAs(m);
    }

    @Test
    void messagesWithDefaultOptionsDifferByEachOptionTheyChange() {
        OutboundMessage plain = OutboundMessage.builder().correlationId("c").to("254700000001").text("hi").build();
        assertThat(plain.encoding()).isEqualTo(TextEncoding.AUTO);
        assertThat(plain.source()).isNull();
        assertThat(plain.registeredDelivery()).isNull();
        assertThat(plain.validityPeriod()).isEmpty();
        assertThat(plain.tlvs()).isEmpty();
        assertThat(plain.multipartMode()).isNull();
        assertThat(plain.toBuilder().build()).isEqualTo(plain);
        assertThat(plain.toBuilder().encoding(TextEncoding.GSM7).build()).isNotEqualTo(plain);
        assertThat(plain.toBuilder().priority(1).build()).isNotEqualTo(plain);
        assertThat(plain.toBuilder().protocolId(1).build()).isNotEqualTo(plain);
        assertThat(plain.toBuilder().from("254711111111").build()).isNotEqualTo(plain);
        OutboundMessage binary = OutboundMessage.builder().correlationId("c").to("254700000001")
                .payload(new byte[] {1, 2, 3}, 0xF5).build();
        assertThat(binary.isBinary()).isTrue();
        assertThat(binary.payload()).containsExactly(1, 2, 3);
        assertThat(binary.payloadDataCoding()).isEqualTo(0xF5);
        assertThat(binary.toBuilder().build()).isEqualTo(binary);
    }
}
