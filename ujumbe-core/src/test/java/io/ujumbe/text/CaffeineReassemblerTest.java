package io.ujumbe.text;

import static io.ujumbe.text.MultipartFixtures.gsm;
import static io.ujumbe.text.MultipartFixtures.gsmSeptets;
import static io.ujumbe.text.MultipartFixtures.hex;
import static io.ujumbe.text.MultipartFixtures.inbound;
import static io.ujumbe.text.MultipartFixtures.repeat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.benmanes.caffeine.cache.Scheduler;
import com.github.benmanes.caffeine.cache.Ticker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CaffeineReassemblerTest {
    private static final String PHONE = "255700000001";
    private static final String SHORT_CODE = "15500";

    private final AtomicLong nanos = new AtomicLong();
    private final Ticker ticker = nanos::get;
    private final ConcurrentLinkedQueue<IncompleteMessage> dropped = new ConcurrentLinkedQueue<>();

    private CaffeineReassembler reassembler() {
        return builder().build();
    }

    private CaffeineReassembler.Builder builder() {
        return CaffeineReassembler.builder()
                .ticker(ticker)
                .scheduler(Scheduler.disabledScheduler())
                .evictionListener(dropped::add);
    }

    /** A part with an 8-bit concatenation UDH and a GSM payload. */
    private static InboundPart udhPart(String from, int ref, int total, int seq, String text) {
        byte[] header = UserDataHeader.of(InformationElement.concatenated8Bit(ref, total, seq)).toBytes();
        byte[] payload = gsmSeptets(text);
        byte[] sm = new byte[header.length + payload.length];
        System.arraycopy(header, 0, sm, 0, header.length);
        System.arraycopy(payload, 0, sm, header.length, payload.length);
        return InboundPart.of(from, SHORT_CODE, 0, sm, true);
    }

    @Test
    void partsOutOfOrderAreJoinedInSequenceOrder() {
        CaffeineReassembler r = reassembler();

        assertThat(r.accept(udhPart(PHONE, 7, 3, 1, "one"))).isEmpty();
        assertThat(r.accept(udhPart(PHONE, 7, 3, 3, "three"))).isEmpty();
        assertThat(r.incompleteCount()).isEqualTo(1);
        Optional<ReassembledMessage> whole = r.accept(udhPart(PHONE, 7, 3, 2, "two"));

        assertThat(whole).isPresent();
        ReassembledMessage m = whole.get();
        assertThat(m.payload()).isEqualTo(gsmSeptets("onetwothree"));
        assertThat(m.partCount()).isEqualTo(3);
        assertThat(m.source()).isEqualTo(PHONE);
        assertThat(m.destination()).isEqualTo(SHORT_CODE);
        assertThat(m.dataCoding()).isZero();
        assertThat(m.firstPartHeader().flatMap(UserDataHeader::concatenation))
                .contains(new Concatenation(7, 3, 1, false));
        assertThat(m.shiftTableElements()).isEmpty();
        assertThat(r.incompleteCount()).isZero();
        assertThat(r.completedCount()).isEqualTo(1);
    }

    @Test
    void duplicatePartIsIgnoredAndCounted() {
        CaffeineReassembler r = reassembler();

        assertThat(r.accept(udhPart(PHONE, 7, 2, 1, "first"))).isEmpty();
        assertThat(r.accept(udhPart(PHONE, 7, 2, 1, "FIRST AGAIN"))).isEmpty();
        Optional<ReassembledMessage> whole = r.accept(udhPart(PHONE, 7, 2, 2, "second"));

        assertThat(whole.map(ReassembledMessage::payload)).contains(gsmSeptets("firstsecond"));
        assertThat(r.duplicateCount()).isEqualTo(1);
        assertThat(r.completedCount()).isEqualTo(1);
    }

    @Test
    void messageNotInPartsPassesStraightThrough() {
        CaffeineReassembler r = reassembler();

        Optional<ReassembledMessage> m = r.accept(InboundPart.of(PHONE, SHORT_CODE, 8, hex("00480069"), false));

        assertThat(m).isPresent();
        assertThat(m.get().payload()).isEqualTo(hex("00480069"));
        assertThat(m.get().partCount()).isEqualTo(1);
        assertThat(m.get().dataCoding()).isEqualTo(8);
        assertThat(m.get().firstPartHeader()).isEmpty();
        assertThat(r.incompleteCount()).isZero();
    }

    @Test
    void onePartConcatenatedMessagePassesThroughWithoutItsHeader() {
        CaffeineReassembler r = reassembler();

        Optional<ReassembledMessage> m = r.accept(udhPart(PHONE, 1, 1, 1, "alone"));

        assertThat(m.map(ReassembledMessage::payload)).contains(gsmSeptets("alone"));
    }

    @Test
    void sixteenBitReference257() {
        CaffeineReassembler r = reassembler();
        List<MessagePart> parts = MessageSplitter.builder().mode(MultipartMode.UDH_16BIT).build()
                .split(gsm(repeat('k', 200)), 257);
        List<InboundPart> in = inbound(PHONE, SHORT_CODE, parts);

        assertThat(in.get(0).concatenation()).contains(new Concatenation(257, 2, 1, true));
        assertThat(r.accept(in.get(1))).isEmpty();
        // an 8-bit part with reference 257 & 0xFF = 1 must not complete the 16-bit message
        assertThat(r.accept(udhPart(PHONE, 1, 2, 1, repeat('x', 152)))).isEmpty();
        Optional<ReassembledMessage> m = r.accept(in.get(0));

        assertThat(m.map(ReassembledMessage::payload)).contains(gsmSeptets(repeat('k', 200)));
        assertThat(r.incompleteCount()).isEqualTo(1);
    }

    @Test
    void sarPartsAreJoined() {
        CaffeineReassembler r = reassembler();
        InboundPart second = InboundPart.builder().source(PHONE).destination(SHORT_CODE).dataCoding(8)
                .userData(hex("00620062")).sar(0xBEEF, 2, 2).build();
        InboundPart first = InboundPart.builder().source(PHONE).destination(SHORT_CODE).dataCoding(8)
                .userData(hex("00610061")).sar(0xBEEF, 2, 1).build();

        assertThat(r.accept(second)).isEmpty();
        Optional<ReassembledMessage> m = r.accept(first);

        assertThat(m.map(ReassembledMessage::payload)).contains(hex("0061006100620062"));
        assertThat(m.map(ReassembledMessage::partCount)).contains(2);
    }

    @Test
    void twoSendersUsingTheSameReferenceAreKeptApart() {
        CaffeineReassembler r = reassembler();
        String other = "255700000002";

        assertThat(r.accept(udhPart(PHONE, 42, 2, 1, "alice1"))).isEmpty();
        assertThat(r.accept(udhPart(other, 42, 2, 1, "bob1"))).isEmpty();
        Optional<ReassembledMessage> alice = r.accept(udhPart(PHONE, 42, 2, 2, "alice2"));
        Optional<ReassembledMessage> bob = r.accept(udhPart(other, 42, 2, 2, "bob2"));

        assertThat(alice.map(ReassembledMessage::payload)).contains(gsmSeptets("alice1alice2"));
        assertThat(bob.map(ReassembledMessage::payload)).contains(gsmSeptets("bob1bob2"));
        assertThat(bob.map(ReassembledMessage::source)).contains(other);
    }

    @Test
    void sameReferenceWithAnotherTotalIsAnotherMessage() {
        CaffeineReassembler r = reassembler();

        assertThat(r.accept(udhPart(PHONE, 5, 2, 1, "a"))).isEmpty();
        assertThat(r.accept(udhPart(PHONE, 5, 3, 2, "b"))).isEmpty();

        assertThat(r.incompleteCount()).isEqualTo(2);
    }

    @Test
    void incompleteMessageExpiresAfterTheTtlAndTheListenerIsTold() {
        CaffeineReassembler r = builder().timeToLive(Duration.ofMinutes(1)).build();

        r.accept(udhPart(PHONE, 9, 3, 1, "one"));
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(40));
        // a later part does not extend the lifetime: it counts from the first part
        r.accept(udhPart(PHONE, 9, 3, 3, "three"));
        r.cleanUp();
        assertThat(dropped).isEmpty();

        nanos.addAndGet(TimeUnit.SECONDS.toNanos(21));
        r.cleanUp();

        assertThat(dropped).hasSize(1);
        IncompleteMessage m = dropped.peek();
        assertThat(m.cause()).isEqualTo(IncompleteMessage.Cause.EXPIRED);
        assertThat(m.source()).isEqualTo(PHONE);
        assertThat(m.destination()).isEqualTo(SHORT_CODE);
        assertThat(m.reference()).isEqualTo(9);
        assertThat(m.totalParts()).isEqualTo(3);
        assertThat(m.sixteenBit()).isFalse();
        assertThat(m.receivedSequences()).containsExactly(1, 3);
        assertThat(m.receivedParts().get(1).payload()).isEqualTo(gsmSeptets("three"));
        assertThat(r.incompleteCount()).isZero();
        assertThat(r.evictedCount()).isEqualTo(1);
        // the missing part now starts a new incomplete message instead of completing the old one
        assertThat(r.accept(udhPart(PHONE, 9, 3, 2, "two"))).isEmpty();
    }

    @Test
    void numberOfIncompleteMessagesIsBounded() {
        CaffeineReassembler r = builder().maximumIncomplete(5).build();

        for (int ref = 0; ref < 20; ref++) {
            r.accept(udhPart(PHONE, ref, 2, 1, "part"));
        }
        r.cleanUp();

        assertThat(r.incompleteCount()).isEqualTo(5);
        assertThat(dropped).hasSize(15);
        assertThat(dropped).allSatisfy(m -> assertThat(m.cause()).isEqualTo(IncompleteMessage.Cause.SIZE));
        assertThat(r.evictedCount()).isEqualTo(15);
    }

    @Test
    void shiftTablesOfTheFirstPartAreReported() {
        EncodedText text = new EncodedText(gsmSeptets(repeat('s', 200)), 0, Alphabet.GSM7,
                NationalLanguage.TURKISH, NationalLanguage.TURKISH);
        List<InboundPart> in = inbound(PHONE, SHORT_CODE, MessageSplitter.builder().build().split(text, 3));
        CaffeineReassembler r = reassembler();

        r.accept(in.get(1));
        ReassembledMessage m = r.accept(in.get(0)).orElseThrow();

        assertThat(m.payload()).isEqualTo(gsmSeptets(repeat('s', 200)));
        assertThat(m.singleShift()).contains(NationalLanguage.TURKISH);
        assertThat(m.lockingShift()).contains(NationalLanguage.TURKISH);
        assertThat(m.shiftTableElements()).containsExactly(
                InformationElement.singleShift(NationalLanguage.TURKISH),
                InformationElement.lockingShift(NationalLanguage.TURKISH));
    }

    @Test
    void packedPartsAreUnpackedBeforeJoining() {
        String text = repeat('p', 150) + "€" + repeat('q', 150);
        MessageSplitter packed = MessageSplitter.builder().gsmPacked(true).build();
        List<MessagePart> parts = packed.split(gsm(text), 200);
        CaffeineReassembler r = reassembler();

        Optional<ReassembledMessage> m = Optional.empty();
        for (int i = parts.size() - 1; i >= 0; i--) {
            m = r.accept(inbound(PHONE, SHORT_CODE, parts.get(i), true));
        }

        assertThat(m.map(ReassembledMessage::payload)).contains(gsmSeptets(text));
    }

    @Test
    void impossibleConcatenationNumbersAreRejected() {
        assertThatThrownBy(() -> InboundPart.of(PHONE, SHORT_CODE, 0, hex("050003010200 41"), true))
                .isInstanceOf(InvalidPartException.class)
                .hasMessageContaining("sequence number 0");
        assertThatThrownBy(() -> InboundPart.of(PHONE, SHORT_CODE, 0, hex("050003010203 41"), true))
                .isInstanceOf(InvalidPartException.class)
                .hasMessageContaining("sequence number 3 is not within 1..2");
        assertThatThrownBy(() -> InboundPart.of(PHONE, SHORT_CODE, 0, hex("050003010001 41"), true))
                .isInstanceOf(InvalidPartException.class)
                .hasMessageContaining("total number of parts is 0");
        assertThatThrownBy(() -> InboundPart.builder().sar(1, 0, 1))
                .isInstanceOf(InvalidPartException.class)
                .hasMessageContaining("sar_total_segments");
        assertThatThrownBy(() -> InboundPart.builder().sar(1, 2, 3))
                .isInstanceOf(InvalidPartException.class)
                .hasMessageContaining("sar_segment_seqnum");
        assertThatThrownBy(() -> InboundPart.builder().sar(70000, 2, 1))
                .isInstanceOf(InvalidPartException.class)
                .hasMessageContaining("sar_msg_ref_num");
    }

    @Test
    void malformedHeaderIsRejectedWhenThePartIsBuilt() {
        assertThatThrownBy(() -> InboundPart.of(PHONE, SHORT_CODE, 0, hex("0A000301"), true))
                .isInstanceOf(MalformedUserDataHeaderException.class);
        // the same bytes without UDHI are plain payload
        assertThat(InboundPart.of(PHONE, SHORT_CODE, 0, hex("0A000301"), false).payload()).isEqualTo(hex("0A000301"));
    }

    @Test
    void partWithAnotherDataCodingIsRejectedAndHarmsNothing() {
        CaffeineReassembler r = reassembler();
        r.accept(udhPart(PHONE, 3, 2, 1, "abc"));
        InboundPart ucs2 = InboundPart.of(PHONE, SHORT_CODE, 8, hex("050003030202 0041"), true);

        assertThatThrownBy(() -> r.accept(ucs2))
                .isInstanceOf(InvalidPartException.class)
                .hasMessageContaining("data_coding 0x8");

        assertThat(r.accept(udhPart(PHONE, 3, 2, 2, "def")).map(ReassembledMessage::payload))
                .contains(gsmSeptets("abcdef"));
    }

    @Test
    void builderRejectsBadSettings() {
        assertThatThrownBy(() -> CaffeineReassembler.builder().timeToLive(Duration.ZERO))
                .hasMessageContaining("timeToLive");
        assertThatThrownBy(() -> CaffeineReassembler.builder().maximumIncomplete(0))
                .hasMessageContaining("maximumIncomplete");
    }

    @Test
    void concurrentSessionsCompleteEachMessageExactlyOnce() throws Exception {
        CaffeineReassembler r = reassembler();
        MessageSplitter splitter = MessageSplitter.builder().mode(MultipartMode.UDH_16BIT).build();
        int messages = 400;
        List<InboundPart> all = new ArrayList<>();
        for (int i = 0; i < messages; i++) {
            String text = "m" + i + repeat('x', 300 + i % 50);
            all.addAll(inbound("sender" + (i % 7), SHORT_CODE, splitter.split(gsm(text), i)));
        }
        Collections.shuffle(all, new Random(42));
        Map<String, AtomicInteger> completions = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (InboundPart p : all) {
                futures.add(pool.submit(() -> r.accept(p).ifPresent(m -> completions
                        .computeIfAbsent(new String(m.payload(), 0, 5, StandardCharsets.US_ASCII) + m.source(), k -> new AtomicInteger())
                        .incrementAndGet())));
            }
            for (Future<?> f : futures) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(r.completedCount()).isEqualTo(messages);
        assertThat(r.incompleteCount()).isZero();
        assertThat(r.duplicateCount()).isZero();
        assertThat(completions.values()).allSatisfy(c -> assertThat(c.get()).isEqualTo(1));
        int total = completions.values().stream().mapToInt(AtomicInteger::get).sum();
        assertThat(total).isEqualTo(messages);
    }
}
