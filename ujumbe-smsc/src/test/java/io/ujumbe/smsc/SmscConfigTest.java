package io.ujumbe.smsc;

import io.ujumbe.pdu.BindType;
import io.ujumbe.pdu.CommandStatus;
import io.ujumbe.pdu.MessageState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SmscConfigTest {

    @Test
    void hasTheDocumentedDefaults() {
        SmscConfig c = SmscConfig.defaults();
        assertThat(c.host()).isEqualTo("127.0.0.1");
        assertThat(c.port()).isEqualTo(2775);
        assertThat(c.tlsPort()).isEqualTo(-1);
        assertThat(c.httpPort()).isEqualTo(-1);
        assertThat(c.accounts()).isEmpty();
        assertThat(c.messageIds()).isEqualTo(MessageIdFormat.HEX);
        assertThat(c.receiptIdFormat()).isEqualTo(MessageIdFormat.HEX);
        assertThat(c.receiptDelay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(c.receiptOutcomes()).isEqualTo(Map.of(MessageState.DELIVERED, 1.0));
        assertThat(c.faults().any()).isFalse();
        assertThat(c.recordLimit()).isEqualTo(100_000);
    }

    @Test
    void normalisesOutcomeWeights() {
        SmscConfig c = SmscConfig.builder().receiptOutcomes(Map.of(MessageState.DELIVERED, 90.0,
                MessageState.UNDELIVERABLE, 6.0, MessageState.EXPIRED, 4.0)).build();
        assertThat(c.receiptOutcomes().get(MessageState.DELIVERED)).isCloseTo(0.9, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(c.receiptOutcomes().values().stream().mapToDouble(Double::doubleValue).sum())
                .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void errorsNameTheSetting() {
        assertThatThrownBy(() -> SmscConfig.builder().port(70000)).hasMessageContaining("port");
        assertThatThrownBy(() -> SmscConfig.builder().httpPort(-2)).hasMessageContaining("httpPort");
        assertThatThrownBy(() -> SmscConfig.builder().receiptDelay(Duration.ofSeconds(-1))).hasMessageContaining("receiptDelay");
        assertThatThrownBy(() -> SmscConfig.builder().receiptOutcomes(Map.of(MessageState.ENROUTE, 1.0)))
                .hasMessageContaining("receiptOutcomes").hasMessageContaining("ENROUTE");
        assertThatThrownBy(() -> SmscConfig.builder().receiptOutcomes(Map.of(MessageState.DELIVERED, 0.0)))
                .hasMessageContaining("positive sum");
        assertThatThrownBy(() -> SmscConfig.builder().port(2775).httpPort(2775).build()).hasMessageContaining("httpPort");
        assertThatThrownBy(() -> SmscConfig.builder().account(SmscAccount.allowingAll("a", "b"))
                .account(SmscAccount.allowingAll("a", "c"))).hasMessageContaining("appears twice");
        assertThatThrownBy(() -> new SmscAccount("a", "toolongpassword", Set.of(BindType.RECEIVER)))
                .hasMessageContaining("account.password");
        assertThatThrownBy(() -> FaultConfig.builder().errorShare(1.5)).hasMessageContaining("faults.errorShare");
        assertThatThrownBy(() -> FaultConfig.builder().errorStatus(CommandStatus.ESME_ROK)).hasMessageContaining("faults.errorStatus");
        assertThatThrownBy(() -> FaultConfig.builder().dropShare(0.6).errorShare(0.6).build()).hasMessageContaining("must not exceed 1");
        assertThatThrownBy(() -> FaultConfig.builder().latency(Duration.ofMillis(5), Duration.ofMillis(1)))
                .hasMessageContaining("faults.latencyMax");
        assertThatThrownBy(() -> ReceiptRule.forRegex("(", MessageState.DELIVERED)).hasMessageContaining("receiptRule.regex");
        assertThatThrownBy(() -> ReceiptRule.forPrefix("1", MessageState.ENROUTE)).hasMessageContaining("receiptRule.state");
        assertThatThrownBy(() -> MessageIdFormat.parse("octal")).hasMessageContaining("messageIds");
        assertThatThrownBy(() -> SmscConfig.builder().recordLimit(-1)).hasMessageContaining("recordLimit");
        assertThatThrownBy(() -> SmscConfig.builder().recordLimit(10_000_001)).hasMessageContaining("recordLimit");
    }

    @Test
    void neverShowsPasswords() {
        SmscConfig c = SmscConfig.builder().account(SmscAccount.allowingAll("acme", "s3cr3t")).build();
        assertThat(c.toString()).contains("acme").doesNotContain("s3cr3t");
        assertThat(c.accounts().get(0).toString()).doesNotContain("s3cr3t");
    }

    @Test
    void toBuilderKeepsEveryValue() {
        SmscConfig c = SmscConfig.builder().port(0).httpPort(0).messageIds(MessageIdFormat.DECIMAL)
                .receiptRule(ReceiptRule.forPrefix("1", MessageState.REJECTED)).randomSeed(9)
                .faults(FaultConfig.builder().dropShare(0.1).build()).recordLimit(7).build();
        SmscConfig copy = c.toBuilder().build();
        assertThat(copy.toString()).isEqualTo(c.toString());
    }
}
