package io.ujumbe.cli;

import io.ujumbe.session.BindState;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Ends a {@code ujumbe send} run early, with the reason the unsent messages then fail with: no
 * bind held for {@code --give-up} (at the start or after the SMSC went away), a SIGTERM or
 * SIGINT, or a bind answer that cannot be decoded. The command's thread waits on
 * {@link #aborted()} alongside its own work; the client's threads report binds here.
 */
final class SendGuard implements AutoCloseable {
    private final Duration giveUp;
    private final CompletableFuture<String> aborted = new CompletableFuture<>();
    private final CountDownLatch finished = new CountDownLatch(1);
    /** Sessions bound now, by id: the run "has a bind" while this is not empty. */
    private final Map<String, Boolean> bound = new ConcurrentHashMap<>();
    private volatile long unboundSince = System.nanoTime();
    private volatile boolean everBound;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ujumbe-send-give-up");
        t.setDaemon(true);
        return t;
    });

    SendGuard(Duration giveUp) {
        this.giveUp = giveUp;
        long tick = Math.max(10, Math.min(250, giveUp.toMillis() / 4));
        watchdog.scheduleWithFixedDelay(this::check, tick, tick, TimeUnit.MILLISECONDS);
    }

    /** Completes with the reason once the run must stop; never completes when it runs to its end. */
    CompletableFuture<String> aborted() {
        return aborted;
    }

    /** The reason the run is stopping, or null. */
    String reason() {
        return aborted.getNow(null);
    }

    /** Stops the run with {@code reason}, unless it is already stopping. */
    void abort(String reason) {
        aborted.complete(reason);
    }

    /** A bind changed state (a client thread). */
    void bindStateChanged(String sessionId, BindState to) {
        if (to.canTransmit()) {
            bound.put(sessionId, Boolean.TRUE);
            everBound = true;
        } else if (bound.remove(sessionId) != null && bound.isEmpty()) {
            unboundSince = System.nanoTime();
        }
    }

    /** True once any bind succeeded. */
    boolean everBound() {
        return everBound;
    }

    private void check() {
        if (bound.isEmpty() && System.nanoTime() - unboundSince > giveUp.toNanos()) {
            abort(everBound
                    ? "gave up: no bind to the SMSC for " + ConfigNode.format(giveUp) + " (--give-up)"
                    : "gave up: could not bind to the SMSC within " + ConfigNode.format(giveUp) + " (--give-up)");
        }
    }

    /** The command has printed its summary; a signal handler waiting in {@link #awaitFinished} may end the process. */
    void finished() {
        finished.countDown();
    }

    /** Waits (a shutdown hook's thread) until the command has printed its summary. */
    boolean awaitFinished(Duration timeout) {
        try {
            return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
    }
}
