package io.ujumbe.smsc;

import io.ujumbe.pdu.Address;
import io.ujumbe.pdu.MessageState;
import io.ujumbe.pdu.RegisteredDelivery;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The ring of held messages: lookups by id in every format, and eviction of the oldest only. */
class MessageTableTest {
    private static final long SALT = 42;

    @Test
    void idsOfEveryFormatParseBackToTheirNumber() {
        Random random = new Random(7);
        for (MessageIdFormat f : MessageIdFormat.values()) {
            LongStream.concat(LongStream.of(0, 1, 15, 16, 0x10001, Long.MAX_VALUE),
                    random.longs(200, 0, Long.MAX_VALUE)).forEach(n -> {
                String id = f.format(n, SALT);
                assertThat(f.number(id)).as("%s %s", f, id).isEqualTo(n);
                assertThat(f.number(" " + id.toLowerCase() + " ")).as("%s %s", f, id).isEqualTo(n);
            });
        }
        assertThat(MessageIdFormat.HEX.format(0x1F4A, SALT)).isEqualTo("1F4A");
        assertThat(MessageIdFormat.HEX.format(0, SALT)).isEqualTo("0");
    }

    @Test
    void idsThatDoNotParseGiveMinusOne() {
        assertThat(MessageIdFormat.HEX.number("xyz")).isEqualTo(-1);
        assertThat(MessageIdFormat.HEX.number("  ")).isEqualTo(-1);
        assertThat(MessageIdFormat.HEX.number("1FFFFFFFFFFFFFFFF")).isEqualTo(-1);
        assertThat(MessageIdFormat.DECIMAL.number("1F")).isEqualTo(-1);
        assertThat(MessageIdFormat.UUID.number("not-a-uuid")).isEqualTo(-1);
    }

    @Test
    void findsHeldMessagesByIdInAnyCaseAndIgnoresOthers() {
        for (MessageIdFormat f : MessageIdFormat.values()) {
            MessageTable table = new MessageTable(f, 1000);
            StoredMessage m = put(table, f, 0xABCDEF);
            assertThat(table.get(m.messageId())).isEqualTo(m);
            assertThat(table.get(" " + m.messageId().toLowerCase() + "\t")).isEqualTo(m);
            assertThat(table.get(f.format(0xABCDEF + 1, SALT))).isNull();
            assertThat(table.get("0" + m.messageId())).as("leading zero: not the id given").isNull();
            assertThat(table.get("nonsense")).isNull();
            assertThat(table.get("")).isNull();
            assertThat(table.get(null)).isNull();
        }
    }

    @Test
    void keepsTheLatestCapacityMessagesAndDropsOnlyTheOldest() {
        MessageTable table = new MessageTable(MessageIdFormat.HEX, 10_000);
        long first = 0x10001;
        for (long n = first; n < first + 25_000; n++) {
            put(table, MessageIdFormat.HEX, n);
        }
        assertThat(table.all()).hasSize(10_000);
        assertThat(table.get(MessageIdFormat.HEX.format(first + 14_999, SALT))).isNull();
        assertThat(table.get(MessageIdFormat.HEX.format(first + 15_000, SALT))).isNotNull();
        assertThat(table.get(MessageIdFormat.HEX.format(first + 24_999, SALT)).number).isEqualTo(first + 24_999);
        assertThat(table.all()).extracting(m -> m.number).allMatch(n -> n >= first + 15_000 && n < first + 25_000);
    }

    @Test
    void everyHeldMessageReadsBackItsOwnFieldsAcrossBlocksAndPasses() {
        // 10,000 slots: two full blocks of 4,096 and one of 1,808; 3.5 passes of the numbers.
        MessageTable table = new MessageTable(MessageIdFormat.HEX, 10_000);
        long first = 0x10001;
        long last = first + 35_000 - 1;
        for (long n = first; n <= last; n++) {
            put(table, MessageIdFormat.HEX, n);
        }
        for (long n = last - 9_999; n <= last; n++) {
            StoredMessage m = table.get(MessageIdFormat.HEX.format(n, SALT));
            assertThat(m).as("message %d", n).isNotNull();
            assertThat(m.number).isEqualTo(n);
            assertThat(m.firstDestination().address()).isEqualTo("254700" + (n % 1_000_000));
            assertThat(m.shortMessage()).containsExactly((byte) n, 2);
            assertThat(m.submittedAtNanos()).isEqualTo(n);
        }
        assertThat(table.all()).hasSize(10_000).extracting(m -> m.number).doesNotHaveDuplicates();
    }

    @Test
    void everyFieldReadsBackWhetherItsAddressesAreKeptAsOctetsOrAsObjects() {
        MessageTable table = new MessageTable(MessageIdFormat.DECIMAL, 10_000);
        // Twenty sessions interleaved: a block keeps more origins than it looks through one by one.
        List<StoredMessage.Origin> origins = new ArrayList<>();
        for (int s = 0; s < 20; s++) {
            origins.add(new StoredMessage.Origin("acct" + s, "session" + s, MessageIdFormat.DECIMAL, SALT));
        }
        Address alphanumeric = Address.alphanumeric("Ujumbe");
        Address wide = new Address(io.ujumbe.pdu.TypeOfNumber.ALPHANUMERIC, io.ujumbe.pdu.NumberingPlan.UNKNOWN,
                "\u0416\u0443\u043c\u0431\u0435");
        List<Address> two = List.of(Address.international("254711000001"), Address.international("254711000002"));
        byte[] udh = {5, 0, 3, 7, 2, 1, 'h', 'i'};
        for (long n = 1; n <= 300; n++) {
            StoredMessage.Origin o = origins.get((int) (n % 20));
            Address source = n % 3 == 0 ? wide : n % 3 == 1 ? alphanumeric : Address.international("2547" + n);
            List<Address> to = n % 2 == 0 ? two : List.of(Address.international("254722" + n));
            MessageState outcome = n % 4 == 0 ? MessageState.UNDELIVERABLE : MessageState.DELIVERED;
            table.put(o, n, source, to, (int) (n % 9), n % 5 == 0, n % 5 == 0 ? udh : new byte[] {(byte) n},
                    RegisteredDelivery.of((int) (n % 2)), MessageState.ENROUTE, 1_000 + n,
                    new OutcomePicker.Outcome(outcome, (int) n), 1);
        }
        for (long n = 1; n <= 300; n++) {
            StoredMessage m = table.get(Long.toString(n));
            assertThat(m).as("message %d", n).isNotNull();
            assertThat(m.systemId()).isEqualTo("acct" + n % 20);
            assertThat(m.sessionId()).isEqualTo("session" + n % 20);
            Address source = m.source();
            if (n % 3 == 0) {
                assertThat(source).isEqualTo(wide);
            } else if (n % 3 == 1) {
                assertThat(source).isEqualTo(alphanumeric);
            } else {
                assertThat(source).isEqualTo(Address.international("2547" + n));
            }
            if (n % 2 == 0) {
                assertThat(m.destinations()).isEqualTo(two);
                assertThat(m.isFor("254711000002")).isTrue();
            } else {
                assertThat(m.destinations()).containsExactly(Address.international("254722" + n));
                assertThat(m.isFor("254722" + n)).isTrue();
                assertThat(m.isFor("254722" + n + "9")).isFalse();
            }
            assertThat(m.outcome()).isEqualTo(new OutcomePicker.Outcome(
                    n % 4 == 0 ? MessageState.UNDELIVERABLE : MessageState.DELIVERED, (int) n));
            assertThat(m.dataCoding()).isEqualTo((int) (n % 9));
            assertThat(m.registeredDelivery()).isEqualTo(RegisteredDelivery.of((int) (n % 2)));
            assertThat(m.submittedAtNanos()).isEqualTo(1_000 + n);
            if (n % 5 == 0) {
                assertThat(m.shortMessage()).containsExactly(udh);
                assertThat(m.textOctets()).containsExactly('h', 'i');
            } else {
                assertThat(m.shortMessage()).containsExactly((byte) n);
            }
            SimulatedMessage snapshot = m.snapshot();
            assertThat(snapshot.source()).isEqualTo(source.address());
            assertThat(snapshot.destination()).isEqualTo(m.firstDestination().address());
        }
        // A longer text moves the row's octets, addresses and all.
        StoredMessage m = table.get("7");
        assertThat(m.replace("a longer text than before".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                RegisteredDelivery.NONE)).isTrue();
        assertThat(new String(m.shortMessage(), java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("a longer text than before");
        assertThat(m.source()).isEqualTo(alphanumeric);
        assertThat(m.firstDestination()).isEqualTo(Address.international("2547227"));
    }

    @Test
    void aMessagePushedOutBeforeItsReceiptIsStillThereForTheReceiptAndItsRowIsReusedOnlyAfter() {
        // One full block of 4,096 slots, so that retired blocks are reused.
        MessageTable table = new MessageTable(MessageIdFormat.HEX, 4096);
        StoredMessage m = put(table, MessageIdFormat.HEX, 10_000, 1);
        MessageRows rows = m.rows();
        for (long n = 10_001; n < 10_000 + 5 * 4096; n++) {
            StoredMessage other = put(table, MessageIdFormat.HEX, n);
            if (n / 4096 != 10_000 / 4096) {
                assertThat(other.rows()).as("a pinned block is not reused for a later pass").isNotSameAs(rows);
            }
        }
        assertThat(table.get(m.messageId())).as("out of the table").isNull();
        StoredMessage late = table.at(rows, 10_000);
        assertThat(late).isEqualTo(m);
        assertThat(late.firstDestination().address()).isEqualTo("25470010000");
        assertThat(late.finish(MessageState.DELIVERED, 0, 5)).isEqualTo(MessageState.ENROUTE);
        assertThat(late.snapshot().state()).isEqualTo(MessageState.DELIVERED);
        rows.release();
        assertThatThrownBy(rows::release).isInstanceOf(IllegalStateException.class);
        boolean reused = false;
        for (long n = 10_000 + 5 * 4096; n < 10_000 + 8 * 4096; n++) {
            reused |= put(table, MessageIdFormat.HEX, n).rows() == rows;
        }
        assertThat(reused).as("released and retired: reused").isTrue();
        assertThat(late.state()).as("its row holds another message now").isEqualTo(MessageState.UNKNOWN);
        assertThat(late.snapshot()).isNull();
        assertThat(late.finish(MessageState.DELETED, 0, 6)).isNull();
        assertThat(late.replace(new byte[] {1}, RegisteredDelivery.NONE)).isFalse();
    }

    @Test
    void theReceiptTimersStepMovesToThePickedOutcomeOnceAndKeepsThePinOnlyWhenAReceiptIsDue() {
        MessageTable table = new MessageTable(MessageIdFormat.HEX, 4096);
        OutcomePicker.Outcome delivered = new OutcomePicker.Outcome(MessageState.DELIVERED, 0);
        OutcomePicker.Outcome undeliverable = new OutcomePicker.Outcome(MessageState.UNDELIVERABLE, 5);

        // Two pins, as if an intermediate notification were due too: each step releases one.
        StoredMessage quiet = put(table, 1, RegisteredDelivery.NONE, delivered, 2);
        int moved = quiet.finishDue(7_000_000);
        assertThat(moved & 0xF).isEqualTo(MessageState.ENROUTE.ordinal());
        assertThat(moved >>> 4 & 0xF).isEqualTo(MessageState.DELIVERED.ordinal());
        assertThat(moved & MessageRows.RECEIPT_DUE).as("none asked for").isZero();
        assertThat(quiet.state()).isEqualTo(MessageState.DELIVERED);
        assertThat(quiet.finishDue(8_000_000)).as("final already").isEqualTo(MessageRows.NOT_MOVED);

        // registered_delivery 2 asks for failures only.
        StoredMessage failuresOnly = put(table, 2, RegisteredDelivery.RECEIPT_ON_FAILURE, delivered, 1);
        assertThat(failuresOnly.finishDue(7_000_000) & MessageRows.RECEIPT_DUE).isZero();

        StoredMessage failed = put(table, 3, RegisteredDelivery.RECEIPT_ON_FAILURE, undeliverable, 1);
        int due = failed.finishDue(9_000_000);
        assertThat(due & MessageRows.RECEIPT_DUE).as("a failure receipt asked for").isNotZero();
        assertThat(due >>> 4 & 0xF).isEqualTo(MessageState.UNDELIVERABLE.ordinal());
        SimulatedMessage s = failed.snapshot();
        assertThat(s.state()).isEqualTo(MessageState.UNDELIVERABLE);
        assertThat(s.errorCode()).isEqualTo(5);
        assertThat(s.finalAt()).isEqualTo(StoredMessage.instant(9_000_000));

        StoredMessage cancelled = put(table, 4, RegisteredDelivery.RECEIPT, delivered, 1);
        assertThat(cancelled.finish(MessageState.DELETED, 0, 1)).isEqualTo(MessageState.ENROUTE);
        assertThat(cancelled.finishDue(9_000_000)).as("cancelled before it fell due").isEqualTo(MessageRows.NOT_MOVED);
        assertThat(cancelled.state()).isEqualTo(MessageState.DELETED);

        // Five pins; every step released its own (one that finds the message final too), except
        // the one with a receipt due, which leaves it to its caller.
        MessageRows rows = quiet.rows();
        rows.release();
        assertThatThrownBy(rows::release).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void passAfterPassTheSameFewBlocksAreReused() {
        MessageTable table = new MessageTable(MessageIdFormat.HEX, 3 * 4096);
        java.util.Set<MessageRows> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (long n = 1; n <= 20L * 3 * 4096; n++) {
            seen.add(put(table, MessageIdFormat.HEX, n).rows());
        }
        // Three in the table, and each replaced one kept until the next block is full: a handful, not 60.
        assertThat(seen).hasSizeLessThanOrEqualTo(8);
        assertThat(table.all()).hasSize(3 * 4096);
        long last = 20L * 3 * 4096;
        assertThat(table.get(MessageIdFormat.HEX.format(last - 3 * 4096 + 1, SALT)).shortMessage())
                .containsExactly((byte) (last - 3 * 4096 + 1), 2);
        assertThat(table.get(MessageIdFormat.HEX.format(last - 3 * 4096, SALT))).isNull();
    }

    @Test
    void concurrentWritersLoseNoneOfTheLatestMessages() throws Exception {
        MessageTable table = new MessageTable(MessageIdFormat.DECIMAL, 10_000);
        AtomicLong numbers = new AtomicLong(0x10000);
        int perThread = 50_000;
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            threads.add(new Thread(() -> {
                for (int i = 0; i < perThread; i++) {
                    put(table, MessageIdFormat.DECIMAL, numbers.incrementAndGet());
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        long last = numbers.get();
        for (long n = last - 9_999; n <= last; n++) {
            StoredMessage m = table.get(Long.toString(n));
            assertThat(m).as("message %d", n).isNotNull();
            assertThat(m.shortMessage()).containsExactly((byte) n, 2);
        }
        assertThat(table.all()).hasSize(10_000);
    }

    @Test
    void theGenerationByMultiplicationIsTheQuotientForEveryNumber() {
        java.util.Random random = new java.util.Random(42);
        for (int capacity : new int[] {1, 3, 7, 4096, 999_983, 1_000_000, Integer.MAX_VALUE}) {
            MessageTable table = new MessageTable(MessageIdFormat.HEX, capacity);
            List<Long> numbers = new ArrayList<>(List.of(0L, 1L, (1L << 52) - 1, 1L << 52, Long.MAX_VALUE));
            for (long k : new long[] {1, 2, 1000, 1L << 20, (1L << 52) / capacity}) {
                // Around the multiples, where an estimate a little low or high shows.
                for (long d = -2; d <= 2; d++) {
                    numbers.add(Math.max(0, k * capacity + d));
                }
            }
            for (int i = 0; i < 20_000; i++) {
                numbers.add(random.nextLong() >>> (1 + random.nextInt(40)));
            }
            for (long n : numbers) {
                assertThat(table.generationOf(n)).as("%d / %d", n, capacity).isEqualTo(n / capacity);
            }
        }
    }

    @Test
    void startsEmptyAndRejectsANonPositiveCapacity() {
        assertThat(new MessageTable(MessageIdFormat.HEX, 1_000_000).all()).isEmpty();
        assertThatThrownBy(() -> new MessageTable(MessageIdFormat.HEX, 0)).hasMessageContaining("capacity");
    }

    private static StoredMessage put(MessageTable table, long n, RegisteredDelivery rd, OutcomePicker.Outcome outcome,
                                     int pins) {
        return table.put(new StoredMessage.Origin("acme", "s1", MessageIdFormat.HEX, SALT), n, Address.international("254700000001"),
                List.of(Address.international("254700000002")), 0, false, new byte[] {1}, rd, MessageState.ENROUTE, n,
                outcome, pins);
    }

    private static StoredMessage put(MessageTable table, MessageIdFormat f, long n) {
        return put(table, f, n, 0);
    }

    private static StoredMessage put(MessageTable table, MessageIdFormat f, long n, int pins) {
        return table.put(new StoredMessage.Origin("acme", "s1", f, SALT), n, Address.international("254700000001"),
                List.of(Address.international("254700" + (n % 1_000_000))), 0, false, new byte[] {(byte) n, 2},
                RegisteredDelivery.NONE, MessageState.ENROUTE, n, new OutcomePicker.Outcome(MessageState.DELIVERED, 0), pins);
    }
}
