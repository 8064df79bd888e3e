package io.ujumbe.bench.load;

/**
 * The command-line flags every load harness takes, the same as {@code ujumbe bench}'s:
 * {@code --host H --port P [--system-id S --password P] --count N --window W [--warmup N]
 * [--warmup-seconds S] [--sessions S] [--rate TPS] [--size CHARS] [--json]}.
 */
public record LoadOptions(String host, int port, String systemId, String password, int count, int warmup,
                          double warmupSeconds, int window, int sessions, double rate, int size, boolean json) {

    /** Parses {@code args}; throws {@link IllegalArgumentException} naming the flag that is wrong. */
    public static LoadOptions parse(String[] args) {
        String host = "127.0.0.1";
        int port = -1;
        String systemId = "bench";
        String password = "bench";
        int count = -1;
        int warmup = 0;
        double warmupSeconds = 0;
        int window = -1;
        int sessions = 1;
        double rate = 0;
        int size = 20;
        boolean json = false;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--json")) {
                json = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            String v = args[++i];
            switch (flag) {
                case "--host" -> host = v;
                case "--port" -> port = intValue(flag, v);
                case "--system-id" -> systemId = v;
                case "--password" -> password = v;
                case "--count" -> count = intValue(flag, v);
                case "--warmup" -> warmup = intValue(flag, v);
                case "--warmup-seconds" -> warmupSeconds = doubleValue(flag, v);
                case "--window" -> window = intValue(flag, v);
                case "--sessions" -> sessions = intValue(flag, v);
                case "--rate" -> rate = doubleValue(flag, v);
                case "--size" -> size = intValue(flag, v);
                default -> throw new IllegalArgumentException("unknown flag " + flag);
            }
        }
        check(port >= 1 && port <= 65535, "--port must be in 1..65535, was " + port);
        check(count >= 1, "--count must be at least 1, was " + count);
        check(warmup >= 0, "--warmup must be 0 or more, was " + warmup);
        check(warmupSeconds >= 0 && warmupSeconds <= 3600, "--warmup-seconds must be in 0..3600, was " + warmupSeconds);
        check(window >= 1 && window <= 100_000, "--window must be in 1..100000, was " + window);
        check(sessions >= 1 && sessions <= 64, "--sessions must be in 1..64, was " + sessions);
        check(rate >= 0 && !Double.isInfinite(rate), "--rate must be 0 (unlimited) or more, was " + rate);
        check(size >= 1 && size <= 160, "--size must be in 1..160, was " + size);
        return new LoadOptions(host, port, systemId, password, count, warmup, warmupSeconds, window, sessions, rate, size, json);
    }

    /** The short_message: {@code size} GSM characters (ASCII 'x', the same octets in every harness). */
    public byte[] shortMessage() {
        return "x".repeat(size).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** Nanoseconds between two submits at {@link #rate()}, 0 when unlimited. */
    public long intervalNanos() {
        return rate > 0 ? (long) (1e9 / rate) : 0;
    }

    private static double doubleValue(String flag, String v) {
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " must be a number, was '" + v + "'");
        }
    }

    private static int intValue(String flag, String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " must be a whole number, was '" + v + "'");
        }
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
