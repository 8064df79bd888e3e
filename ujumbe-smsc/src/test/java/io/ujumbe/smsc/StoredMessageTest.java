package io.ujumbe.smsc;

import io.ujumbe.pdu.Address;
import io.ujumbe.pdu.MessageState;
import io.ujumbe.pdu.NumberingPlan;
import io.ujumbe.pdu.RegisteredDelivery;
import io.ujumbe.pdu.TypeOfNumber;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The compact form of a held message gives back every field as it was submitted. */
class StoredMessageTest {
    private static final StoredMessage.Origin ORIGIN = new StoredMessage.Origin("acme", "s7", MessageIdFormat.HEX, 1);
    private static final OutcomePicker.Outcome DELIVERED = new OutcomePicker.Outcome(MessageState.DELIVERED, 0);

    @Test
    void oneDestinationAndTheTextComeBackAsSubmitted() {
        Address to = new Address(TypeOfNumber.NATIONAL, NumberingPlan.of(8), "0700123456");
        byte[] text = "hello".getBytes(StandardCharsets.ISO_8859_1);
        StoredMessage m = message(List.of(to), text, false);
        text[0] = 'J';
        assertThat(m.firstDestination()).isEqualTo(to);
        assertThat(m.destinations()).containsExactly(to);
        assertThat(m.isFor("0700123456")).isTrue();
        assertThat(m.isFor("0700123457")).isFalse();
        assertThat(m.shortMessage()).asString(StandardCharsets.ISO_8859_1).as("copied on the way in").isEqualTo("hello");
        assertThat(m.textOctets()).asString(StandardCharsets.ISO_8859_1).isEqualTo("hello");
        assertThat(m.systemId()).isEqualTo("acme");
        assertThat(m.sessionId()).isEqualTo("s7");
        assertThat(m.messageId()).isEqualTo("10001");
        SimulatedMessage s = m.snapshot();
        assertThat(s.destination()).isEqualTo("0700123456");
        assertThat(s.shortMessage()).asString(StandardCharsets.ISO_8859_1).isEqualTo("hello");
    }

    @Test
    void aUserDataHeaderIsSkippedInTheTextOctetsOnly() {
        byte[] part = {5, 0, 3, 9, 2, 1, 'a', 'b'};
        StoredMessage m = message(List.of(Address.international("254700000001")), part, true);
        assertThat(m.shortMessage()).containsExactly(part);
        assertThat(m.textOctets()).containsExactly('a', 'b');
    }

    @Test
    void replaceChangesTheTextButNotTheDestination() {
        Address to = Address.international("254700000001");
        StoredMessage m = message(List.of(to), "first text".getBytes(StandardCharsets.ISO_8859_1), false);
        assertThat(m.replace("2nd".getBytes(StandardCharsets.ISO_8859_1), RegisteredDelivery.RECEIPT)).isTrue();
        assertThat(m.shortMessage()).asString(StandardCharsets.ISO_8859_1).isEqualTo("2nd");
        assertThat(m.firstDestination()).isEqualTo(to);
        assertThat(m.registeredDelivery()).isEqualTo(RegisteredDelivery.RECEIPT);
        m.finish(MessageState.DELIVERED, 0, StoredMessage.nowNanos());
        assertThat(m.replace(new byte[] {1}, RegisteredDelivery.NONE)).as("final").isFalse();
        assertThat(m.snapshot().finalAt()).isNotNull();
    }

    @Test
    void severalDestinationsOrOnesOutsideLatin1AreKeptAsAddresses() {
        List<Address> many = List.of(Address.international("254700000001"), Address.international("254700000002"));
        StoredMessage multi = message(many, new byte[] {'x'}, false);
        assertThat(multi.destinations()).isEqualTo(many);
        assertThat(multi.firstDestination()).isEqualTo(many.get(0));
        assertThat(multi.isFor("254700000002")).isTrue();
        assertThat(multi.shortMessage()).containsExactly('x');
        Address odd = Address.alphanumeric("Ω-sender");
        StoredMessage m = message(List.of(odd), new byte[0], false);
        assertThat(m.firstDestination()).isEqualTo(odd);
        assertThat(m.shortMessage()).isEmpty();
        assertThat(m.textOctets()).isEmpty();
    }

    private static StoredMessage message(List<Address> to, byte[] text, boolean udhi) {
        return new MessageTable(MessageIdFormat.HEX, 10).put(ORIGIN, 0x10001, Address.alphanumeric("ACME"), to, 0, udhi, text,
                RegisteredDelivery.NONE, MessageState.ENROUTE, StoredMessage.nowNanos(), DELIVERED, 0);
    }
}
