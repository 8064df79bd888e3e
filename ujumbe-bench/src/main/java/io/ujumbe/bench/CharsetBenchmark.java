package io.ujumbe.bench;

import io.ujumbe.text.EncodedText;
import io.ujumbe.text.EncodingErrorMode;
import io.ujumbe.text.EncodingOptions;
import io.ujumbe.text.GsmCharset;
import io.ujumbe.text.GsmPacking;
import io.ujumbe.text.MessagePart;
import io.ujumbe.text.MessageSplitter;
import io.ujumbe.text.MultipartMode;
import io.ujumbe.text.NationalLanguage;
import io.ujumbe.text.TextEncoder;
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

import java.util.List;
import java.util.concurrent.TimeUnit;

/** GSM 03.38 encoding and decoding, packing, the AUTO encoding choice and splitting of a long text. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CharsetBenchmark {
    private static final String SHORT = "Your verification code is 482913. It expires in 10 minutes. {ref: €5}";
    private static final String ASCII_160 = ("Dear customer, your parcel 4471-2209 is out for delivery today between"
            + " 10:00 and 14:00. Track it or change the time at example.com/t/4471 - reply STOP to opt out.").substring(0, 160);
    private static final String TURKISH = "Sayın müşterimiz, şifreniz 482913. Güvenliğiniz için kimseyle paylaşmayın. İyi günler!";

    private byte[] septets;
    private TextEncoder auto;
    private TextEncoder turkish;
    private MessageSplitter splitter;
    private EncodedText longText;

    @Setup
    public void setUp() {
        septets = GsmCharset.DEFAULT.encode(SHORT, EncodingErrorMode.STRICT);
        auto = TextEncoder.withDefaults();
        turkish = new TextEncoder(EncodingOptions.builder().allowedLanguages(NationalLanguage.TURKISH).build());
        splitter = MessageSplitter.builder().mode(MultipartMode.UDH_8BIT).build();
        longText = auto.encode(SHORT.repeat(6));
    }

    @Benchmark
    public byte[] gsmEncode() {
        return GsmCharset.DEFAULT.encode(SHORT, EncodingErrorMode.STRICT);
    }

    /** The septet count alone: the first of the encoder's two passes over the text. */
    @Benchmark
    public int gsmCountUnits() {
        return GsmCharset.DEFAULT.countUnits(SHORT);
    }

    /** 160 characters of plain ASCII: the per-character cost without escapes. */
    @Benchmark
    public byte[] gsmEncodeAscii160() {
        return GsmCharset.DEFAULT.encode(ASCII_160, EncodingErrorMode.STRICT);
    }

    @Benchmark
    public String gsmDecode() {
        return GsmCharset.DEFAULT.decode(septets);
    }

    @Benchmark
    public byte[] gsmPack() {
        return GsmPacking.pack(septets);
    }

    @Benchmark
    public EncodedText autoEncodeGsm() {
        return auto.encode(SHORT);
    }

    @Benchmark
    public EncodedText autoEncodeTurkishShiftTables() {
        return turkish.encode(TURKISH);
    }

    @Benchmark
    public List<MessagePart> splitLongText() {
        return splitter.split(longText, 42);
    }
}
