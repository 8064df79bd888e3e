package io.ujumbe.client;

import io.ujumbe.pdu.Address;
import io.ujumbe.pdu.NumberingPlan;
import io.ujumbe.pdu.TypeOfNumber;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** A destination kept in one long comes back exactly as given; one that does not fit is kept as it is. */
class PackedAddressTest {

    @Test
    void digitsWithLeadingZerosAndEveryTonAndNpiRoundTrip() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            int n = 1 + random.nextInt(15);
            StringBuilder digits = new StringBuilder();
            for (int d = 0; d < n; d++) {
                digits.append((char) ('0' + random.nextInt(10)));
            }
            Address a = new Address(TypeOfNumber.of(random.nextInt(8)), NumberingPlan.of(random.nextInt(32)),
                    digits.toString());
            long packed = PackedAddress.pack(a);
            assertThat(packed).as(a.toString()).isNotEqualTo(PackedAddress.NONE);
            assertThat(PackedAddress.unpack(packed)).isEqualTo(a);
        }
        for (String edge : List.of("0", "000000000000000", "999999999999999", "007")) {
            Address a = Address.international(edge);
            assertThat(PackedAddress.unpack(PackedAddress.pack(a))).isEqualTo(a);
        }
        assertThat(PackedAddress.pack(Address.international("07")))
                .isNotEqualTo(PackedAddress.pack(Address.international("7")));
    }

    @Test
    void addressesThatDoNotFitAreNotPacked() {
        for (Address a : List.of(Address.EMPTY, Address.alphanumeric("ACME"), Address.international("1234567890123456"),
                Address.international("+254700000001"), Address.international("2547 0000"),
                new Address(TypeOfNumber.of(8), NumberingPlan.ISDN, "254700000001"),
                new Address(TypeOfNumber.INTERNATIONAL, NumberingPlan.of(32), "254700000001"),
                Address.international("２５４"))) {
            assertThat(PackedAddress.pack(a)).as(a.toString()).isEqualTo(PackedAddress.NONE);
        }
    }

    @Test
    void aMessageGivesBackItsDestinationPackedOrNot() {
        for (Address to : List.of(Address.international("254700000001"), Address.of("0700000001"),
                Address.alphanumeric("INFO"), Address.international("1234567890123456789"))) {
            OutboundMessage m = OutboundMessage.builder().correlationId("c").to(to).text("hi").build();
            assertThat(m.destination()).isEqualTo(to);
            assertThat(m.destination()).isSameAs(m.destination());
            OutboundMessage same = OutboundMessage.builder().correlationId("c").to(to).text("hi").build();
            assertThat(same).isEqualTo(m).hasSameHashCodeAs(m);
            assertThat(m.toBuilder().build()).isEqualTo(m);
            assertThat(m.toString()).contains(to.toString());
        }
        OutboundMessage a = OutboundMessage.builder().correlationId("c").to("254700000001").text("hi").build();
        assertThat(OutboundMessage.builder().correlationId("c").to("254700000002").text("hi").build()).isNotEqualTo(a);
        assertThat(OutboundMessage.builder().correlationId("c").to(Address.of("254700000001")).text("hi").build())
                .isNotEqualTo(a);
    }
}
