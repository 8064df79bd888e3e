package io.ujumbe.pdu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Malformed frames end in a {@link PduDecodeException} with the right status, field and message. */
class PduDecodeErrorTest {

    private static final PduCodec CODEC = PduCodec.DEFAULT;

    /** A frame with a correct command_length around these body parts. */
    static byte[] frame(int commandId, int status, int seq, Object... parts) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Object p : parts) {
            if (p instanceof String) {
                byte[] s = ((String) p).getBytes(StandardCharsets.ISO_8859_1);
                body.write(s, 0, s.length);
            } else if (p instanceof Integer) {
                body.write((Integer) p);
            } else {
                byte[] b = (byte[]) p;
                body.write(b, 0, b.length);
            }
        }
        byte[] b = body.toByteArray();
        return ByteBuffer.allocate(16 + b.length).putInt(16 + b.length).putInt(commandId).putInt(status)
                .putInt(seq).put(b).array();
    }

    /** The submit_sm body up to and including data coding and sm_default_msg_id, before sm_length. */
    static Object[] submitSmFixed(String source, String dest) {
        return new Object[] {"\0", 1, 1, source + "\0", 1, 1, dest + "\0", 0, 0, 0, "\0", "\0", 0, 0, 0, 0};
    }

    static Object[] concat(Object[] a, Object... b) {
        Object[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    static PduDecodeException decodeFails(byte[] frame) {
        return decodeFails(CODEC, frame);
    }

    static PduDecodeException decodeFails(PduCodec codec, byte[] frame) {
        PduDecodeException e = catchThrowableOfType(PduDecodeException.class, () -> codec.decode(frame));
        assertThat(e).as("decoding must fail").isNotNull();
        return e;
    }

    @Test
    void aValidFrameFromTheHelperDecodes() {
        byte[] f = frame(0x04, 0, 7, concat(submitSmFixed("Ujumbe", "254700000001"), 2, "hi"));
        SubmitSm sm = (SubmitSm) CODEC.decode(f);
        assertThat(sm.sourceAddress().address()).isEqualTo("Ujumbe");
        assertThat(sm.shortMessage()).containsExactly('h', 'i');
    }

    @Test
    void truncatedBodyIsACommandLengthError() {
        byte[] f = frame(0x04, 0, 7, "\0", 1, 1, "12345\0", 1, 1, "67890\0", 0);
        PduDecodeException e = decodeFails(f);
        assertThat(e.status()).isEqualTo(CommandStatus.ESME_RINVCMDLEN);
        assertThat(e.field()).isEqualTo("submit_sm.protocol_id");
        assertThat(e.sequenceNumber()).isEqualTo(7);
        assertThat(e.commandId()).contains(CommandId.SUBMIT_SM);
        assertThat(e.getMessage()).isEqualTo("submit_sm seq=7: body ends before protocol_id");
    }

    @Test
    void everyTruncationOfAValidSubmitSmFailsCleanly() {
        byte[] full = frame(0x04, 0, 9, concat(submitSmFixed("Ujumbe", "254700000001"), 2, "hi",
                new byte[] {0x02, 0x0c, 0, 2, 0x12, 0x34}));
        int withoutTlv = full.length - 6;
        for (int n = 17; n < full.length; n++) {
            byte[] cut = Arrays.copyOf(full, n);
            ByteBuffer.wrap(cut).putInt(0, n);
            if (n == withoutTlv) {
                assertThat(CODEC.decode(cut).tlvs().isEmpty()).as("cut right before the TLV is valid").isTrue();
                continue;
            }
            PduDecodeException e = decodeFails(cut);
            assertThat(e.status()).isIn(CommandStatus.ESME_RINVCMDLEN, CommandStatus.ESME_RINVMSGLEN,
                    CommandStatus.ESME_RINVOPTPARSTREAM);
            assertThat(e.sequenceNumber()).isEqualTo(9);
        }
    }

    @Test
    void commandLengthLargerThanTheFrame() {
        byte[] f = HexFormat.of().parseHex("0000001100000015000000000000000b");
        PduDecodeException e = decodeFails(f);
        assertThat(e.status()).isEqualTo(CommandStatus.ESME_RINVCMDLEN);
        assertThat(e.sequenceNumber()).isEqualTo(11);
        assertThat(e.commandId()).contains(CommandId.ENQUIRE_LINK);
        assertThat(e.getMessage()).contains("command_length 17").contains("16 octets");
    }

    @Test
    void commandLengthSmallerThanTheFrame() {
        byte[] f = HexFormat.of().parseHex("0000001000000015000000000000000b00");
        PduDecodeException e = decodeFails(f);
        assertThat(e.status()).isEqualTo(CommandStatus.ESME_RINVCMDLEN);
        assertThat(e.sequenceNumber()).isEqualTo(11);
    }

    @Test
    void missingNulTerminatorAtTheEndOfTheBody() {
        byte[] f = frame(0x80000002, 0, 1, "SMSC");
        PduDecodeException e = decodeFails(f);
        assertThat(e.status()).isEqualTo(CommandStatus.ESME_RINVCMDLEN);
        assertThat(e.field()).isEqualTo("bind_transmitter_resp.system_id");
        assertThat(e.getMessage()).contains("system_id has no NUL terminator before the end of the body");
    }

    @Test
    void overLongSourceAddress() {
        byte[] f = frame(0x04, 0, 7, concat(submitSmFixed("1234567890123456789012345", "1"), 0));
        PduDecodeException e = decodeFails(f);
        assertThat(e.status()).isEqualTo(CommandStatus.ESME_RINVSRCADR);
        assertThat(e.field()).isEqualTo("submit_sm.source_addr");
        assertThat(e.getMessage()).isEqualTo("submit_sm seq=7: source_addr has no NUL terminator within 21 octets");
    }

    @Test
    void overLongDestinationAddress() {
        byte[] f = frame(0x04, 0, 7, concat(submitSmFixed("1", "1234567890123456789012345"), 0));
        assertThat(decodeFails(f).status()).isEqualTo(CommandStatus.ESME_RINVDSTADR);
    }

    @Test
    void overLongBindFieldsGetTheirOwnStatusAndNeverShowThePassword() {
        byte[] longId = frame(0x09, 0, 1, "abcdefghijklmnopq\0", "pw\0", "\0", 0x34, 0, 0, "\0");
        assertThat(decodeFails(longId).status()).isEqualTo(CommandStatus.ESME_RINVSYSID);

        byte[] longPw = frame(0x09, 0, 1, "acme\0", "SuperSecret99\0", "\0", 0x34, 0, 0, "\0");
        PduDecodeException e = decodeFails(longPw);
        assertThat(e.status()).isEqualTo(CommandStatus.ESME_RINVPASWD);
        assertThat(e.getMessage()).doesNotContain("SuperSecret");

        byte[] longType = frame(0x09, 0, 1, "acme\0", "pw\0", "abcdefghijklmn\0", 0x34, 0, 0, "\0");
        assertThat(decodeFails(longType).status()).isEqualTo(CommandStatus.ESME_RINVSYSTYP);
    }

    @Test
    void overLongMessageIdServiceTypeAndBadTimes() {
        String id65 = "x".repeat(65);
        assertThat(decodeFails(frame(0x80000004, 0, 1, id65 + "\0")).status()).isEqualTo(CommandStatus.ESME_RINVMSGID);

        byte[] longService = frame(0x04, 0, 1, "CMTXYZ\0", 1, 1, "1\0", 1, 1, "2\0", 0, 0, 0, "\0", "\0", 0, 0, 0, 0, 0);
        assertThat(decodeFails(longService).status()).isEqualTo(CommandStatus.ESME_RINVSERTYP);

        byte[] badSchedule = frame(0x04, 0, 1, "\0", 1, 1, "1\0", 1, 1, "2\0", 0, 0, 0, "2501011200\0", "\0",
                0, 0, 0, 0, 0);
        PduDecodeException e = decodeFails(badSchedule);
        assertThat(e.status()).isEqualTo(CommandStatus.ESME_RINVSCHED);
        assertThat(e.getMessage()).contains("schedule_delivery_time must be empty or 16 characters, was 10");

        byte[] badValidity = frame(0x04, 0, 1, "\0", 1, 1, "1\0", 1, 1, "2\0", 0, 0, 0, "\0", "1\0", 0, 0, 0, 0, 0);
        assertThat(decodeFails(badValidity).status()).isEqualTo(CommandStatus.ESME_RINVEXPIRY);
    }

    @Test
    void tlvLengthPastTheEnd() {
        byte[] f = frame(0x04, 0, 3, concat(submitSmFixed("1", "2"), 0, new byte[] {0x04, 0x24, 0x00, 0x10, 1, 2}));
        PduDecodeException e = decodeFails(f);
        assertThat(e.status()).isEqualTo(CommandStatus.ESME_RINVOPTPARSTREAM);
        assertThat(e.field()).isEqualTo("submit_sm.message_payload");
        assertThat(e.getMessage()).contains("length 16 runs past the body (2 octets left)");
    }

    @Test
    void tlvHeaderCutInHalf() {
        byte[] f = frame(0x04, 0, 3, concat(submitSmFixed("1", "2"), 0, new byte[] {0x02, 0x0c}));
        PduDecodeException e = decodeFails(f);
        assertThat(e.status()).isEqualTo(CommandStatus.ESME_RINVCMDLEN);
        assertThat(e.getMessage()).contains("2 trailing octets are not a whole TLV");
    }

    @Test
    void knownTlvWithAWrongLengthIsStrictlyRejectedAndLenientlyKept() {
        byte[] f = frame(0x04, 0, 3, concat(submitSmFixed("1", "2"), 0, new byte[] {0x02, 0x0c, 0, 1, 0x12}));
        PduDecodeException e = decodeFails(f);
        assertThat(e.status()).isEqualTo(CommandStatus.ESME_RINVPARLEN);
        assertThat(e.field()).isEqualTo("submit_sm.sar_msg_ref_num");

        PduCodec lenient = new PduCodec(CodecOptions.LENIENT);
        SubmitSm sm = (SubmitSm) lenient.decode(f);
        assertThat(sm.tlvs().get(0x020c).orElseThrow().value()).containsExactly(0x12);
        assertThat(lenient.encode(sm)).isEqualTo(f);
    }

    @Test
    void smLengthPastTheBody() {
        byte[] f = frame(0x04, 0, 3, concat(submitSmFixed("1", "2"), 10, "short"));
        PduDecodeException e = decodeFails(f);
        assertThat(e.status()).isEqualTo(CommandStatus.ESME_RINVMSGLEN);
        assertThat(e.field()).isEqualTo("submit_sm.short_message");
    }

    @Test
    void smLengthOver254() {
        byte[] f = frame(0x04, 0, 3, concat(submitSmFixed("1", "2"), 255, new byte[255]));
        PduDecodeException e = decodeFails(f);
        assertThat(e.status()).isEqualTo(CommandStatus.ESME_RINVMSGLEN);
        assertThat(e.field()).isEqualTo("submit_sm.sm_length");
    }

    @Test
    void unknownCommandIdKeepsTheSequenceNumber() {
        byte[] f = frame(0x00000099, 0, 4242);
        PduDecodeException e = decodeFails(f);
        assertThat(e.status()).isEqualTo(CommandStatus.ESME_RINVCMDID);
        assertThat(e.sequenceNumber()).isEqualTo(4242);
        assertThat(e.commandIdValue()).isEqualTo(0x99);
        assertThat(e.commandId()).isEmpty();
        assertThat(e.getMessage()).contains("unknown command_id 0x00000099");
    }

    @Test
    void frameShorterThanTheHeader() {
        for (int n = 0; n < 16; n++) {
            PduDecodeException e = decodeFails(new byte[n]);
            assertThat(e.status()).isEqualTo(CommandStatus.ESME_RINVCMDLEN);
            assertThat(e.sequenceNumber()).isEqualTo(-1);
            assertThat(e.field()).isEqualTo("header");
        }
        PduDecodeException e = decodeFails(HexFormat.of().parseHex("0000001000000004"));
        assertThat(e.commandId()).contains(CommandId.SUBMIT_SM);
    }

    @ParameterizedTest
    @EnumSource(CommandId.class)
    void headerOnlyErrorResponsesDecodeForEveryResponseType(CommandId id) {
        if (!id.isResponse()) {
            return;
        }
        byte[] f = frame(id.id(), 0x58, 77);
        Pdu pdu = CODEC.decode(f);
        assertThat(pdu).isInstanceOf(PduResponse.class);
        assertThat(pdu.commandId()).isEqualTo(id);
        assertThat(pdu.commandStatus()).isEqualTo(CommandStatus.ESME_RTHROTTLED);
        assertThat(pdu.sequenceNumber()).isEqualTo(77);
        assertThat(pdu.tlvs()).isEqualTo(Tlvs.EMPTY);
        if (pdu instanceof SubmitSmResp) {
            assertThat(((SubmitSmResp) pdu).messageId()).isEmpty();
        }
        if (pdu instanceof BindResp) {
            assertThat(((BindResp) pdu).systemId()).isEmpty();
        }
        if (pdu instanceof QuerySmResp) {
            assertThat(((QuerySmResp) pdu).messageId()).isEmpty();
        }
        if (pdu instanceof SubmitMultiResp) {
            assertThat(((SubmitMultiResp) pdu).unsuccessSmes()).isEmpty();
        }
    }

    @Test
    void unknownStatusTonNpiAndDataCodingArePreserved() {
        byte[] resp = frame(0x80000004, 0x0000040F, 5, "id\0");
        SubmitSmResp r = (SubmitSmResp) CODEC.decode(resp);
        assertThat(r.commandStatus().code()).isEqualTo(0x40F);
        assertThat(r.commandStatus().isKnown()).isFalse();
        assertThat(CODEC.encode(r)).isEqualTo(resp);

        byte[] f = frame(0x04, 0, 3, "\0", 0x07, 0x55, "1\0", 0xAB, 0xFE, "2\0", 0, 0, 0, "\0", "\0", 0, 0, 0xC7, 0, 0);
        SubmitSm sm = (SubmitSm) CODEC.decode(f);
        assertThat(sm.sourceAddress().ton().value()).isEqualTo(7);
        assertThat(sm.sourceAddress().ton().isKnown()).isFalse();
        assertThat(sm.sourceAddress().npi().value()).isEqualTo(0x55);
        assertThat(sm.destinationAddress().ton().value()).isEqualTo(0xAB);
        assertThat(sm.destinationAddress().npi().value()).isEqualTo(0xFE);
        assertThat(sm.dataCoding().value()).isEqualTo(0xC7);
        assertThat(sm.dataCoding().isKnown()).isFalse();
        assertThat(CODEC.encode(sm)).isEqualTo(f);
    }

    @Test
    void kannelRegisteredDelivery0x11MeansReceiptAndIntermediate() {
        byte[] f = frame(0x04, 0, 3, "\0", 1, 1, "1\0", 1, 1, "2\0", 0, 0, 0, "\0", "\0", 0x11, 0, 0, 0, 0);
        RegisteredDelivery rd = ((SubmitSm) CODEC.decode(f)).registeredDelivery();
        assertThat(rd.value()).isEqualTo(0x11);
        assertThat(rd.requestsReceipt()).isTrue();
        assertThat(rd.receiptOnSuccess()).isTrue();
        assertThat(rd.receiptOnFailure()).isTrue();
        assertThat(rd.intermediate()).isTrue();
        assertThat(rd.smeDeliveryAck()).isFalse();
    }

    @Test
    void lenientCodecKeepsOverLongFieldsAndWritesThemBack() {
        byte[] f = frame(0x04, 0, 7, concat(submitSmFixed("1234567890123456789012345", "1"), 0));
        PduCodec lenient = new PduCodec(CodecOptions.LENIENT);
        SubmitSm sm = (SubmitSm) lenient.decode(f);
        assertThat(sm.sourceAddress().address()).hasSize(25);
        assertThat(lenient.encode(sm)).isEqualTo(f);
        assertThat(catchThrowableOfType(PduEncodeException.class, () -> CODEC.encode(sm)).field())
                .isEqualTo("submit_sm.source_addr");
    }

    @Test
    void lenientCodecStillRejectsBrokenFraming() {
        PduCodec lenient = new PduCodec(CodecOptions.LENIENT);
        assertThat(decodeFails(lenient, frame(0x80000002, 0, 1, "SMSC")).status())
                .isEqualTo(CommandStatus.ESME_RINVCMDLEN);
        assertThat(decodeFails(lenient, frame(0x04, 0, 3, concat(submitSmFixed("1", "2"), 10, "short"))).status())
                .isEqualTo(CommandStatus.ESME_RINVMSGLEN);
    }

    @Test
    void submitMultiWithABadDestFlagOrTooManyDestinations() {
        byte[] badFlag = frame(0x21, 0, 2, "\0", 1, 1, "1\0", 1, 3, 1, 1, "2\0");
        PduDecodeException e = decodeFails(badFlag);
        assertThat(e.status()).isEqualTo(CommandStatus.ESME_RINVDESTFLAG);
        assertThat(e.field()).isEqualTo("submit_multi.dest_flag");

        byte[] tooMany = frame(0x21, 0, 2, "\0", 1, 1, "1\0", 255);
        assertThat(decodeFails(tooMany).status()).isEqualTo(CommandStatus.ESME_RINVNUMDESTS);

        byte[] longDl = frame(0x21, 0, 2, "\0", 1, 1, "1\0", 1, 2, "x".repeat(25) + "\0");
        assertThat(decodeFails(longDl).status()).isEqualTo(CommandStatus.ESME_RINVDLNAME);
    }

    @Test
    void aRequestsCommandStatusIsIgnoredAsTheSpecificationRequiresNull() {
        Pdu pdu = CODEC.decode(frame(0x15, 0x58, 9));
        assertThat(pdu).isEqualTo(new EnquireLink(9));
        assertThat(pdu.commandStatus()).isEqualTo(CommandStatus.ESME_ROK);
    }

    @Test
    void decodeDoesNotRetainTheFrame() {
        byte[] f = frame(0x04, 0, 7, concat(submitSmFixed("Ujumbe", "254700000001"), 2, "hi",
                new byte[] {0x14, 0x01, 0, 1, 9}));
        SubmitSm sm = (SubmitSm) CODEC.decode(f);
        Arrays.fill(f, (byte) 0x55);
        assertThat(sm.shortMessage()).containsExactly('h', 'i');
        assertThat(sm.tlvs().get(0x1401).orElseThrow().value()).containsExactly(9);
    }
}
