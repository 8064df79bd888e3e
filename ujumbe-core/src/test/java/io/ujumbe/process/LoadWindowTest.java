package io.ujumbe.process;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The load generators' window: never more in flight than its size, and no sender left waiting. */
class LoadWindowTest {
    @Test
    void neverMoreInFlightThanItsSizeAndEveryRequestGetsSent() throws Exception {
        LoadWindow window = new LoadWindow(100);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        ExecutorService completers = Executors.newFixedThreadPool(3);
        try {
            for (int i = 0; i < 200_000; i++) {
                window.acquire();
                most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                completers.execute(() -> {
                    inFlight.decrementAndGet();
                    done.incrementAndGet();
                    window.release();
                });
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> done.get() == 200_000);
        } finally {
            completers.shutdownNow();
            completers.awaitTermination(10, TimeUnit.SECONDS);
        }
        assertThat(most.get()).isLessThanOrEqualTo(100).isGreaterThan(1);
        assertThat(window.available()).isEqualTo(100);
    }

    @Test
    void aFullWindowWaitsForATenthToComeBackAndWindowOneForOne() throws Exception {
        LoadWindow window = new LoadWindow(20);
        for (int i = 0; i < 20; i++) {
            window.acquire();
        }
        AtomicInteger taken = new AtomicInteger();
        AtomicInteger interrupted = new AtomicInteger();
        Thread sender = waitingSender(window, taken, interrupted);
        window.release();
        // One place of 20 free: not yet a tenth, so the sender sleeps on.
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> taken.get() == 0);
        window.release();
        await().atMost(Duration.ofSeconds(10)).until(() -> taken.get() == 1);
        sender.join(10_000);
        assertThat(window.available()).isEqualTo(1);

        LoadWindow one = new LoadWindow(1);
        one.acquire();
        Thread next = waitingSender(one, taken, interrupted);
        one.release();
        next.join(10_000);
        assertThat(next.isAlive()).isFalse();
        assertThat(taken.get()).isEqualTo(2);
        assertThat(interrupted.get()).isZero();
        assertThatThrownBy(() -> new LoadWindow(0)).hasMessageContaining("at least 1");
    }

    @Test
    void anInterruptedSenderStopsWaiting() throws Exception {
        LoadWindow window = new LoadWindow(1);
        window.acquire();
        AtomicInteger taken = new AtomicInteger();
        AtomicInteger interrupted = new AtomicInteger();
        Thread sender = waitingSender(window, taken, interrupted);
        sender.interrupt();
        sender.join(10_000);
        assertThat(interrupted.get()).isEqualTo(1);
        assertThat(taken.get()).isZero();
    }

    /** A thread that takes a place of a full window, counting its place or its interrupt; returned once it waits. */
    private static Thread waitingSender(LoadWindow window, AtomicInteger taken, AtomicInteger interrupted) {
        Thread sender = new Thread(() -> {
            try {
                window.acquire();
                taken.incrementAndGet();
            } catch (InterruptedException e) {
                interrupted.incrementAndGet();
            }
        });
        sender.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> sender.getState() == Thread.State.WAITING);
        return sender;
    }
}
