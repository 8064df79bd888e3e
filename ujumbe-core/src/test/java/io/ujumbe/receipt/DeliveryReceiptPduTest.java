package io.ujumbe.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import io.ujumbe.pdu.Address;
import io.ujumbe.pdu.DataCoding;
import io.ujumbe.pdu.DataSm;
import io.ujumbe.pdu.DeliverSm;
import io.ujumbe.pdu.EsmClass;
import io.ujumbe.pdu.MessageState;
import io.ujumbe.pdu.NetworkErrorCode;
import io.ujumbe.pdu.Tlv;
import io.ujumbe.pdu.TlvTag;
import io.ujumbe.receipt.ReceiptParseResult.Rejection;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The adapters from deliver_sm and data_sm. */
class DeliveryReceiptPduTest {

    private static final String TEXT = "id:662316 sub:001 dlvrd:001 submit date:2301151230 done date:2301151231 "
            + "stat:DELIVRD err:000 Text:Hello";

    private final DeliveryReceiptParser parser = DeliveryReceiptParser.standard();

    private static DeliverSm.Builder deliverSm(int esmClass, String text) {
        return DeliverSm.builder().sourceAddress(Address.of("254722000001")).destinationAddress(Address.of("1234"))
                .esmClass(EsmClass.of(esmClass)).shortMessage(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void textReceiptInADeliverSmFlaggedAsReceipt() {
        DeliveryReceipt r = parser.parse(deliverSm(EsmClass.TYPE_DELIVERY_RECEIPT, TEXT).build()).orElseThrow();

        assertThat(r.messageId()).isEqualTo("662316");
        assertThat(r.outcome()).isEqualTo(ReceiptOutcome.DELIVERED);
        assertThat(r.text()).isEqualTo("Hello");
    }

    @Test
    void tlvsArePreferredAndNetworkErrorIsRead() {
        DeliverSm pdu = deliverSm(EsmClass.TYPE_DELIVERY_RECEIPT, TEXT.replace("DELIVRD", "ENROUTE"))
                .tlv(Tlv.receiptedMessageId("0A1B2C"))
                .tlv(Tlv.messageState(MessageState.UNDELIVERABLE))
                .tlv(Tlv.networkErrorCode(new NetworkErrorCode(NetworkErrorCode.GSM, 27)))
                .build();

        DeliveryReceipt r = parser.parse(pdu).orElseThrow();

        assertThat(r.messageId()).isEqualTo("0A1B2C");
        assertThat(r.alternateMessageId()).contains("662316");
        assertThat(r.messageState()).contains(MessageState.UNDELIVERABLE);
        assertThat(r.outcome()).isEqualTo(ReceiptOutcome.FAILED);
        assertThat(r.stat()).isEqualTo("ENROUTE");
        assertThat(r.networkErrorCode()).contains(new NetworkErrorCode(3, 27));
        assertThat(r.submitted()).hasValue(1);
    }

    @Test
    void tlvOnlyDeliverSm() {
        DeliverSm pdu = deliverSm(EsmClass.TYPE_DELIVERY_RECEIPT, "")
                .tlv(Tlv.receiptedMessageId("abc")).tlv(Tlv.messageState(MessageState.EXPIRED)).build();

        DeliveryReceipt r = parser.parse(pdu).orElseThrow();

        assertThat(r.messageId()).isEqualTo("abc");
        assertThat(r.stat()).isEqualTo("EXPIRED");
        assertThat(r.outcome()).isEqualTo(ReceiptOutcome.FAILED);
    }

    @Test
    void unassignedMessageStateOctetStillMarksAReceipt() {
        DeliverSm pdu = deliverSm(0, "")
                .tlv(Tlv.receiptedMessageId("abc")).tlv(Tlv.ofInt8(TlvTag.MESSAGE_STATE.tag(), 200)).build();

        DeliveryReceipt r = parser.parse(pdu).orElseThrow();

        assertThat(r.messageState()).isEmpty();
        assertThat(r.outcome()).isEqualTo(ReceiptOutcome.UNKNOWN);
    }

    @Test
    void aStatThatIsNoKnownStateIsUnknownAndKeptAsWritten() {
        DeliverSm pdu = deliverSm(EsmClass.TYPE_DELIVERY_RECEIPT,
                "id:77 sub:001 dlvrd:001 submit date:2501011200 done date:2501011201 stat:WEIRD_7 err:000 text:hi")
                .build();

        DeliveryReceipt r = parser.parse(pdu).orElseThrow();

        assertThat(r.outcome()).isEqualTo(ReceiptOutcome.UNKNOWN);
        assertThat(r.stat()).isEqualTo("WEIRD_7");
        assertThat(r.messageState()).isEmpty();
        assertThat(r.outcome().isFinal()).isTrue();
    }

    @Test
    void ordinaryMoIsNotAReceipt() {
        ReceiptParseResult result = parser.analyse(deliverSm(0, "id:7 sub:2 please call me").build());

        assertThat(result.rejection()).contains(Rejection.NOT_A_RECEIPT);
    }

    @Test
    void moWithATicketInReceiptedMessageIdIsNotAReceipt() {
        // As OpenMarket sends MO: a plain deliver_sm whose receipted_message_id carries its ticket id.
        DeliverSm pdu = deliverSm(0, "Help").tlv(Tlv.receiptedMessageId("1618Z-0102G-2333M-25FJF")).build();

        assertThat(parser.parse(pdu)).isEmpty();
    }

    @Test
    void fullReceiptTextWithEsmClassZeroIsStillAReceipt() {
        assertThat(parser.parse(deliverSm(0, TEXT).build())).isPresent();
    }

    @Test
    void intermediateNotificationAndSmeAckAreFlagged() {
        assertThat(parser.parse(deliverSm(EsmClass.TYPE_INTERMEDIATE_NOTIFICATION, "id:1 stat:ENROUTE").build())
                .orElseThrow().outcome()).isEqualTo(ReceiptOutcome.PENDING);
        assertThat(parser.parse(deliverSm(EsmClass.TYPE_SME_DELIVERY_ACK, "id:1 stat:DELIVRD").build())).isPresent();
        assertThat(parser.parse(deliverSm(0, "id:1 stat:DELIVRD").build())).as("unflagged, too little").isEmpty();
    }

    @Test
    void ucs2ReceiptText() {
        DeliverSm pdu = deliverSm(EsmClass.TYPE_DELIVERY_RECEIPT, "").dataCoding(DataCoding.UCS2)
                .shortMessage("id:5 stat:DELIVRD err:000 text:Привет".getBytes(StandardCharsets.UTF_16BE)).build();

        DeliveryReceipt r = parser.parse(pdu).orElseThrow();

        assertThat(r.messageId()).isEqualTo("5");
        assertThat(r.text()).isEqualTo("Привет");
    }

    @Test
    void receiptInMessagePayloadOfADeliverSm() {
        DeliverSm pdu = deliverSm(EsmClass.TYPE_DELIVERY_RECEIPT, "")
                .tlv(Tlv.of(TlvTag.MESSAGE_PAYLOAD.tag(), TEXT.getBytes(StandardCharsets.ISO_8859_1))).build();

        assertThat(parser.parse(pdu).orElseThrow().messageId()).isEqualTo("662316");
    }

    @Test
    void userDataHeaderIsSkipped() {
        byte[] text = TEXT.getBytes(StandardCharsets.ISO_8859_1);
        byte[] withUdh = new byte[6 + text.length];
        System.arraycopy(new byte[] {0x05, 0x00, 0x03, 0x2A, 0x01, 0x01}, 0, withUdh, 0, 6);
        System.arraycopy(text, 0, withUdh, 6, text.length);
        DeliverSm pdu = deliverSm(EsmClass.TYPE_DELIVERY_RECEIPT | EsmClass.UDHI, "").shortMessage(withUdh).build();

        assertThat(parser.parse(pdu).orElseThrow().messageId()).isEqualTo("662316");
    }

    @Test
    void dataSmReceiptWithTlvsAndPayload() {
        // As Jasmin sends receipts by data_sm: receipted_message_id and message_state, no text.
        DataSm tlvOnly = DataSm.builder().esmClass(EsmClass.of(EsmClass.TYPE_DELIVERY_RECEIPT))
                .tlv(Tlv.receiptedMessageId("16fd2706-8baf-433b-82eb-8c7fada847da"))
                .tlv(Tlv.messageState(MessageState.DELIVERED)).build();
        DataSm withPayload = DataSm.builder().esmClass(EsmClass.of(EsmClass.TYPE_DELIVERY_RECEIPT))
                .tlv(Tlv.of(TlvTag.MESSAGE_PAYLOAD.tag(), TEXT.getBytes(StandardCharsets.ISO_8859_1))).build();

        assertThat(parser.parse(tlvOnly).orElseThrow().outcome()).isEqualTo(ReceiptOutcome.DELIVERED);
        assertThat(parser.parse(withPayload).orElseThrow().messageId()).isEqualTo("662316");
        assertThat(parser.analyse(DataSm.builder().build()).rejection()).contains(Rejection.NOT_A_RECEIPT);
    }
}
