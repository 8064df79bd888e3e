package io.ujumbe.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PartCapacityTest {

    @Test
    void capacityWithoutHeader() {
        assertThat(PartCapacity.unitsPerPart(Alphabet.GSM7, 0)).isEqualTo(160);
        assertThat(PartCapacity.unitsPerPart(Alphabet.UCS2, 0)).isEqualTo(70);
        assertThat(PartCapacity.unitsPerPart(Alphabet.OCTET, 0)).isEqualTo(140);
    }

    @Test
    void capacityWithConcatenationHeader() {
        int eightBit = PartCapacity.udhOctets(PartCapacity.CONCATENATION_8BIT_IE_OCTETS, 0);
        assertThat(eightBit).isEqualTo(6);
        assertThat(PartCapacity.unitsPerPart(Alphabet.GSM7, eightBit)).isEqualTo(153);
        assertThat(PartCapacity.unitsPerPart(Alphabet.UCS2, eightBit)).isEqualTo(67);
        assertThat(PartCapacity.unitsPerPart(Alphabet.OCTET, eightBit)).isEqualTo(134);
        int sixteenBit = PartCapacity.udhOctets(PartCapacity.CONCATENATION_16BIT_IE_OCTETS, 0);
        assertThat(PartCapacity.unitsPerPart(Alphabet.GSM7, sixteenBit)).isEqualTo(152);
        assertThat(PartCapacity.unitsPerPart(Alphabet.UCS2, sixteenBit)).isEqualTo(66);
    }

    @Test
    void capacityWithShiftTableHeaders() {
        assertThat(PartCapacity.unitsPerPart(Alphabet.GSM7, PartCapacity.udhOctets(0, 1))).isEqualTo(155);
        assertThat(PartCapacity.unitsPerPart(Alphabet.GSM7, PartCapacity.udhOctets(0, 2))).isEqualTo(152);
        assertThat(PartCapacity.unitsPerPart(Alphabet.GSM7, PartCapacity.udhOctets(5, 1))).isEqualTo(149);
        assertThat(PartCapacity.unitsPerPart(Alphabet.GSM7, PartCapacity.udhOctets(5, 2))).isEqualTo(146);
        assertThat(PartCapacity.udhOctets(0, 0)).isZero();
    }

    @Test
    void rejectsImpossibleHeaders() {
        assertThatThrownBy(() -> PartCapacity.unitsPerPart(Alphabet.GSM7, 140))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("udhOctets");
        assertThatThrownBy(() -> PartCapacity.udhOctets(5, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shiftTables");
        assertThatThrownBy(() -> PartCapacity.udhOctets(-1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void countsOctetParts() {
        assertThat(PartCapacity.countParts(octets(0), 5)).isEqualTo(1);
        assertThat(PartCapacity.countParts(octets(140), 5)).isEqualTo(1);
        assertThat(PartCapacity.countParts(octets(141), 5)).isEqualTo(2);
        assertThat(PartCapacity.countParts(octets(268), 5)).isEqualTo(2);
        assertThat(PartCapacity.countParts(octets(269), 5)).isEqualTo(3);
        assertThat(PartCapacity.countParts(octets(280), 0)).as("no concatenation element").isEqualTo(2);
    }

    @Test
    void bothShiftTablesLeave146SeptetsPerPart() {
        byte[] septets = new byte[292];
        Arrays.fill(septets, (byte) 'a');
        EncodedText both = new EncodedText(septets, 0, Alphabet.GSM7, NationalLanguage.TURKISH, NationalLanguage.TURKISH);
        assertThat(PartCapacity.countParts(both, 5)).isEqualTo(2);
        byte[] more = Arrays.copyOf(septets, 293);
        more[292] = 'a';
        assertThat(PartCapacity.countParts(
                new EncodedText(more, 0, Alphabet.GSM7, NationalLanguage.TURKISH, NationalLanguage.TURKISH), 5))
                .isEqualTo(3);
    }

    @Test
    void unitsCountsUcs2CodeUnits() {
        assertThat(PartCapacity.units(EncodedText.of(new byte[6], 8, Alphabet.UCS2))).isEqualTo(3);
        assertThat(PartCapacity.units(EncodedText.of(new byte[6], 0, Alphabet.GSM7))).isEqualTo(6);
    }

    private static EncodedText octets(int length) {
        return EncodedText.of(new byte[length], 4, Alphabet.OCTET);
    }
}
