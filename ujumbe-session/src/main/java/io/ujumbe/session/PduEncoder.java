package io.ujumbe.session;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;
import io.ujumbe.pdu.Pdu;
import io.ujumbe.pdu.PduCodec;

import java.nio.ByteBuffer;

/** Writes each PDU straight into an exactly-sized pooled buffer. */
final class PduEncoder extends MessageToByteEncoder<Pdu> {
    private final PduCodec codec;

    PduEncoder(PduCodec codec) {
        super(Pdu.class);
        this.codec = codec;
    }

    @Override
    protected ByteBuf allocateBuffer(ChannelHandlerContext ctx, Pdu pdu, boolean preferDirect) {
        int len = codec.encodedLength(pdu);
        return preferDirect ? ctx.alloc().ioBuffer(len, len) : ctx.alloc().heapBuffer(len, len);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, Pdu pdu, ByteBuf out) {
        ByteBuffer nio = out.nioBuffer(out.writerIndex(), out.writableBytes());
        int start = nio.position();
        codec.encode(pdu, nio);
        out.writerIndex(out.writerIndex() + nio.position() - start);
    }
}
