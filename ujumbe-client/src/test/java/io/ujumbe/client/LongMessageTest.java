package io.ujumbe.client;

import io.ujumbe.pdu.Address;
import io.ujumbe.pdu.CommandStatus;
import io.ujumbe.pdu.DataCoding;
import io.ujumbe.pdu.DeliverSm;
import io.ujumbe.pdu.EsmClass;
import io.ujumbe.pdu.PduResponse;
import io.ujumbe.pdu.SubmitSm;
import io.ujumbe.session.TestSmsc;
import io.ujumbe.text.InboundPart;
import io.ujumbe.text.MultipartMode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.ujumbe.client.ClientTestSupport.config;
import static io.ujumbe.client.ClientTestSupport.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Long messages in and out against a test SMSC on a loopback socket. */
class LongMessageTest {

    @Test
    void twoClientsSendingLongMessagesToOneHandsetUseDifferentReferences() throws Exception {
        try (TestSmsc smsc = TestSmsc.start()) {
            smsc.receipts = false;
            RecordingListener l = new RecordingListener();
            List<List<Integer>> perClient = new ArrayList<>();
            for (int c = 0; c < 2; c++) {
                int before = smsc.received().size();
                try (SmppClient client = SmppClient.create(config(smsc, l).multipartMode(MultipartMode.UDH_16BIT).build())) {
                    get(client.start());
                    for (int i = 0; i < 3; i++) {
                        assertThat(get(client.send(OutboundMessage.text("254700000077", "x".repeat(300)))).isAccepted())
                                .isTrue();
                    }
                }
                List<Integer> refs = new ArrayList<>();
                List<SubmitSm> mine = smsc.received().subList(before, smsc.received().size());
                for (SubmitSm s : mine) {
                    int ref = reference(s);
                    if (refs.isEmpty() || refs.get(refs.size() - 1) != ref) {
                        refs.add(ref);
                    }
                }
                perClient.add(refs);
            }
            // Each client counts on per destination; the two start apart (both started at 0 before).
            for (List<Integer> refs : perClient) {
                assertThat(refs).hasSize(3);
                assertThat(refs.get(1)).isEqualTo((refs.get(0) + 1) & 0xFFFF);
                assertThat(refs.get(2)).isEqualTo((refs.get(0) + 2) & 0xFFFF);
            }
            Set<Integer> all = new HashSet<>(perClient.get(0));
            all.addAll(perClient.get(1));
            assertThat(all).as("references of both clients to one handset").hasSize(6);
        }
    }

    @Test
    void listenerFailingOnTheLastPartKeepsTheEarlierPartsAndTheResentPartCompletesTheMessage() throws Exception {
        try (TestSmsc smsc = TestSmsc.start()) {
            RecordingListener l = new RecordingListener();
            try (SmppClient client = SmppClient.create(config(smsc, l).build())) {
                get(client.start());
                DeliverSm p1 = mo(new byte[]{5, 0, 3, 42, 3, 1}, "one ");
                DeliverSm p2 = mo(new byte[]{5, 0, 3, 42, 3, 2}, "two ");
                DeliverSm p3 = mo(new byte[]{5, 0, 3, 42, 3, 3}, "three");
                assertThat(get(smsc.deliver(p1)).commandStatus().isOk()).isTrue();
                assertThat(get(smsc.deliver(p2)).commandStatus().isOk()).isTrue();
                l.failInbound = true;
                PduResponse refused = get(smsc.deliver(p3));
                assertThat(refused.commandStatus()).isEqualTo(CommandStatus.ESME_RX_T_APPN);
                assertThat(l.inbound).isEmpty();
                // The SMSC resends only the last part; the first two were acknowledged long ago.
                l.failInbound = false;
                assertThat(get(smsc.deliver(p3)).commandStatus().isOk()).isTrue();
                assertThat(l.inbound).hasSize(1);
                assertThat(l.inbound.get(0).text()).isEqualTo("one two three");
                assertThat(l.inbound.get(0).parts()).isEqualTo(3);
                // Delivered once: the parts are gone, so a late copy of the last part completes nothing.
                assertThat(get(smsc.deliver(p3)).commandStatus().isOk()).isTrue();
                assertThat(l.inbound).hasSize(1);
            }
        }
    }

    @Test
    void receiptRegexStatusMappingAndDataCodingOverrideAreClientSettings() throws Exception {
        try (TestSmsc smsc = TestSmsc.start()) {
            smsc.receipts = false;
            RecordingListener l = new RecordingListener();
            ClientConfig cfg = config(smsc, l).receiptCorrelationWait(Duration.ZERO)
                    .receiptRegex(io.ujumbe.receipt.DeliveryReceiptParser.compileRegex(
                            "^ref=(?P<id>\\w+) state=(?P<stat>\\w+) code=(?P<err>\\d+)$"))
                    .receiptStatusMapping(java.util.Map.of("GOOD", io.ujumbe.receipt.ReceiptOutcome.DELIVERED))
                    .dataCodingOverride(0x00, StandardCharsets.ISO_8859_1)
                    .build();
            try (SmppClient client = SmppClient.create(cfg)) {
                get(client.start());
                // A vendor receipt the standard rules do not read (no id:/stat: keys, no receipt esm_class).
                DeliverSm vendor = DeliverSm.builder().sourceAddress(Address.international("254711000000"))
                        .destinationAddress(Address.of("1234")).esmClass(EsmClass.DEFAULT)
                        .dataCoding(DataCoding.of(0x03))
                        .shortMessage("ref=abc123 state=GOOD code=000".getBytes(StandardCharsets.US_ASCII)).build();
                assertThat(get(smsc.deliver(vendor)).commandStatus().isOk()).isTrue();
                await().atMost(Duration.ofSeconds(10)).until(() -> l.receipts.size() == 1);
                assertThat(l.receipts.get(0).receipt().messageId()).isEqualTo("abc123");
                assertThat(l.receipts.get(0).receipt().stat()).isEqualTo("GOOD");
                assertThat(l.receipts.get(0).receipt().outcome()).isEqualTo(io.ujumbe.receipt.ReceiptOutcome.DELIVERED);
                // data_coding 0 decoded as Latin-1, as this SMSC means it.
                DeliverSm latin = DeliverSm.builder().sourceAddress(Address.international("254711000000"))
                        .destinationAddress(Address.of("1234")).dataCoding(DataCoding.SMSC_DEFAULT)
                        .shortMessage("café".getBytes(StandardCharsets.ISO_8859_1)).build();
                assertThat(get(smsc.deliver(latin)).commandStatus().isOk()).isTrue();
                assertThat(l.inbound).hasSize(1);
                assertThat(l.inbound.get(0).text()).isEqualTo("café");
            }
            assertThat(cfg.charsets().forDataCoding(0).orElseThrow().name()).isEqualTo("ISO-8859-1");
        }
    }

    @Test
    void aLongIso2022JpTextReachesTheSmscInPartsThatEachDecodeOnTheirOwn() throws Exception {
        try (TestSmsc smsc = TestSmsc.start()) {
            smsc.receipts = false;
            RecordingListener l = new RecordingListener();
            String text = "日本語のテキスト、ASCII mixed 混在。".repeat(12);
            try (SmppClient client = SmppClient.create(config(smsc, l).build())) {
                get(client.start());
                MessageOutcome o = get(client.send(OutboundMessage.builder().to("254700000078").text(text)
                        .encoding(TextEncoding.ISO_2022_JP).build()));
                assertThat(o.isAccepted()).isTrue();
            }
            StringBuilder joined = new StringBuilder();
            for (SubmitSm s : smsc.received()) {
                assertThat(s.dataCoding().value()).isEqualTo(0x0A);
                byte[] sm = s.shortMessage();
                int header = 1 + (sm[0] & 0xFF);
                String piece = new String(sm, header, sm.length - header, java.nio.charset.Charset.forName("ISO-2022-JP"));
                assertThat(piece).doesNotContain("\ufffd");
                joined.append(piece);
            }
            assertThat(smsc.received()).hasSizeGreaterThan(1);
            assertThat(joined.toString()).isEqualTo(text);
        }
    }

    private static int reference(SubmitSm s) {
        InboundPart part = InboundPart.of("a", "b", s.dataCoding().value(), s.shortMessage(), s.esmClass().isUdhi());
        return part.concatenation().orElseThrow().reference();
    }

    static DeliverSm mo(byte[] udh, String text) {
        byte[] body = text.getBytes(StandardCharsets.US_ASCII);
        byte[] data = new byte[udh.length + body.length];
        System.arraycopy(udh, 0, data, 0, udh.length);
        System.arraycopy(body, 0, data, udh.length, body.length);
        return DeliverSm.builder().sourceAddress(Address.international("254711000000"))
                .destinationAddress(Address.of("1234")).esmClass(EsmClass.DEFAULT.withUdhi(true))
                .dataCoding(DataCoding.SMSC_DEFAULT).shortMessage(data).build();
    }
}
