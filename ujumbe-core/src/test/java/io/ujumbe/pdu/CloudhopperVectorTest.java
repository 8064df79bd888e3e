package io.ujumbe.pdu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The PDUs cloudhopper-smpp wrote (vectors/cloudhopper-pdus.json) decode to the fields that
 * library read, and re-encode to the very same octets.
 */
class CloudhopperVectorTest {

    private static final HexFormat HEX = HexFormat.of();

    static Stream<Arguments> vectors() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode v : load()) {
            out.add(Arguments.of(v.get("name").asText(), v.get("hex").asText(), v.get("fields")));
        }
        return out.stream();
    }

    private static JsonNode load() throws IOException {
        try (InputStream in = CloudhopperVectorTest.class.getResourceAsStream("/vectors/cloudhopper-pdus.json")) {
            assertThat(in).as("vectors on the test classpath").isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void allThirtySevenVectorsArePresent() throws IOException {
        assertThat(load().size()).isEqualTo(37);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void decodesToTheFieldsAndReencodesToTheSameOctets(String name, String hex, JsonNode fields) {
        byte[] frame = HEX.parseHex(hex);
        Pdu pdu = PduCodec.DEFAULT.decode(frame);

        for (Map.Entry<String, JsonNode> e : fields.properties()) {
            check(pdu, e.getKey(), e.getValue(), frame.length);
        }

        assertThat(PduCodec.DEFAULT.encodedLength(pdu)).isEqualTo(frame.length);
        assertThat(HEX.formatHex(PduCodec.DEFAULT.encode(pdu))).isEqualTo(hex);
        assertThat(PduCodec.DEFAULT.decode(PduCodec.DEFAULT.encode(pdu))).isEqualTo(pdu);
    }

    private static void check(Pdu pdu, String key, JsonNode expected, int frameLength) {
        switch (key) {
            case "command":
                assertThat(pdu.commandId().smppName()).isEqualTo(expected.asText());
                break;
            case "command_id":
                assertThat(pdu.commandId().id()).isEqualTo(Integer.parseUnsignedInt(expected.asText().substring(2), 16));
                break;
            case "command_length":
                assertThat(frameLength).isEqualTo(expected.asInt());
                break;
            case "command_status":
                assertThat(pdu.commandStatus().code()).isEqualTo(expected.asInt());
                break;
            case "sequence":
                assertThat(pdu.sequenceNumber()).isEqualTo(expected.asInt());
                break;
            case "tlvs":
                checkTlvs(pdu.tlvs(), expected);
                break;
            case "system_id":
                assertThat(pdu instanceof Bind ? ((Bind) pdu).systemId() : ((BindResp) pdu).systemId())
                        .isEqualTo(expected.asText());
                break;
            case "password":
                assertThat(((Bind) pdu).password()).isEqualTo(expected.asText());
                break;
            case "system_type":
                assertThat(((Bind) pdu).systemType()).isEqualTo(expected.asText());
                break;
            case "interface_version":
                assertThat(((Bind) pdu).interfaceVersion()).isEqualTo(expected.asInt());
                break;
            case "addr_ton":
                assertThat(((Bind) pdu).addressRange().ton().value()).isEqualTo(expected.asInt());
                break;
            case "addr_npi":
                assertThat(((Bind) pdu).addressRange().npi().value()).isEqualTo(expected.asInt());
                break;
            case "address_range":
                assertThat(((Bind) pdu).addressRange().address()).isEqualTo(expected.asText());
                break;
            case "service_type":
                assertThat(serviceType(pdu)).isEqualTo(expected.asText());
                break;
            case "source":
                checkAddress(source(pdu), expected);
                break;
            case "dest":
                checkAddress(dest(pdu), expected);
                break;
            case "esme_addr":
                checkAddress(((AlertNotification) pdu).esmeAddress(), expected);
                break;
            case "esm_class":
                assertThat(pdu instanceof DataSm ? ((DataSm) pdu).esmClass().value() : sm(pdu).esmClass().value())
                        .isEqualTo(expected.asInt());
                break;
            case "protocol_id":
                assertThat(sm(pdu).protocolId()).isEqualTo(expected.asInt());
                break;
            case "priority_flag":
                assertThat(sm(pdu).priorityFlag()).isEqualTo(expected.asInt());
                break;
            case "schedule_delivery_time":
                assertThat(pdu instanceof ReplaceSm ? ((ReplaceSm) pdu).scheduleDeliveryTime()
                        : sm(pdu).scheduleDeliveryTime()).isEqualTo(expected.asText());
                break;
            case "validity_period":
                assertThat(pdu instanceof ReplaceSm ? ((ReplaceSm) pdu).validityPeriod()
                        : sm(pdu).validityPeriod()).isEqualTo(expected.asText());
                break;
            case "registered_delivery":
                assertThat(registeredDelivery(pdu).value()).isEqualTo(expected.asInt());
                break;
            case "replace_if_present_flag":
                assertThat(sm(pdu).replaceIfPresent()).isEqualTo(expected.asInt());
                break;
            case "data_coding":
                assertThat(pdu instanceof DataSm ? ((DataSm) pdu).dataCoding().value() : sm(pdu).dataCoding().value())
                        .isEqualTo(expected.asInt());
                break;
            case "sm_default_msg_id":
                assertThat(pdu instanceof ReplaceSm ? ((ReplaceSm) pdu).smDefaultMsgId() : sm(pdu).smDefaultMsgId())
                        .isEqualTo(expected.asInt());
                break;
            case "short_message":
                assertThat(HEX.formatHex(pdu instanceof ReplaceSm ? ((ReplaceSm) pdu).shortMessage()
                        : sm(pdu).shortMessage())).isEqualTo(expected.asText());
                break;
            case "message_id":
                assertThat(messageId(pdu)).isEqualTo(expected.asText());
                break;
            case "final_date":
                assertThat(((QuerySmResp) pdu).finalDate()).isEqualTo(expected.asText());
                break;
            case "message_state":
                assertThat(((QuerySmResp) pdu).messageState()).isEqualTo(expected.asInt());
                break;
            case "error_code":
                assertThat(((QuerySmResp) pdu).errorCode()).isEqualTo(expected.asInt());
                break;
            default:
                fail("vector field '" + key + "' is not checked by this test");
        }
    }

    private static void checkTlvs(Tlvs tlvs, JsonNode expected) {
        List<String> want = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : expected.properties()) {
            want.add(e.getKey().toLowerCase() + "=" + e.getValue().asText());
        }
        List<String> got = new ArrayList<>();
        for (Tlv t : tlvs) {
            got.add(String.format("0x%04x", t.tag()) + "=" + HEX.formatHex(t.value()));
        }
        assertThat(got).containsExactlyElementsOf(want);
    }

    private static void checkAddress(Address a, JsonNode expected) {
        assertThat(a.ton().value()).isEqualTo(expected.get("ton").asInt());
        assertThat(a.npi().value()).isEqualTo(expected.get("npi").asInt());
        assertThat(a.address()).isEqualTo(expected.get("addr").asText());
    }

    /** submit_sm and deliver_sm share a body; this views either through submit_sm's accessors. */
    private static SubmitSm sm(Pdu pdu) {
        if (pdu instanceof SubmitSm) {
            return (SubmitSm) pdu;
        }
        DeliverSm d = (DeliverSm) pdu;
        return new SubmitSm(d.sequenceNumber(), d.serviceType(), d.sourceAddress(), d.destinationAddress(),
                d.esmClass(), d.protocolId(), d.priorityFlag(), d.scheduleDeliveryTime(), d.validityPeriod(),
                d.registeredDelivery(), d.replaceIfPresent(), d.dataCoding(), d.smDefaultMsgId(), d.shortMessage(),
                d.tlvs());
    }

    private static String serviceType(Pdu pdu) {
        if (pdu instanceof DataSm) {
            return ((DataSm) pdu).serviceType();
        }
        if (pdu instanceof CancelSm) {
            return ((CancelSm) pdu).serviceType();
        }
        return sm(pdu).serviceType();
    }

    private static Address source(Pdu pdu) {
        if (pdu instanceof DataSm) {
            return ((DataSm) pdu).sourceAddress();
        }
        if (pdu instanceof QuerySm) {
            return ((QuerySm) pdu).sourceAddress();
        }
        if (pdu instanceof CancelSm) {
            return ((CancelSm) pdu).sourceAddress();
        }
        if (pdu instanceof ReplaceSm) {
            return ((ReplaceSm) pdu).sourceAddress();
        }
        if (pdu instanceof AlertNotification) {
            return ((AlertNotification) pdu).sourceAddress();
        }
        return sm(pdu).sourceAddress();
    }

    private static Address dest(Pdu pdu) {
        if (pdu instanceof DataSm) {
            return ((DataSm) pdu).destinationAddress();
        }
        if (pdu instanceof CancelSm) {
            return ((CancelSm) pdu).destinationAddress();
        }
        return sm(pdu).destinationAddress();
    }

    private static RegisteredDelivery registeredDelivery(Pdu pdu) {
        if (pdu instanceof DataSm) {
            return ((DataSm) pdu).registeredDelivery();
        }
        if (pdu instanceof ReplaceSm) {
            return ((ReplaceSm) pdu).registeredDelivery();
        }
        return sm(pdu).registeredDelivery();
    }

    private static String messageId(Pdu pdu) {
        if (pdu instanceof SubmitSmResp) {
            return ((SubmitSmResp) pdu).messageId();
        }
        if (pdu instanceof DeliverSmResp) {
            return ((DeliverSmResp) pdu).messageId();
        }
        if (pdu instanceof DataSmResp) {
            return ((DataSmResp) pdu).messageId();
        }
        if (pdu instanceof QuerySm) {
            return ((QuerySm) pdu).messageId();
        }
        if (pdu instanceof QuerySmResp) {
            return ((QuerySmResp) pdu).messageId();
        }
        if (pdu instanceof CancelSm) {
            return ((CancelSm) pdu).messageId();
        }
        return ((ReplaceSm) pdu).messageId();
    }
}
