package io.ujumbe.pdu;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Addresses are values: equal exactly when TON, NPI and text are, whatever instances hold them. */
class AddressTest {

    @Test
    void equalWhenEveryComponentIsAndOnlyThen() {
        Address a = new Address(TypeOfNumber.INTERNATIONAL, NumberingPlan.ISDN, new String("254700000001"));
        Address same = Address.international("254700000001");
        assertThat(a).isEqualTo(same).hasSameHashCodeAs(same);
        assertThat(a).isNotEqualTo(Address.international("254700000002"))
                .isNotEqualTo(new Address(TypeOfNumber.NATIONAL, NumberingPlan.ISDN, "254700000001"))
                .isNotEqualTo(new Address(TypeOfNumber.INTERNATIONAL, NumberingPlan.UNKNOWN, "254700000001"))
                .isNotEqualTo(null)
                .isNotEqualTo("1:1:254700000001");
        // Unnamed TON/NPI values compare by value too.
        assertThat(new Address(TypeOfNumber.of(0x0F), NumberingPlan.of(0x0F), "x"))
                .isEqualTo(new Address(TypeOfNumber.of(0x0F), NumberingPlan.of(0x0F), "x"));
    }

    @Test
    void everyComponentIsRequired() {
        assertThatThrownBy(() -> new Address(null, NumberingPlan.ISDN, "1")).hasMessage("ton");
        assertThatThrownBy(() -> new Address(TypeOfNumber.UNKNOWN, null, "1")).hasMessage("npi");
        assertThatThrownBy(() -> new Address(TypeOfNumber.UNKNOWN, NumberingPlan.ISDN, null)).hasMessage("address");
    }
}
