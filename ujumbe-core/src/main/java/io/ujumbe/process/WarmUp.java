package io.ujumbe.process;

/**
 * The warm-up of a load generator ({@code ujumbe bench} and the peers' harnesses): a number of
 * messages, then more in batches until a time has passed, none of them measured.
 *
 * <p>Why a time as well as a count: a fresh JVM compiles its hot code for seconds (on a 2-core
 * machine, with the SMSC on the same cores). A warm-up of a fixed count ends sooner the faster the
 * client, so the fastest client's measured run held most of its JIT compiling (ujumbe at window
 * 100: 100,000 warm-up messages took a third of a second; its compiler threads then ran for most
 * of the measured run). The same time for every client warms each one alike.
 */
public final class WarmUp {
    /**
     * The start of the line {@link #run} prints on standard error when the warm-up is over, so that a
     * script can read an SMSC's CPU from the first measured message (bench/compare.sh does).
     */
    public static final String MEASURING = "measuring after warm-up:";
    /** Messages per batch once the count is sent: about a second at window 1, a tenth at window 100. */
    static final int BATCH = 20_000;

    /** Sends messages, waiting until they are all answered; what a harness's run does. */
    @FunctionalInterface
    public interface Batch {
        /** Sends {@code messages} and returns once every one has its outcome. */
        void send(int messages) throws Exception;
    }

    private WarmUp() {
    }

    /**
     * Sends {@code count} messages, then batches of {@value #BATCH} until {@code seconds} have
     * passed since the start (none when 0), then prints {@value #MEASURING} and the messages sent on
     * standard error. Returns the messages sent.
     */
    public static long run(int count, double seconds, Batch batch) throws Exception {
        if (count < 0 || seconds < 0 || Double.isNaN(seconds) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("a warm-up takes 0 or more messages and seconds, was "
                    + count + " messages and " + seconds + " s");
        }
        long start = System.nanoTime();
        long until = start + (long) (seconds * 1e9);
        long sent = 0;
        if (count > 0) {
            batch.send(count);
            sent = count;
        }
        while (System.nanoTime() - until < 0) {
            batch.send(BATCH);
            sent += BATCH;
        }
        System.err.println(MEASURING + " " + sent + " messages");
        System.err.flush();
        return sent;
    }
}
