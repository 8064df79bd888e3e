package io.ujumbe.pdu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The typed values, TLVs, builders and encoder checks. */
class PduValuesTest {

    @Test
    void tonAndNpiKeepEveryValueAndNameTheSpecifiedOnes() {
        assertThat(TypeOfNumber.of(1)).isSameAs(TypeOfNumber.INTERNATIONAL);
        assertThat(TypeOfNumber.of(5).name()).isEqualTo("ALPHANUMERIC");
        assertThat(TypeOfNumber.of(0x42).isKnown()).isFalse();
        assertThat(TypeOfNumber.of(0x42).name()).isEqualTo("0x42");
        assertThat(TypeOfNumber.of(0x42)).isSameAs(TypeOfNumber.of(0x42));
        assertThat(NumberingPlan.of(18)).isSameAs(NumberingPlan.WAP_CLIENT_ID);
        assertThat(NumberingPlan.of(14)).isSameAs(NumberingPlan.INTERNET);
        assertThat(NumberingPlan.of(2).isKnown()).isFalse();
        assertThatThrownBy(() -> TypeOfNumber.of(256)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NumberingPlan.of(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void addressFactories() {
        assertThat(Address.of("123")).isEqualTo(new Address(TypeOfNumber.UNKNOWN, NumberingPlan.UNKNOWN, "123"));
        assertThat(Address.international("254700000001").ton()).isEqualTo(TypeOfNumber.INTERNATIONAL);
        assertThat(Address.international("254700000001").npi()).isEqualTo(NumberingPlan.ISDN);
        assertThat(Address.alphanumeric("Ujumbe").ton()).isEqualTo(TypeOfNumber.ALPHANUMERIC);
        assertThat(Address.alphanumeric("Ujumbe").npi()).isEqualTo(NumberingPlan.UNKNOWN);
    }

    @Test
    void dataCodingConstantsAndGsmGroups() {
        assertThat(DataCoding.of(8)).isSameAs(DataCoding.UCS2);
        assertThat(DataCoding.of(0x0E)).isSameAs(DataCoding.KS_C_5601);
        assertThat(DataCoding.of(0x0B).isKnown()).isFalse();
        assertThat(DataCoding.of(0xC7).value()).isEqualTo(0xC7);

        DataCoding flashGsm = DataCoding.of(0x10);
        assertThat(flashGsm.messageClass()).hasValue(0);
        assertThat(flashGsm.gsmCharacterSet()).contains(DataCoding.GsmCharacterSet.GSM7);
        assertThat(DataCoding.of(0x19).gsmCharacterSet()).contains(DataCoding.GsmCharacterSet.UCS2);
        assertThat(DataCoding.of(0x19).messageClass()).hasValue(1);
        assertThat(DataCoding.of(0x08).messageClass()).isEmpty();
        assertThat(DataCoding.of(0x24).isCompressed()).isTrue();
        assertThat(DataCoding.of(0x24).gsmCharacterSet()).contains(DataCoding.GsmCharacterSet.EIGHT_BIT);
        assertThat(DataCoding.of(0x0C).gsmCharacterSet()).isEmpty();
        assertThat(DataCoding.of(0xF6).gsmCharacterSet()).contains(DataCoding.GsmCharacterSet.EIGHT_BIT);
        assertThat(DataCoding.of(0xF6).messageClass()).hasValue(2);
        assertThat(DataCoding.of(0xF1).gsmCharacterSet()).contains(DataCoding.GsmCharacterSet.GSM7);
        assertThat(DataCoding.of(0xF1).isCompressed()).isFalse();
        assertThat(DataCoding.of(0xE0).gsmCharacterSet()).contains(DataCoding.GsmCharacterSet.UCS2);
        assertThat(DataCoding.of(0xD0).gsmCharacterSet()).contains(DataCoding.GsmCharacterSet.GSM7);
        assertThat(DataCoding.of(0x90).gsmCharacterSet()).isEmpty();
        assertThat(DataCoding.of(0x90).messageClass()).isEmpty();
    }

    @Test
    void esmClassBits() {
        EsmClass receipt = EsmClass.of(0x04);
        assertThat(receipt.isDeliveryReceipt()).isTrue();
        assertThat(receipt.withUdhi(true).value()).isEqualTo(0x44);
        assertThat(receipt.withUdhi(true).isDeliveryReceipt()).isTrue();
        assertThat(receipt.withUdhi(true).isUdhi()).isTrue();
        assertThat(EsmClass.of(0x43).isUdhi()).isTrue();
        assertThat(EsmClass.of(0x43).messagingMode()).isEqualTo(EsmClass.MODE_STORE_AND_FORWARD);
        assertThat(EsmClass.of(0x43).withUdhi(false).value()).isEqualTo(0x03);
        assertThat(EsmClass.of(0x08).isSmeAck()).isTrue();
        assertThat(EsmClass.of(0x20).isIntermediateNotification()).isTrue();
        assertThat(EsmClass.of(0x24).isDeliveryReceipt()).isFalse();
        assertThat(EsmClass.of(0x80).isReplyPath()).isTrue();
        assertThatThrownBy(() -> new EsmClass(300)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void registeredDeliveryTestsBitsNotEquality() {
        assertThat(RegisteredDelivery.of(0x02).receiptOnFailure()).isTrue();
        assertThat(RegisteredDelivery.of(0x02).receiptOnSuccess()).isFalse();
        assertThat(RegisteredDelivery.of(0x03).receiptOnSuccess()).isTrue();
        assertThat(RegisteredDelivery.of(0x03).receiptOnFailure()).isFalse();
        assertThat(RegisteredDelivery.of(0x1D).receiptOnSuccess()).isTrue();
        assertThat(RegisteredDelivery.of(0x1D).receiptOnFailure()).isTrue();
        assertThat(RegisteredDelivery.of(0x1D).smeDeliveryAck()).isTrue();
        assertThat(RegisteredDelivery.of(0x1D).smeManualAck()).isTrue();
        assertThat(RegisteredDelivery.of(0x1D).intermediate()).isTrue();
        assertThat(RegisteredDelivery.of(0x10).requestsReceipt()).isFalse();
        assertThat(RegisteredDelivery.NONE.withReceiptBits(1).withIntermediate(true).value()).isEqualTo(0x11);
    }

    @Test
    void tlvTagTableCoversSmpp34AndCongestionState() {
        assertThat(TlvTag.values()).hasSize(45);
        assertThat(TlvTag.lookup(0x0005)).isEqualTo(TlvTag.DEST_ADDR_SUBUNIT);
        assertThat(TlvTag.lookup(0x1383)).isEqualTo(TlvTag.ITS_SESSION_INFO);
        assertThat(TlvTag.lookup(0x0428)).isEqualTo(TlvTag.CONGESTION_STATE);
        assertThat(TlvTag.lookup(0x1401)).isNull();
        assertThat(TlvTag.isVendorSpecific(0x1401)).isTrue();
        assertThat(TlvTag.NETWORK_ERROR_CODE.allowsLength(3)).isTrue();
        assertThat(TlvTag.SAR_MSG_REF_NUM.allowsLength(1)).isFalse();
        assertThat(TlvTag.RECEIPTED_MESSAGE_ID.maxLength()).isEqualTo(65);
        assertThat(TlvTag.DEST_TELEMATICS_ID.valueType()).isEqualTo(TlvTag.ValueType.INT16);
        for (TlvTag t : TlvTag.values()) {
            assertThat(TlvTag.lookup(t.tag())).isSameAs(t);
        }
    }

    @Test
    void tlvFactoriesAndTypedGetters() {
        Tlvs tlvs = Tlvs.of(Tlv.sarMsgRefNum(0xBEEF), Tlv.sarTotalSegments(3), Tlv.sarSegmentSeqnum(2),
                Tlv.receiptedMessageId("0a1b2c"), Tlv.messageState(MessageState.DELIVERED),
                Tlv.networkErrorCode(new NetworkErrorCode(NetworkErrorCode.GSM, 0x0102)),
                Tlv.scInterfaceVersion(0x34), Tlv.congestionState(80), Tlv.userMessageReference(7),
                Tlv.messagePayload(new byte[] {1, 2, 3}), Tlv.sourcePort(9200), Tlv.destinationPort(2948));

        assertThat(tlvs.sarMsgRefNum()).hasValue(0xBEEF);
        assertThat(tlvs.sarTotalSegments()).hasValue(3);
        assertThat(tlvs.sarSegmentSeqnum()).hasValue(2);
        assertThat(tlvs.receiptedMessageId()).contains("0a1b2c");
        assertThat(tlvs.get(0x001E).orElseThrow().value()).endsWith(0);
        assertThat(tlvs.messageState()).contains(MessageState.DELIVERED);
        assertThat(tlvs.networkErrorCode()).contains(new NetworkErrorCode(3, 0x0102));
        assertThat(tlvs.scInterfaceVersion()).hasValue(0x34);
        assertThat(tlvs.congestionState()).hasValue(80);
        assertThat(tlvs.userMessageReference()).hasValue(7);
        assertThat(tlvs.messagePayload()).hasValueSatisfying(p -> assertThat(p).containsExactly(1, 2, 3));
        assertThat(tlvs.sourcePort()).hasValue(9200);
        assertThat(tlvs.destinationPort()).hasValue(2948);
        assertThat(Tlvs.EMPTY.sarMsgRefNum()).isEmpty();
        assertThat(Tlvs.of(Tlv.of(0x001E, "abc".getBytes())).receiptedMessageId()).contains("abc");
        assertThatThrownBy(() -> Tlv.sarTotalSegments(256)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Tlv.of(0x10000, new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tlvsAreImmutableOrderedAndCompareByContent() {
        byte[] v = {1, 2};
        Tlv t = Tlv.of(0x1401, v);
        v[0] = 9;
        assertThat(t.value()).containsExactly(1, 2);
        t.value()[0] = 9;
        assertThat(t.value()).containsExactly(1, 2);
        assertThat(t).isEqualTo(Tlv.of(0x1401, new byte[] {1, 2})).hasSameHashCodeAs(Tlv.of(0x1401, new byte[] {1, 2}));

        Tlvs tlvs = Tlvs.of(Tlv.of(0x1401, new byte[] {1}), Tlv.sarTotalSegments(2), Tlv.of(0x1401, new byte[] {2}));
        Tlvs replaced = tlvs.with(Tlv.of(0x1401, new byte[] {3}));
        assertThat(replaced.asList()).containsExactly(Tlv.of(0x1401, new byte[] {3}), Tlv.sarTotalSegments(2));
        assertThat(tlvs.size()).isEqualTo(3);
        assertThat(tlvs.with(Tlv.sarSegmentSeqnum(1)).at(3)).isEqualTo(Tlv.sarSegmentSeqnum(1));
        assertThat(tlvs.without(0x1401).asList()).containsExactly(Tlv.sarTotalSegments(2));
        assertThat(tlvs.without(0x9999)).isSameAs(tlvs);
        assertThat(tlvs.encodedLength()).isEqualTo(15);
        assertThatThrownBy(() -> tlvs.asList().add(Tlv.sarTotalSegments(1)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void shortMessageIsCopiedInAndOut() {
        byte[] text = {1, 2, 3};
        SubmitSm sm = SubmitSm.builder().shortMessage(text).build();
        text[0] = 9;
        sm.shortMessage()[1] = 9;
        assertThat(sm.shortMessage()).containsExactly(1, 2, 3);
        assertThat(sm).isEqualTo(SubmitSm.builder().shortMessage(new byte[] {1, 2, 3}).build());
        assertThat(sm.toBuilder().build()).isEqualTo(sm);
    }

    @Test
    void buildersEnforceTheSpecificationsLimits() {
        assertThat(catchThrowableOfType(PduEncodeException.class,
                () -> Bind.builder().systemId("sixteen-chars-id").build()).field()).isEqualTo("bind_transceiver.system_id");
        assertThat(Bind.builder().systemId("fifteen-chars-x").password("8charsOK").build().systemId()).hasSize(15);
        assertThat(catchThrowableOfType(PduEncodeException.class,
                () -> SubmitSm.builder().shortMessage(new byte[255]).build()).field())
                .isEqualTo("submit_sm.short_message");
        assertThat(SubmitSm.builder().shortMessage(new byte[254]).build().shortMessageLength()).isEqualTo(254);
        PduEncodeException both = catchThrowableOfType(PduEncodeException.class, () -> SubmitSm.builder()
                .shortMessage(new byte[] {1}).tlv(Tlv.messagePayload(new byte[] {2})).build());
        assertThat(both.getMessage()).contains("short_message and message_payload");
        assertThat(catchThrowableOfType(PduEncodeException.class, () -> SubmitSm.builder()
                .sourceAddress(Address.of("x".repeat(21))).build()).field()).isEqualTo("submit_sm.source_addr");
        assertThat(catchThrowableOfType(PduEncodeException.class, () -> SubmitSm.builder()
                .validityPeriod("0000010000").build()).field()).isEqualTo("submit_sm.validity_period");
        assertThat(catchThrowableOfType(PduEncodeException.class, () -> SubmitSm.builder()
                .sourceAddress(Address.of("Nairobi\u2603")).build()).field()).isEqualTo("submit_sm.source_addr");
        assertThat(catchThrowableOfType(PduEncodeException.class, () -> SubmitMulti.builder().build()).field())
                .isEqualTo("submit_multi.number_of_dests");
        SubmitMulti.Builder many = SubmitMulti.builder();
        for (int i = 0; i < 255; i++) {
            many.addDestination(Address.of("1"));
        }
        assertThatThrownBy(many::build).isInstanceOf(PduEncodeException.class).hasMessageContaining("254");
        assertThatThrownBy(() -> SubmitSm.builder().protocolId(256).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("protocol_id");
    }

    @Test
    void strictEncoderRejectsWhatBuildersWouldAndTheBufferIsLeftAlone() {
        SubmitSmResp tooLong = new SubmitSmResp(CommandStatus.ESME_ROK, 1, "x".repeat(65));
        ByteBuffer out = ByteBuffer.allocate(200);
        out.position(5);
        assertThat(catchThrowableOfType(PduEncodeException.class, () -> PduCodec.DEFAULT.encode(tooLong, out))
                .field()).isEqualTo("submit_sm_resp.message_id");
        assertThat(out.position()).isEqualTo(5);
        assertThat(new PduCodec(CodecOptions.LENIENT).encode(tooLong)).hasSize(16 + 66);

        SubmitSmResp withNul = new SubmitSmResp(CommandStatus.ESME_ROK, 1, "a\0b");
        assertThatThrownBy(() -> new PduCodec(CodecOptions.LENIENT).encode(withNul, out))
                .isInstanceOf(PduEncodeException.class).hasMessageContaining("without NUL");
        assertThat(out.position()).isEqualTo(5);

        assertThatThrownBy(() -> PduCodec.DEFAULT.encode(new EnquireLink(1), ByteBuffer.allocate(15)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs 16");
    }

    @Test
    void requestsCreateTheMatchingResponse() {
        assertThat(new EnquireLink(5).createResponse(CommandStatus.ESME_ROK)).isEqualTo(new EnquireLinkResp(CommandStatus.ESME_ROK, 5));
        assertThat(SubmitSm.builder().sequenceNumber(8).build().createResponse(CommandStatus.ESME_RTHROTTLED))
                .isEqualTo(new SubmitSmResp(CommandStatus.ESME_RTHROTTLED, 8, ""));
        BindResp bindResp = Bind.builder().type(BindType.RECEIVER).sequenceNumber(2).build()
                .createResponse(CommandStatus.ESME_RBINDFAIL);
        assertThat(bindResp.commandId()).isEqualTo(CommandId.BIND_RECEIVER_RESP);
        assertThat(bindResp.sequenceNumber()).isEqualTo(2);
        java.util.Random r = new java.util.Random(3);
        for (CommandId id : CommandId.values()) {
            Pdu pdu = RandomPdus.of(id, r);
            if (pdu instanceof PduRequest) {
                PduResponse resp = ((PduRequest) pdu).createResponse(CommandStatus.ESME_RSYSERR);
                assertThat(resp.commandId()).isEqualTo(id.response().orElseThrow());
                assertThat(resp.sequenceNumber()).isEqualTo(pdu.sequenceNumber());
                assertThat(resp.commandStatus()).isEqualTo(CommandStatus.ESME_RSYSERR);
                assertThat(PduCodec.DEFAULT.decode(PduCodec.DEFAULT.encode(resp))).isEqualTo(resp);
            } else {
                assertThat(id.expectsResponse()).isFalse();
            }
        }
    }

    @Test
    void bindRespReadsScInterfaceVersion() {
        BindResp resp = new BindResp(BindType.TRANSCEIVER, CommandStatus.ESME_ROK, 1, "SMSC",
                Tlvs.of(Tlv.scInterfaceVersion(0x34)));
        assertThat(resp.scInterfaceVersion()).hasValue(0x34);
        assertThat(new BindResp(BindType.TRANSCEIVER, CommandStatus.ESME_ROK, 1, "SMSC").scInterfaceVersion()).isEmpty();
    }

    @Test
    void querySmRespStateAndSubmitMultiResp() {
        assertThat(new QuerySmResp(CommandStatus.ESME_ROK, 1, "id", "", 2, 0).state()).contains(MessageState.DELIVERED);
        assertThat(new QuerySmResp(CommandStatus.ESME_ROK, 1, "id", "", 99, 0).state()).isEmpty();
        SubmitMultiResp resp = new SubmitMultiResp(CommandStatus.ESME_ROK, 4, "m1",
                List.of(new UnsuccessSme(Address.of("123"), CommandStatus.ESME_RINVDSTADR)), Tlvs.EMPTY);
        SubmitMultiResp decoded = (SubmitMultiResp) PduCodec.DEFAULT.decode(PduCodec.DEFAULT.encode(resp));
        assertThat(decoded.unsuccessSmes()).containsExactly(new UnsuccessSme(Address.of("123"),
                CommandStatus.ESME_RINVDSTADR));
    }
}
