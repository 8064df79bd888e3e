package io.ujumbe.pdu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** toString() is one readable line and never shows a password. */
class PduToStringTest {

    private static final String PASSWORD = "s3cr3tPw";

    @Test
    void bindMasksThePassword() {
        Bind bind = Bind.builder().type(BindType.TRANSMITTER).sequenceNumber(1).systemId("acme").password(PASSWORD)
                .build();
        assertThat(bind.toString())
                .isEqualTo("Bind{seq=1, type=TRANSMITTER, systemId=acme, password=***, version=0x34}")
                .doesNotContain(PASSWORD);
    }

    @Test
    void outbindMasksThePassword() {
        Outbind outbind = new Outbind(3, "SMSC", PASSWORD);
        assertThat(outbind.toString()).isEqualTo("Outbind{seq=3, systemId=SMSC, password=***}");
    }

    @Test
    void noTypeEverShowsAPasswordEvenWhenTheSameTextIsInOtherFieldsOfOtherPdus() {
        Random r = new Random(7);
        for (CommandId id : CommandId.values()) {
            for (int i = 0; i < 50; i++) {
                Pdu pdu = RandomPdus.of(id, r);
                if (pdu instanceof Bind) {
                    pdu = ((Bind) pdu).toBuilder().password(PASSWORD).build();
                } else if (pdu instanceof Outbind) {
                    Outbind o = (Outbind) pdu;
                    pdu = new Outbind(o.sequenceNumber(), o.systemId(), PASSWORD, o.tlvs());
                }
                String s = pdu.toString();
                assertThat(s).doesNotContain(PASSWORD).doesNotContain("\n");
                assertThat(s).startsWith(pdu.getClass().getSimpleName() + "{seq=" + pdu.sequenceNumber());
                // Decoded copies print the same.
                assertThat(PduCodec.DEFAULT.decode(PduCodec.DEFAULT.encode(pdu)).toString()).isEqualTo(s);
            }
        }
    }

    @Test
    void passwordsStayOutOfEncodeErrors() {
        PduEncodeException e = catchThrowableOfType(PduEncodeException.class,
                () -> Bind.builder().systemId("acme").password("muchTooLongSecret").build());
        assertThat(e.field()).isEqualTo("bind_transceiver.password");
        assertThat(e.getMessage()).doesNotContain("muchTooLongSecret").contains("at most 8 characters");
    }

    @Test
    void submitSmIsOneReadableLine() {
        SubmitSm sm = SubmitSm.builder().sequenceNumber(7).sourceAddress(Address.alphanumeric("Ujumbe"))
                .destinationAddress(Address.international("254700000001")).esmClass(EsmClass.DEFAULT.withUdhi(true))
                .shortMessage("Hello, world".getBytes(StandardCharsets.ISO_8859_1)).build();
        assertThat(sm.toString()).isEqualTo("SubmitSm{seq=7, source=5:0:Ujumbe, dest=1:1:254700000001, dc=0x00, "
                + "esm=0x40, sm=12 octets [48 65 6c 6c 6f 2c 20 77 6f 72 6c 64]}");

        SubmitSm longer = sm.toBuilder().shortMessage(new byte[40]).tlv(Tlv.sarMsgRefNum(0x1234)).build();
        assertThat(longer.toString()).contains("sm=40 octets [00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 …]")
                .endsWith(", tlvs=[sar_msg_ref_num(0x020c)=1234]}");
    }

    @Test
    void responsesShowStatusAndMessageId() {
        assertThat(new SubmitSmResp(CommandStatus.ESME_RTHROTTLED, 9, "").toString())
                .isEqualTo("SubmitSmResp{seq=9, status=ESME_RTHROTTLED, messageId=}");
        assertThat(new SubmitSmResp(CommandStatus.of(0x401), 9, "abc").toString())
                .isEqualTo("SubmitSmResp{seq=9, status=VENDOR_0x00000401(0x00000401), messageId=abc}");
        assertThat(new EnquireLink(4).toString()).isEqualTo("EnquireLink{seq=4}");
    }

    @Test
    void controlCharactersFromTheWireAreEscapedSoALogLineStaysOneLine() {
        BindResp resp = new BindResp(BindType.TRANSCEIVER, CommandStatus.ESME_ROK, 1, "SM\nSC\\");
        assertThat(resp.toString()).isEqualTo("BindResp{seq=1, status=ESME_ROK, type=TRANSCEIVER, systemId=SM\\x0aSC\\x5c}");
        assertThat(Address.of("12\r3").toString()).isEqualTo("0:0:12\\x0d3");
    }
}
