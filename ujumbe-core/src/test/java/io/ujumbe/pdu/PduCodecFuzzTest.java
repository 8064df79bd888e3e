package io.ujumbe.pdu;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Jazzer fuzz target for {@link PduCodec#decode(byte[])}. In a normal {@code mvn test} it runs in
 * regression mode over the seed corpus in {@code PduCodecFuzzTestInputs/fuzzDecode/}; with
 * {@code JAZZER_FUZZ=1} it fuzzes with coverage guidance.
 */
class PduCodecFuzzTest {

    private static final PduCodec LENIENT = new PduCodec(CodecOptions.LENIENT);

    @FuzzTest(maxDuration = "10m")
    void fuzzDecode(byte[] data) {
        roundTrip(PduCodec.DEFAULT, data);
        roundTrip(LENIENT, data);
    }

    private static void roundTrip(PduCodec codec, byte[] data) {
        Pdu pdu;
        try {
            pdu = codec.decode(data);
        } catch (PduDecodeException expected) {
            return;
        }
        byte[] again = codec.encode(pdu);
        if (again.length != codec.encodedLength(pdu) || !codec.decode(again).equals(pdu)) {
            throw new AssertionError("re-encoding changed " + pdu);
        }
        if (pdu.toString().isEmpty()) {
            throw new AssertionError("empty toString");
        }
    }

    @Test
    void everySeedIsAValidPduSoTheFuzzerStartsFromDeepInsideTheCodec() throws IOException, URISyntaxException {
        URL dir = getClass().getResource("PduCodecFuzzTestInputs/fuzzDecode");
        assertThat(dir).isNotNull();
        List<Path> seeds = new ArrayList<>();
        // Only the hand-made *.bin seeds: reproducers Jazzer adds (crash-*) are kept for regression, not as seeds.
        try (DirectoryStream<Path> files = Files.newDirectoryStream(Path.of(dir.toURI()), "*.bin")) {
            files.forEach(seeds::add);
        }
        assertThat(seeds).hasSizeGreaterThanOrEqualTo(10);
        for (Path seed : seeds) {
            byte[] frame;
            try (InputStream in = Files.newInputStream(seed)) {
                frame = in.readAllBytes();
            }
            Pdu pdu = PduCodec.DEFAULT.decode(frame);
            assertThat(PduCodec.DEFAULT.encode(pdu)).as(seed.getFileName().toString()).isEqualTo(frame);
        }
    }
}
