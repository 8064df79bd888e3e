package io.ujumbe.cli;

import io.ujumbe.client.ClientConfig;
import io.ujumbe.client.PercentageThrottleHandler;
import picocli.CommandLine.Option;

import java.time.Duration;

/**
 * {@code ujumbe send}'s rate and throttling options, the command-line twins of {@code ujumbe run}'s
 * {@code client.ratePerSecond}, {@code client.burst}, {@code client.throttle.*} and
 * {@code client.pauseOnThrottle} keys.
 */
final class RateOptions {
    @Option(names = "--rate", paramLabel = "TPS", defaultValue = "0",
            description = "submit_sm per second the account allows: no one-second window ever holds more; "
                    + "0 = as fast as the window allows (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--burst", paramLabel = "N", defaultValue = "1",
            description = "With --rate: how many may go back to back after a quiet spell, still never more "
                    + "than the rate in one second (default: ${DEFAULT-VALUE}: evenly spaced).")
    long burst;

    @Option(names = "--throttle-sampling-period", paramLabel = "DURATION", defaultValue = "180s",
            description = "Throttle handler: the window its responses are counted in (default: ${DEFAULT-VALUE}).")
    String samplingPeriod;

    @Option(names = "--throttle-sample-size", paramLabel = "N", defaultValue = "50",
            description = "Throttle handler: the fewest responses in the window to judge on (default: ${DEFAULT-VALUE}).")
    int sampleSize;

    @Option(names = "--throttle-deny-request-at", paramLabel = "PERCENT", defaultValue = "1",
            description = "Throttle handler: pause sending when more than this share of the responses are "
                    + "ESME_RTHROTTLED/ESME_RMSGQFUL (default: ${DEFAULT-VALUE}).")
    double denyRequestAt;

    @Option(names = "--throttle-wait", paramLabel = "DURATION", defaultValue = "1s",
            description = "Throttle handler: the pause before one probe is let through (default: ${DEFAULT-VALUE}).")
    String throttleWait;

    @Option(names = "--throttle-max-wait", paramLabel = "DURATION", defaultValue = "30s",
            description = "Throttle handler: the longest pause, reached by doubling while probes are throttled "
                    + "(default: ${DEFAULT-VALUE}).")
    String maxThrottleWait;

    @Option(names = "--pause-on-throttle", paramLabel = "DURATION",
            description = "On ESME_RTHROTTLED pause all sending this long and send the throttled message again "
                    + "first, so later messages do not overtake it (default: off).")
    String pauseOnThrottle;

    /** Sets the rate limiter, throttle handler and pause; an IllegalArgumentException names the option. */
    void apply(ClientConfig.Builder b) {
        if (!(rate >= 0) || rate > 1_000_000) {
            throw new IllegalArgumentException("--rate must be 0 (unlimited) up to 1000000, was " + rate);
        }
        if (burst < 1 || burst > 1_000_000) {
            throw new IllegalArgumentException("--burst must be between 1 and 1000000, was " + burst);
        }
        if (rate > 0) {
            b.ratePerSecond(rate, burst);
        } else if (burst != 1) {
            throw new IllegalArgumentException("--burst needs --rate (without a rate nothing is limited)");
        }
        PercentageThrottleHandler.Builder t = PercentageThrottleHandler.builder();
        option("--throttle-sampling-period", () -> t.samplingPeriod(duration("--throttle-sampling-period", samplingPeriod)));
        option("--throttle-sample-size", () -> t.sampleSize(sampleSize));
        option("--throttle-deny-request-at", () -> t.denyRequestAt(denyRequestAt));
        option("--throttle-wait", () -> t.throttleWait(duration("--throttle-wait", throttleWait)));
        option("--throttle-max-wait", () -> t.maxThrottleWait(duration("--throttle-max-wait", maxThrottleWait)));
        b.throttleHandler(t.build());
        if (pauseOnThrottle != null) {
            Duration pause = duration("--pause-on-throttle", pauseOnThrottle);
            if (pause.isZero() || pause.compareTo(Duration.ofHours(1)) > 0) {
                throw new IllegalArgumentException("--pause-on-throttle must be more than 0 and at most 1h, was "
                        + pauseOnThrottle);
            }
            b.pauseOnThrottle(pause);
        }
    }

    /**
     * A duration option: {@code 500ms}, {@code 30s}, {@code 2m}, ISO-8601, or a plain number of
     * seconds ({@code 1.5}); the error names the option.
     */
    static Duration duration(String option, String text) {
        String t = text.trim();
        try {
            double seconds = Double.parseDouble(t);
            if (seconds >= 0 && seconds <= 365 * 86_400.0) {
                return Duration.ofNanos(Math.round(seconds * 1e9));
            }
        } catch (NumberFormatException notANumber) {
            Duration d = ConfigNode.parseDuration(t);
            if (d != null && !d.isNegative()) {
                return d;
            }
        }
        throw new IllegalArgumentException(option + " must be a duration like 500ms, 30s or 2m (a plain number is "
                + "seconds), was '" + text + "'");
    }

    /** Runs a builder call, naming the option (not the builder's setting) when it refuses the value. */
    private static void option(String option, Runnable set) {
        try {
            set.run();
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            int was = message.indexOf(" must ");
            throw new IllegalArgumentException(option + (was >= 0 ? message.substring(was) : ": " + message), e);
        }
    }
}
