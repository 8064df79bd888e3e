package io.ujumbe.amqp;

import com.fasterxml.jackson.databind.JsonNode;
import io.ujumbe.pdu.Address;
import io.ujumbe.pdu.CommandStatus;
import io.ujumbe.pdu.DataCoding;
import io.ujumbe.pdu.DeliverSm;
import io.ujumbe.pdu.MessageState;
import io.ujumbe.pdu.SubmitSm;
import io.ujumbe.pdu.Tlv;
import io.ujumbe.pdu.TlvTag;
import io.ujumbe.session.SmppSession;
import io.ujumbe.smsc.FaultConfig;
import io.ujumbe.smsc.ReceiptRule;
import io.ujumbe.smsc.ReceivedSubmit;
import io.ujumbe.smsc.SmscConfig;
import io.ujumbe.smsc.SmscSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * vumi2's wire contract end to end through a real broker: a vumi application on the plain RabbitMQ
 * client publishes to {@code <name>.outbound} and reads {@code .event} and {@code .inbound}; the
 * transport talks to the SMSC simulator.
 */
class Vumi2TransportTest {
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static AmqpBroker broker;

    private SmscSimulator smsc;
    private final List<AutoCloseable> closing = new ArrayList<>();

    @BeforeAll
    static void startBroker() {
        broker = AmqpBroker.start();
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @AfterEach
    void tearDown() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
        if (smsc != null) {
            smsc.close();
        }
    }

    private SmscSimulator smsc(Consumer<SmscConfig.Builder> tweak) {
        SmscConfig.Builder b = SmscConfig.builder().port(0).receiptDelay(Duration.ofMillis(50));
        tweak.accept(b);
        smsc = SmscSimulator.start(b.build());
        return smsc;
    }

    private String name() {
        return "vt" + NAMES.incrementAndGet() + "x" + System.nanoTime() % 100000;
    }

    private Vumi2Transport transport(String name, Consumer<Vumi2TransportConfig.Builder> tweak) throws Exception {
        Vumi2Transport t = TransportMain.transport(broker.uri(), smsc.port(), name, tweak);
        closing.add(() -> t.stop(Duration.ofSeconds(5)).get(20, TimeUnit.SECONDS));
        t.start().get(30, TimeUnit.SECONDS);
        return t;
    }

    private VumiApp app(String name) throws Exception {
        VumiApp app = new VumiApp(broker, name);
        closing.add(app);
        return app;
    }

    @Test
    void outboundGetsAnAckWithTheSmscIdThenADeliveryReport() throws Exception {
        smsc(b -> { });
        String name = name();
        VumiApp app = app(name);
        transport(name, b -> { });
        String id = app.send("27820000001", "hello from vumi");

        await().atMost(Duration.ofSeconds(30)).until(() -> app.events(id, "delivery_report").size() == 1);
        JsonNode ack = app.events(id, "ack").get(0);
        ReceivedSubmit submit = smsc.record().submits().get(0);
        assertThat(submit.text()).isEqualTo("hello from vumi");
        assertThat(submit.destination()).isEqualTo("27820000001");
        assertThat(submit.source()).isEqualTo("12345");
        assertThat(ack.path("sent_message_id").asText()).isEqualTo(submit.messageId());
        assertThat(ack.path("message_type").asText()).isEqualTo("event");
        assertThat(ack.path("message_version").asText()).isEqualTo("20110921");
        assertThat(ack.path("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{6}");
        JsonNode dr = app.events(id, "delivery_report").get(0);
        assertThat(dr.path("delivery_status").asText()).isEqualTo("delivered");
        assertThat(dr.path("transport_metadata").path("smpp_delivery_status").asText()).isIn("DELIVRD", "DELIVERED");
        // ack before delivery_report, both on the event queue
        assertThat(app.events.indexOf(ack)).isLessThan(app.events.indexOf(dr));
        // Settled on the broker: nothing left to redeliver.
        await().atMost(Duration.ofSeconds(10)).until(() -> app.outboundReady() == 0);
    }

    @Test
    void statusMappingMapsReceiptsAndCanBeReplaced() throws Exception {
        smsc(b -> b.receiptRule(ReceiptRule.forPrefix("2782999", MessageState.EXPIRED))
                .receiptRule(ReceiptRule.forPrefix("2782888", MessageState.UNDELIVERABLE)));
        String name = name();
        VumiApp app = app(name);
        transport(name, b -> b.statusMapping(StatusMapping.of(Map.of("UNDELIV", DeliveryStatus.DELIVERED,
                "UNDELIVERABLE", DeliveryStatus.DELIVERED))));
        String expired = app.send("27829990001", "expire me");
        String undeliv = app.send("27828880001", "odd mapping");
        await().atMost(Duration.ofSeconds(30)).until(() -> app.events(expired, "delivery_report").size() == 1
                && app.events(undeliv, "delivery_report").size() == 1);
        // Replaced mapping: EXPIRED is no longer in it, so pending (vumi2's fallback).
        assertThat(app.events(expired, "delivery_report").get(0).path("delivery_status").asText()).isEqualTo("pending");
        assertThat(app.events(undeliv, "delivery_report").get(0).path("delivery_status").asText()).isEqualTo("delivered");
        assertThat(StatusMapping.vumi2Default().statusOf("EXPIRED")).isEqualTo(DeliveryStatus.FAILED);
    }

    @Test
    void anSmscRejectionIsANackAndTheMessageIsSettled() throws Exception {
        smsc(b -> b.faults(FaultConfig.builder().errorShare(1.0).errorStatus(CommandStatus.ESME_RINVDSTADR).build()));
        String name = name();
        VumiApp app = app(name);
        transport(name, b -> { });
        String id = app.send("27820000002", "bad destination");
        await().atMost(Duration.ofSeconds(30)).until(() -> app.events(id, "nack").size() == 1);
        assertThat(app.events(id, "nack").get(0).path("nack_reason").asText()).contains("ESME_RINVDSTADR");
        assertThat(app.events(id, "ack")).isEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> app.outboundReady() == 0);
    }

    @ParameterizedTest
    @EnumSource(MultipartHandling.class)
    void longOutboundInEachMultipartMode(MultipartHandling mode) throws Exception {
        smsc(b -> { });
        String name = name();
        VumiApp app = app(name);
        transport(name, b -> b.multipartHandling(mode));
        String text = "A long message for the multipart test. ".repeat(6).trim();
        String id = app.send("27820000003", text);
        if (mode == MultipartHandling.SHORT_MESSAGE) {
            // vumi2's short_message mode never splits: too long for one SMS, it is refused.
            await().atMost(Duration.ofSeconds(30)).until(() -> app.events(id, "nack").size() == 1);
            return;
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> app.events(id, "ack").size() == 1);
        List<ReceivedSubmit> submits = smsc.record().submits();
        if (mode == MultipartHandling.MESSAGE_PAYLOAD) {
            assertThat(submits).hasSize(1);
            assertThat(((SubmitSm) submits.get(0).pdu()).tlvs().messagePayload()).isPresent();
        } else {
            assertThat(submits).hasSizeGreaterThan(1);
            SubmitSm first = (SubmitSm) submits.get(0).pdu();
            if (mode == MultipartHandling.MULTIPART_SAR) {
                assertThat(first.tlvs().sarTotalSegments()).isPresent();
            } else {
                assertThat(first.esmClass().isUdhi()).isTrue();
            }
            assertThat(app.events(id, "ack").get(0).path("sent_message_id").asText())
                    .isEqualTo(submits.get(0).messageId());
        }
        if (mode == MultipartHandling.MESSAGE_PAYLOAD) {
            byte[] payload = ((SubmitSm) submits.get(0).pdu()).tlvs().messagePayload().orElseThrow();
            assertThat(io.ujumbe.text.GsmCharset.DEFAULT.decode(payload)).isEqualTo(text);
        } else {
            await().atMost(Duration.ofSeconds(10)).until(() -> smsc.record().joinedMessages().size() == 1);
            assertThat(smsc.record().joinedMessages().get(0).text()).isEqualTo(text);
        }
    }

    @Test
    void inboundSmsShortAndLongReachTheInboundQueue() throws Exception {
        smsc(b -> { });
        String name = name();
        VumiApp app = app(name);
        transport(name, b -> { });
        await().atMost(Duration.ofSeconds(20)).until(() -> smsc.stats().boundSessions() == 1);
        String longText = "This inbound message is longer than one SMS and comes in parts. ".repeat(4).trim();
        smsc.injectMo("27821111111", "5555", "short one").get(30, TimeUnit.SECONDS);
        smsc.injectMo("27821111112", "5555", longText).get(30, TimeUnit.SECONDS);
        // injectMo completes when the transport answered deliver_sm: by then the broker confirmed.
        assertThat(app.inbound).hasSizeGreaterThanOrEqualTo(0);
        await().atMost(Duration.ofSeconds(20)).until(() -> app.inbound.size() == 2);
        JsonNode first = app.inbound.get(0);
        assertThat(first.path("message_type").asText()).isEqualTo("user_message");
        assertThat(first.path("from_addr").asText()).isEqualTo("27821111111");
        assertThat(first.path("to_addr").asText()).isEqualTo("5555");
        assertThat(first.path("content").asText()).isEqualTo("short one");
        assertThat(first.path("transport_name").asText()).isEqualTo(name);
        assertThat(first.path("transport_type").asText()).isEqualTo("sms");
        assertThat(first.path("session_event").isNull()).isTrue();
        assertThat(first.path("message_id").asText()).matches("[0-9a-f]{32}");
        assertThat(app.inbound.get(1).path("content").asText()).isEqualTo(longText);
    }

    @Test
    void ussdSessionRoundTrip() throws Exception {
        smsc(b -> { });
        String name = name();
        VumiApp app = app(name);
        transport(name, b -> { });
        await().atMost(Duration.ofSeconds(20)).until(() -> smsc.stats().boundSessions() == 1);
        SmppSession session = smsc.sessions().get(0);

        // The subscriber dials *120#: a PSSR indication opens session 7.
        session.send(ussd("*120#", 0x01, 0x0700)).get(20, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(20)).until(() -> app.inbound.size() == 1);
        JsonNode start = app.inbound.get(0);
        assertThat(start.path("transport_type").asText()).isEqualTo("ussd");
        assertThat(start.path("session_event").asText()).isEqualTo("new");
        assertThat(start.path("content").asText()).isEqualTo("*120#");
        assertThat(start.path("transport_metadata").path("session_info").path("session_number").asInt()).isEqualTo(7);

        // The application answers as vumi2's Message.reply() does: resume, transport_metadata copied.
        UserMessage reply = UserMessage.builder().toAddr(start.path("from_addr").asText())
                .fromAddr(start.path("to_addr").asText()).transportName(name).transportType("ussd")
                .inReplyTo(start.path("message_id").asText()).sessionEvent(SessionEvent.RESUME).content("1. Balance")
                .transportMetadata(VumiApp.JSON.convertValue(start.path("transport_metadata"),
                        new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { })).build();
        app.send(reply);
        await().atMost(Duration.ofSeconds(20)).until(() -> smsc.record().submits().size() == 1);
        SubmitSm menu = (SubmitSm) smsc.record().submits().get(0).pdu();
        assertThat(menu.tlvs().get(TlvTag.USSD_SERVICE_OP).orElseThrow().longValue()).isEqualTo(0x02);
        assertThat(menu.tlvs().get(TlvTag.ITS_SESSION_INFO).orElseThrow().longValue()).isEqualTo(0x0700);

        // The subscriber picks 1 (USSR confirm): the session resumes.
        session.send(ussd("1", 0x12, 0x0702)).get(20, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(20)).until(() -> app.inbound.size() == 2);
        assertThat(app.inbound.get(1).path("session_event").asText()).isEqualTo("resume");

        // The application ends the session.
        app.send(reply.toBuilder().messageId(null).sessionEvent(SessionEvent.CLOSE).content("Balance: 10").build());
        await().atMost(Duration.ofSeconds(20)).until(() -> smsc.record().submits().size() == 2);
        SubmitSm end = (SubmitSm) smsc.record().submits().get(1).pdu();
        assertThat(end.tlvs().get(TlvTag.USSD_SERVICE_OP).orElseThrow().longValue()).isEqualTo(0x11);
        assertThat(end.tlvs().get(TlvTag.ITS_SESSION_INFO).orElseThrow().longValue() & 1).isEqualTo(1);

        // A network-side release (end-of-session bit) closes it.
        session.send(ussd("", 0x12, 0x0705)).get(20, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(20)).until(() -> app.inbound.size() == 3);
        assertThat(app.inbound.get(2).path("session_event").asText()).isEqualTo("close");
    }

    private static DeliverSm ussd(String text, int op, int sessionInfo) {
        return DeliverSm.builder().sourceAddress(Address.international("27823333333"))
                .destinationAddress(Address.of("*120#")).dataCoding(DataCoding.of(0))
                .shortMessage(text.getBytes(StandardCharsets.US_ASCII))
                .tlv(Tlv.ofInt8(TlvTag.USSD_SERVICE_OP.tag(), op))
                .tlv(Tlv.ofInt16(TlvTag.ITS_SESSION_INFO.tag(), sessionInfo)).build();
    }

    @Test
    void aMalformedOutboundBodyIsRejectedAndTheTransportGoesOn() throws Exception {
        smsc(b -> { });
        String name = name();
        VumiApp app = app(name);
        Vumi2Transport t = transport(name, b -> { });
        app.sendRaw("this is not json");
        app.sendRaw("{\"message_type\":\"user_message\",\"content\":\"no to_addr\"}");
        app.sendRaw("{\"to_addr\": 42}");
        String id = app.send("27820000004", "still working");
        await().atMost(Duration.ofSeconds(30)).until(() -> app.events(id, "ack").size() == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> t.outbox().rejectedCount() == 3);
        // Rejected without requeue: the queue is empty, nothing comes back.
        await().atMost(Duration.ofSeconds(10)).until(() -> app.outboundReady() == 0 && t.outbox().size() == 0);
        assertThat(smsc.record().submits()).hasSize(1);
    }

    @Test
    void twoTransportsCompeteOnOneQueueAndEachMessageGoesOnce() throws Exception {
        smsc(b -> { });
        String name = name();
        VumiApp app = app(name);
        Vumi2Transport a = transport(name, b -> b.prefetch(10));
        Vumi2Transport b2 = transport(name, b -> b.prefetch(10));
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            ids.add(app.send("2782000" + String.format("%04d", i), "competing " + i));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> app.events.stream()
                .filter(e -> e.path("event_type").asText().equals("ack")).count() >= 200);
        Set<String> acked = new HashSet<>();
        app.events.stream().filter(e -> e.path("event_type").asText().equals("ack"))
                .forEach(e -> acked.add(e.path("user_message_id").asText()));
        assertThat(acked).isEqualTo(ids);
        assertThat(a.eventSink().acksPublished()).isPositive();
        assertThat(b2.eventSink().acksPublished()).isPositive();
        assertThat(a.eventSink().acksPublished() + b2.eventSink().acksPublished()).isEqualTo(200);
        assertThat(smsc.record().submits()).hasSize(200);
    }

    @Test
    void stopDrainsWhatIsInFlightAndLeavesTheRestOnTheBroker() throws Exception {
        smsc(b -> b.faults(FaultConfig.builder().latency(Duration.ofMillis(300)).build()));
        String name = name();
        VumiApp app = app(name);
        Vumi2Transport t = TransportMain.transport(broker.uri(), smsc.port(), name, b -> b.prefetch(20));
        t.start().get(30, TimeUnit.SECONDS);
        List<String> ids = app.sendBatch(100, "27825", "drain");
        await().atMost(Duration.ofSeconds(30)).until(() -> smsc.stats().submits() >= 5);
        t.stop(Duration.ofSeconds(20)).get(40, TimeUnit.SECONDS);
        // Everything taken was finished and settled; nothing was lost: acked, or still on the queue.
        assertThat(t.outbox().size()).isZero();
        Set<String> acked = app.idsWith("ack");
        await().atMost(Duration.ofSeconds(10)).until(() -> app.outboundReady() + app.idsWith("ack").size() == 100);
        assertThat(acked).isNotEmpty().isSubsetOf(ids);
        assertThat(app.outboundReady()).isPositive();
        // A new transport takes the rest, under the same ids.
        smsc.close();
        smsc = null;
        smsc(b -> { });
        transport(name, b -> { });
        await().atMost(Duration.ofSeconds(60)).until(() -> app.idsWith("ack").containsAll(ids));
    }

    @Test
    void aVendorReceiptFormatIsReadWithTheConfiguredRegex() throws Exception {
        smsc(b -> { });
        String name = name();
        VumiApp app = app(name);
        transport(name, b -> b.registeredDelivery(io.ujumbe.pdu.RegisteredDelivery.NONE)
                .deliveryReportRegex("ref:(?P<id>[^ ]+) state:(?P<stat>[A-Z]+)(?: code:(?P<err>\\d+))?.*"));
        String id = app.send("27820000009", "vendor receipt");
        await().atMost(Duration.ofSeconds(30)).until(() -> app.events(id, "ack").size() == 1);
        String smscId = app.events(id, "ack").get(0).path("sent_message_id").asText();
        DeliverSm receipt = DeliverSm.builder().sourceAddress(Address.international("27820000009"))
                .destinationAddress(Address.of("12345")).dataCoding(DataCoding.of(0))
                .shortMessage(("ref:" + smscId + " state:REJECTD code:42").getBytes(StandardCharsets.US_ASCII)).build();
        smsc.sessions().get(0).send(receipt).get(20, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(20)).until(() -> app.events(id, "delivery_report").size() == 1);
        JsonNode dr = app.events(id, "delivery_report").get(0);
        assertThat(dr.path("delivery_status").asText()).isEqualTo("failed");
        assertThat(dr.path("transport_metadata").path("smpp_delivery_status").asText()).isEqualTo("REJECTD");
        assertThat(app.inbound).isEmpty();
    }

    @Test
    void dataCodingOverridesDecodeInboundText() throws Exception {
        smsc(b -> { });
        String name = name();
        VumiApp app = app(name);
        // An SMSC that sends Cyrillic under data_coding 3 (Latin-1): 0xE9 is "é" in Latin-1, "щ" in ISO-8859-5.
        transport(name, b -> b.dataCodingOverride(VumiDataCoding.LATIN_1, "iso8859_5"));
        await().atMost(Duration.ofSeconds(20)).until(() -> smsc.stats().boundSessions() == 1);
        DeliverSm mo = DeliverSm.builder().sourceAddress(Address.international("27824444444"))
                .destinationAddress(Address.of("5555")).dataCoding(DataCoding.of(0x03))
                .shortMessage(new byte[] {(byte) 0xE9, 'a'}).build();
        smsc.sessions().get(0).send(mo).get(20, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(20)).until(() -> app.inbound.size() == 1);
        assertThat(app.inbound.get(0).path("content").asText()).isEqualTo("\u0449a");
    }

    @Test
    void theJavaApiOffersThroughTheOutboundQueue() throws Exception {
        smsc(b -> { });
        String name = name();
        VumiApp app = app(name);
        Vumi2Transport t = transport(name, b -> { });
        io.ujumbe.client.OutboundMessage m = io.ujumbe.client.OutboundMessage.builder().correlationId("java-api-1")
                .to("27820000010").from("12345").text("offered in Java").build();
        t.outbox().offer(m).toCompletableFuture().get(20, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(30)).until(() -> app.events("java-api-1", "ack").size() == 1);
        assertThat(smsc.record().submits().get(0).text()).isEqualTo("offered in Java");
    }
}
