package io.ujumbe.session;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.ujumbe.pdu.Pdu;
import io.ujumbe.pdu.PduCodec;
import io.ujumbe.pdu.PduDecodeException;

import java.util.List;

/**
 * Cuts the byte stream into PDUs by command_length and decodes each one. A frame that decodes
 * badly becomes a {@link DecodeFailure} for the session to answer; a command_length that cannot be
 * true (under 16 or over the configured maximum) makes the stream unreadable from there on, so it
 * becomes a {@link FramingError} and the session closes the connection.
 */
final class PduFrameDecoder extends ByteToMessageDecoder {
    static final int HEADER_LENGTH = 16;

    private final PduCodec codec;
    private final int maxPduSize;
    private boolean broken;
    private final ScratchArray scratch = new ScratchArray();

    PduFrameDecoder(PduCodec codec, int maxPduSize) {
        this.codec = codec;
        this.maxPduSize = maxPduSize;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (broken) {
            in.skipBytes(in.readableBytes());
            return;
        }
        while (in.readableBytes() >= 4) {
            int start = in.readerIndex();
            long length = in.getUnsignedInt(start);
            if (length < HEADER_LENGTH || length > maxPduSize) {
                broken = true;
                int seq = in.readableBytes() >= HEADER_LENGTH ? in.getInt(start + 12) : 0;
                in.skipBytes(in.readableBytes());
                out.add(new FramingError("command_length " + length + " is outside the allowed range "
                        + HEADER_LENGTH + ".." + maxPduSize, seq));
                return;
            }
            if (in.readableBytes() < length) {
                return;
            }
            int len = (int) length;
            try {
                out.add(decodeFrame(in, start, len));
            } catch (PduDecodeException e) {
                out.add(new DecodeFailure(e, len));
            } finally {
                in.readerIndex(start + len);
            }
        }
    }

    /**
     * Decodes one frame without making a buffer view per frame: from the buffer's array when it
     * has one, else copied in one go into this channel's scratch array (the PDU keeps copies of
     * its values, never the array).
     */
    private Pdu decodeFrame(ByteBuf in, int start, int len) {
        if (in.hasArray()) {
            return codec.decode(in.array(), in.arrayOffset() + start, len);
        }
        byte[] frame = scratch.atLeast(len);
        in.getBytes(start, frame, 0, len);
        return codec.decode(frame, 0, len);
    }

    /** A frame whose bytes do not make a valid PDU; the header, when readable, is in the exception. */
    static final class DecodeFailure {
        final PduDecodeException exception;
        final int length;

        DecodeFailure(PduDecodeException exception, int length) {
            this.exception = exception;
            this.length = length;
        }
    }

    /** The stream cannot be framed any more: the connection must close. */
    static final class FramingError {
        final String reason;
        final int sequenceNumber;

        FramingError(String reason, int sequenceNumber) {
            this.reason = reason;
            this.sequenceNumber = sequenceNumber;
        }
    }
}
