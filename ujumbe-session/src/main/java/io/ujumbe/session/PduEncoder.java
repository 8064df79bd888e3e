package io.ujumbe.session;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;
import io.ujumbe.pdu.Pdu;
import io.ujumbe.pdu.PduCodec;

/**
 * Writes each PDU into an exactly-sized pooled buffer: straight into its array when it has one,
 * else through this channel's scratch array and one bulk copy, so that no buffer view is made per
 * PDU. On failure the buffer's writer index is unchanged and the exception fails the write.
 */
final class PduEncoder extends MessageToByteEncoder<Pdu> {
    private final PduCodec codec;
    private final ScratchArray scratch = new ScratchArray();

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
        int index = out.writerIndex();
        if (out.hasArray()) {
            int n = codec.encode(pdu, out.array(), out.arrayOffset() + index, out.writableBytes());
            out.writerIndex(index + n);
            return;
        }
        int room = out.writableBytes();
        byte[] frame = scratch.atLeast(room);
        int n = codec.encode(pdu, frame, 0, room);
        out.writeBytes(frame, 0, n);
    }
}
