package io.ujumbe.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@link CaffeineReassembler} as a {@link ReassemblyStore}: parts kept until the application took the message. */
class ReassemblyStoreInMemoryTest {

    private static InboundPart part(int seq, String text) {
        byte[] body = text.getBytes(StandardCharsets.US_ASCII);
        byte[] data = new byte[6 + body.length];
        data[0] = 5;
        data[2] = 3;
        data[3] = 33;
        data[4] = 2;
        data[5] = (byte) seq;
        System.arraycopy(body, 0, data, 6, body.length);
        return InboundPart.of("254700000001", "1234", 0, data, true);
    }

    private static ReassemblyResult offer(ReassemblyStore store, InboundPart p) {
        return store.offer(p).toCompletableFuture().join();
    }

    @Test
    void aCompleteMessageIsHandedOutOnceUntilItsOutcomeIsKnown() {
        CaffeineReassembler store = CaffeineReassembler.builder().build();
        assertThat(offer(store, part(1, "ab")).status()).isEqualTo(ReassemblyResult.Status.INCOMPLETE);
        ReassemblyResult done = offer(store, part(2, "cd"));
        assertThat(done.status()).isEqualTo(ReassemblyResult.Status.COMPLETE);
        assertThat(new String(done.message().orElseThrow().payload(), StandardCharsets.US_ASCII)).isEqualTo("abcd");
        // Another copy of the last part while the first delivery is under way: not handed out twice.
        assertThat(offer(store, part(2, "cd")).status()).isEqualTo(ReassemblyResult.Status.IN_DELIVERY);
        // The application failed: the parts stay and the resent part completes the message again.
        store.notDelivered(done.message().orElseThrow());
        ReassemblyResult again = offer(store, part(2, "cd"));
        assertThat(again.status()).isEqualTo(ReassemblyResult.Status.COMPLETE);
        store.delivered(again.message().orElseThrow());
        assertThat(store.incompleteCount()).isZero();
        assertThat(store.completedCount()).isEqualTo(1);
        // Gone: a late copy starts a new message instead of delivering the old one again.
        assertThat(offer(store, part(2, "cd")).status()).isEqualTo(ReassemblyResult.Status.INCOMPLETE);
    }

    @Test
    void aSinglePartMessageIsCompleteAtOnceAndNeedsNoReport() {
        CaffeineReassembler store = CaffeineReassembler.builder().build();
        ReassemblyResult r = offer(store, InboundPart.of("a", "b", 0, "hi".getBytes(StandardCharsets.US_ASCII), false));
        assertThat(r.status()).isEqualTo(ReassemblyResult.Status.COMPLETE);
        assertThat(r.message().orElseThrow().storeKey()).isEmpty();
    }
}
