package io.ujumbe.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class GsmPackingTest {
    private static final HexFormat HEX = HexFormat.of();

    private static byte[] hex(String hex) {
        return HEX.parseHex(hex.replace(" ", ""));
    }

    @Test
    void packsKnownVectors() {
        byte[] hulk = GsmCharset.DEFAULT.encode("Hülk", EncodingErrorMode.STRICT);
        assertThat(GsmPacking.pack(hulk)).isEqualTo(hex("48 3F 7B 0D"));
        byte[] hello = GsmCharset.DEFAULT.encode("hellohello", EncodingErrorMode.STRICT);
        assertThat(GsmPacking.pack(hello)).isEqualTo(hex("E8 32 9B FD 46 97 D9 EC 37"));
    }

    @Test
    void unpacksKnownVectors() {
        assertThat(GsmCharset.DEFAULT.decode(GsmPacking.unpack(hex("48 3F 7B 0D"), 4))).isEqualTo("Hülk");
        assertThat(GsmCharset.DEFAULT.decode(GsmPacking.unpack(hex("E8 32 9B FD 46 97 D9 EC 37"), 10)))
                .isEqualTo("hellohello");
    }

    @Test
    void eightSeptetsFillSevenOctets() {
        byte[] septets = {0x7F, 0x7F, 0x7F, 0x7F, 0x7F, 0x7F, 0x7F, 0x7F};
        assertThat(GsmPacking.pack(septets)).hasSize(7).containsOnly(0xFF);
        assertThat(GsmPacking.packedLength(8, 0)).isEqualTo(7);
        assertThat(GsmPacking.packedLength(8, 1)).isEqualTo(8);
    }

    @Test
    void fillBitsBringTheFirstSeptetToASeptetBoundaryAfterTheHeader() {
        assertThat(GsmPacking.fillBits(0)).isZero();
        assertThat(GsmPacking.fillBits(6)).isEqualTo(1); // 48 bits -> 49
        assertThat(GsmPacking.fillBits(7)).isZero(); // 56 bits
        assertThat(GsmPacking.fillBits(5)).isEqualTo(2); // 40 bits -> 42
        assertThat(GsmPacking.fillBits(12)).isEqualTo(2); // 96 bits -> 98
    }

    @Test
    void fillBitsShiftTheSeptetsUp() {
        // 'A' (0x41) after one fill bit: 0x41 << 1 = 0x82.
        assertThat(GsmPacking.pack(new byte[] {0x41}, 1)).isEqualTo(hex("82"));
        assertThat(GsmPacking.unpack(hex("82"), 1, 1)).containsExactly(0x41);
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> GsmPacking.pack(new byte[] {(byte) 0x80}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("septets[0]");
        assertThatThrownBy(() -> GsmPacking.pack(new byte[0], 7))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fillBits");
        assertThatThrownBy(() -> GsmPacking.unpack(hex("48 3F 7B"), 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("septetCount 4");
        assertThatThrownBy(() -> GsmPacking.unpack(hex("48"), -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("septetCount");
    }

    @Property(tries = 300)
    void packMatchesABitByBitLayout(@ForAll("septets") byte[] septets, @ForAll @IntRange(max = 6) int fillBits) {
        byte[] expected = new byte[(fillBits + 7 * septets.length + 7) / 8];
        for (int i = 0; i < septets.length; i++) {
            for (int b = 0; b < 7; b++) {
                if ((septets[i] >> b & 1) != 0) {
                    int bit = fillBits + 7 * i + b;
                    expected[bit / 8] |= (byte) (1 << (bit % 8));
                }
            }
        }
        assertThat(GsmPacking.pack(septets, fillBits)).isEqualTo(expected);
    }

    @Property(tries = 300)
    void unpackReversesPack(@ForAll("septets") byte[] septets, @ForAll @IntRange(max = 6) int fillBits) {
        byte[] packed = GsmPacking.pack(septets, fillBits);
        assertThat(GsmPacking.unpack(packed, septets.length, fillBits)).isEqualTo(septets);
    }

    @Provide
    Arbitrary<byte[]> septets() {
        return Arbitraries.bytes().between((byte) 0, (byte) 0x7F).array(byte[].class).ofMaxSize(170);
    }
}
