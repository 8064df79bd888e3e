package io.ujumbe.smsc;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
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
        DelayLine<Runnable> line = new DelayLine<>(timer, Duration.ofMillis(5), (r, key, wall) -> r.run());
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
        DelayLine<Runnable> line = new DelayLine<>(timer, Duration.ZERO, (r, key, wall) -> r.run());
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
    void keepsTheOrderWhileTheRingGrowsPastItsShrinkSizeAndAfterItShrank() {
        // More items than the ring gives back (64 K), all waiting at once: the ring doubles many
        // times, then drains, shrinks and is used again.
        DelayLine<Integer> line;
        List<Integer> ran = Collections.synchronizedList(new ArrayList<>());
        line = new DelayLine<>(timer, Duration.ofMillis(200), (i, key, wall) -> ran.add(i));
        for (int i = 0; i < 70_000; i++) {
            line.add(i);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> ran.size() == 70_000);
        assertThat(ran).containsExactlyElementsOf(IntStream.range(0, 70_000).boxed().toList());
        await().atMost(Duration.ofSeconds(10)).until(() -> line.size() == 0);
        line.add(-1);
        line.add(-2);
        await().atMost(Duration.ofSeconds(10)).until(() -> ran.size() == 70_002);
        assertThat(ran.subList(70_000, 70_002)).containsExactly(-1, -2);
    }

    @Test
    void nothingRunsBeforeItsDelay() {
        List<Long> lateness = Collections.synchronizedList(new ArrayList<>());
        long delay = Duration.ofMillis(50).toNanos();
        DelayLine<Long> line = new DelayLine<>(timer, Duration.ofNanos(delay), (added, key, wall) -> lateness.add(System.nanoTime() - added));
        for (int i = 0; i < 100; i++) {
            line.add(System.nanoTime());
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> lateness.size() == 100);
        assertThat(lateness).allSatisfy(l -> assertThat(l).isGreaterThanOrEqualTo(delay));
    }

    @Test
    void underSteadyLoadOneWakeUpTakesTheItemsOfAPercentOfTheDelay() {
        // A one-second delay lets a wake-up wait 10 ms for the items due after the first: ~50
        // wake-ups for half a second of items added every ~100 µs (~500 with a millisecond).
        AtomicInteger ran = new AtomicInteger();
        DelayLine<Long> line = new DelayLine<>(timer, Duration.ofSeconds(1), (added, key, wall) -> ran.incrementAndGet());
        long start = System.nanoTime();
        int added = 0;
        while (System.nanoTime() - start < Duration.ofMillis(500).toNanos()) {
            line.add(System.nanoTime());
            added++;
            LockSupport.parkNanos(100_000);
        }
        int total = added;
        await().atMost(Duration.ofSeconds(10)).until(() -> ran.get() == total);
        assertThat(line.wakeUps()).as("wake-ups for %d items", total).isBetween(2L, 110L);
    }

    @Test
    void theCoalescingIsAPercentOfTheDelayBetweenOneAndTenMilliseconds() {
        assertThat(DelayLine.coalesce(Duration.ofSeconds(1).toNanos())).isEqualTo(Duration.ofMillis(10).toNanos());
        assertThat(DelayLine.coalesce(Duration.ofMinutes(5).toNanos())).isEqualTo(Duration.ofMillis(10).toNanos());
        assertThat(DelayLine.coalesce(Duration.ofMillis(300).toNanos())).isEqualTo(Duration.ofMillis(3).toNanos());
        assertThat(DelayLine.coalesce(Duration.ofMillis(50).toNanos())).isEqualTo(Duration.ofMillis(1).toNanos());
        assertThat(DelayLine.coalesce(500_000L)).as("never later than the delay itself")
                .isEqualTo(500_000L);
        assertThat(DelayLine.coalesce(0)).isZero();
    }

    @Test
    void aFailingTaskDoesNotStopTheOthers() {
        DelayLine<Runnable> line = new DelayLine<>(timer, Duration.ofMillis(1), (r, key, wall) -> r.run());
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
