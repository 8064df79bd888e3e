package io.ujumbe.pdu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * 100,000 random and mutated frames (fixed seed): decoding may only ever throw
 * {@link PduDecodeException}, and whatever decodes re-encodes, and decodes again to the same PDU.
 */
class PduMutationFuzzTest {

    private static final int ROUNDS = 100_000;
    private static final CommandId[] IDS = CommandId.values();

    private final Map<CommandStatus, Integer> rejected = new java.util.HashMap<>();
    private final Map<CommandId, Integer> accepted = new EnumMap<>(CommandId.class);

    @Test
    void onlyPduDecodeExceptionEscapesAndWhatDecodesReencodes() {
        Random r = new Random(0x5EED_CAFEL);
        PduCodec lenient = new PduCodec(CodecOptions.LENIENT);
        for (int i = 0; i < ROUNDS; i++) {
            byte[] frame = next(r, i);
            check(PduCodec.DEFAULT, frame, i);
            check(lenient, frame, i);
        }
        // The mutations must exercise both sides: many frames rejected for many reasons, many accepted.
        assertThat(rejected.keySet()).contains(CommandStatus.ESME_RINVCMDLEN, CommandStatus.ESME_RINVCMDID,
                CommandStatus.ESME_RINVMSGLEN, CommandStatus.ESME_RINVOPTPARSTREAM, CommandStatus.ESME_RINVPARLEN);
        assertThat(accepted.keySet()).hasSizeGreaterThan(IDS.length / 2);
        assertThat(accepted.values().stream().mapToInt(Integer::intValue).sum()).isGreaterThan(ROUNDS / 10);
    }

    private void check(PduCodec codec, byte[] frame, int round) {
        Pdu pdu;
        try {
            pdu = codec.decode(frame);
        } catch (PduDecodeException e) {
            assertThat(e.status()).isNotNull();
            assertThat(e.getMessage()).isNotBlank();
            rejected.merge(e.status(), 1, Integer::sum);
            return;
        } catch (RuntimeException e) {
            throw new AssertionError("round " + round + ": " + e + " escaped for frame "
                    + java.util.HexFormat.of().formatHex(frame), e);
        }
        accepted.merge(pdu.commandId(), 1, Integer::sum);
        byte[] again;
        try {
            again = codec.encode(pdu);
        } catch (RuntimeException e) {
            fail("round " + round + ": decoded " + pdu + " but re-encoding failed", e);
            return;
        }
        assertThat(again.length).isEqualTo(codec.encodedLength(pdu));
        assertThat(codec.decode(again)).as("round %d", round).isEqualTo(pdu);
    }

    private static byte[] next(Random r, int round) {
        if (round % 10 == 0) {
            return randomFrame(r);
        }
        Pdu pdu = RandomPdus.any(r);
        byte[] f = PduCodec.DEFAULT.encode(pdu);
        int mutations = 1 + r.nextInt(3);
        for (int m = 0; m < mutations; m++) {
            f = mutate(r, f, pdu);
        }
        return f;
    }

    /** A header with a valid length and a real or random command id, and a random body. */
    private static byte[] randomFrame(Random r) {
        byte[] body = new byte[r.nextInt(r.nextBoolean() ? 8 : 120)];
        r.nextBytes(body);
        int id = r.nextInt(8) == 0 ? r.nextInt() : IDS[r.nextInt(IDS.length)].id();
        return ByteBuffer.allocate(16 + body.length).putInt(16 + body.length).putInt(id).putInt(r.nextInt(3))
                .putInt(r.nextInt()).put(body).array();
    }

    private static byte[] mutate(Random r, byte[] f, Pdu pdu) {
        switch (r.nextInt(8)) {
            case 0: { // bit flips in the body
                int flips = 1 + r.nextInt(4);
                for (int i = 0; i < flips && f.length > 16; i++) {
                    int at = 16 + r.nextInt(f.length - 16);
                    f[at] ^= (byte) (1 << r.nextInt(8));
                }
                return f;
            }
            case 1: { // truncation, length fixed or not
                int n = r.nextInt(f.length + 1);
                byte[] cut = Arrays.copyOf(f, n);
                if (n >= 4 && r.nextInt(4) != 0) {
                    ByteBuffer.wrap(cut).putInt(0, n);
                }
                return cut;
            }
            case 2: { // command_length lies
                if (f.length >= 4) {
                    int lie = r.nextBoolean() ? f.length + r.nextInt(9) - 4 : r.nextInt();
                    ByteBuffer.wrap(f).putInt(0, lie);
                }
                return f;
            }
            case 3: { // TLV length lies
                // Only meaningful while the frame still has the layout the PDU was encoded with.
                int tlvStart = f.length - pdu.tlvs().encodedLength();
                if (pdu.tlvs().isEmpty() || f.length != PduCodec.DEFAULT.encodedLength(pdu)) {
                    return f;
                }
                int at = tlvStart;
                int skip = r.nextInt(pdu.tlvs().size());
                for (int i = 0; i < skip; i++) {
                    at += pdu.tlvs().at(i).encodedLength();
                }
                int lie = r.nextBoolean() ? pdu.tlvs().at(skip).length() + r.nextInt(7) - 3 : r.nextInt(0x10000);
                ByteBuffer.wrap(f).putShort(at + 2, (short) lie);
                return f;
            }
            case 4: { // random octet overwrites (NULs, sm_length, dest counts …), length kept
                int n = 1 + r.nextInt(3);
                for (int i = 0; i < n && f.length > 16; i++) {
                    int at = 16 + r.nextInt(f.length - 16);
                    f[at] = (byte) (r.nextInt(3) == 0 ? 0 : r.nextInt(3) == 0 ? 0xFF : r.nextInt(256));
                }
                return f;
            }
            case 5: { // insert or delete octets in the body and fix command_length
                if (f.length <= 16) {
                    return f;
                }
                int at = 16 + r.nextInt(f.length - 16 + 1);
                byte[] g;
                if (r.nextBoolean() || at == f.length) {
                    int n = 1 + r.nextInt(4);
                    g = new byte[f.length + n];
                    System.arraycopy(f, 0, g, 0, at);
                    for (int i = 0; i < n; i++) {
                        g[at + i] = (byte) r.nextInt(256);
                    }
                    System.arraycopy(f, at, g, at + n, f.length - at);
                } else {
                    int n = Math.min(1 + r.nextInt(4), f.length - at);
                    g = new byte[f.length - n];
                    System.arraycopy(f, 0, g, 0, at);
                    System.arraycopy(f, at + n, g, at, f.length - at - n);
                }
                ByteBuffer.wrap(g).putInt(0, g.length);
                return g;
            }
            case 6: { // another command id on the same body
                if (f.length >= 8) {
                    ByteBuffer.wrap(f).putInt(4, IDS[r.nextInt(IDS.length)].id());
                }
                return f;
            }
            default: { // append garbage that may look like a TLV
                int n = 1 + r.nextInt(8);
                byte[] g = Arrays.copyOf(f, f.length + n);
                for (int i = f.length; i < g.length; i++) {
                    g[i] = (byte) r.nextInt(r.nextBoolean() ? 4 : 256);
                }
                if (g.length >= 4) {
                    ByteBuffer.wrap(g).putInt(0, g.length);
                }
                return g;
            }
        }
    }
}
