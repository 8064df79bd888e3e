package io.ujumbe.session;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.ujumbe.pdu.Pdu;
import io.ujumbe.pdu.PduCodec;
import io.ujumbe.pdu.PduDecodeException;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Cuts the byte stream into PDUs by command_length and decodes each one. A frame that decodes
 * badly becomes a {@link DecodeFailure} for the session to answer; a command_length that cannot be
 * true (under 16 or over the configured maximum) makes the stream unreadable from there on, so it
 * becomes a {@link FramingError} and the session closes the connection.
 *
 * <p>A frame must also be complete within the PDU-completion deadline from its first byte: a peer
 * that trickles an incomplete PDU (10 bytes every 0.2 s of a 128 KiB PDU) otherwise holds the
 * connection and up to {@code maxPduSize} of buffer forever, and many such peers exhaust the
 * process. Past the deadline the decoder passes a {@link Stalled} on and the session closes.
 */
final class PduFrameDecoder extends ByteToMessageDecoder {
    static final int HEADER_LENGTH = 16;

    private final PduCodec codec;
    private final int maxPduSize;
    private boolean broken;
    /** The PDU-completion deadline; 0 when disabled. */
    private final long completionNanos;
    private ChannelHandlerContext ctx;
    /** When the incomplete frame now buffered began (first seen); 0 when none is buffered. */
    private long partialSinceNanos;
    private ScheduledFuture<?> deadline;

    PduFrameDecoder(PduCodec codec, int maxPduSize) {
        this(codec, maxPduSize, Duration.ZERO);
    }

    PduFrameDecoder(PduCodec codec, int maxPduSize, Duration completionTimeout) {
        this.codec = codec;
        this.maxPduSize = maxPduSize;
        this.completionNanos = completionTimeout.toNanos();
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
        cancelDeadline();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        cancelDeadline();
        super.channelInactive(ctx);
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
                break;
            }
            int len = (int) length;
            partialSinceNanos = 0;
            try {
                out.add(decodeFrame(in, start, len));
            } catch (PduDecodeException e) {
                out.add(new DecodeFailure(e, len));
            } finally {
                in.readerIndex(start + len);
            }
        }
        if (in.isReadable() && completionNanos > 0 && partialSinceNanos == 0) {
            partialSinceNanos = System.nanoTime();
            if (deadline == null) {
                deadline = ctx.executor().schedule(this::checkDeadline, completionNanos, TimeUnit.NANOSECONDS);
            }
        }
    }

    /**
     * Runs at most once per deadline period while frames arrive in pieces: a frame completed since
     * it was armed clears the partial mark, and the timer re-arms for the frame buffered now.
     */
    private void checkDeadline() {
        deadline = null;
        if (broken || partialSinceNanos == 0 || !ctx.channel().isOpen()) {
            return;
        }
        long left = completionNanos - (System.nanoTime() - partialSinceNanos);
        if (left > 0) {
            deadline = ctx.executor().schedule(this::checkDeadline, left, TimeUnit.NANOSECONDS);
            return;
        }
        broken = true;
        ByteBuf buffered = internalBuffer();
        int have = buffered.readableBytes();
        long expected = have >= 4 ? buffered.getUnsignedInt(buffered.readerIndex()) : -1;
        buffered.skipBytes(have);
        ctx.fireChannelRead(new Stalled("PDU not completed within " + TimeUnit.NANOSECONDS.toMillis(completionNanos)
                + " ms: " + have + " of " + (expected < 0 ? "?" : Long.toString(expected)) + " bytes received"));
    }

    private void cancelDeadline() {
        if (deadline != null) {
            deadline.cancel(false);
            deadline = null;
        }
    }

    /**
     * Decodes one frame without making a buffer view per frame: from the buffer's array when it
     * has one, else copied in one go into this thread's scratch array (the PDU keeps copies of
     * its values, never the array).
     */
    private Pdu decodeFrame(ByteBuf in, int start, int len) {
        if (in.hasArray()) {
            return codec.decode(in.array(), in.arrayOffset() + start, len);
        }
        byte[] frame = ScratchArray.DECODING.get().atLeast(len);
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

    /** A frame was not completed within the PDU-completion deadline: the connection must close. */
    static final class Stalled {
        final String reason;

        Stalled(String reason) {
            this.reason = reason;
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
