package io.ujumbe.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.buffer.AbstractByteBufAllocator;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelProgressivePromise;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.EncoderException;
import io.ujumbe.pdu.Address;
import io.ujumbe.pdu.CommandStatus;
import io.ujumbe.pdu.EnquireLink;
import io.ujumbe.pdu.GenericNack;
import io.ujumbe.pdu.Pdu;
import io.ujumbe.pdu.PduCodec;
import io.ujumbe.pdu.PduEncodeException;
import io.ujumbe.pdu.SubmitSm;
import io.ujumbe.pdu.SubmitSmResp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The writer puts the codec's octets on the wire in order, in fewer buffers than PDUs, flushes once
 * per read burst or loop turn, fails a PDU it cannot encode alone, and tells each request whether
 * its own octets were written, even when the connection breaks in the middle of a batch.
 */
class PduWriterTest {
    private static final PduCodec CODEC = PduCodec.DEFAULT;
    private final List<String> failures = new ArrayList<>();
    private final PduWriter.Failures recordFailures = (pdu, cause) -> failures.add(pdu.commandId().smppName()
            + ": " + cause.getMessage());

    @Test
    void everyPduArrivesAsTheCodecsOctetsInOrderInFewerBuffers() {
        // Netty's pooled direct buffers, then heap buffers whose array starts at an offset.
        for (ByteBufAllocator alloc : new ByteBufAllocator[] {ByteBufAllocator.DEFAULT, new OffsetHeapAllocator()}) {
            EmbeddedChannel channel = new EmbeddedChannel(new PduWriter(CODEC, 256, recordFailures));
            channel.config().setAllocator(alloc);
            List<Pdu> pdus = PduCodecHandlersTest.samples();
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            for (Pdu pdu : pdus) {
                expected.writeBytes(CODEC.encode(pdu));
                channel.write(pdu);
            }
            channel.flush();
            List<ByteBuf> out = outbound(channel);
            assertThat(concat(out)).isEqualTo(expected.toByteArray());
            // 44 PDUs, one of them 65 KB: the small ones share buffers (buffers that cannot grow
            // are handed on each time one is full: more of them, still fewer than PDUs).
            assertThat(out).hasSizeBetween(2, alloc == ByteBufAllocator.DEFAULT ? 4 : pdus.size() - 1);
            assertThat(failures).isEmpty();
            assertThat(channel.finish()).isFalse();
        }
    }

    @Test
    void aRequestGoesOutWithItsSequenceNumberAndIsToldOnlyOnceItsOctetsWereTaken() {
        EmbeddedChannel channel = new EmbeddedChannel(new PduWriter(CODEC, 256, recordFailures));
        Request r = new Request(submit("first"), 77);
        // Through the pipeline: EmbeddedChannel's own writeAndFlush runs the loop's tasks at once.
        channel.pipeline().writeAndFlush(r, channel.voidPromise());
        assertThat(r.written).as("batched until the loop's turn ends").isFalse();
        assertThat(channel.<Object>readOutbound()).isNull();
        channel.runPendingTasks();
        assertThat(r.written).isTrue();
        assertThat(r.failure).isNull();
        ByteBuf buf = channel.readOutbound();
        assertThat(bytes(buf)).isEqualTo(CODEC.encode(submit("first").withSequenceNumber(77)));
        buf.release();
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void aPduThatCannotBeEncodedFailsAloneAndTheOthersGo() {
        EmbeddedChannel channel = new EmbeddedChannel(new PduWriter(CODEC, 256, recordFailures));
        Pdu bad = new SubmitSmResp(CommandStatus.ESME_ROK, 5, "caf\u00e9\u20ac");
        Request badRequest = new Request(bad, 6);
        channel.write(new EnquireLink(1));
        channel.write(bad, channel.voidPromise());
        ChannelPromise promise = channel.newPromise();
        channel.write(bad, promise);
        channel.write(badRequest, channel.voidPromise());
        channel.write(new EnquireLink(2));
        channel.flush();

        assertThat(failures).singleElement().asString().startsWith("submit_sm_resp: ").contains("submit_sm_resp.message_id");
        assertThat(promise.cause()).isInstanceOf(EncoderException.class).hasRootCauseInstanceOf(PduEncodeException.class);
        assertThat(badRequest.failure).isInstanceOf(EncoderException.class);
        assertThat(badRequest.written).isFalse();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes(CODEC.encode(new EnquireLink(1)));
        expected.writeBytes(CODEC.encode(new EnquireLink(2)));
        assertThat(concat(outbound(channel))).isEqualTo(expected.toByteArray());
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void aConnectionThatBreaksInTheMiddleOfABatchReportsOnlyTheRequestsBeforeTheBreakAsWritten() {
        Socket socket = new Socket();
        EmbeddedChannel channel = new EmbeddedChannel(socket, new PduWriter(CODEC, 256, recordFailures));
        Request a = new Request(submit("a"), 1);
        Request b = new Request(submit("b"), 2);
        Request c = new Request(submit("c"), 3);
        for (Request r : List.of(a, b, c)) {
            channel.write(r, channel.voidPromise());
        }
        channel.flush();
        assertThat(socket.writes).hasSize(1);
        ChannelProgressivePromise p = (ChannelProgressivePromise) socket.promises.get(0);
        int first = CODEC.encodedLength(submit("a"));
        long total = socket.writes.get(0).readableBytes();

        p.tryProgress(first - 1, total);
        assertThat(a.written).as("one octet short").isFalse();
        p.tryProgress(first + 3, total); // all of a and 3 octets of b: the socket then breaks
        assertThat(a.written).isTrue();
        p.setFailure(new IOException("connection reset by peer"));

        assertThat(a.failure).isNull();
        assertThat(b.written).isFalse();
        assertThat(b.failure).isInstanceOf(IOException.class).hasMessage("connection reset by peer");
        assertThat(c.failure).isSameAs(b.failure);
        socket.writes.forEach(ByteBuf::release);
        channel.finishAndReleaseAll();
    }

    @Test
    void aBatchOfResponsesThatBreaksInTheMiddleReportsOnlyThoseAfterTheBreak() {
        // Nothing in it is a request or has a promise: the writer only counts what was written,
        // and must still count it right for the failure that follows.
        Socket socket = new Socket();
        EmbeddedChannel channel = new EmbeddedChannel(socket, new PduWriter(CODEC, 256, recordFailures));
        List<Pdu> answers = List.of(new SubmitSmResp(CommandStatus.ESME_ROK, 1, "A1"),
                new SubmitSmResp(CommandStatus.ESME_ROK, 2, "A2"), new SubmitSmResp(CommandStatus.ESME_ROK, 3, "A3"));
        for (Pdu answer : answers) {
            channel.write(answer, channel.voidPromise());
        }
        channel.flush();
        assertThat(socket.writes).hasSize(1);
        ChannelProgressivePromise p = (ChannelProgressivePromise) socket.promises.get(0);
        int one = CODEC.encodedLength(answers.get(0));
        long total = socket.writes.get(0).readableBytes();

        p.tryProgress(one - 1, total);
        p.tryProgress(one + 2, total); // the first whole, 2 octets of the second: then the socket breaks
        p.setFailure(new IOException("connection reset by peer"));

        assertThat(failures).hasSize(2).allSatisfy(f -> assertThat(f).startsWith("submit_sm_resp"));
        socket.writes.forEach(ByteBuf::release);
        channel.finishAndReleaseAll();
    }

    @Test
    void whatIsWrittenDuringAReadBurstGoesOutInOneFlushAtItsEnd() {
        Socket socket = new Socket().forwarding();
        EmbeddedChannel channel = new EmbeddedChannel(socket, new PduWriter(CODEC, 256, recordFailures),
                new ChannelInboundHandlerAdapter() {
                    @Override
                    public void channelRead(ChannelHandlerContext ctx, Object msg) {
                        int seq = (Integer) msg;
                        ctx.channel().writeAndFlush(new SubmitSmResp(CommandStatus.ESME_ROK, seq, "id" + seq),
                                ctx.voidPromise());
                        assertThat(socket.flushes).as("no flush in the middle of the burst").isZero();
                    }
                });
        channel.writeInbound(1, 2, 3);
        assertThat(socket.flushes).isEqualTo(1);
        List<ByteBuf> out = outbound(channel);
        assertThat(out).hasSize(1);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (int seq = 1; seq <= 3; seq++) {
            expected.writeBytes(CODEC.encode(new SubmitSmResp(CommandStatus.ESME_ROK, seq, "id" + seq)));
        }
        assertThat(concat(out)).isEqualTo(expected.toByteArray());
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void writesOutsideAReadAreFlushedOnceAfterTheTaskThatMadeThem() {
        Socket socket = new Socket().forwarding();
        EmbeddedChannel channel = new EmbeddedChannel(socket, new PduWriter(CODEC, 256, recordFailures));
        for (int i = 1; i <= 5; i++) {
            channel.pipeline().writeAndFlush(new EnquireLink(i), channel.voidPromise());
        }
        assertThat(socket.flushes).isZero();
        channel.runPendingTasks();
        assertThat(socket.flushes).isEqualTo(1);
        assertThat(outbound(channel)).hasSize(1);
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void flushAfterWritesOfOneFlushesEveryPdu() {
        Socket socket = new Socket().forwarding();
        EmbeddedChannel channel = new EmbeddedChannel(socket, new PduWriter(CODEC, 1, recordFailures));
        for (int i = 1; i <= 3; i++) {
            channel.writeAndFlush(new EnquireLink(i), channel.voidPromise());
            assertThat(socket.flushes).isEqualTo(i);
        }
        assertThat(outbound(channel)).hasSize(3);
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void aCloseSendsWhatWasWrittenBeforeIt() {
        EmbeddedChannel channel = new EmbeddedChannel(new PduWriter(CODEC, 256, recordFailures));
        GenericNack nack = new GenericNack(CommandStatus.ESME_RINVCMDLEN, 9);
        channel.pipeline().writeAndFlush(nack, channel.voidPromise());
        channel.pipeline().close();
        assertThat(concat(outbound(channel))).isEqualTo(CODEC.encode(nack));
        assertThat(failures).isEmpty();
    }

    private static SubmitSm submit(String text) {
        return SubmitSm.builder().sourceAddress(Address.alphanumeric("ACME"))
                .destinationAddress(Address.international("254700000001"))
                .shortMessage(text.getBytes(StandardCharsets.US_ASCII)).build();
    }

    private static List<ByteBuf> outbound(EmbeddedChannel channel) {
        List<ByteBuf> out = new ArrayList<>();
        for (ByteBuf b; (b = channel.readOutbound()) != null; ) {
            out.add(b);
        }
        return out;
    }

    private static byte[] concat(List<ByteBuf> bufs) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (ByteBuf b : bufs) {
            all.writeBytes(bytes(b));
            b.release();
        }
        return all.toByteArray();
    }

    private static byte[] bytes(ByteBuf buf) {
        return PduCodecHandlersTest.bytes(buf);
    }

    /** A request as the session writes it, recording what it is told. */
    private static final class Request implements PduWriter.Numbered {
        final Pdu pdu;
        final int seq;
        boolean written;
        Throwable failure;

        Request(Pdu pdu, int seq) {
            this.pdu = pdu;
            this.seq = seq;
        }

        @Override
        public Pdu pdu() {
            return pdu;
        }

        @Override
        public int sequenceNumber() {
            return seq;
        }

        @Override
        public void written() {
            assertThat(written).as("told twice").isFalse();
            written = true;
        }

        @Override
        public void notWritten(Throwable cause) {
            assertThat(failure).as("told twice").isNull();
            failure = cause;
        }
    }

    /**
     * Stands in for the socket, between the writer and the channel's head: keeps the writes (and
     * their promises) to complete by hand, or forwards them, counting flushes.
     */
    private static final class Socket extends ChannelOutboundHandlerAdapter {
        final List<ByteBuf> writes = new ArrayList<>();
        final List<ChannelPromise> promises = new ArrayList<>();
        int flushes;
        private boolean forward;

        Socket forwarding() {
            forward = true;
            return this;
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            if (forward) {
                ctx.write(msg, promise);
                return;
            }
            writes.add((ByteBuf) msg);
            promises.add(promise);
        }

        @Override
        public void flush(ChannelHandlerContext ctx) {
            flushes++;
            ctx.flush();
        }
    }

    /** Heap buffers whose array starts five octets in and cannot grow (so a full batch is handed on). */
    private static final class OffsetHeapAllocator extends AbstractByteBufAllocator {
        OffsetHeapAllocator() {
            super(false);
        }

        @Override
        protected ByteBuf newHeapBuffer(int initialCapacity, int maxCapacity) {
            return Unpooled.buffer(initialCapacity, maxCapacity);
        }

        @Override
        protected ByteBuf newDirectBuffer(int initialCapacity, int maxCapacity) {
            return Unpooled.directBuffer(initialCapacity, maxCapacity);
        }

        @Override
        public boolean isDirectBufferPooled() {
            return false;
        }

        @Override
        public ByteBuf ioBuffer(int initialCapacity) {
            return Unpooled.wrappedBuffer(new byte[initialCapacity + 10], 5, initialCapacity).clear();
        }
    }
}
