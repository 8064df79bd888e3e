package io.ujumbe.cli;

import java.util.ArrayDeque;
import java.util.Locale;

/**
 * The text of {@code ujumbe send}'s progress line: done, the rate over the last few seconds, the
 * failures and the ETA. The rate counts from the moment sending began (not from start-up, which
 * includes the bind) over a trailing window, so it shows what is happening now: the rate limiter's
 * rate, or a stall, rather than an average that hides both.
 */
final class ProgressLine {
    /** The rate is measured over about this long. */
    static final long WINDOW_NANOS = 5_000_000_000L;

    private final int total;
    private final ArrayDeque<long[]> samples = new ArrayDeque<>();

    /** @param startNanos when sending began, from {@link System#nanoTime()} */
    ProgressLine(int total, long startNanos) {
        this.total = total;
        samples.add(new long[] {startNanos, 0});
    }

    /** The line for {@code done} outcomes (of which {@code failed} failed) at {@code nowNanos}. */
    synchronized String render(int done, int failed, long nowNanos) {
        while (samples.size() > 1 && nowNanos - samples.peekFirst()[0] > WINDOW_NANOS
                && nowNanos - peekSecond()[0] >= WINDOW_NANOS) {
            samples.removeFirst();
        }
        long[] oldest = samples.peekFirst();
        double seconds = Math.max(0.001, (nowNanos - oldest[0]) / 1e9);
        double perSecond = (done - oldest[1]) / seconds;
        samples.addLast(new long[] {nowNanos, done});
        String eta = perSecond > 0 ? String.format(Locale.ROOT, "%.0f s", (total - done) / perSecond) : "?";
        return String.format(Locale.ROOT, "%d/%d done (%.0f%%), %.0f msg/s, %d failed, ETA %s",
                done, total, 100.0 * done / total, perSecond, failed, eta);
    }

    private long[] peekSecond() {
        var it = samples.iterator();
        it.next();
        return it.next();
    }
}
