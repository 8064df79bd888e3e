package io.ujumbe.smsc;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DelayLineTest {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    @Test
    void runsEveryTaskOnceInTheOrderAdded() {
        DelayLine line = new DelayLine(timer, Duration.ofMillis(5));
        List<Integer> ran = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 2_000; i++) {
            int n = i;
            line.add(() -> ran.add(n));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> ran.size() == 2_000);
        assertThat(ran).containsExactlyElementsOf(IntStream.range(0, 2_000).boxed().toList());
    }

    @Test
    void tasksAddedFromSeveralThreadsAndAfterADrainAllRun() throws Exception {
        DelayLine line = new DelayLine(timer, Duration.ZERO);
        List<Integer> ran = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int base = t * 1_000;
            threads.add(new Thread(() -> {
                for (int i = 0; i < 1_000; i++) {
                    int n = base + i;
                    line.add(() -> ran.add(n));
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> ran.size() == 4_000);
        line.add(() -> ran.add(-1));
        await().atMost(Duration.ofSeconds(10)).until(() -> ran.size() == 4_001);
        assertThat(ran).doesNotHaveDuplicates().contains(-1, 0, 3_999);
    }

    @Test
    void aFailingTaskDoesNotStopTheOthers() {
        DelayLine line = new DelayLine(timer, Duration.ofMillis(1));
        List<String> ran = Collections.synchronizedList(new ArrayList<>());
        line.add(() -> ran.add("a"));
        line.add(() -> {
            throw new IllegalStateException("boom");
        });
        line.add(() -> ran.add("c"));
        await().atMost(Duration.ofSeconds(10)).until(() -> ran.size() == 2);
        assertThat(ran).containsExactly("a", "c");
    }
}
