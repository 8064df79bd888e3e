package io.ujumbe.text;

import static io.ujumbe.text.MultipartFixtures.gsm;
import static io.ujumbe.text.MultipartFixtures.gsmSeptets;
import static io.ujumbe.text.MultipartFixtures.hex;
import static io.ujumbe.text.MultipartFixtures.octets;
import static io.ujumbe.text.MultipartFixtures.repeat;
import static io.ujumbe.text.MultipartFixtures.ucs2;
import static io.ujumbe.text.MultipartFixtures.unpackBitByBit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MessageSplitterTest {
    private static final String TWO_HUNDRED = repeat('a', 100) + repeat('b', 100);

    private static MessageSplitter splitter(MultipartMode mode) {
        return MessageSplitter.builder().mode(mode).build();
    }

    private static byte[] payloadAfter(MessagePart part, int headerOctets) {
        byte[] sm = part.shortMessage();
        return Arrays.copyOfRange(sm, headerOctets, sm.length);
    }

    /** fitsOnePart says what split does, in every mode, at and around the single-part limits. */
    @Test
    void fitsOnePartAgreesWithSplit() {
        for (MultipartMode mode : MultipartMode.values()) {
            MessageSplitter splitter = splitter(mode);
            for (int n : new int[] {0, 1, 20, 69, 70, 71, 153, 159, 160, 161, 200}) {
                for (EncodedText text : List.of(gsm(repeat('a', n)), ucs2(repeat('\u20ac', Math.min(n, 140))))) {
                    List<MessagePart> parts;
                    try {
                        parts = splitter.split(text, 7);
                    } catch (MessageTooLongException tooLong) {
                        assertThat(splitter.fitsOnePart(text)).as("%s, %d units: a single-PDU mode", mode, n).isTrue();
                        continue;
                    }
                    assertThat(splitter.fitsOnePart(text)).as("%s, %d units", mode, n).isEqualTo(parts.size() == 1);
                    if (parts.size() == 1 && !parts.get(0).inMessagePayload()) {
                        // The shared array is never exposed: each call hands out a fresh copy.
                        byte[] first = parts.get(0).shortMessage();
                        assertThat(first).isEqualTo(text.bytes());
                        if (first.length > 0) {
                            first[0] = (byte) 0x7F;
                        }
                        assertThat(parts.get(0).shortMessage()).isEqualTo(text.bytes());
                    }
                }
            }
        }
    }

    @Test
    void defaultsAreUdh8BitUnpackedAnd255Parts() {
        MessageSplitter s = MessageSplitter.builder().build();

        assertThat(s.mode()).isEqualTo(MultipartMode.UDH_8BIT);
        assertThat(s.gsmPacked()).isFalse();
        assertThat(s.maxParts()).isEqualTo(255);
    }

    @Test
    void twoHundredGsmCharactersWithSarMake153And47() {
        List<MessagePart> parts = splitter(MultipartMode.SAR).split(gsm(TWO_HUNDRED), 0x1234);

        assertThat(parts).hasSize(2);
        MessagePart first = parts.get(0);
        MessagePart second = parts.get(1);
        assertThat(first.shortMessage()).isEqualTo(gsmSeptets(repeat('a', 100) + repeat('b', 53)));
        assertThat(second.shortMessage()).isEqualTo(gsmSeptets(repeat('b', 47)));
        assertThat(first.udhi()).isFalse();
        assertThat(first.userDataHeader()).isEmpty();
        assertThat(first.sarReference()).hasValue(0x1234);
        assertThat(first.sarTotal()).hasValue(2);
        assertThat(first.sarSequence()).hasValue(1);
        assertThat(second.sarSequence()).hasValue(2);
        assertThat(first.partNumber()).isEqualTo(1);
        assertThat(second.totalParts()).isEqualTo(2);
        assertThat(first.dataCoding()).isEqualTo(0);
        assertThat(first.inMessagePayload()).isFalse();
        assertThat(first.messagePayload()).isEmpty();
    }

    @Test
    void twoHundredGsmCharactersWithUdh8BitHaveExactHeaders() {
        List<MessagePart> parts = splitter(MultipartMode.UDH_8BIT).split(gsm(TWO_HUNDRED), 0xA7);

        assertThat(parts).hasSize(2);
        assertThat(Arrays.copyOf(parts.get(0).shortMessage(), 6)).isEqualTo(hex("050003A70201"));
        assertThat(Arrays.copyOf(parts.get(1).shortMessage(), 6)).isEqualTo(hex("050003A70202"));
        assertThat(payloadAfter(parts.get(0), 6)).hasSize(153);
        assertThat(payloadAfter(parts.get(1), 6)).isEqualTo(gsmSeptets(repeat('b', 47)));
        assertThat(parts).allSatisfy(p -> {
            assertThat(p.udhi()).isTrue();
            assertThat(p.sarReference()).isEmpty();
            assertThat(p.sarTotal()).isEmpty();
            assertThat(p.shortMessage().length).isLessThanOrEqualTo(160);
        });
    }

    @Test
    void udh16BitUses7OctetHeaderAnd152Septets() {
        List<MessagePart> parts = splitter(MultipartMode.UDH_16BIT).split(gsm(TWO_HUNDRED), 257);

        assertThat(parts).hasSize(2);
        assertThat(Arrays.copyOf(parts.get(0).shortMessage(), 7)).isEqualTo(hex("06080401010201"));
        assertThat(Arrays.copyOf(parts.get(1).shortMessage(), 7)).isEqualTo(hex("06080401010202"));
        assertThat(payloadAfter(parts.get(0), 7)).hasSize(152);
        assertThat(payloadAfter(parts.get(1), 7)).hasSize(48);
    }

    @ParameterizedTest
    @CsvSource({
        // mode, units, expected part sizes
        "UDH_8BIT, 160, 160",
        "UDH_8BIT, 161, 153 8",
        "UDH_16BIT, 161, 152 9",
        "SAR, 306, 153 153",
        "SAR, 307, 153 153 1",
    })
    void gsmCapacities(MultipartMode mode, int septets, String expected) {
        List<MessagePart> parts = splitter(mode).split(gsm(repeat('x', septets)), 1);

        int header = parts.get(0).userDataHeader().map(UserDataHeader::length).orElse(0);
        assertThat(parts.stream().map(p -> p.shortMessage().length - header).toList())
                .containsExactlyElementsOf(sizes(expected));
    }

    @ParameterizedTest
    @CsvSource({
        "UDH_8BIT, 70, 70",
        "UDH_8BIT, 71, 67 4",
        "UDH_16BIT, 71, 66 5",
        "SAR, 71, 67 4",
    })
    void ucs2Capacities(MultipartMode mode, int units, String expected) {
        List<MessagePart> parts = splitter(mode).split(ucs2(repeat('ж', units)), 1);

        int header = parts.get(0).userDataHeader().map(UserDataHeader::length).orElse(0);
        assertThat(parts.stream().map(p -> (p.shortMessage().length - header) / 2).toList())
                .containsExactlyElementsOf(sizes(expected));
    }

    @ParameterizedTest
    @CsvSource({
        "UDH_8BIT, 140, 140",
        "UDH_8BIT, 141, 134 7",
        "UDH_16BIT, 141, 133 8",
        "SAR, 141, 134 7",
    })
    void octetCapacities(MultipartMode mode, int count, String expected) {
        List<MessagePart> parts = splitter(mode).split(octets(count), 1);

        int header = parts.get(0).userDataHeader().map(UserDataHeader::length).orElse(0);
        assertThat(parts.stream().map(p -> p.shortMessage().length - header).toList())
                .containsExactlyElementsOf(sizes(expected));
    }

    private static List<Integer> sizes(String spaced) {
        return Arrays.stream(spaced.split(" ")).map(Integer::valueOf).toList();
    }

    @Test
    void singlePartHasNoHeaderAndNoSarValues() {
        for (MultipartMode mode : List.of(MultipartMode.UDH_8BIT, MultipartMode.UDH_16BIT, MultipartMode.SAR,
                MultipartMode.SHORT_MESSAGE_ONLY)) {
            List<MessagePart> parts = splitter(mode).split(gsm("hello"), 5);

            assertThat(parts).as(mode.name()).hasSize(1);
            assertThat(parts.get(0).shortMessage()).isEqualTo(gsmSeptets("hello"));
            assertThat(parts.get(0).udhi()).isFalse();
            assertThat(parts.get(0).sarReference()).isEmpty();
            assertThat(parts.get(0).totalParts()).isEqualTo(1);
        }
    }

    @Test
    void emptyTextIsOneEmptyPart() {
        List<MessagePart> parts = splitter(MultipartMode.UDH_8BIT).split(gsm(""), 0);

        assertThat(parts).hasSize(1);
        assertThat(parts.get(0).shortMessage()).isEmpty();
    }

    @Test
    void surrogatePairOnTheBoundaryMovesWholeToTheNextPart() {
        // 66 units of 'a', then the pair D83D DE00 at units 67 and 68: the high half would end part 1
        String text = repeat('a', 66) + "😀" + repeat('b', 10);

        List<MessagePart> parts = splitter(MultipartMode.UDH_8BIT).split(ucs2(text), 9);

        assertThat(parts).hasSize(2);
        assertThat(payloadAfter(parts.get(0), 6)).isEqualTo(repeat('a', 66).getBytes(StandardCharsets.UTF_16BE));
        assertThat(payloadAfter(parts.get(1), 6))
                .isEqualTo(("😀" + repeat('b', 10)).getBytes(StandardCharsets.UTF_16BE));
        assertThat(Arrays.copyOf(payloadAfter(parts.get(1), 6), 4)).isEqualTo(hex("D83DDE00"));
    }

    @Test
    void surrogatePairThatFitsStaysInPlace() {
        String text = repeat('a', 65) + "😀" + repeat('b', 10);

        List<MessagePart> parts = splitter(MultipartMode.UDH_8BIT).split(ucs2(text), 9);

        assertThat(payloadAfter(parts.get(0), 6)).hasSize(67 * 2);
        assertThat(payloadAfter(parts.get(1), 6)).isEqualTo(repeat('b', 10).getBytes(StandardCharsets.UTF_16BE));
    }

    @Test
    void escapeOnSeptet153MovesWithItsCharacterToTheNextPart() {
        // septets 1..152 are 'a', the escape 1B would be septet 153 and its 65 septet 154
        String text = repeat('a', 152) + "€" + repeat('b', 10);

        List<MessagePart> parts = splitter(MultipartMode.UDH_8BIT).split(gsm(text), 3);

        assertThat(parts).hasSize(2);
        assertThat(payloadAfter(parts.get(0), 6)).isEqualTo(gsmSeptets(repeat('a', 152)));
        assertThat(payloadAfter(parts.get(1), 6)).isEqualTo(gsmSeptets("€" + repeat('b', 10)));
        assertThat(payloadAfter(parts.get(1), 6)[0]).isEqualTo((byte) 0x1B);
    }

    @Test
    void escapeEndingOnSeptet153StaysInPlace() {
        String text = repeat('a', 151) + "€" + repeat('b', 10);

        List<MessagePart> parts = splitter(MultipartMode.UDH_8BIT).split(gsm(text), 3);

        assertThat(payloadAfter(parts.get(0), 6)).isEqualTo(gsmSeptets(repeat('a', 151) + "€"));
        assertThat(payloadAfter(parts.get(1), 6)).isEqualTo(gsmSeptets(repeat('b', 10)));
    }

    @Test
    void escapesAreCountedFromThePartStartNotFromTheByteValue() {
        // 76 euros fill 152 septets; the 77th euro's escape would be septet 153
        String text = repeat('€', 90);

        List<MessagePart> parts = splitter(MultipartMode.UDH_8BIT).split(gsm(text), 3);

        assertThat(payloadAfter(parts.get(0), 6)).isEqualTo(gsmSeptets(repeat('€', 76)));
        assertThat(payloadAfter(parts.get(1), 6)).isEqualTo(gsmSeptets(repeat('€', 14)));
    }

    private static EncodedText turkish(int septets) {
        return new EncodedText(gsmSeptets(repeat('t', septets)), 0, Alphabet.GSM7,
                NationalLanguage.TURKISH, NationalLanguage.TURKISH);
    }

    @Test
    void turkishShiftTablesGoInEveryPartAndShrinkCapacity() {
        // header: UDHL, concat (5), single shift (3), locking shift (3) = 12 octets -> 146 septets
        List<MessagePart> parts = splitter(MultipartMode.UDH_8BIT).split(turkish(200), 0x42);

        assertThat(parts).hasSize(2);
        assertThat(Arrays.copyOf(parts.get(0).shortMessage(), 12)).isEqualTo(hex("0B 0003420201 240101 250101"));
        assertThat(Arrays.copyOf(parts.get(1).shortMessage(), 12)).isEqualTo(hex("0B 0003420202 240101 250101"));
        assertThat(payloadAfter(parts.get(0), 12)).hasSize(146);
        assertThat(payloadAfter(parts.get(1), 12)).hasSize(54);
    }

    @Test
    void turkishSinglePartCarriesOnlyTheShiftElements() {
        // header: UDHL + 2 x 3 = 7 octets -> 152 septets fit one part
        List<MessagePart> single = splitter(MultipartMode.UDH_8BIT).split(turkish(152), 1);

        assertThat(single).hasSize(1);
        assertThat(single.get(0).udhi()).isTrue();
        assertThat(Arrays.copyOf(single.get(0).shortMessage(), 7)).isEqualTo(hex("06 240101 250101"));
        assertThat(payloadAfter(single.get(0), 7)).hasSize(152);

        assertThat(splitter(MultipartMode.UDH_8BIT).split(turkish(153), 1)).hasSize(2);
    }

    @Test
    void turkishSingleShiftOnlyWithUdh16Bit() {
        EncodedText text = new EncodedText(gsmSeptets(repeat('t', 300)), 0, Alphabet.GSM7,
                NationalLanguage.TURKISH, null);

        // header: UDHL, concat 16-bit (6), single shift (3) = 10 octets -> floor(130 * 8 / 7) = 148
        List<MessagePart> parts = splitter(MultipartMode.UDH_16BIT).split(text, 0x0102);

        assertThat(parts).hasSize(3);
        assertThat(Arrays.copyOf(parts.get(2).shortMessage(), 10)).isEqualTo(hex("09 08040102 0303 240101"));
        assertThat(payloadAfter(parts.get(0), 10)).hasSize(148);
    }

    @Test
    void sarWithShiftTablesHasShiftHeaderOnlyAndUdhCapacities() {
        List<MessagePart> parts = splitter(MultipartMode.SAR).split(turkish(200), 77);

        assertThat(parts).hasSize(2);
        assertThat(parts).allSatisfy(p -> {
            assertThat(p.udhi()).isTrue();
            assertThat(Arrays.copyOf(p.shortMessage(), 7)).isEqualTo(hex("06 240101 250101"));
            assertThat(p.sarReference()).hasValue(77);
        });
        assertThat(payloadAfter(parts.get(0), 7)).hasSize(146);
        assertThat(payloadAfter(parts.get(1), 7)).hasSize(54);
    }

    @Test
    void shortMessageOnlyRejects161Characters() {
        MessageSplitter s = splitter(MultipartMode.SHORT_MESSAGE_ONLY);

        assertThat(s.split(gsm(repeat('z', 160)), 0)).hasSize(1);
        assertThatThrownBy(() -> s.split(gsm(repeat('z', 161)), 0))
                .isInstanceOf(MessageTooLongException.class)
                .hasMessageContaining("161 septets")
                .hasMessageContaining("160")
                .hasMessageContaining("SHORT_MESSAGE_ONLY");
    }

    @Test
    void messagePayloadCarriesAThousandCharactersInOnePart() {
        String text = repeat('q', 1000);

        List<MessagePart> parts = splitter(MultipartMode.MESSAGE_PAYLOAD).split(gsm(text), 0);

        assertThat(parts).hasSize(1);
        MessagePart p = parts.get(0);
        assertThat(p.inMessagePayload()).isTrue();
        assertThat(p.shortMessage()).isEmpty();
        assertThat(p.messagePayload()).isEqualTo(gsmSeptets(text));
        assertThat(p.udhi()).isFalse();
        assertThat(p.sarReference()).isEmpty();
    }

    @Test
    void messagePayloadRejectsMoreThan65535Octets() {
        MessageSplitter s = splitter(MultipartMode.MESSAGE_PAYLOAD);

        assertThat(s.split(octets(65535), 0).get(0).messagePayload()).hasSize(65535);
        assertThatThrownBy(() -> s.split(octets(65536), 0))
                .isInstanceOf(MessageTooLongException.class)
                .hasMessageContaining("message_payload");
    }

    @Test
    void messagePayloadWithShiftTablesStartsWithTheirHeader() {
        MessagePart p = splitter(MultipartMode.MESSAGE_PAYLOAD).split(turkish(500), 0).get(0);

        assertThat(p.udhi()).isTrue();
        assertThat(Arrays.copyOf(p.messagePayload(), 7)).isEqualTo(hex("06 240101 250101"));
        assertThat(p.messagePayload()).hasSize(507);
    }

    @Test
    void packedGsmPartsHaveFillBitsAfterTheHeader() {
        String text = repeat('a', 100) + "€" + repeat('b', 100);
        byte[] septets = gsmSeptets(text);
        MessageSplitter s = MessageSplitter.builder().mode(MultipartMode.UDH_8BIT).gsmPacked(true).build();

        List<MessagePart> parts = s.split(gsm(text), 0x11);

        assertThat(parts).hasSize(2);
        byte[] first = parts.get(0).shortMessage();
        byte[] second = parts.get(1).shortMessage();
        // 6 header octets = 48 bits, 1 fill bit, then 153 septets: exactly 140 octets
        assertThat(first).hasSize(140);
        assertThat(Arrays.copyOf(first, 6)).isEqualTo(hex("050003110201"));
        assertThat(first[6] & 1).as("fill bit").isZero();
        assertThat(unpackBitByBit(first, 6, 153)).isEqualTo(Arrays.copyOfRange(septets, 0, 153));
        assertThat(Arrays.copyOf(second, 6)).isEqualTo(hex("050003110202"));
        // 7 slots for the header + 49 septets = 56 slots = 49 octets
        assertThat(second).hasSize(49);
        assertThat(unpackBitByBit(second, 6, 49)).isEqualTo(Arrays.copyOfRange(septets, 153, 202));
    }

    @Test
    void packedGsmWithoutHeaderPacksEightSeptetsInSevenOctets() {
        MessageSplitter s = MessageSplitter.builder().mode(MultipartMode.SAR).gsmPacked(true).build();

        byte[] packed = s.split(gsm("hellohel"), 0).get(0).shortMessage();

        assertThat(packed).hasSize(7);
        assertThat(unpackBitByBit(packed, 0, 8)).isEqualTo(gsmSeptets("hellohel"));
        // the classic example from TS 23.038: "hellohello" -> E8 32 9B FD 46 97 D9 EC 37
        assertThat(s.split(gsm("hellohello"), 0).get(0).shortMessage()).isEqualTo(hex("E8329BFD4697D9EC37"));
    }

    @Test
    void packedGsmPadsSevenSpareBitsWithCarriageReturn() {
        MessageSplitter s = MessageSplitter.builder().mode(MultipartMode.UDH_8BIT).gsmPacked(true).build();

        byte[] packed = s.split(gsm("abcdefg"), 0).get(0).shortMessage();

        assertThat(packed).hasSize(7);
        byte[] withPad = gsmSeptets("abcdefg");
        withPad = Arrays.copyOf(withPad, 8);
        withPad[7] = 0x0D;
        assertThat(unpackBitByBit(packed, 0, 8)).isEqualTo(withPad);
    }

    @Test
    void packingLeavesUcs2Alone() {
        MessageSplitter s = MessageSplitter.builder().gsmPacked(true).build();

        assertThat(s.split(ucs2("hi"), 0).get(0).shortMessage()).isEqualTo(hex("00680069"));
    }

    @Test
    void tooManyPartsIsRejected() {
        MessageSplitter s = MessageSplitter.builder().maxParts(2).build();

        assertThat(s.split(gsm(repeat('m', 306)), 0)).hasSize(2);
        assertThatThrownBy(() -> s.split(gsm(repeat('m', 307)), 0))
                .isInstanceOf(MessageTooLongException.class)
                .hasMessageContaining("maxParts")
                .hasMessageContaining("2");
    }

    @Test
    void atMost255PartsByDefault() {
        MessageSplitter s = MessageSplitter.builder().build();

        assertThat(s.split(octets(134 * 255), 0)).hasSize(255);
        assertThatThrownBy(() -> s.split(octets(134 * 255 + 1), 0)).isInstanceOf(MessageTooLongException.class);
        assertThatThrownBy(() -> MessageSplitter.builder().maxParts(256)).hasMessageContaining("maxParts must be 1..255");
        assertThatThrownBy(() -> MessageSplitter.builder().maxParts(0)).hasMessageContaining("maxParts must be 1..255");
    }

    @Test
    void referenceIsValidatedForTheMode() {
        EncodedText text = gsm("x");

        assertThatThrownBy(() -> splitter(MultipartMode.UDH_8BIT).split(text, 256))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reference must be 0..255");
        assertThatThrownBy(() -> splitter(MultipartMode.UDH_16BIT).split(text, 65536))
                .hasMessageContaining("reference must be 0..65535");
        assertThatThrownBy(() -> splitter(MultipartMode.SAR).split(text, -1))
                .hasMessageContaining("reference must be 0..65535");
        assertThat(splitter(MultipartMode.UDH_16BIT).split(gsm(repeat('x', 200)), 65535).get(0).shortMessage())
                .startsWith(hex("060804FFFF0201"));
    }

    @Test
    void oddUcs2LengthIsRejected() {
        EncodedText odd = EncodedText.of(new byte[] {0, 0x41, 0}, 8, Alphabet.UCS2);

        assertThatThrownBy(() -> splitter(MultipartMode.UDH_8BIT).split(odd, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("even");
    }

    @Test
    void partsAreImmutable() {
        MessagePart p = splitter(MultipartMode.UDH_8BIT).split(gsm("abc"), 0).get(0);

        p.shortMessage()[0] = 'z';

        assertThat(p.shortMessage()).isEqualTo(gsmSeptets("abc"));
    }
}
