package io.ujumbe.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Scheduler;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/** Splitting then reassembling gives back the original bytes, for every mode and alphabet. */
class SplitReassemblePropertiesTest {
    private static final byte[] EXTENSION = {0x0A, 0x14, 0x28, 0x29, 0x2F, 0x3C, 0x3D, 0x3E, 0x40, 0x65};

    @Provide
    Arbitrary<byte[]> gsmSeptets() {
        return gsmCharacters(false);
    }

    /**
     * Packed texts leave out CR: a CR that ends a part exactly on an octet boundary is the padding
     * TS 23.038 defines, so unpacking drops it.
     */
    @Provide
    Arbitrary<byte[]> gsmSeptetsWithoutCr() {
        return gsmCharacters(true);
    }

    private static Arbitrary<byte[]> gsmCharacters(boolean withoutCr) {
        Arbitrary<byte[]> single = Arbitraries.integers().between(0, 0x7F)
                .filter(v -> v != 0x1B && !(withoutCr && v == 0x0D))
                .map(v -> new byte[] {v.byteValue()});
        Arbitrary<byte[]> escaped = Arbitraries.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9)
                .map(i -> new byte[] {0x1B, EXTENSION[i]});
        return Arbitraries.frequencyOf(
                        Tuple.of(5, single),
                        Tuple.of(1, escaped))
                .list().ofMaxSize(700)
                .map(SplitReassemblePropertiesTest::concat);
    }

    @Provide
    Arbitrary<byte[]> ucs2Units() {
        Arbitrary<Integer> codePoint = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.integers().between(0x20, 0x7E)),
                Tuple.of(1, Arbitraries.integers().between(0x0400, 0x04FF)),
                Tuple.of(2, Arbitraries.integers().between(0x1F300, 0x1FAFF)));
        return codePoint.list().ofMaxSize(300).map(cps -> {
            StringBuilder sb = new StringBuilder();
            cps.forEach(sb::appendCodePoint);
            return sb.toString().getBytes(StandardCharsets.UTF_16BE);
        });
    }

    @Provide
    Arbitrary<byte[]> octets() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(800);
    }

    private static byte[] concat(List<byte[]> chunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        chunks.forEach(out::writeBytes);
        return out.toByteArray();
    }

    @Property(tries = 150)
    void gsmUnpacked(@ForAll("gsmSeptets") byte[] septets, @ForAll MultipartMode mode, @ForAll boolean shiftTables,
                     @ForAll @IntRange(max = 255) int reference) {
        EncodedText text = shiftTables
                ? new EncodedText(septets, 0, Alphabet.GSM7, NationalLanguage.SPANISH, NationalLanguage.PORTUGUESE)
                : EncodedText.of(septets, 0, Alphabet.GSM7);
        roundTrip(text, mode, false, reference);
    }

    @Property(tries = 150)
    void gsmPacked(@ForAll("gsmSeptetsWithoutCr") byte[] septets, @ForAll MultipartMode mode,
                   @ForAll boolean shiftTables, @ForAll @IntRange(max = 255) int reference) {
        EncodedText text = shiftTables
                ? new EncodedText(septets, 0xF0, Alphabet.GSM7, NationalLanguage.TURKISH, null)
                : EncodedText.of(septets, 0xF0, Alphabet.GSM7);
        roundTrip(text, mode, true, reference);
    }

    @Property(tries = 150)
    void ucs2(@ForAll("ucs2Units") byte[] units, @ForAll MultipartMode mode, @ForAll @IntRange(max = 255) int reference) {
        roundTrip(EncodedText.of(units, 8, Alphabet.UCS2), mode, false, reference);
    }

    @Property(tries = 150)
    void octets(@ForAll("octets") byte[] octets, @ForAll MultipartMode mode, @ForAll @IntRange(max = 255) int reference) {
        roundTrip(EncodedText.of(octets, 4, Alphabet.OCTET), mode, false, reference);
    }

    private static void roundTrip(EncodedText text, MultipartMode mode, boolean packed, int reference) {
        MessageSplitter splitter = MessageSplitter.builder().mode(mode).gsmPacked(packed).build();
        List<MessagePart> parts;
        try {
            parts = splitter.split(text, reference);
        } catch (MessageTooLongException e) {
            assertThat(mode).isEqualTo(MultipartMode.SHORT_MESSAGE_ONLY);
            assertThat(fitsOnePart(text)).isFalse();
            return;
        }
        for (MessagePart p : parts) {
            checkPart(text, mode, packed, p);
        }

        List<InboundPart> inbound = new ArrayList<>();
        for (MessagePart p : parts) {
            inbound.add(MultipartFixtures.inbound("src", "dst", p, packed));
        }
        Collections.shuffle(inbound, new Random(reference));
        CaffeineReassembler reassembler = CaffeineReassembler.builder()
                .scheduler(Scheduler.disabledScheduler()).build();
        Optional<ReassembledMessage> whole = Optional.empty();
        for (int i = 0; i < inbound.size(); i++) {
            whole = reassembler.accept(inbound.get(i));
            assertThat(whole.isPresent()).isEqualTo(i == inbound.size() - 1);
        }

        ReassembledMessage m = whole.orElseThrow();
        assertThat(m.payload()).isEqualTo(text.bytes());
        assertThat(m.partCount()).isEqualTo(parts.size());
        assertThat(m.dataCoding()).isEqualTo(text.dataCoding());
        assertThat(m.singleShift()).isEqualTo(Optional.ofNullable(text.singleShift()));
        assertThat(m.lockingShift()).isEqualTo(Optional.ofNullable(text.lockingShift()));
    }

    /** Whether the text fits one short message with only its shift-table header. */
    private static boolean fitsOnePart(EncodedText text) {
        int shifts = (text.singleShift() != null ? 3 : 0) + (text.lockingShift() != null ? 3 : 0);
        int header = shifts == 0 ? 0 : 1 + shifts;
        switch (text.alphabet()) {
            case GSM7:
                return UserDataPacking.firstSeptet(header) + text.length() <= 160;
            case UCS2:
                return header + text.length() <= 140;
            default:
                return header + text.length() <= 140;
        }
    }

    /** Each part fits 140 octets once the SMSC adds what it must, and cuts no character in two. */
    private static void checkPart(EncodedText text, MultipartMode mode, boolean packed, MessagePart p) {
        byte[] userData = p.inMessagePayload() ? p.messagePayload() : p.shortMessage();
        int ownHeader = p.userDataHeader().map(UserDataHeader::length).orElse(0);
        assertThat(p.udhi()).isEqualTo(ownHeader > 0);
        if (mode == MultipartMode.MESSAGE_PAYLOAD) {
            assertThat(p.totalParts()).isEqualTo(1);
            return;
        }
        // for SAR the SMSC adds the 8-bit concatenation element (and a UDHL octet if there was none)
        int header = mode == MultipartMode.SAR && p.totalParts() > 1 ? Math.max(ownHeader, 1) + 5 : ownHeader;
        byte[] payload = Arrays.copyOfRange(userData, ownHeader, userData.length);
        if (text.alphabet() == Alphabet.GSM7) {
            if (packed) {
                assertThat(userData.length + header - ownHeader).isLessThanOrEqualTo(140);
                return;
            }
            assertThat(UserDataPacking.firstSeptet(header) + payload.length).isLessThanOrEqualTo(160);
            boolean danglingEscape = false;
            for (int i = 0; i < payload.length; i++) {
                if (payload[i] == 0x1B) {
                    danglingEscape = i == payload.length - 1;
                    i++;
                }
            }
            assertThat(danglingEscape && p.partNumber() < p.totalParts()).as("escape cut from its septet").isFalse();
        } else if (text.alphabet() == Alphabet.UCS2) {
            assertThat(header + payload.length).isLessThanOrEqualTo(140);
            if (payload.length >= 2) {
                char first = (char) (((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF));
                assertThat(Character.isLowSurrogate(first)).as("part starts with a low surrogate").isFalse();
            }
        } else {
            assertThat(header + payload.length).isLessThanOrEqualTo(140);
        }
    }
}
