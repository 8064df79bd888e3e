package io.ujumbe.pdu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.EnumSet;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Every PDU type, with random fields and TLVs, survives encode then decode unchanged. */
class PduRoundTripProperties {

    @Provide
    Arbitrary<Pdu> pdus() {
        return Arbitraries.randomValue(RandomPdus::any);
    }

    @Property(tries = 3000)
    void encodeThenDecodeGivesAnEqualPdu(@ForAll("pdus") Pdu pdu) {
        byte[] frame = PduCodec.DEFAULT.encode(pdu);

        assertThat(frame).hasSize(PduCodec.DEFAULT.encodedLength(pdu));
        Pdu decoded = PduCodec.DEFAULT.decode(frame);
        assertThat(decoded).isEqualTo(pdu);
        assertThat(decoded.hashCode()).isEqualTo(pdu.hashCode());
        assertThat(decoded.getClass()).isEqualTo(pdu.getClass());
        assertThat(PduCodec.DEFAULT.encode(decoded)).isEqualTo(frame);
    }

    @Property(tries = 1000)
    void encodeWritesExactlyEncodedLengthAtThePositionAndKeepsTheByteOrder(@ForAll("pdus") Pdu pdu) {
        int length = PduCodec.DEFAULT.encodedLength(pdu);
        ByteBuffer out = ByteBuffer.allocate(length + 10).order(ByteOrder.LITTLE_ENDIAN);
        out.position(3);

        PduCodec.DEFAULT.encode(pdu, out);

        assertThat(out.position()).isEqualTo(3 + length);
        assertThat(out.order()).isEqualTo(ByteOrder.LITTLE_ENDIAN);
        assertThat(out.order(ByteOrder.BIG_ENDIAN).getInt(3)).isEqualTo(length);
        out.limit(3 + length).position(3);
        assertThat(PduCodec.DEFAULT.decode(out)).isEqualTo(pdu);
        assertThat(out.position()).as("decode leaves the position alone").isEqualTo(3);
    }

    @Property(tries = 500)
    void directBuffersDecodeLikeArrays(@ForAll("pdus") Pdu pdu) {
        byte[] frame = PduCodec.DEFAULT.encode(pdu);
        ByteBuffer direct = ByteBuffer.allocateDirect(frame.length);
        direct.put(frame).flip();

        assertThat(PduCodec.DEFAULT.decode(direct)).isEqualTo(pdu);
    }

    @Example
    void everyCommandHasAGeneratorAndRoundTrips() {
        Random random = new Random(42);
        Set<CommandId> seen = EnumSet.noneOf(CommandId.class);
        for (CommandId id : CommandId.values()) {
            for (int i = 0; i < 200; i++) {
                Pdu pdu = RandomPdus.of(id, random);
                assertThat(pdu.commandId()).isEqualTo(id);
                assertThat(PduCodec.DEFAULT.decode(PduCodec.DEFAULT.encode(pdu))).isEqualTo(pdu);
            }
            seen.add(id);
        }
        assertThat(seen).containsExactlyInAnyOrder(CommandId.values());
    }

    @Property(tries = 300)
    void withSequenceNumberChangesOnlyTheSequenceNumber(@ForAll("pdus") Pdu pdu, @ForAll int seq) {
        Pdu moved = pdu.withSequenceNumber(seq);

        assertThat(moved.getClass()).isEqualTo(pdu.getClass());
        assertThat(moved.sequenceNumber()).isEqualTo(seq);
        assertThat(moved.withSequenceNumber(pdu.sequenceNumber())).isEqualTo(pdu);
    }
}
