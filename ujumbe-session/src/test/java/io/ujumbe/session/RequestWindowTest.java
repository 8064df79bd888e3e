package io.ujumbe.session;

import io.ujumbe.pdu.EnquireLink;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** The window's table of pending requests and its deadline list, against simple models. */
class RequestWindowTest {

    private static RequestWindow.Pending pending(int seq) {
        return new RequestWindow.Pending(new EnquireLink(seq), new CompletableFuture<>(), true, seq);
    }

    @Test
    void behavesLikeAMapUnderRandomRegistersAndRemoves() {
        for (long seed = 1; seed <= 20; seed++) {
            Random random = new Random(seed);
            RequestWindow window = new RequestWindow(8);
            Map<Integer, RequestWindow.Pending> model = new HashMap<>();
            // Sequential numbers (the usual case) mixed with far-apart ones that collide in the table.
            int next = random.nextInt(Integer.MAX_VALUE - 100_000) + 1;
            for (int step = 0; step < 5_000; step++) {
                int op = random.nextInt(10);
                if (op < 5 || model.isEmpty()) {
                    int seq = op == 0 ? random.nextInt(Integer.MAX_VALUE) + 1 : next++;
                    RequestWindow.Pending p = pending(seq);
                    boolean fresh = !model.containsKey(seq);
                    assertThat(window.register(p)).isEqualTo(fresh);
                    if (fresh) {
                        model.put(seq, p);
                    }
                } else if (op < 9) {
                    List<Integer> keys = new ArrayList<>(model.keySet());
                    int seq = keys.get(random.nextInt(keys.size()));
                    assertThat(window.remove(seq)).isSameAs(model.remove(seq));
                } else {
                    int absent = random.nextInt(Integer.MAX_VALUE) + 1;
                    if (!model.containsKey(absent)) {
                        assertThat(window.remove(absent)).isNull();
                    }
                }
            }
            for (Map.Entry<Integer, RequestWindow.Pending> e : model.entrySet()) {
                assertThat(window.remove(e.getKey())).as("seed %d seq %d", seed, e.getKey()).isSameAs(e.getValue());
            }
            assertThat(window.drain()).isEmpty();
        }
    }

    @Test
    void drainReturnsEveryPendingRequestAndEmptiesTheDeadlineList() {
        RequestWindow window = new RequestWindow(4);
        List<RequestWindow.Pending> all = new ArrayList<>();
        for (int seq = 1; seq <= 40; seq++) {
            RequestWindow.Pending p = pending(seq);
            assertThat(window.register(p)).isTrue();
            window.link(p);
            all.add(p);
        }
        assertThat(window.oldestLinked()).isSameAs(all.get(0));

        assertThat(window.drain()).containsExactlyInAnyOrderElementsOf(all);
        assertThat(window.oldestLinked()).isNull();
        assertThat(window.remove(1)).isNull();
    }

    @Test
    void theDeadlineListKeepsSendOrderWhateverIsUnlinked() {
        RequestWindow window = new RequestWindow(8);
        List<RequestWindow.Pending> sent = new ArrayList<>();
        for (int seq = 1; seq <= 5; seq++) {
            RequestWindow.Pending p = pending(seq);
            window.register(p);
            window.link(p);
            sent.add(p);
        }
        window.unlink(sent.get(0));
        window.unlink(sent.get(2));
        window.unlink(sent.get(2)); // twice: no effect
        window.unlink(sent.get(4));

        assertThat(window.oldestLinked()).isSameAs(sent.get(1));
        window.unlink(sent.get(1));
        assertThat(window.oldestLinked()).isSameAs(sent.get(3));
        window.unlink(sent.get(3));
        assertThat(window.oldestLinked()).isNull();

        RequestWindow.Pending again = pending(6);
        window.link(again);
        assertThat(window.oldestLinked()).isSameAs(again);
    }
}
