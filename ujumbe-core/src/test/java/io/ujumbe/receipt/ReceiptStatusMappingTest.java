package io.ujumbe.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ujumbe.pdu.MessageState;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReceiptStatusMappingTest {

    private final ReceiptStatusMapping defaults = ReceiptStatusMapping.defaults();

    @ParameterizedTest
    @CsvSource({
        "DELIVRD, DELIVERED", "DELIVERED, DELIVERED",
        "ENROUTE, PENDING", "ACCEPTD, PENDING", "ACK, PENDING", "BUFFRED, PENDING", "SCHEDUL, PENDING",
        "UNDELIV, FAILED", "EXPIRED, FAILED", "DELETED, FAILED", "REJECTD, FAILED", "UNKNOWN, FAILED",
        "FAILED, FAILED", "NACK, FAILED",
        "delivrd, DELIVERED", "' Delivrd ', DELIVERED",
        "NACK/0x00000045/Message submit failed, FAILED", "ACK/Jasmin, PENDING"
    })
    void defaultMapping(String status, ReceiptOutcome expected) {
        assertThat(defaults.outcomeOf(status)).isEqualTo(expected);
    }

    @Test
    void unknownAbsentAndBlankStatusesTakeTheUnknownOutcome() {
        assertThat(defaults.unknownStatusOutcome()).isEqualTo(ReceiptOutcome.UNKNOWN);
        assertThat(defaults.lookup("SOMETHING")).isEmpty();
        assertThat(defaults.outcomeOf("SOMETHING")).isEqualTo(ReceiptOutcome.UNKNOWN);
        assertThat(defaults.outcomeOf((String) null)).isEqualTo(ReceiptOutcome.UNKNOWN);
        assertThat(defaults.outcomeOf("  ")).isEqualTo(ReceiptOutcome.UNKNOWN);
    }

    @Test
    void everyMessageStateHasADefaultOutcome() {
        for (MessageState state : MessageState.values()) {
            assertThat(defaults.lookup(state.receiptName())).as(state.name()).isPresent();
        }
        assertThat(defaults.outcomeOf(MessageState.DELIVERED)).isEqualTo(ReceiptOutcome.DELIVERED);
        assertThat(defaults.outcomeOf(MessageState.ACCEPTED)).isEqualTo(ReceiptOutcome.PENDING);
        assertThat(defaults.outcomeOf(MessageState.SKIPPED)).isEqualTo(ReceiptOutcome.FAILED);
    }

    @Test
    void customMappingOverridesAndChangesTheUnknownOutcome() {
        ReceiptStatusMapping custom = defaults.toBuilder()
                .map("success", ReceiptOutcome.DELIVERED)
                .map("UNKNOWN", ReceiptOutcome.PENDING)
                .unmap("ACK")
                .unknownStatusOutcome(ReceiptOutcome.PENDING)
                .build();

        assertThat(custom.outcomeOf("SUCCESS")).isEqualTo(ReceiptOutcome.DELIVERED);
        assertThat(custom.outcomeOf(MessageState.UNKNOWN)).isEqualTo(ReceiptOutcome.PENDING);
        assertThat(custom.lookup("ACK")).isEmpty();
        assertThat(custom.outcomeOf("whatever")).isEqualTo(ReceiptOutcome.PENDING);
        assertThat(defaults.outcomeOf("SUCCESS")).as("defaults unchanged").isEqualTo(ReceiptOutcome.UNKNOWN);
    }

    @Test
    void emptyBuilderMapsNothing() {
        ReceiptStatusMapping m = ReceiptStatusMapping.builder().mapAll(Map.of("OK", ReceiptOutcome.DELIVERED)).build();

        assertThat(m.asMap()).containsOnlyKeys("OK");
        assertThat(m.outcomeOf("DELIVRD")).isEqualTo(ReceiptOutcome.UNKNOWN);
        assertThat(m.outcomeOf(MessageState.DELIVERED)).isEqualTo(ReceiptOutcome.UNKNOWN);
    }

    @Test
    void blankStatusCannotBeMapped() {
        assertThatThrownBy(() -> ReceiptStatusMapping.builder().map(" ", ReceiptOutcome.DELIVERED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank");
    }

    @Test
    void valueSemantics() {
        assertThat(defaults.toBuilder().build()).isEqualTo(defaults).hasSameHashCodeAs(defaults);
        assertThat(defaults.toBuilder().unknownStatusOutcome(ReceiptOutcome.PENDING).build()).isNotEqualTo(defaults);
    }

    @Test
    void onlyPendingIsNotFinal() {
        assertThat(ReceiptOutcome.PENDING.isFinal()).isFalse();
        assertThat(ReceiptOutcome.DELIVERED.isFinal()).isTrue();
        assertThat(ReceiptOutcome.FAILED.isFinal()).isTrue();
    }
}
