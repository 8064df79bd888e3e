package io.ujumbe.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import io.ujumbe.pdu.MessageState;
import io.ujumbe.pdu.NetworkErrorCode;
import io.ujumbe.receipt.ReceiptParseResult.Rejection;
import java.time.LocalDateTime;
import java.util.OptionalInt;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeliveryReceiptParserTest {

    private final DeliveryReceiptParser parser = DeliveryReceiptParser.standard();

    private DeliveryReceipt receipt(String text) {
        ReceiptParseResult result = parser.analyse(text);
        assertThat(result.isReceipt()).as("parse of <%s>: %s", text, result).isTrue();
        return result.receipt().orElseThrow();
    }

    @Nested
    class TextForm {

        @Test
        void standardReceiptOfTheSpecification() {
            DeliveryReceipt r = receipt("id:1234567890 sub:001 dlvrd:001 submit date:2301151230 "
                    + "done date:2301151231 stat:DELIVRD err:000 Text:Hello world");

            assertThat(r.messageId()).isEqualTo("1234567890");
            assertThat(r.submitted()).hasValue(1);
            assertThat(r.delivered()).hasValue(1);
            assertThat(r.submitDateText()).isEqualTo("2301151230");
            assertThat(r.submitDate()).contains(LocalDateTime.of(2023, 1, 15, 12, 30));
            assertThat(r.doneDate()).contains(LocalDateTime.of(2023, 1, 15, 12, 31));
            assertThat(r.stat()).isEqualTo("DELIVRD");
            assertThat(r.messageState()).contains(MessageState.DELIVERED);
            assertThat(r.err()).isEqualTo("000");
            assertThat(r.text()).isEqualTo("Hello world");
            assertThat(r.networkErrorCode()).isEmpty();
            assertThat(r.alternateMessageId()).isEmpty();
            assertThat(r.outcome()).isEqualTo(ReceiptOutcome.DELIVERED);
        }

        @Test
        void missingFieldsAreEmptyNotInvented() {
            DeliveryReceipt r = receipt("id:77 stat:UNDELIV");

            assertThat(r.messageId()).isEqualTo("77");
            assertThat(r.submitted()).isEmpty();
            assertThat(r.delivered()).isEmpty();
            assertThat(r.submitDate()).isEmpty();
            assertThat(r.submitDateText()).isEmpty();
            assertThat(r.doneDate()).isEmpty();
            assertThat(r.err()).isEmpty();
            assertThat(r.text()).isEmpty();
            assertThat(r.outcome()).isEqualTo(ReceiptOutcome.FAILED);
            assertThat(r.messageState()).contains(MessageState.UNDELIVERABLE);
        }

        @Test
        void fieldsInAnyOrderKeysInAnyCaseAndExtraSpaces() {
            DeliveryReceipt r = receipt("  STAT:delivrd   ID : abc-123   DLVRD:1 Sub: 1 err:0   text:  hi there  ");

            assertThat(r.messageId()).isEqualTo("abc-123");
            assertThat(r.stat()).isEqualTo("delivrd");
            assertThat(r.messageState()).contains(MessageState.DELIVERED);
            assertThat(r.outcome()).isEqualTo(ReceiptOutcome.DELIVERED);
            assertThat(r.submitted()).hasValue(1);
            assertThat(r.delivered()).hasValue(1);
            assertThat(r.err()).isEqualTo("0");
            assertThat(r.text()).isEqualTo("hi there");
        }

        @Test
        void capitalTextKeyAndLowerCaseTextKeyGiveTheSameReceipt() {
            String base = "id:42 sub:001 dlvrd:001 submit date:2301151230 done date:2301151231 stat:DELIVRD err:000 ";

            DeliveryReceipt upper = receipt(base + "Text:Your code");
            DeliveryReceipt lower = receipt(base + "text:Your code");

            assertThat(upper.text()).isEqualTo("Your code");
            assertThat(lower).isEqualTo(upper);
        }

        @Test
        void errNullMeansNoError() {
            DeliveryReceipt r = receipt("id:42 sub:001 dlvrd:001 stat:DELIVRD err:null text:x");

            assertThat(r.err()).isEmpty();
            assertThat(r.outcome()).isEqualTo(ReceiptOutcome.DELIVERED);
        }

        @Test
        void emptyErrBeforeTheNextKeyIsEmpty() {
            DeliveryReceipt r = receipt("id:42 err: stat:EXPIRED");

            assertThat(r.err()).isEmpty();
            assertThat(r.stat()).isEqualTo("EXPIRED");
        }

        @Test
        void vendorStatusFailedIsAFailureWithoutAMessageState() {
            DeliveryReceipt r = receipt("id:42 sub:001 dlvrd:000 stat:FAILED err:034 text:x");

            assertThat(r.stat()).isEqualTo("FAILED");
            assertThat(r.messageState()).isEmpty();
            assertThat(r.outcome()).isEqualTo(ReceiptOutcome.FAILED);
        }

        @ParameterizedTest
        @ValueSource(strings = {"ACK", "ENROUTE", "ACCEPTD", "BUFFRED", "SCHEDUL"})
        void intermediateStatusesArePending(String stat) {
            assertThat(receipt("id:1 dlvrd:000 stat:" + stat).outcome()).isEqualTo(ReceiptOutcome.PENDING);
        }

        @Test
        void nackWithDetailsIsAFailure() {
            DeliveryReceipt r = receipt("id:1 sub:001 stat:NACK/0x0000000b/Invalid err:011");

            assertThat(r.stat()).isEqualTo("NACK/0x0000000b/Invalid");
            assertThat(r.outcome()).isEqualTo(ReceiptOutcome.FAILED);
        }

        @Test
        void statInsideTheTextIsNotAField() {
            DeliveryReceipt r = receipt("id:9 sub:001 dlvrd:000 submit date:2301151230 done date:2301151231 "
                    + "stat:UNDELIV err:001 Text:stat:DELIVRD id:666 err:000");

            assertThat(r.messageId()).isEqualTo("9");
            assertThat(r.stat()).isEqualTo("UNDELIV");
            assertThat(r.err()).isEqualTo("001");
            assertThat(r.outcome()).isEqualTo(ReceiptOutcome.FAILED);
            assertThat(r.text()).isEqualTo("stat:DELIVRD id:666 err:000");
        }

        @Test
        void wordsEndingInAKeyNameAreNotKeys() {
            // "status:" and "bid:" must not be read as stat: and id:
            DeliveryReceipt r = receipt("id:5 bid:7 status:DELIVRD stat:REJECTD");

            assertThat(r.messageId()).isEqualTo("5");
            assertThat(r.stat()).isEqualTo("REJECTD");
        }

        @Test
        void firstOccurrenceOfARepeatedKeyWins() {
            assertThat(receipt("id:1 stat:DELIVRD stat:UNDELIV").stat()).isEqualTo("DELIVRD");
        }

        @Test
        void underscoreAndRunTogetherDateKeys() {
            DeliveryReceipt underscore = receipt("id:1 submit_date:2301151230 done_date:2301151231 stat:DELIVRD");
            DeliveryReceipt together = receipt("id:1 submitdate:2301151230 donedate:2301151231 stat:DELIVRD");

            assertThat(underscore.submitDate()).contains(LocalDateTime.of(2023, 1, 15, 12, 30));
            assertThat(underscore.doneDate()).contains(LocalDateTime.of(2023, 1, 15, 12, 31));
            assertThat(together).isEqualTo(underscore);
        }

        @Test
        void datesWithAndWithoutSeconds() {
            DeliveryReceipt minutes = receipt("id:1 submit date:2301151230 done date:2301151231 stat:DELIVRD");
            DeliveryReceipt seconds = receipt("id:1 submit date:230115123005 done date:230115123159 stat:DELIVRD");

            assertThat(minutes.submitDate()).contains(LocalDateTime.of(2023, 1, 15, 12, 30, 0));
            assertThat(seconds.submitDate()).contains(LocalDateTime.of(2023, 1, 15, 12, 30, 5));
            assertThat(seconds.doneDate()).contains(LocalDateTime.of(2023, 1, 15, 12, 31, 59));
            assertThat(seconds.submitDateText()).isEqualTo("230115123005");
        }

        @Test
        void fourDigitYearsAndSeparatorsAreUnderstood() {
            DeliveryReceipt r = receipt("id:1 submit date:20230115123005 done date:2023-01-15 12:31:00 stat:DELIVRD");

            assertThat(r.submitDate()).contains(LocalDateTime.of(2023, 1, 15, 12, 30, 5));
            assertThat(r.doneDateText()).isEqualTo("2023-01-15 12:31:00");
            assertThat(r.doneDate()).contains(LocalDateTime.of(2023, 1, 15, 12, 31, 0));
        }

        @Test
        void impossibleDatesAreKeptAsTextOnly() {
            DeliveryReceipt r = receipt("id:1 submit date:2313451299 done date:0000000000 stat:DELIVRD");

            assertThat(r.submitDateText()).isEqualTo("2313451299");
            assertThat(r.submitDate()).isEmpty();
            assertThat(r.doneDateText()).isEqualTo("0000000000");
            assertThat(r.doneDate()).isEmpty();
        }

        @Test
        void nonNumericCountsAreAbsent() {
            DeliveryReceipt r = receipt("id:1 sub:ND dlvrd:-1 stat:DELIVRD");

            assertThat(r.submitted()).isEqualTo(OptionalInt.empty());
            assertThat(r.delivered()).isEqualTo(OptionalInt.empty());
        }

        @Test
        void trailingNulOfACOctetStringIsIgnored() {
            assertThat(receipt("id:1 stat:DELIVRD err:000\0").err()).isEqualTo("000");
        }

        @Test
        void unknownStatusTakesTheMappingsDefault() {
            assertThat(receipt("id:1 stat:WEIRD").outcome()).isEqualTo(ReceiptOutcome.UNKNOWN);

            DeliveryReceiptParser lenient = new DeliveryReceiptParser(ReceiptStatusMapping.defaults().toBuilder()
                    .unknownStatusOutcome(ReceiptOutcome.PENDING).map("WEIRD", ReceiptOutcome.DELIVERED).build());
            assertThat(lenient.parse("id:1 stat:WEIRD").orElseThrow().outcome()).isEqualTo(ReceiptOutcome.DELIVERED);
            assertThat(lenient.parse("id:1 stat:ODD").orElseThrow().outcome()).isEqualTo(ReceiptOutcome.PENDING);
        }

        @Test
        void missingStatTakesTheUnknownStatusOutcome() {
            DeliveryReceipt r = receipt("id:1 sub:001 dlvrd:001");

            assertThat(r.stat()).isEmpty();
            assertThat(r.messageState()).isEmpty();
            assertThat(r.outcome()).isEqualTo(ReceiptOutcome.UNKNOWN);
        }
    }

    @Nested
    class NotReceipts {

        @ParameterizedTest
        @ValueSource(strings = {"", "   ", "Hello, how are you?", "Meet me at 10:30 tomorrow",
                "Status: all good, thanks", "STOP", "My id: 12345", "text: stat:DELIVRD id:1 err:000"})
        void ordinaryMessagesAreNotReceipts(String mo) {
            ReceiptParseResult result = parser.analyse(mo);

            assertThat(result.receipt()).isEmpty();
            assertThat(result.rejection()).contains(Rejection.NOT_A_RECEIPT);
            assertThat(result.detail()).isNotBlank();
            assertThat(parser.parse(mo)).isEmpty();
        }

        @Test
        void nullTextWithoutTlvsIsNotAReceipt() {
            assertThat(parser.analyse(null, ReceiptTlvs.none()).rejection()).contains(Rejection.NOT_A_RECEIPT);
        }

        @Test
        void receiptWithoutAnIdIsRejectedWithTheReason() {
            ReceiptParseResult result = parser.analyse("sub:001 dlvrd:001 stat:DELIVRD err:000 text:x");

            assertThat(result.receipt()).isEmpty();
            assertThat(result.rejection()).contains(Rejection.MISSING_MESSAGE_ID);
            assertThat(result.detail()).contains("stat").contains("receipted_message_id");
        }

        @Test
        void emptyIdIsAMissingId() {
            assertThat(parser.analyse("id: sub:001 stat:DELIVRD").rejection()).contains(Rejection.MISSING_MESSAGE_ID);
        }

        @Test
        void unflaggedPduNeedsUnmistakableText() {
            // An MO that happens to mention two keys must stay an MO when esm_class says MO.
            assertThat(parser.analyse("id:5 sub:3 is my answer", ReceiptTlvs.none(), false).isReceipt()).isFalse();
            assertThat(parser.analyse("id:5 sub:3 is my answer", ReceiptTlvs.none(), true).isReceipt()).isTrue();
            // Some SMSCs send receipts with esm_class 0; a full receipt text is still recognised.
            assertThat(parser.analyse("id:5 sub:001 dlvrd:001 stat:DELIVRD err:000 text:x", ReceiptTlvs.none(), false)
                    .isReceipt()).isTrue();
        }

        @Test
        void receiptedMessageIdAloneInAnUnflaggedPduIsNotAReceipt() {
            // OpenMarket puts its MO ticket id in receipted_message_id of plain MO deliver_sm.
            ReceiptTlvs tlvs = ReceiptTlvs.none().withReceiptedMessageId("1618Z-0102G-2333M-25FJF");

            assertThat(parser.analyse("Help", tlvs, false).rejection()).contains(Rejection.NOT_A_RECEIPT);
            assertThat(parser.analyse("Help", tlvs.withMessageState(2), false).isReceipt()).isTrue();
        }
    }

    @Nested
    class TlvForm {

        @Test
        void tlvOnlyReceipt() {
            ReceiptTlvs tlvs = ReceiptTlvs.none().withReceiptedMessageId("0A1B2C").withMessageState(5)
                    .withNetworkErrorCode(new NetworkErrorCode(NetworkErrorCode.GSM, 0x0022));

            DeliveryReceipt r = parser.analyse(null, tlvs).receipt().orElseThrow();

            assertThat(r.messageId()).isEqualTo("0A1B2C");
            assertThat(r.messageState()).contains(MessageState.UNDELIVERABLE);
            assertThat(r.stat()).isEqualTo("UNDELIV");
            assertThat(r.outcome()).isEqualTo(ReceiptOutcome.FAILED);
            assertThat(r.networkErrorCode()).contains(new NetworkErrorCode(3, 34));
            assertThat(r.text()).isEmpty();
        }

        @Test
        void tlvIdAndStateArePreferredOverTheTextAndTheOtherTextFieldsAreKept() {
            ReceiptTlvs tlvs = ReceiptTlvs.none().withReceiptedMessageId("0A1B2C").withMessageState(2);

            DeliveryReceipt r = parser.analyse("id:662316 sub:001 dlvrd:000 submit date:2301151230 "
                    + "done date:2301151231 stat:UNDELIV err:069 text:hello", tlvs).receipt().orElseThrow();

            assertThat(r.messageId()).isEqualTo("0A1B2C");
            assertThat(r.alternateMessageId()).contains("662316");
            assertThat(r.messageState()).contains(MessageState.DELIVERED);
            assertThat(r.outcome()).isEqualTo(ReceiptOutcome.DELIVERED);
            assertThat(r.stat()).as("the text's word is kept as received").isEqualTo("UNDELIV");
            assertThat(r.submitted()).hasValue(1);
            assertThat(r.err()).isEqualTo("069");
            assertThat(r.doneDate()).contains(LocalDateTime.of(2023, 1, 15, 12, 31));
            assertThat(r.text()).isEqualTo("hello");
        }

        @Test
        void sameIdInTextAndTlvIsNoAlternate() {
            ReceiptTlvs tlvs = ReceiptTlvs.none().withReceiptedMessageId("77").withMessageState(2);

            assertThat(parser.parse("id:77 stat:DELIVRD", tlvs).orElseThrow().alternateMessageId()).isEmpty();
        }

        @Test
        void unassignedMessageStateFallsBackToTheText() {
            ReceiptTlvs tlvs = ReceiptTlvs.none().withReceiptedMessageId("77").withMessageState(200);

            DeliveryReceipt r = parser.parse("id:77 stat:DELIVRD", tlvs).orElseThrow();

            assertThat(r.messageState()).contains(MessageState.DELIVERED);
            assertThat(r.outcome()).isEqualTo(ReceiptOutcome.DELIVERED);
        }

        @Test
        void textIdIsUsedWhenOnlyTheStateTlvIsPresent() {
            DeliveryReceipt r = parser.parse("id:77 sub:001 stat:DELIVRD", ReceiptTlvs.none().withMessageState(3))
                    .orElseThrow();

            assertThat(r.messageId()).isEqualTo("77");
            assertThat(r.messageState()).contains(MessageState.EXPIRED);
            assertThat(r.outcome()).isEqualTo(ReceiptOutcome.FAILED);
        }

        @Test
        void stateTlvWithoutAnyIdIsAMissingId() {
            assertThat(parser.analyse("", ReceiptTlvs.none().withMessageState(2)).rejection())
                    .contains(Rejection.MISSING_MESSAGE_ID);
        }

        @Test
        void customMappingAppliesToTheTlvState() {
            DeliveryReceiptParser acceptedIsDelivered = new DeliveryReceiptParser(ReceiptStatusMapping.defaults()
                    .toBuilder().map("ACCEPTD", ReceiptOutcome.DELIVERED).build());
            ReceiptTlvs tlvs = ReceiptTlvs.none().withReceiptedMessageId("1").withMessageState(6);

            assertThat(parser.parse(null, tlvs).orElseThrow().outcome()).isEqualTo(ReceiptOutcome.PENDING);
            assertThat(acceptedIsDelivered.parse(null, tlvs).orElseThrow().outcome())
                    .isEqualTo(ReceiptOutcome.DELIVERED);
        }
    }

    /** Receipts as real SMSCs and gateways write them; each names where the sample comes from. */
    @Nested
    class FieldSamples {

        @Test
        void nexmoReceiptWithDecimalIdAndTextNone() {
            // As in Nexmo's help article "How to read a Nexmo SMPP Delivery Receipt".
            DeliveryReceipt r = receipt("id:0000000012345678 sub:001 dlvrd:001 submit date:1601010100 "
                    + "done date:1601010101 stat:DELIVRD err:000 text:none");

            assertThat(r.messageId()).isEqualTo("0000000012345678");
            assertThat(r.doneDate()).contains(LocalDateTime.of(2016, 1, 1, 1, 1));
            assertThat(r.text()).isEqualTo("none");
            assertThat(r.outcome()).isEqualTo(ReceiptOutcome.DELIVERED);
        }

        @Test
        void twentyDigitIdWithSecondsInDates() {
            // As in smppcenter.com's "How to read SMPP delivery receipt".
            DeliveryReceipt r = receipt("id:64567564356765435676 sub:001 dlvrd:001 submit date:190608165232 "
                    + "done date:190608165237 stat:DELIVRD err:000 text:Hello World");

            assertThat(r.messageId()).isEqualTo("64567564356765435676");
            assertThat(r.submitDate()).contains(LocalDateTime.of(2019, 6, 8, 16, 52, 32));
            assertThat(r.doneDate()).contains(LocalDateTime.of(2019, 6, 8, 16, 52, 37));
            assertThat(r.text()).isEqualTo("Hello World");
        }

        @Test
        void jasminReceiptWithUuidAndNoCountsOrText() {
            // As Jasmin's SMPP server emits (jasmin/protocols/smpp/operations.py, getReceipt):
            // "id:%s submit date:%s done date:%s stat:%s err:%s", plus receipted_message_id and
            // message_state TLVs carrying the same id and state.
            String text = "id:16fd2706-8baf-433b-82eb-8c7fada847da submit date:2301151230 done date:2301151231 "
                    + "stat:DELIVRD err:000";
            ReceiptTlvs tlvs = ReceiptTlvs.none().withReceiptedMessageId("16fd2706-8baf-433b-82eb-8c7fada847da")
                    .withMessageState(MessageState.DELIVERED.value());

            DeliveryReceipt fromText = receipt(text);
            DeliveryReceipt fromPdu = parser.parse(text, tlvs).orElseThrow();

            assertThat(fromText.messageId()).isEqualTo("16fd2706-8baf-433b-82eb-8c7fada847da");
            assertThat(fromText.submitted()).isEmpty();
            assertThat(fromText.outcome()).isEqualTo(ReceiptOutcome.DELIVERED);
            assertThat(fromPdu).isEqualTo(fromText);
        }

        @Test
        void openMarketRejectionWithRunTogetherKeysAndZeroDoneDate() {
            // As in OpenMarket's SMPP docs, "Delivery receipt for a failed delivery MT" (hex decoded).
            DeliveryReceipt r = receipt("id:0118Z-0122I-2309U-57DGB sub:000 dlvrd:000 submitdate:180122230957 "
                    + "donedate:000000000000 stat:REJECTD err:375 text:");

            assertThat(r.messageId()).isEqualTo("0118Z-0122I-2309U-57DGB");
            assertThat(r.submitDate()).contains(LocalDateTime.of(2018, 1, 22, 23, 9, 57));
            assertThat(r.doneDateText()).isEqualTo("000000000000");
            assertThat(r.doneDate()).isEmpty();
            assertThat(r.messageState()).contains(MessageState.REJECTED);
            assertThat(r.err()).isEqualTo("375");
            assertThat(r.text()).isEmpty();
            assertThat(r.outcome()).isEqualTo(ReceiptOutcome.FAILED);
        }

        @Test
        void kannelStyleReceiptFromKsmppd() {
            // As Kannel's ksmppd builds receipts for its ESMEs:
            // "id:%S sub:001 dlvrd:%S submit date:%s done date:%s stat:%S err:%s text:%S".
            DeliveryReceipt r = receipt("id:8c3bd3a2-4f1e-4c59-9f7e-1f0d1a2b3c4d sub:001 dlvrd:000 "
                    + "submit date:1908081530 done date:1908081531 stat:UNDELIV err:001 text:Ihr Code lautet 4");

            assertThat(r.outcome()).isEqualTo(ReceiptOutcome.FAILED);
            assertThat(r.delivered()).hasValue(0);
            assertThat(r.text()).isEqualTo("Ihr Code lautet 4");
        }

        @Test
        void operatorUndeliverableWithErrorCodeAndDashText() {
            // As reported on e-com-net.com ("In my test, I got following Delivery receipt from SMSC").
            DeliveryReceipt r = receipt("id:0911897980 sub:001 dlvrd:000 submit date:1201121551 "
                    + "done date:1201121551 stat:UNDELIV err:075 text:-PROFILE");

            assertThat(r.err()).isEqualTo("075");
            assertThat(r.text()).isEqualTo("-PROFILE");
            assertThat(r.outcome()).isEqualTo(ReceiptOutcome.FAILED);
        }

        @Test
        void specificationTemplateWrappedOverTwoLines() {
            // SMPP 3.4 Appendix B as often copied (e.g. cardboardfish's support page), with the line
            // break inside "done date" and the capital "Text:".
            DeliveryReceipt r = receipt("id:2A3B sub:001 dlvrd:001 submit date:0905201200 done\n"
                    + "date:0905201201 stat:DELIVRD err:0 Text: . . . . . . . . .");

            assertThat(r.messageId()).isEqualTo("2A3B");
            assertThat(r.doneDate()).contains(LocalDateTime.of(2009, 5, 20, 12, 1));
            assertThat(r.text()).isEqualTo(". . . . . . . . .");
        }

        @Test
        void smppsimStyleReceiptWithCapitalText() {
            // SMPPSim (Selenium Software) style: decimal ids, capital "Text:" with the original text.
            DeliveryReceipt r = receipt("id:3 sub:001 dlvrd:001 submit date:0908311556 done date:0908311556 "
                    + "stat:DELIVRD err:000 Text:Hello from SMPPSim");

            assertThat(r.messageId()).isEqualTo("3");
            assertThat(r.text()).isEqualTo("Hello from SMPPSim");
        }
    }
}
