package io.ujumbe.text;

import static io.ujumbe.text.MultipartFixtures.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class UserDataHeaderTest {

    @Test
    void parsesEightBitConcatenation() {
        byte[] sm = hex("050003 2A 02 01 414243");

        UserDataHeader udh = UserDataHeader.parse(sm);

        assertThat(udh.length()).isEqualTo(6);
        assertThat(udh.concatenation()).contains(new Concatenation(0x2A, 2, 1, false));
        assertThat(udh.toBytes()).isEqualTo(hex("050003 2A 02 01"));
    }

    @Test
    void parsesSixteenBitConcatenation() {
        UserDataHeader udh = UserDataHeader.parse(hex("060804 0101 03 02 41"));

        assertThat(udh.length()).isEqualTo(7);
        assertThat(udh.concatenation()).contains(new Concatenation(257, 3, 2, true));
    }

    @Test
    void parsesShiftTablesAndKeepsUnknownElementsByteForByte() {
        // port addressing (0x05, 4 octets), single shift Turkish, locking shift Portuguese, then a
        // made-up element 0x70 with no data
        byte[] header = hex("0E 05 04 0B84 23F0 2401 01 2501 03 7000");
        byte[] sm = new byte[header.length + 2];
        System.arraycopy(header, 0, sm, 0, header.length);
        sm[header.length] = 'h';
        sm[header.length + 1] = 'i';

        UserDataHeader udh = UserDataHeader.parse(sm);

        assertThat(udh.elements()).hasSize(4);
        assertThat(udh.elements().get(0)).isEqualTo(new InformationElement(0x05, hex("0B8423F0")));
        assertThat(udh.elements().get(3)).isEqualTo(new InformationElement(0x70, new byte[0]));
        assertThat(udh.singleShift()).contains(NationalLanguage.TURKISH);
        assertThat(udh.lockingShift()).contains(NationalLanguage.PORTUGUESE);
        assertThat(udh.shiftTableElements()).containsExactly(
                InformationElement.singleShift(NationalLanguage.TURKISH),
                InformationElement.lockingShift(NationalLanguage.PORTUGUESE));
        assertThat(udh.concatenation()).isEmpty();
        assertThat(udh.toBytes()).isEqualTo(header);
        assertThat(udh.length()).isEqualTo(header.length);
    }

    @Test
    void lastConcatenationElementWins() {
        UserDataHeader udh = UserDataHeader.parse(hex("0A 0003 01 02 01 0003 09 03 02"));

        assertThat(udh.concatenation()).contains(new Concatenation(9, 3, 2, false));
    }

    @Test
    void buildsTheHeaderBytes() {
        UserDataHeader udh = UserDataHeader.of(
                InformationElement.concatenated16Bit(0xABCD, 4, 3),
                InformationElement.lockingShift(NationalLanguage.TURKISH));

        assertThat(udh.toBytes()).isEqualTo(hex("09 0804ABCD0403 250101"));
        assertThat(udh.length()).isEqualTo(10);
        assertThat(UserDataHeader.parse(udh.toBytes())).isEqualTo(udh);
    }

    @Test
    void emptyHeaderIsOneOctet() {
        UserDataHeader udh = UserDataHeader.parse(hex("00 41"));

        assertThat(udh.elements()).isEmpty();
        assertThat(udh.length()).isEqualTo(1);
        assertThat(udh.toBytes()).isEqualTo(hex("00"));
    }

    @Test
    void rejectsElementsLongerThanAUdhlCanCount() {
        InformationElement big = new InformationElement(0x70, new byte[200]);

        assertThatThrownBy(() -> UserDataHeader.of(List.of(big, big)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("255");
    }

    @Test
    void rejectsEmptyUserData() {
        assertThatThrownBy(() -> UserDataHeader.parse(new byte[0]))
                .isInstanceOf(MalformedUserDataHeaderException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void rejectsUdhlPastTheMessage() {
        assertThatThrownBy(() -> UserDataHeader.parse(hex("05 0003 01")))
                .isInstanceOf(MalformedUserDataHeaderException.class)
                .hasMessageContaining("UDHL 5");
    }

    @Test
    void rejectsElementLengthPastTheUdhl() {
        assertThatThrownBy(() -> UserDataHeader.parse(hex("04 7005 0102 414243444546")))
                .isInstanceOf(MalformedUserDataHeaderException.class)
                .hasMessageContaining("0x70")
                .hasMessageContaining("length 5");
    }

    @Test
    void rejectsElementWithoutLengthOctet() {
        assertThatThrownBy(() -> UserDataHeader.parse(hex("04 7001 AA 24 41")))
                .isInstanceOf(MalformedUserDataHeaderException.class)
                .hasMessageContaining("no length octet");
    }

    @Test
    void rejectsKnownElementWithWrongLength() {
        assertThatThrownBy(() -> UserDataHeader.parse(hex("04 0002 0102 41")))
                .isInstanceOf(MalformedUserDataHeaderException.class)
                .hasMessageContaining("0x00")
                .hasMessageContaining("3 data octets");
        assertThatThrownBy(() -> UserDataHeader.parse(hex("04 2402 0101 41")))
                .isInstanceOf(MalformedUserDataHeaderException.class)
                .hasMessageContaining("0x24");
    }

    @Test
    void elementFactoriesValidateRanges() {
        assertThatThrownBy(() -> InformationElement.concatenated8Bit(256, 2, 1))
                .hasMessageContaining("reference must be 0..255");
        assertThatThrownBy(() -> InformationElement.concatenated16Bit(65536, 2, 1))
                .hasMessageContaining("reference must be 0..65535");
        assertThatThrownBy(() -> new InformationElement(0x70, new byte[256]))
                .hasMessageContaining("255");
    }

    @Property(tries = 2000)
    void parsingArbitraryBytesFailsOnlyWithMalformedHeader(@ForAll @Size(max = 40) byte[] userData) {
        try {
            UserDataHeader udh = UserDataHeader.parse(userData);
            assertThat(udh.length()).isLessThanOrEqualTo(userData.length);
            byte[] prefix = Arrays.copyOf(userData, udh.length());
            assertThat(udh.toBytes()).isEqualTo(prefix);
        } catch (MalformedUserDataHeaderException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }
}
