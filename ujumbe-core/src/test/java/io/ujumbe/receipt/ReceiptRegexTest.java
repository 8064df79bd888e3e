package io.ujumbe.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** An SMSC's own receipt regex (vumi2's dr_processor_config.regex, written for Python) read before the standard rules. */
class ReceiptRegexTest {
    /** vumi2's default receipt regex, verbatim. */
    private static final String VUMI2 = "id:(?P<id>[^ ]{,65})(?: +sub:(?P<sub>[^ ]+))?(?: +dlvrd:(?P<dlvrd>[^ ]+))?"
            + "(?: +submit date:(?P<submit_date>\\d*))?(?: +done date:(?P<done_date>\\d*))? +stat:(?P<stat>[A-Z]{5,7})"
            + "(?: +err:(?P<err>[^ ]+))?(?: +[Tt]ext:(?P<text>.{,20}))?.*";

    @Test
    void vumi2sPythonRegexCompilesAndReadsEveryField() {
        Pattern p = DeliveryReceiptParser.compileRegex(VUMI2);
        DeliveryReceiptParser parser = new DeliveryReceiptParser(ReceiptStatusMapping.defaults(), p);
        DeliveryReceipt r = parser.parse("id:abc-1 sub:001 dlvrd:001 submit date:2401011200 done date:2401011201"
                + " stat:DELIVRD err:000 text:hello").orElseThrow();
        assertThat(r.messageId()).isEqualTo("abc-1");
        assertThat(r.submitted()).hasValue(1);
        assertThat(r.submitDateText()).isEqualTo("2401011200");
        assertThat(r.doneDateText()).isEqualTo("2401011201");
        assertThat(r.stat()).isEqualTo("DELIVRD");
        assertThat(r.err()).isEqualTo("000");
        assertThat(r.text()).isEqualTo("hello");
        assertThat(r.outcome()).isEqualTo(ReceiptOutcome.DELIVERED);
    }

    @Test
    void aVendorFormatTheStandardRulesMissIsReadAndTheMappingDecidesItsOutcome() {
        String vendor = "ref=77 state=OKAY";
        assertThat(DeliveryReceiptParser.standard().analyse(vendor, ReceiptTlvs.none(), false).isReceipt()).isFalse();
        DeliveryReceiptParser parser = new DeliveryReceiptParser(
                ReceiptStatusMapping.defaults().toBuilder().map("OKAY", ReceiptOutcome.DELIVERED).build(),
                DeliveryReceiptParser.compileRegex("^ref=(?<id>\\d+) state=(?<stat>\\w+)$"));
        DeliveryReceipt r = parser.analyse(vendor, ReceiptTlvs.none(), false).receipt().orElseThrow();
        assertThat(r.messageId()).isEqualTo("77");
        assertThat(r.outcome()).isEqualTo(ReceiptOutcome.DELIVERED);
        // Text the regex does not match still goes through the standard rules.
        assertThat(parser.parse("id:9 sub:001 dlvrd:001 stat:UNDELIV err:001").orElseThrow().outcome())
                .isEqualTo(ReceiptOutcome.FAILED);
    }

    @Test
    void aRegexThatDoesNotCompileSaysWhy() {
        assertThatThrownBy(() -> DeliveryReceiptParser.compileRegex("id:(?P<id>[^ ]+"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("receipt regex does not compile");
    }
}
