package io.ujumbe.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.EncoderException;
import io.ujumbe.pdu.Address;
import io.ujumbe.pdu.CommandStatus;
import io.ujumbe.pdu.DeliverSm;
import io.ujumbe.pdu.EnquireLink;
import io.ujumbe.pdu.EsmClass;
import io.ujumbe.pdu.Pdu;
import io.ujumbe.pdu.PduCodec;
import io.ujumbe.pdu.PduEncodeException;
import io.ujumbe.pdu.SubmitSm;
import io.ujumbe.pdu.SubmitSmResp;
import io.ujumbe.pdu.Tlv;
import io.ujumbe.pdu.TlvTag;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The encoder and frame decoder give the codec's octets and PDUs whether Netty's buffers are direct
 * or heap (with an array offset), whatever the PDU's size, and leave a buffer as it was when a PDU
 * cannot be encoded.
 */
class PduCodecHandlersTest {

    private static final PduCodec CODEC = PduCodec.DEFAULT;

    @Test
    void theEncoderWritesTheCodecsOctetsIntoDirectAndHeapBuffers() throws Exception {
        EmbeddedChannel channel = new EmbeddedChannel(new PduEncoder(CODEC));
        PduEncoder encoder = new PduEncoder(CODEC);
        for (Pdu pdu : samples()) {
            byte[] expected = CODEC.encode(pdu);
            assertThat(channel.writeOutbound(pdu)).isTrue();
            ByteBuf direct = channel.readOutbound();
            assertThat(bytes(direct)).isEqualTo(expected);
            direct.release();

            byte[] backing = new byte[expected.length + 10];
            ByteBuf heap = Unpooled.wrappedBuffer(backing, 5, expected.length).writerIndex(0);
            assertThat(heap.hasArray()).isTrue();
            assertThat(heap.arrayOffset()).isEqualTo(5);
            encoder.encode(null, pdu, heap);
            assertThat(bytes(heap)).isEqualTo(expected);
            assertThat(backing[4]).isZero();
            assertThat(backing[5 + expected.length]).isZero();
        }
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void aPduThatCannotBeEncodedFailsTheWriteAndLeavesTheBufferAlone() throws Exception {
        Pdu bad = new SubmitSmResp(CommandStatus.ESME_ROK, 1, "caf\u00e9\u20ac");
        EmbeddedChannel channel = new EmbeddedChannel(new PduEncoder(CODEC));
        assertThatThrownBy(() -> channel.writeOutbound(bad)).isInstanceOf(EncoderException.class)
                .hasRootCauseInstanceOf(PduEncodeException.class).hasMessageContaining("submit_sm_resp.message_id");
        Object written = channel.readOutbound();
        assertThat(written).isNull();

        int length = CODEC.encodedLength(bad);
        ByteBuf heap = Unpooled.buffer(length, length);
        assertThatThrownBy(() -> new PduEncoder(CODEC).encode(null, bad, heap))
                .isInstanceOf(PduEncodeException.class);
        assertThat(heap.writerIndex()).isZero();
        channel.finishAndReleaseAll();
    }

    @Test
    void theDecoderGivesTheSamePdusFromDirectAndHeapBuffersInAnyPieces() {
        List<Pdu> sent = samples();
        ByteBuf stream = Unpooled.buffer();
        for (Pdu pdu : sent) {
            stream.writeBytes(CODEC.encode(pdu));
        }
        byte[] all = bytes(stream);
        Random r = new Random(11);
        for (boolean direct : new boolean[] {true, false}) {
            EmbeddedChannel channel = new EmbeddedChannel(new PduFrameDecoder(CODEC, 100_000));
            int at = 0;
            while (at < all.length) {
                int n = Math.min(all.length - at, 1 + r.nextInt(300));
                ByteBuf piece;
                if (direct) {
                    piece = Unpooled.directBuffer(n).writeBytes(all, at, n);
                } else {
                    byte[] backing = new byte[n + 7];
                    System.arraycopy(all, at, backing, 3, n);
                    piece = Unpooled.wrappedBuffer(backing, 3, n);
                }
                channel.writeInbound(piece);
                at += n;
            }
            List<Object> received = new ArrayList<>();
            for (Object o; (o = channel.readInbound()) != null; ) {
                received.add(o);
            }
            assertThat(received).as(direct ? "direct" : "heap").containsExactlyElementsOf(sent);
            assertThat(channel.finish()).isFalse();
        }
    }

    private static List<Pdu> samples() {
        byte[] payload = new byte[65_535];
        new Random(12).nextBytes(payload);
        List<Pdu> pdus = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            pdus.add(SubmitSm.builder().sourceAddress(Address.alphanumeric("ACME"))
                    .destinationAddress(Address.international("2547000000" + (10 + i)))
                    .shortMessage(("message number " + i).repeat(i % 7 + 1).getBytes(StandardCharsets.US_ASCII))
                    .build().withSequenceNumber(i));
            pdus.add(new EnquireLink(100 + i));
        }
        pdus.add(DeliverSm.builder().sourceAddress(Address.international("254700000001"))
                .destinationAddress(Address.alphanumeric("ACME")).esmClass(EsmClass.of(EsmClass.TYPE_DELIVERY_RECEIPT))
                .shortMessage("id:1 stat:DELIVRD".getBytes(StandardCharsets.US_ASCII))
                .tlv(Tlv.receiptedMessageId("1")).build().withSequenceNumber(200));
        pdus.add(SubmitSm.builder().sourceAddress(Address.of("1")).destinationAddress(Address.of("2"))
                .tlv(Tlv.of(TlvTag.MESSAGE_PAYLOAD.tag(), payload.clone())).build().withSequenceNumber(201));
        pdus.add(new SubmitSmResp(CommandStatus.ESME_ROK, 202, "abc123"));
        return pdus;
    }

    private static byte[] bytes(ByteBuf buf) {
        byte[] b = new byte[buf.readableBytes()];
        buf.getBytes(buf.readerIndex(), b);
        return b;
    }
}
