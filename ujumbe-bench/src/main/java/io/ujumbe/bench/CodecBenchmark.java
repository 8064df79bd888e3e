package io.ujumbe.bench;

import io.ujumbe.pdu.Address;
import io.ujumbe.pdu.DataCoding;
import io.ujumbe.pdu.DeliverSm;
import io.ujumbe.pdu.EsmClass;
import io.ujumbe.pdu.MessageState;
import io.ujumbe.pdu.Pdu;
import io.ujumbe.pdu.PduCodec;
import io.ujumbe.pdu.RegisteredDelivery;
import io.ujumbe.pdu.SubmitSm;
import io.ujumbe.pdu.Tlv;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Encoding and decoding of the two PDUs that dominate traffic: a typical submit_sm (GSM text, receipt
 * requested) and a delivery receipt deliver_sm with its TLVs. Encoding writes into a reused direct
 * buffer, as the session does with Netty's pooled buffers, so the only allocation is the decoded PDU.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CodecBenchmark {
    private final PduCodec codec = PduCodec.DEFAULT;
    private SubmitSm submitSm;
    private DeliverSm receipt;
    private byte[] submitSmBytes;
    private byte[] receiptBytes;
    private ByteBuffer out;
    private ByteBuffer submitSmIn;
    private ByteBuffer receiptIn;
    private final byte[] scratch = new byte[4096];

    @Setup
    public void setUp() {
        submitSm = SubmitSm.builder()
                .sourceAddress(Address.alphanumeric("ACME"))
                .destinationAddress(Address.international("254700000001"))
                .registeredDelivery(RegisteredDelivery.RECEIPT)
                .dataCoding(DataCoding.SMSC_DEFAULT)
                .shortMessage("Your verification code is 482913. It expires in 10 minutes.".getBytes(StandardCharsets.US_ASCII))
                .build().withSequenceNumber(12345);
        String text = "id:0A1B2C3D sub:001 dlvrd:001 submit date:2611220400 done date:2611220401 stat:DELIVRD err:000 Text:Your verification";
        receipt = DeliverSm.builder()
                .sourceAddress(Address.international("254700000001"))
                .destinationAddress(Address.alphanumeric("ACME"))
                .esmClass(EsmClass.of(EsmClass.TYPE_DELIVERY_RECEIPT))
                .shortMessage(text.getBytes(StandardCharsets.US_ASCII))
                .tlv(Tlv.receiptedMessageId("0A1B2C3D"))
                .tlv(Tlv.messageState(MessageState.DELIVERED))
                .build().withSequenceNumber(777);
        submitSmBytes = codec.encode(submitSm);
        receiptBytes = codec.encode(receipt);
        out = ByteBuffer.allocateDirect(4096);
        submitSmIn = ByteBuffer.allocateDirect(submitSmBytes.length).put(submitSmBytes).flip();
        receiptIn = ByteBuffer.allocateDirect(receiptBytes.length).put(receiptBytes).flip();
    }

    /** The submit_sm as encoded by ujumbe, for {@link CloudhopperCodecBenchmark}'s like-for-like check. */
    byte[] submitSmBytes() {
        return submitSmBytes.clone();
    }

    /** The receipt deliver_sm as encoded by ujumbe. */
    byte[] receiptBytes() {
        return receiptBytes.clone();
    }

    @Benchmark
    public ByteBuffer encodeSubmitSm() {
        out.clear();
        codec.encode(submitSm, out);
        return out;
    }

    @Benchmark
    public Pdu decodeSubmitSm() {
        return codec.decode(submitSmIn.duplicate());
    }

    @Benchmark
    public Pdu encodeAndDecodeSubmitSm() {
        out.clear();
        codec.encode(submitSm, out);
        out.flip();
        return codec.decode(out);
    }

    @Benchmark
    public ByteBuffer encodeDeliverSmReceipt() {
        out.clear();
        codec.encode(receipt, out);
        return out;
    }

    @Benchmark
    public Pdu decodeDeliverSmReceipt() {
        return codec.decode(receiptIn.duplicate());
    }

    /**
     * What the session's encoder does with a direct buffer: encode into its per-channel array, then
     * one bulk copy (no per-thread lookup).
     */
    @Benchmark
    public ByteBuffer encodeSubmitSmLikeSession() {
        int n = codec.encode(submitSm, scratch, 0, scratch.length);
        out.clear();
        out.put(scratch, 0, n);
        return out;
    }

    /** What the session's frame decoder does with a direct buffer: one bulk copy, then decode the array. */
    @Benchmark
    public Pdu decodeSubmitSmLikeSession() {
        int n = submitSmIn.remaining();
        submitSmIn.get(0, scratch, 0, n);
        return codec.decode(scratch, 0, n);
    }

    /** As {@link #decodeSubmitSmLikeSession()} for the receipt. */
    @Benchmark
    public Pdu decodeDeliverSmReceiptLikeSession() {
        int n = receiptIn.remaining();
        receiptIn.get(0, scratch, 0, n);
        return codec.decode(scratch, 0, n);
    }
}
