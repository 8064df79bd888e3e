package io.ujumbe.pdu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The codec's buffer paths give the same octets and the same PDUs whatever the buffer: a new array,
 * an array at an offset, a heap buffer that is a slice of a larger array, a direct buffer; checked
 * (built) and unchecked (constructed) PDUs encode alike; failures leave the buffer as it was.
 */
class PduCodecBuffersTest {

    private static final PduCodec STRICT = PduCodec.DEFAULT;
    private static final PduCodec LENIENT = new PduCodec(CodecOptions.LENIENT);
    private static final byte FILL = (byte) 0xA5;

    @Test
    void everyBufferKindEncodesTheSameOctets() {
        Random r = new Random(6);
        for (int i = 0; i < 3000; i++) {
            Pdu pdu = RandomPdus.any(r);
            for (PduCodec codec : List.of(STRICT, LENIENT)) {
                byte[] expected = codec.encode(pdu);
                assertThat(expected.length).isEqualTo(codec.encodedLength(pdu));
                assertThat(encodeIntoArray(codec, pdu, 7)).isEqualTo(expected);
                assertThat(encodeIntoBuffer(codec, pdu, ByteBuffer::allocate)).isEqualTo(expected);
                assertThat(encodeIntoBuffer(codec, pdu, ByteBuffer::allocateDirect)).isEqualTo(expected);
                assertThat(encodeIntoBuffer(codec, pdu, PduCodecBuffersTest::sliceOfLargerArray)).isEqualTo(expected);
            }
        }
    }

    @Test
    void everyBufferKindDecodesTheSamePdu() {
        Random r = new Random(7);
        for (int i = 0; i < 3000; i++) {
            Pdu pdu = RandomPdus.any(r);
            byte[] frame = LENIENT.encode(pdu);
            Pdu expected = LENIENT.decode(frame);
            byte[] padded = new byte[frame.length + 11];
            Arrays.fill(padded, FILL);
            System.arraycopy(frame, 0, padded, 5, frame.length);
            assertThat(LENIENT.decode(padded, 5, frame.length)).isEqualTo(expected);
            assertThat(LENIENT.decode(ByteBuffer.wrap(padded, 5, frame.length))).isEqualTo(expected);
            assertThat(LENIENT.decode(ByteBuffer.wrap(padded, 5, frame.length).slice())).isEqualTo(expected);
            ByteBuffer direct = ByteBuffer.allocateDirect(padded.length).put(padded);
            direct.position(5).limit(5 + frame.length);
            assertThat(LENIENT.decode(direct)).isEqualTo(expected);
            assertThat(direct.position()).isEqualTo(5);
        }
    }

    @Test
    void aPduDecodedFromADirectBufferKeepsItsValuesWhenTheNextOneIsDecoded() {
        SubmitSm first = submitSm("first message").withSequenceNumber(1);
        SubmitSm second = SubmitSm.builder().serviceType("WAP").sourceAddress(Address.alphanumeric("OTHER"))
                .destinationAddress(Address.international("447700900123"))
                .shortMessage("a different and longer message".getBytes(StandardCharsets.US_ASCII))
                .build().withSequenceNumber(2);
        Pdu decoded = STRICT.decode(direct(STRICT.encode(first)));
        STRICT.decode(direct(STRICT.encode(second)));
        assertThat(decoded).isEqualTo(first);
        assertThat(((SubmitSm) decoded).shortMessage()).isEqualTo("first message".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void builtAndConstructedPdusEncodeAlike() {
        Random r = new Random(8);
        int built = 0;
        for (int i = 0; i < 3000; i++) {
            Pdu constructed = RandomPdus.of(r.nextBoolean() ? CommandId.SUBMIT_SM : CommandId.DELIVER_SM, r);
            Pdu checked;
            try {
                checked = constructed instanceof SubmitSm
                        ? ((SubmitSm) constructed).toBuilder().build()
                        : ((DeliverSm) constructed).toBuilder().build();
            } catch (PduEncodeException e) {
                continue; // short_message and message_payload both set: the builder rightly refuses it
            }
            built++;
            assertThat(((ShortMessageRequest) checked).checked()).isTrue();
            assertThat(((ShortMessageRequest) constructed).checked()).isFalse();
            for (PduCodec codec : List.of(STRICT, LENIENT)) {
                assertThat(codec.encode(checked)).isEqualTo(codec.encode(constructed));
                assertThat(encodeIntoBuffer(codec, checked, ByteBuffer::allocateDirect))
                        .isEqualTo(codec.encode(constructed));
            }
        }
        assertThat(built).isGreaterThan(1000);
    }

    @Test
    void withSequenceNumberKeepsTheMessageAndOnlyChangesTheSequenceNumber() {
        SubmitSm built = submitSm("hello");
        SubmitSm renumbered = built.withSequenceNumber(42);
        assertThat(renumbered.checked()).isTrue();
        assertThat(renumbered.sequenceNumber()).isEqualTo(42);
        byte[] a = STRICT.encode(built);
        byte[] b = STRICT.encode(renumbered);
        assertThat(Arrays.copyOfRange(b, 16, b.length)).isEqualTo(Arrays.copyOfRange(a, 16, a.length));
        assertThat(STRICT.decode(b)).isEqualTo(renumbered);

        DeliverSm constructed = new DeliverSm(1, "", Address.of("1"), Address.of("2"), EsmClass.DEFAULT, 0, 0, "", "",
                RegisteredDelivery.of(0), 0, DataCoding.SMSC_DEFAULT, 0, new byte[] {1, 2, 3}, Tlvs.EMPTY);
        assertThat(constructed.withSequenceNumber(9).checked()).isFalse();
        assertThat(constructed.withSequenceNumber(9).shortMessage()).containsExactly(1, 2, 3);
    }

    @Test
    void aBadCharacterInAnyStringFieldFailsNamingTheFieldAndLeavesTheBufferAlone() {
        for (String bad : List.of("a\0b", "a\u0100b", "\u20ac")) {
            for (Case c : stringFieldCases(bad)) {
                for (PduCodec codec : List.of(STRICT, LENIENT)) {
                    assertEncodeFails(codec, c.pdu, c.field);
                }
            }
        }
    }

    @Test
    void anOverLongFieldFailsStrictlyNamingTheFieldWhateverTheBuffer() {
        SubmitSm longSource = new SubmitSm(1, "", Address.of("123456789012345678901"), Address.of("1"),
                EsmClass.DEFAULT, 0, 0, "", "", RegisteredDelivery.of(0), 0, DataCoding.SMSC_DEFAULT, 0,
                new byte[0], Tlvs.EMPTY);
        assertEncodeFails(STRICT, longSource, "submit_sm.source_addr");
        assertThat(LENIENT.decode(LENIENT.encode(longSource))).isEqualTo(longSource);

        SubmitSm badTime = new SubmitSm(1, "", Address.of("1"), Address.of("1"), EsmClass.DEFAULT, 0, 0, "2601",
                "", RegisteredDelivery.of(0), 0, DataCoding.SMSC_DEFAULT, 0, new byte[0], Tlvs.EMPTY);
        assertEncodeFails(STRICT, badTime, "submit_sm.schedule_delivery_time");

        SubmitSm longMessage = new SubmitSm(1, "", Address.of("1"), Address.of("1"), EsmClass.DEFAULT, 0, 0, "",
                "", RegisteredDelivery.of(0), 0, DataCoding.SMSC_DEFAULT, 0, new byte[255], Tlvs.EMPTY);
        assertEncodeFails(STRICT, longMessage, "submit_sm.short_message");
        assertThat(LENIENT.encode(longMessage)).hasSize(LENIENT.encodedLength(longMessage));
    }

    @Test
    void aBadPduInASmallBufferReportsThePduAndAGoodOneReportsTheRoom() {
        Pdu bad = new SubmitSmResp(CommandStatus.ESME_ROK, 1, "x\u0100");
        assertThatThrownBy(() -> STRICT.encode(bad, ByteBuffer.allocate(4)))
                .isInstanceOf(PduEncodeException.class).hasMessageContaining("submit_sm_resp.message_id");
        assertThatThrownBy(() -> STRICT.encode(bad, new byte[4], 0, 4))
                .isInstanceOf(PduEncodeException.class).hasMessageContaining("submit_sm_resp.message_id");

        Pdu good = submitSm("hello");
        int needed = STRICT.encodedLength(good);
        ByteBuffer small = ByteBuffer.allocateDirect(needed - 1);
        assertThatThrownBy(() -> STRICT.encode(good, small))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs " + needed);
        assertThat(small.position()).isZero();
        byte[] array = new byte[needed + 10];
        assertThatThrownBy(() -> STRICT.encode(good, array, 10, needed - 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs " + needed);
        assertThatThrownBy(() -> STRICT.encode(good, array, 11, needed))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(STRICT.encode(good, array, 10, needed)).isEqualTo(needed);
        assertThat(Arrays.copyOfRange(array, 10, array.length)).isEqualTo(STRICT.encode(good));
    }

    @Test
    void aPduLargerThanTheScratchArrayGoesThroughADirectBufferIntact() {
        byte[] payload = new byte[65535];
        new Random(9).nextBytes(payload);
        SubmitSm big = SubmitSm.builder().sourceAddress(Address.of("1")).destinationAddress(Address.of("2"))
                .tlv(Tlv.of(TlvTag.MESSAGE_PAYLOAD.tag(), payload)).build();
        byte[] expected = STRICT.encode(big);
        assertThat(expected.length).isGreaterThan(64 * 1024);
        assertThat(encodeIntoBuffer(STRICT, big, ByteBuffer::allocateDirect)).isEqualTo(expected);
        assertThat(STRICT.decode(direct(expected))).isEqualTo(big);
    }

    @Test
    void decodingARangeOutsideTheArrayIsAnIndexError() {
        byte[] frame = STRICT.encode(new EnquireLink(3));
        assertThatThrownBy(() -> STRICT.decode(frame, 1, frame.length)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(STRICT.decode(frame, 0, frame.length)).isEqualTo(new EnquireLink(3));
    }

    @Test
    void theNulScanFindsTheFirstNulWithinTheLimitOnly() {
        Random r = new Random(10);
        for (int i = 0; i < 20000; i++) {
            byte[] b = new byte[r.nextInt(40)];
            for (int j = 0; j < b.length; j++) {
                // Mostly non-zero octets, with 0x01 and 0x80/0x81 that trip naive has-zero tests.
                int k = r.nextInt(10);
                b[j] = (byte) (k == 0 ? 0 : k == 1 ? 1 : k == 2 ? 0x80 : k == 3 ? 0x81 : 1 + r.nextInt(255));
            }
            int from = b.length == 0 ? 0 : r.nextInt(b.length + 1);
            int limit = from + r.nextInt(b.length - from + 1);
            int expected = from;
            while (expected < limit && b[expected] != 0) {
                expected++;
            }
            assertThat(PduCodec.indexOfNul(b, from, limit)).as("%s from %d to %d", Arrays.toString(b), from, limit)
                    .isEqualTo(expected);
        }
    }

    @Test
    void everyTlvTagIsFoundByItsNumberAndNoOtherNumberFindsOne() {
        int known = 0;
        for (int tag = 0; tag <= 0xFFFF; tag++) {
            TlvTag t = TlvTag.lookup(tag);
            if (t != null) {
                assertThat(t.tag()).isEqualTo(tag);
                known++;
            }
        }
        assertThat(known).isEqualTo(TlvTag.values().length);
        assertThat(TlvTag.lookup(-1)).isNull();
        assertThat(TlvTag.lookup(0x10000 + TlvTag.MESSAGE_PAYLOAD.tag())).isNull();
    }

    // ---------------------------------------------------------------------------------- helpers

    private static SubmitSm submitSm(String text) {
        return SubmitSm.builder().sourceAddress(Address.alphanumeric("ACME"))
                .destinationAddress(Address.international("254700000001"))
                .registeredDelivery(RegisteredDelivery.RECEIPT)
                .shortMessage(text.getBytes(StandardCharsets.US_ASCII)).build();
    }

    private static ByteBuffer direct(byte[] frame) {
        return ByteBuffer.allocateDirect(frame.length).put(frame).flip();
    }

    /** A heap buffer whose array has octets before it (arrayOffset 3) and after its limit. */
    private static ByteBuffer sliceOfLargerArray(int capacity) {
        byte[] backing = new byte[capacity + 9];
        return ByteBuffer.wrap(backing, 3, capacity).slice();
    }

    private static byte[] encodeIntoArray(PduCodec codec, Pdu pdu, int offset) {
        int length = codec.encodedLength(pdu);
        byte[] out = new byte[offset + length + 5];
        Arrays.fill(out, FILL);
        assertThat(codec.encode(pdu, out, offset, length + 5)).isEqualTo(length);
        for (int i = 0; i < offset; i++) {
            assertThat(out[i]).isEqualTo(FILL);
        }
        for (int i = offset + length; i < out.length; i++) {
            assertThat(out[i]).isEqualTo(FILL);
        }
        return Arrays.copyOfRange(out, offset, offset + length);
    }

    /** Encodes at position 4 of a buffer made by {@code make}, checking what is around the PDU. */
    private static byte[] encodeIntoBuffer(PduCodec codec, Pdu pdu, Function<Integer, ByteBuffer> make) {
        int length = codec.encodedLength(pdu);
        ByteBuffer out = make.apply(length + 10);
        while (out.hasRemaining()) {
            out.put(FILL);
        }
        out.position(4);
        codec.encode(pdu, out);
        assertThat(out.position()).isEqualTo(4 + length);
        byte[] all = new byte[out.capacity()];
        out.get(0, all);
        for (int i : new int[] {0, 3, 4 + length, all.length - 1}) {
            assertThat(all[i]).isEqualTo(FILL);
        }
        return Arrays.copyOfRange(all, 4, 4 + length);
    }

    private static void assertEncodeFails(PduCodec codec, Pdu pdu, String field) {
        PduEncodeException e = catchThrowableOfType(PduEncodeException.class, () -> codec.encode(pdu));
        assertThat(e).as("%s in %s", field, pdu.commandId()).isNotNull();
        assertThat(e.field()).isEqualTo(field);
        assertThat(e.getMessage()).contains(field);

        int length = codec.encodedLength(pdu);
        for (Function<Integer, ByteBuffer> make : List.<Function<Integer, ByteBuffer>>of(
                ByteBuffer::allocate, ByteBuffer::allocateDirect, PduCodecBuffersTest::sliceOfLargerArray)) {
            ByteBuffer out = make.apply(length + 8);
            out.position(3);
            assertThatThrownBy(() -> codec.encode(pdu, out)).isInstanceOf(PduEncodeException.class)
                    .hasMessageContaining(field);
            assertThat(out.position()).isEqualTo(3);
            assertThat(out.limit()).isEqualTo(length + 8);
        }
        byte[] array = new byte[length + 8];
        Arrays.fill(array, FILL);
        assertThatThrownBy(() -> codec.encode(pdu, array, 3, length)).isInstanceOf(PduEncodeException.class)
                .hasMessageContaining(field);
        for (int i : new int[] {0, 1, 2, 3 + length, array.length - 1}) {
            assertThat(array[i]).isEqualTo(FILL);
        }
    }

    private record Case(Pdu pdu, String field) {
    }

    /** One PDU per string field of every PDU type, that field holding {@code bad}, the others fine. */
    private static List<Case> stringFieldCases(String bad) {
        Address badAddress = Address.of(bad);
        Address ok = Address.of("1");
        RegisteredDelivery rd = RegisteredDelivery.of(0);
        DataCoding dc = DataCoding.SMSC_DEFAULT;
        byte[] sm = {1};
        String badTime = (bad + "0000000000000000").substring(0, 16);
        List<Case> cases = new ArrayList<>();
        for (BindType type : BindType.values()) {
            String cmd = type.requestId().smppName();
            cases.add(new Case(new Bind(type, 1, bad, "", "", 0x34, Address.EMPTY, Tlvs.EMPTY), cmd + ".system_id"));
            cases.add(new Case(new Bind(type, 1, "", bad, "", 0x34, Address.EMPTY, Tlvs.EMPTY), cmd + ".password"));
            cases.add(new Case(new Bind(type, 1, "", "", bad, 0x34, Address.EMPTY, Tlvs.EMPTY), cmd + ".system_type"));
            cases.add(new Case(new Bind(type, 1, "", "", "", 0x34, badAddress, Tlvs.EMPTY), cmd + ".address_range"));
            cases.add(new Case(new BindResp(type, CommandStatus.ESME_ROK, 1, bad, Tlvs.EMPTY),
                    type.responseId().smppName() + ".system_id"));
        }
        cases.add(new Case(new Outbind(1, bad, "", Tlvs.EMPTY), "outbind.system_id"));
        cases.add(new Case(new Outbind(1, "", bad, Tlvs.EMPTY), "outbind.password"));
        for (boolean submit : new boolean[] {true, false}) {
            String cmd = submit ? "submit_sm" : "deliver_sm";
            cases.add(new Case(message(submit, bad, ok, ok, ""), cmd + ".service_type"));
            cases.add(new Case(message(submit, "", badAddress, ok, ""), cmd + ".source_addr"));
            cases.add(new Case(message(submit, "", ok, badAddress, ""), cmd + ".destination_addr"));
            cases.add(new Case(message(submit, "", ok, ok, badTime), cmd + ".schedule_delivery_time"));
        }
        cases.add(new Case(new SubmitSmResp(CommandStatus.ESME_ROK, 1, bad, Tlvs.EMPTY), "submit_sm_resp.message_id"));
        cases.add(new Case(new DeliverSmResp(CommandStatus.ESME_ROK, 1, bad, Tlvs.EMPTY),
                "deliver_sm_resp.message_id"));
        cases.add(new Case(new DataSm(1, bad, ok, ok, EsmClass.DEFAULT, rd, dc, Tlvs.EMPTY), "data_sm.service_type"));
        cases.add(new Case(new DataSm(1, "", badAddress, ok, EsmClass.DEFAULT, rd, dc, Tlvs.EMPTY),
                "data_sm.source_addr"));
        cases.add(new Case(new DataSm(1, "", ok, badAddress, EsmClass.DEFAULT, rd, dc, Tlvs.EMPTY),
                "data_sm.destination_addr"));
        cases.add(new Case(new DataSmResp(CommandStatus.ESME_ROK, 1, bad, Tlvs.EMPTY), "data_sm_resp.message_id"));
        cases.add(new Case(new SubmitMulti(1, "", ok, List.of(DestinationAddress.sme(ok),
                DestinationAddress.distributionList(bad)), EsmClass.DEFAULT, 0, 0, "", "", rd, 0, dc, 0, sm,
                Tlvs.EMPTY), "submit_multi.dl_name"));
        cases.add(new Case(new SubmitMulti(1, "", ok, List.of(DestinationAddress.sme(badAddress)), EsmClass.DEFAULT,
                0, 0, "", "", rd, 0, dc, 0, sm, Tlvs.EMPTY), "submit_multi.destination_addr"));
        cases.add(new Case(new SubmitMulti(1, "", ok, List.of(), EsmClass.DEFAULT, 0, 0, "", badTime, rd, 0, dc, 0,
                sm, Tlvs.EMPTY), "submit_multi.validity_period"));
        cases.add(new Case(new SubmitMultiResp(CommandStatus.ESME_ROK, 1, "", List.of(new UnsuccessSme(badAddress,
                CommandStatus.ESME_RINVDSTADR)), Tlvs.EMPTY), "submit_multi_resp.unsuccess_sme.destination_addr"));
        cases.add(new Case(new QuerySm(1, bad, ok, Tlvs.EMPTY), "query_sm.message_id"));
        cases.add(new Case(new QuerySm(1, "1", badAddress, Tlvs.EMPTY), "query_sm.source_addr"));
        cases.add(new Case(new QuerySmResp(CommandStatus.ESME_ROK, 1, bad, "", 0, 0, Tlvs.EMPTY),
                "query_sm_resp.message_id"));
        cases.add(new Case(new QuerySmResp(CommandStatus.ESME_ROK, 1, "1", badTime, 0, 0, Tlvs.EMPTY),
                "query_sm_resp.final_date"));
        cases.add(new Case(new CancelSm(1, bad, "", ok, ok, Tlvs.EMPTY), "cancel_sm.service_type"));
        cases.add(new Case(new CancelSm(1, "", bad, ok, ok, Tlvs.EMPTY), "cancel_sm.message_id"));
        cases.add(new Case(new CancelSm(1, "", "", badAddress, ok, Tlvs.EMPTY), "cancel_sm.source_addr"));
        cases.add(new Case(new CancelSm(1, "", "", ok, badAddress, Tlvs.EMPTY), "cancel_sm.destination_addr"));
        cases.add(new Case(new ReplaceSm(1, bad, ok, "", "", rd, 0, sm, Tlvs.EMPTY), "replace_sm.message_id"));
        cases.add(new Case(new ReplaceSm(1, "1", badAddress, "", "", rd, 0, sm, Tlvs.EMPTY), "replace_sm.source_addr"));
        cases.add(new Case(new ReplaceSm(1, "1", ok, "", badTime, rd, 0, sm, Tlvs.EMPTY),
                "replace_sm.validity_period"));
        cases.add(new Case(new AlertNotification(1, badAddress, ok, Tlvs.EMPTY), "alert_notification.source_addr"));
        cases.add(new Case(new AlertNotification(1, ok, badAddress, Tlvs.EMPTY), "alert_notification.esme_addr"));
        return cases;
    }

    private static Pdu message(boolean submit, String serviceType, Address source, Address dest, String schedule) {
        byte[] sm = {1, 2};
        return submit
                ? new SubmitSm(1, serviceType, source, dest, EsmClass.DEFAULT, 0, 0, schedule, "",
                        RegisteredDelivery.of(0), 0, DataCoding.SMSC_DEFAULT, 0, sm, Tlvs.EMPTY)
                : new DeliverSm(1, serviceType, source, dest, EsmClass.DEFAULT, 0, 0, schedule, "",
                        RegisteredDelivery.of(0), 0, DataCoding.SMSC_DEFAULT, 0, sm, Tlvs.EMPTY);
    }
}
