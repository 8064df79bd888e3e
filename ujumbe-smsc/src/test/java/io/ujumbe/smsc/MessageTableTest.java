package io.ujumbe.smsc;

import io.ujumbe.pdu.Address;
import io.ujumbe.pdu.MessageState;
import io.ujumbe.pdu.RegisteredDelivery;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
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
            StoredMessage m = message(f, 0xABCDEF);
            table.put(m);
            assertThat(table.get(m.messageId())).isSameAs(m);
            assertThat(table.get(" " + m.messageId().toLowerCase() + "\t")).isSameAs(m);
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
            table.put(message(MessageIdFormat.HEX, n));
        }
        assertThat(table.all()).hasSize(10_000);
        assertThat(table.get(MessageIdFormat.HEX.format(first + 14_999, SALT))).isNull();
        assertThat(table.get(MessageIdFormat.HEX.format(first + 15_000, SALT))).isNotNull();
        assertThat(table.get(MessageIdFormat.HEX.format(first + 24_999, SALT)).number).isEqualTo(first + 24_999);
        assertThat(table.all()).extracting(m -> m.number).allMatch(n -> n >= first + 15_000 && n < first + 25_000);
    }

    @Test
    void startsEmptyAndRejectsANonPositiveCapacity() {
        assertThat(new MessageTable(MessageIdFormat.HEX, 1_000_000).all()).isEmpty();
        assertThatThrownBy(() -> new MessageTable(MessageIdFormat.HEX, 0)).hasMessageContaining("capacity");
    }

    private static StoredMessage message(MessageIdFormat f, long n) {
        return new StoredMessage(new StoredMessage.Origin("acme", "s1", f, SALT), n, Address.international("254700000001"),
                List.of(Address.international("254700000002")), 0, false, new byte[] {1, 2}, RegisteredDelivery.NONE,
                MessageState.ENROUTE, 0L, new OutcomePicker.Outcome(MessageState.DELIVERED, 0));
    }
}
