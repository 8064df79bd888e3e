package io.ujumbe.cli;

import io.ujumbe.amqp.DeliveryStatus;
import io.ujumbe.amqp.MultipartHandling;
import io.ujumbe.amqp.Vumi2TransportConfig;
import io.ujumbe.amqp.VumiDataCoding;
import io.ujumbe.client.ClientConfig;
import io.ujumbe.pdu.NumberingPlan;
import io.ujumbe.pdu.TypeOfNumber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading vumi2 SMPP transport config files for {@code ujumbe vumi2}, in process. */
class Vumi2ConfigTest {
    @TempDir
    Path dir;

    private Path write(String content) throws Exception {
        Path p = dir.resolve("smpp.yaml");
        Files.writeString(p, content);
        return p;
    }

    private ConfigException problems(String yaml) throws Exception {
        Path p = write(yaml);
        try {
            Vumi2Config.load(p, Map.of());
        } catch (ConfigException e) {
            return e;
        }
        throw new AssertionError("no problem reported");
    }

    @Test
    void anEmptyishFileHasVumi2sDefaults() throws Exception {
        Vumi2Config c = Vumi2Config.load(write("transport_name: smpp\n"), Map.of());
        Vumi2TransportConfig t = c.transport();
        assertThat(t.amqpHost()).isEqualTo("127.0.0.1");
        assertThat(t.amqpPort()).isEqualTo(5672);
        assertThat(t.amqpVhost()).isEqualTo("/");
        assertThat(t.outboundQueue()).isEqualTo("smpp.outbound");
        assertThat(t.dataCoding()).isEqualTo(VumiDataCoding.SMSC_DEFAULT_ALPHABET);
        assertThat(t.multipartHandling()).isEqualTo(MultipartHandling.SHORT_MESSAGE);
        assertThat(t.destNpi()).isEqualTo(NumberingPlan.ISDN);
        assertThat(t.registeredDelivery().value()).isZero();
        ClientConfig client = c.client().build();
        assertThat(client.host()).isEqualTo("localhost");
        assertThat(client.port()).isEqualTo(2775);
        assertThat(client.systemId()).isEqualTo("smppclient1");
        assertThat(client.password()).isEqualTo("password");
        assertThat(client.interfaceVersion()).isEqualTo(0x34);
        assertThat(client.session().enquireLinkInterval()).isEqualTo(Duration.ofSeconds(55));
        assertThat(c.httpPort()).isEqualTo(-1);
    }

    @Test
    void everyVumi2KeyIsRead() throws Exception {
        Vumi2Config c = Vumi2Config.load(write(String.join("\n",
                "amqp:",
                "  hostname: rabbit.internal",
                "  port: 5673",
                "  username: vumi",
                "  password: ${AMQP_PW}",
                "  vhost: /vumi",
                "worker_concurrency: 50",
                "http_bind: 0.0.0.0:8000",
                "log_level: WARNING",
                "transport_name: mno_smpp",
                "host: smsc.example.com",
                "port: 2776",
                "system_id: acme",
                "password: secret",
                "system_type: VMA",
                "interface_version: 34",
                "address_range: '^2782'",
                "smpp_enquire_link_interval: 20",
                "smpp_bind_timeout: 15",
                "sequencer_class: vumi2.transports.smpp.sequencers.InMemorySequencer",
                "submit_sm_processor_class: vumi2.transports.smpp.processors.SubmitShortMessageProcessor",
                "submit_sm_processor_config:",
                "  data_coding: UCS2",
                "  multipart_handling: multipart_sar",
                "  service_type: WAP",
                "  source_addr_ton: ALPHANUMERIC",
                "  source_addr_npi: UNKNOWN",
                "  dest_addr_ton: INTERNATIONAL",
                "  dest_addr_npi: ISDN",
                "  registered_delivery:",
                "    delivery_receipt: SMSC_DELIVERY_RECEIPT_REQUESTED",
                "    sme_originated_acks: [SME_DELIVERY_ACK_REQUESTED]",
                "    intermediate_notification: true",
                "  multipart_sar_reference_rollover: 256",
                "dr_processor_class: vumi2.transports.smpp.processors.DeliveryReportProcesser",
                "dr_processor_config:",
                "  regex: 'id:(?P<id>[^ ]{,65}) +stat:(?P<stat>[A-Z]{5,7}).*'",
                "  status_mapping: {DELIVRD: delivered, UNDELIV: failed}",
                "sm_processor_class: vumi2.transports.smpp.processors.ShortMessageProcessor",
                "sm_processor_config:",
                "  data_coding_overrides: {OCTET_UNSPECIFIED: ascii}",
                "smpp_cache_class: vumi2.transports.smpp.smpp_cache.InMemorySmppCache",
                "smpp_cache_config: {timeout: 3600}",
                "ujumbe:",
                "  ratePerSecond: 35",
                "  windowSize: 20",
                "  binds: 2",
                "  prefetch: 500",
                "  drainTimeout: 10s",
                "")), Map.of("AMQP_PW", "pw1"));
        Vumi2TransportConfig t = c.transport();
        assertThat(t.amqpHost()).isEqualTo("rabbit.internal");
        assertThat(t.amqpPort()).isEqualTo(5673);
        assertThat(t.amqpUsername()).isEqualTo("vumi");
        assertThat(t.amqpPassword()).isEqualTo("pw1");
        assertThat(t.amqpVhost()).isEqualTo("/vumi");
        assertThat(t.eventQueue()).isEqualTo("mno_smpp.event");
        assertThat(t.prefetch()).isEqualTo(500);
        assertThat(t.dataCoding()).isEqualTo(VumiDataCoding.UCS2);
        assertThat(t.multipartHandling()).isEqualTo(MultipartHandling.MULTIPART_SAR);
        assertThat(t.serviceType()).isEqualTo("WAP");
        assertThat(t.sourceTon()).isEqualTo(TypeOfNumber.ALPHANUMERIC);
        assertThat(t.destTon()).isEqualTo(TypeOfNumber.INTERNATIONAL);
        assertThat(t.registeredDelivery().value()).isEqualTo(0x01 | 0x04 | 0x10);
        assertThat(t.sarReferenceRollover()).isEqualTo(256);
        assertThat(t.statusMapping().statusOf("UNDELIV")).isEqualTo(DeliveryStatus.FAILED);
        assertThat(t.statusMapping().statusOf("EXPIRED")).isEqualTo(DeliveryStatus.PENDING);
        assertThat(t.dataCodingOverrides()).containsEntry(VumiDataCoding.OCTET_UNSPECIFIED, "ascii");
        assertThat(t.deliveryReportRegex().orElseThrow().matcher("id:77 stat:DELIVRD x").matches()).isTrue();
        ClientConfig client = c.client().build();
        assertThat(client.host()).isEqualTo("smsc.example.com");
        assertThat(client.systemType()).isEqualTo("VMA");
        assertThat(client.addressRange().address()).isEqualTo("^2782");
        assertThat(client.binds()).isEqualTo(2);
        assertThat(client.session().windowSize()).isEqualTo(20);
        assertThat(client.session().enquireLinkInterval()).isEqualTo(Duration.ofSeconds(20));
        assertThat(client.session().bindTimeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(c.httpHost()).isEqualTo("0.0.0.0");
        assertThat(c.httpPort()).isEqualTo(8000);
        assertThat(c.logLevel()).isEqualTo(Logging.Level.WARN);
        assertThat(c.drainTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.toString()).doesNotContain("pw1").doesNotContain("secret");
    }

    @Test
    void amqpUrlWinsOverTheAmqpSectionAndWorkerConcurrencyIsThePrefetch() throws Exception {
        Vumi2Config c = Vumi2Config.load(write("amqp_url: amqp://u:p@broker:5679/v1\nworker_concurrency: 7\n"), Map.of());
        assertThat(c.transport().amqpHost()).isEqualTo("broker");
        assertThat(c.transport().amqpPort()).isEqualTo(5679);
        assertThat(c.transport().amqpVhost()).isEqualTo("v1");
        assertThat(c.transport().prefetch()).isEqualTo(7);
    }

    @Test
    void unknownKeysAreNamedWithTheirPath() throws Exception {
        ConfigException e = problems(String.join("\n",
                "transport_nam: smpp",
                "amqp: {hostname: x, vhostt: /}",
                "submit_sm_processor_config:",
                "  multipart_handlin: multipart_udh",
                "  registered_delivery: {delivery_reciept: SMSC_DELIVERY_RECEIPT_REQUESTED}",
                "ujumbe: {windowsize: 5}",
                ""));
        assertThat(e.problems()).anyMatch(p -> p.startsWith("transport_nam is not a known setting"));
        assertThat(e.problems()).anyMatch(p -> p.startsWith("amqp.vhostt is not a known setting"));
        assertThat(e.problems()).anyMatch(p -> p.startsWith("submit_sm_processor_config.multipart_handlin is not a known setting"));
        assertThat(e.problems()).anyMatch(p -> p.startsWith(
                "submit_sm_processor_config.registered_delivery.delivery_reciept is not a known setting"));
        assertThat(e.problems()).anyMatch(p -> p.startsWith("ujumbe.windowsize is not a known setting"));
    }

    @Test
    void anotherClassNameSaysWhichUjumbeSettingDoesTheJob() throws Exception {
        ConfigException e = problems(String.join("\n",
                "sequencer_class: myapp.RedisSequencer",
                "smpp_cache_class: myapp.RedisSmppCache",
                "dr_processor_class: myapp.Processor",
                ""));
        assertThat(e.problems()).anyMatch(p -> p.startsWith("sequencer_class 'myapp.RedisSequencer' is not supported")
                && p.contains("ujumbe.redis.sequencer"));
        assertThat(e.problems()).anyMatch(p -> p.startsWith("smpp_cache_class") && p.contains("ujumbe.redis"));
        assertThat(e.problems()).anyMatch(p -> p.startsWith("dr_processor_class") && p.contains("dr_processor_config.regex"));
    }

    @Test
    void wrongValuesNameTheKey() throws Exception {
        ConfigException e = problems(String.join("\n",
                "submit_sm_processor_config:",
                "  data_coding: KLINGON",
                "  multipart_handling: split",
                "  dest_addr_ton: PLANET",
                "dr_processor_config:",
                "  status_mapping: {DELIVRD: yes}",
                "  regex: 'stat:(?P<stat>.*)'",
                "sm_processor_config:",
                "  data_coding_overrides: {NOPE: ascii, LATIN_1: no_such_codec}",
                "system_id: this-is-far-too-long",
                "http_bind: unix:/tmp/sock",
                "middlewares: [{class_path: vumi2.middlewares.logging.LoggingMiddleware}]",
                ""));
        assertThat(e.problems()).anyMatch(p -> p.startsWith("submit_sm_processor_config.data_coding must be one of"));
        assertThat(e.problems()).anyMatch(p -> p.startsWith("submit_sm_processor_config.multipart_handling must be"));
        assertThat(e.problems()).anyMatch(p -> p.startsWith("submit_sm_processor_config.dest_addr_ton must be one of"));
        assertThat(e.problems()).anyMatch(p -> p.startsWith("dr_processor_config.status_mapping.DELIVRD must be"));
        assertThat(e.problems()).anyMatch(p -> p.startsWith("dr_processor_config.regex") && p.contains("id"));
        assertThat(e.problems()).anyMatch(p -> p.startsWith("sm_processor_config.data_coding_overrides.NOPE"));
        assertThat(e.problems()).anyMatch(p -> p.startsWith("sm_processor_config.data_coding_overrides.LATIN_1"));
        assertThat(e.problems()).anyMatch(p -> p.startsWith("system_id must be at most 15"));
        assertThat(e.problems()).anyMatch(p -> p.startsWith("http_bind must be host:port"));
        assertThat(e.problems()).anyMatch(p -> p.startsWith("middlewares[0].class_path"));
    }
}
