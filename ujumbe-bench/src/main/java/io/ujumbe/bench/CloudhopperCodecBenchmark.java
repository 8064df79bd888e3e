package io.ujumbe.bench;

import com.cloudhopper.smpp.SmppConstants;
import com.cloudhopper.smpp.pdu.DeliverSm;
import com.cloudhopper.smpp.pdu.Pdu;
import com.cloudhopper.smpp.pdu.SubmitSm;
import com.cloudhopper.smpp.tlv.Tlv;
import com.cloudhopper.smpp.transcoder.DefaultPduTranscoder;
import com.cloudhopper.smpp.transcoder.DefaultPduTranscoderContext;
import com.cloudhopper.smpp.type.Address;
import org.jboss.netty.buffer.ChannelBuffer;
import org.jboss.netty.buffer.ChannelBuffers;
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

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * cloudhopper-smpp 5.0.9's {@link DefaultPduTranscoder} on the same two PDUs as
 * {@link CodecBenchmark}, to put ujumbe's codec figures beside it. Setup checks that both libraries
 * encode each PDU to the very same bytes, so the comparison is like for like. cloudhopper's
 * encode allocates its output buffer (its API has no other way); decode reads a duplicate of a
 * prepared buffer, as ujumbe's benchmark does.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CloudhopperCodecBenchmark {
    private final DefaultPduTranscoder transcoder = new DefaultPduTranscoder(new DefaultPduTranscoderContext());
    private SubmitSm submitSm;
    private DeliverSm receipt;
    private ChannelBuffer submitSmIn;
    private ChannelBuffer receiptIn;

    @Setup
    public void setUp() throws Exception {
        submitSm = new SubmitSm();
        submitSm.setSequenceNumber(12345);
        submitSm.setSourceAddress(new Address(SmppConstants.TON_ALPHANUMERIC, SmppConstants.NPI_UNKNOWN, "ACME"));
        submitSm.setDestAddress(new Address(SmppConstants.TON_INTERNATIONAL, SmppConstants.NPI_E164, "254700000001"));
        submitSm.setRegisteredDelivery(SmppConstants.REGISTERED_DELIVERY_SMSC_RECEIPT_REQUESTED);
        submitSm.setDataCoding(SmppConstants.DATA_CODING_DEFAULT);
        submitSm.setShortMessage("Your verification code is 482913. It expires in 10 minutes.".getBytes(StandardCharsets.US_ASCII));

        String text = "id:0A1B2C3D sub:001 dlvrd:001 submit date:2611220400 done date:2611220401 stat:DELIVRD err:000 Text:Your verification";
        receipt = new DeliverSm();
        receipt.setSequenceNumber(777);
        receipt.setSourceAddress(new Address(SmppConstants.TON_INTERNATIONAL, SmppConstants.NPI_E164, "254700000001"));
        receipt.setDestAddress(new Address(SmppConstants.TON_ALPHANUMERIC, SmppConstants.NPI_UNKNOWN, "ACME"));
        receipt.setEsmClass(SmppConstants.ESM_CLASS_MT_SMSC_DELIVERY_RECEIPT);
        receipt.setShortMessage(text.getBytes(StandardCharsets.US_ASCII));
        receipt.addOptionalParameter(new Tlv(SmppConstants.TAG_RECEIPTED_MSG_ID, "0A1B2C3D\0".getBytes(StandardCharsets.US_ASCII)));
        receipt.addOptionalParameter(new Tlv(SmppConstants.TAG_MSG_STATE, new byte[]{SmppConstants.STATE_DELIVERED}));

        CodecBenchmark ujumbe = new CodecBenchmark();
        ujumbe.setUp();
        submitSmIn = sameBytes("submit_sm", transcoder.encode(submitSm), ujumbe.submitSmBytes());
        receiptIn = sameBytes("deliver_sm", transcoder.encode(receipt), ujumbe.receiptBytes());
    }

    private static ChannelBuffer sameBytes(String pdu, ChannelBuffer encoded, byte[] ujumbe) {
        byte[] mine = new byte[encoded.readableBytes()];
        encoded.getBytes(encoded.readerIndex(), mine);
        if (!Arrays.equals(mine, ujumbe)) {
            throw new IllegalStateException(pdu + ": cloudhopper and ujumbe encode different bytes ("
                    + mine.length + " vs " + ujumbe.length + "); the benchmark would not compare like for like");
        }
        return ChannelBuffers.wrappedBuffer(mine);
    }

    @Benchmark
    public ChannelBuffer encodeSubmitSm() throws Exception {
        return transcoder.encode(submitSm);
    }

    @Benchmark
    public Pdu decodeSubmitSm() throws Exception {
        return transcoder.decode(submitSmIn.duplicate());
    }

    @Benchmark
    public Pdu encodeAndDecodeSubmitSm() throws Exception {
        return transcoder.decode(transcoder.encode(submitSm));
    }

    @Benchmark
    public ChannelBuffer encodeDeliverSmReceipt() throws Exception {
        return transcoder.encode(receipt);
    }

    @Benchmark
    public Pdu decodeDeliverSmReceipt() throws Exception {
        return transcoder.decode(receiptIn.duplicate());
    }
}
