package io.ujumbe.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.ujumbe.pdu.Address;
import io.ujumbe.pdu.CommandStatus;
import io.ujumbe.pdu.DeliverSm;
import io.ujumbe.pdu.EnquireLink;
import io.ujumbe.pdu.EsmClass;
import io.ujumbe.pdu.Pdu;
import io.ujumbe.pdu.PduCodec;
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
 * The frame decoder gives the codec's PDUs whether Netty's buffers are direct or heap (with an
 * array offset), in any pieces, whatever the PDU's size. The writer's side is {@link PduWriterTest}.
 */
class PduCodecHandlersTest {

    private static final PduCodec CODEC = PduCodec.DEFAULT;

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

    static List<Pdu> samples() {
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

    static byte[] bytes(ByteBuf buf) {
        byte[] b = new byte[buf.readableBytes()];
        buf.getBytes(buf.readerIndex(), b);
        return b;
    }
}
