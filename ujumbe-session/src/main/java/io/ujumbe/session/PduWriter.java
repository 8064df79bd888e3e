package io.ujumbe.session;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelProgressiveFuture;
import io.netty.channel.ChannelProgressiveFutureListener;
import io.netty.channel.ChannelProgressivePromise;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.EncoderException;
import io.netty.util.internal.PlatformDependent;
import io.ujumbe.pdu.Pdu;
import io.ujumbe.pdu.PduCodec;

/**
 * Encodes the session's PDUs into one pooled buffer per flush and flushes it as rarely as a
 * conversation allows: once per burst of reads (the answers to what was read go out together),
 * and otherwise once per turn of the event loop, after every write queued in that turn.
 *
 * <p>Why not Netty's encoder and {@code FlushConsolidationHandler}: they cost, per PDU, a pooled
 * buffer (with its leak-detector record), an outbound-buffer entry and a promise with its
 * listener; at 100,000 PDUs a second that was a sixth of the client's I/O thread. Here a PDU costs
 * its encoding into the shared buffer and a slot in the batch's list of who to tell.
 *
 * <p>What a writer learns stays as precise as with one buffer per PDU: a request
 * ({@link Numbered}) is told it was written as soon as the socket took its last octet, through
 * the batch's write progress, so a connection that dies in the middle of a batch reports the PDUs
 * before the break as sent (the SMSC may have them) and only those after it as not sent. A PDU
 * that cannot be encoded fails alone, at once, and leaves the batch as it was. Other messages
 * pass through, after the batch written so far, in order.
 */
final class PduWriter extends ChannelDuplexHandler {
    /** A batch this large is handed to the channel at once (still flushed later), not grown further. */
    static final int BATCH_BYTES = 64 * 1024;
    /** The smallest batch buffer: one short PDU; a batch starts at the size the last one reached. */
    private static final int MIN_CAPACITY = 128;

    /**
     * A request the session numbers as it writes it, without a numbered copy of the PDU: the writer
     * puts {@link #sequenceNumber()} in place of the PDU's own, and tells it when its octets were
     * written or could not be.
     */
    interface Numbered {
        Pdu pdu();

        int sequenceNumber();

        /** Every octet of the request was taken by the socket (or TLS). */
        void written();

        /** The request was not written: it could not be encoded, or the connection failed first. */
        void notWritten(Throwable cause);
    }

    /** Told when PDUs written with the void promise (responses) could not be written. */
    interface Failures {
        void notWritten(Pdu pdu, Throwable cause);
    }

    private final PduCodec codec;
    private final int flushAfterWrites;
    private final Failures failures;
    private ChannelHandlerContext ctx;
    private Batch batch;
    private int lastBatchBytes = MIN_CAPACITY;
    private int flushesPending;
    private boolean reading;
    private boolean flushScheduled;
    private final Runnable scheduledFlush = () -> {
        flushScheduled = false;
        if (flushesPending > 0 && !reading) {
            flushNow();
        }
    };

    PduWriter(PduCodec codec, int flushAfterWrites, Failures failures) {
        if (flushAfterWrites < 1) {
            throw new IllegalArgumentException("flushAfterWrites must be at least 1, was " + flushAfterWrites);
        }
        this.codec = codec;
        this.flushAfterWrites = flushAfterWrites;
        this.failures = failures;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        if (batch != null) {
            emit();
            ctx.flush();
        }
    }

    // ---- outbound ---------------------------------------------------------------------------

    /**
     * Writes and flushes a PDU (or a {@link Numbered} request) from the channel's event loop
     * without the pipeline's walk from its tail: the session's own writes, one per PDU, paid two
     * handler hops each, with a leak-detector touch per hop, to reach this handler. Only the
     * session calls this, and only inbound handlers stand between it and here.
     */
    void writeAndFlush(Object msg) {
        assert ctx.executor().inEventLoop();
        write(ctx, msg, ctx.voidPromise());
        flush(ctx);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        Pdu pdu;
        int seq;
        if (msg instanceof Pdu) {
            pdu = (Pdu) msg;
            seq = pdu.sequenceNumber();
        } else if (msg instanceof Numbered) {
            pdu = ((Numbered) msg).pdu();
            seq = ((Numbered) msg).sequenceNumber();
        } else {
            emit();
            ctx.write(msg, promise);
            return;
        }
        int length;
        try {
            length = codec.encodedLength(pdu);
            Batch b = room(length);
            b.add(msg, promise, encode(pdu, seq, length, b.buffer));
        } catch (RuntimeException e) {
            // The batch is as it was (the encoder moves the writer index only on success).
            notWritten(msg, promise, e instanceof EncoderException ? e : new EncoderException(e));
        }
    }

    /** The batch, with room for {@code length} more octets: a full one is handed on first. */
    private Batch room(int length) {
        Batch b = batch;
        if (b != null && b.buffer.writableBytes() < length) {
            if (b.buffer.readableBytes() + length > BATCH_BYTES || b.buffer.maxWritableBytes() < length) {
                emit();
                b = null;
            } else {
                b.buffer.ensureWritable(length);
            }
        }
        if (b == null) {
            // Sized as the last batch was: a conversation of single PDUs (a thousand quiet
            // sessions) takes small buffers, a busy one the buffer its bursts need, without growing.
            b = new Batch(ctx.alloc().ioBuffer(Math.max(length, lastBatchBytes)));
            batch = b;
        }
        return b;
    }

    /** Encodes at the writer index and moves it past the PDU; returns the batch's new length. */
    private int encode(Pdu pdu, int seq, int length, ByteBuf out) {
        int index = out.writerIndex();
        if (out.hasArray()) {
            int at = out.arrayOffset() + index;
            int n = codec.encode(pdu, out.array(), at, length);
            putSequenceNumber(out.array(), at, seq);
            out.writerIndex(index + n);
            return out.writerIndex();
        }
        byte[] frame = ScratchArray.ENCODING.get().atLeast(length);
        int n = codec.encode(pdu, frame, 0, length);
        putSequenceNumber(frame, 0, seq);
        if (out.hasMemoryAddress()) {
            // One copy to the direct buffer's address: writeBytes(byte[]) made a ByteBuffer view.
            PlatformDependent.copyMemory(frame, 0, out.memoryAddress() + index, n);
            out.writerIndex(index + n);
        } else {
            out.writeBytes(frame, 0, n);
        }
        return out.writerIndex();
    }

    /** sequence_number is the header's fourth octet-quad (big-endian), after length, id and status. */
    private static void putSequenceNumber(byte[] frame, int at, int seq) {
        frame[at + 12] = (byte) (seq >>> 24);
        frame[at + 13] = (byte) (seq >>> 16);
        frame[at + 14] = (byte) (seq >>> 8);
        frame[at + 15] = (byte) seq;
    }

    @Override
    public void flush(ChannelHandlerContext ctx) {
        if (++flushesPending >= flushAfterWrites) {
            flushNow();
        } else if (!reading && !flushScheduled) {
            // After everything else this turn of the loop writes: the dispatcher's whole drain,
            // or the answers of a task, go out in one write.
            flushScheduled = true;
            ctx.executor().execute(scheduledFlush);
        }
        // While reading: at the end of the burst (channelReadComplete).
    }

    private void flushNow() {
        flushesPending = 0;
        emit();
        ctx.flush();
    }

    /** Hands the batch to the channel (not flushed). */
    private void emit() {
        Batch b = batch;
        if (b == null) {
            return;
        }
        batch = null;
        lastBatchBytes = Math.max(MIN_CAPACITY, Math.min(BATCH_BYTES, b.buffer.readableBytes()));
        if (b.count == 0) {
            // Only PDUs put octets in a batch: one whose every PDU failed to encode is empty.
            b.buffer.release();
            return;
        }
        ChannelProgressivePromise p = ctx.newProgressivePromise();
        p.addListener(b);
        ctx.write(b.buffer, p);
    }

    @Override
    public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
        // What was written before the close (a generic_nack, an unbind_resp) goes first.
        flushIfPending();
        ctx.close(promise);
    }

    @Override
    public void disconnect(ChannelHandlerContext ctx, ChannelPromise promise) {
        flushIfPending();
        ctx.disconnect(promise);
    }

    private void flushIfPending() {
        if (flushesPending > 0 || batch != null) {
            flushNow();
        }
    }

    // ---- inbound: a burst of reads is answered in one flush -----------------------------------

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        reading = true;
        ctx.fireChannelRead(msg);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        reading = false;
        if (flushesPending > 0) {
            flushNow();
        }
        ctx.fireChannelReadComplete();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        reading = false;
        flushIfPending();
        ctx.fireExceptionCaught(cause);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (!ctx.channel().isWritable()) {
            // Let what is queued drain rather than grow the batch behind it.
            flushIfPending();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        // Anything still batched fails now (the channel refuses it), not at some later flush.
        flushIfPending();
        ctx.fireChannelInactive();
    }

    private void notWritten(Object msg, ChannelPromise promise, Throwable cause) {
        if (msg instanceof Numbered) {
            ((Numbered) msg).notWritten(cause);
        } else if (promise.isVoid()) {
            failures.notWritten((Pdu) msg, cause);
        }
        if (!promise.isVoid()) {
            promise.tryFailure(cause);
        }
    }

    /**
     * The PDUs of one buffer and where each ends in it, told as the socket takes the buffer
     * (progress) and when the write completes or fails.
     */
    private final class Batch implements ChannelProgressiveFutureListener {
        final ByteBuf buffer;
        private Object[] messages = new Object[16];
        private ChannelPromise[] promises;
        private int[] ends = new int[16];
        int count;
        /** How many of the messages have been told they were written. */
        private int told;
        /**
         * Whether any message waits to hear that it was written (a request, or one with a
         * promise). A simulator's batch of responses has none: then telling is only counting.
         */
        private boolean observed;

        Batch(ByteBuf buffer) {
            this.buffer = buffer;
        }

        void add(Object msg, ChannelPromise promise, int end) {
            if (count == messages.length) {
                messages = java.util.Arrays.copyOf(messages, count * 2);
                ends = java.util.Arrays.copyOf(ends, count * 2);
                if (promises != null) {
                    promises = java.util.Arrays.copyOf(promises, count * 2);
                }
            }
            if (!promise.isVoid()) {
                observed = true;
                if (promises == null) {
                    promises = new ChannelPromise[messages.length];
                }
                promises[count] = promise;
            }
            if (msg instanceof Numbered) {
                observed = true;
            }
            messages[count] = msg;
            ends[count] = end;
            count++;
        }

        @Override
        public void operationProgressed(ChannelProgressiveFuture future, long progress, long total) {
            tellWritten(progress);
        }

        @Override
        public void operationComplete(ChannelProgressiveFuture future) {
            if (future.isSuccess()) {
                tellWritten(Long.MAX_VALUE);
                return;
            }
            Throwable cause = future.cause();
            for (int i = told; i < count; i++) {
                notWritten(messages[i], promises != null && promises[i] != null ? promises[i] : ctx.voidPromise(), cause);
            }
            told = count;
        }

        private void tellWritten(long progress) {
            if (!observed) {
                // Nobody to tell: only where the written part ends, for a failure that follows.
                if (progress == Long.MAX_VALUE) {
                    told = count;
                }
                while (told < count && ends[told] <= progress) {
                    told++;
                }
                return;
            }
            while (told < count && ends[told] <= progress) {
                Object m = messages[told];
                if (m instanceof Numbered) {
                    ((Numbered) m).written();
                }
                if (promises != null && promises[told] != null) {
                    promises[told].trySuccess();
                }
                told++;
            }
        }
    }
}
