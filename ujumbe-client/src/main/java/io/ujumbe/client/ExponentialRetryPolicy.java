package io.ujumbe.client;

import io.ujumbe.pdu.CommandStatus;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Predicate;

/**
 * The default {@link RetryPolicy}: retries the statuses it is told are transient and any failure
 * without a status, waiting longer after each attempt (exponential backoff with jitter), up to a
 * number of attempts.
 *
 * <p>The wait after attempt {@code n} is {@code initialBackoff × multiplier^(n-1)}, capped at
 * {@code maxBackoff}, then moved at random by up to ±{@code jitter} of itself so that many
 * clients throttled at once do not all come back at once; it never exceeds {@code maxBackoff}.
 * Defaults: 5 attempts, 1 s, ×2, at most 60 s, ±20 %; retryable statuses ESME_RTHROTTLED,
 * ESME_RMSGQFUL and ESME_RSYSERR; every exception retryable (timeouts and lost connections are
 * transient).
 *
 * <pre>{@code
 * RetryPolicy policy = ExponentialRetryPolicy.builder()
 *         .maxAttempts(3)
 *         .retryOn(CommandStatus.ESME_RX_T_APPN)
 *         .build();
 * }</pre>
 */
public final class ExponentialRetryPolicy implements RetryPolicy {

    /** The statuses retried unless the builder changes them. */
    public static final Set<CommandStatus> DEFAULT_RETRYABLE_STATUSES = Set.of(
            CommandStatus.ESME_RTHROTTLED, CommandStatus.ESME_RMSGQFUL, CommandStatus.ESME_RSYSERR);

    private final int maxAttempts;
    private final Duration initialBackoff;
    private final double multiplier;
    private final Duration maxBackoff;
    private final double jitter;
    private final DoubleSupplier random;
    private final Set<CommandStatus> retryableStatuses;
    private final Predicate<Throwable> retryableException;

    private ExponentialRetryPolicy(Builder b) {
        this.maxAttempts = b.maxAttempts;
        this.initialBackoff = b.initialBackoff;
        this.multiplier = b.multiplier;
        this.maxBackoff = b.maxBackoff;
        this.jitter = b.jitter;
        this.random = b.random;
        this.retryableStatuses = Set.copyOf(b.retryableStatuses);
        this.retryableException = b.retryableException;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A policy with the defaults. */
    public static ExponentialRetryPolicy withDefaults() {
        return builder().build();
    }

    @Override
    public RetryDecision onStatus(CommandStatus status, int attempt) {
        Objects.requireNonNull(status, "status");
        checkAttempt(attempt);
        if (status.isOk()) {
            return RetryDecision.giveUp(status + " is a success, not a failure to retry");
        }
        if (!retryableStatuses.contains(status)) {
            return RetryDecision.giveUp(status + " is not retryable");
        }
        return next(attempt, "status " + status);
    }

    @Override
    public RetryDecision onException(Throwable cause, int attempt) {
        Objects.requireNonNull(cause, "cause");
        checkAttempt(attempt);
        if (!retryableException.test(cause)) {
            return RetryDecision.giveUp(cause + " is not retryable");
        }
        return next(attempt, "error " + cause);
    }

    /**
     * The jittered wait after attempt {@code attempt} (1 after the first send), never more than
     * {@code maxBackoff}. Also fit for spacing reconnections.
     */
    public Duration backoff(int attempt) {
        checkAttempt(attempt);
        double maxNanos = maxBackoff.toNanos();
        double nanos = Math.min(maxNanos, initialBackoff.toNanos() * Math.pow(multiplier, attempt - 1));
        double spread = jitter * (2 * random.getAsDouble() - 1);
        double jittered = Math.max(0, Math.min(maxNanos, nanos * (1 + spread)));
        return Duration.ofNanos(Math.round(jittered));
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    public Set<CommandStatus> retryableStatuses() {
        return retryableStatuses;
    }

    @Override
    public String toString() {
        return "ExponentialRetryPolicy[maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff
                + ", multiplier=" + multiplier + ", maxBackoff=" + maxBackoff + ", jitter=" + jitter
                + ", retryableStatuses=" + retryableStatuses + "]";
    }

    private RetryDecision next(int attempt, String last) {
        if (attempt >= maxAttempts) {
            return RetryDecision.giveUp("gave up after " + attempt + (attempt == 1 ? " attempt" : " attempts")
                    + "; last " + last);
        }
        Duration delay = backoff(attempt);
        return RetryDecision.retryAfter(delay, last + " is retryable; attempt " + (attempt + 1) + " of "
                + maxAttempts + " after " + delay.toMillis() + " ms");
    }

    private static void checkAttempt(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be at least 1 (attempts made so far), was " + attempt);
        }
    }

    /** Settings of an {@link ExponentialRetryPolicy}; every one has a default. */
    public static final class Builder {
        private int maxAttempts = 5;
        private Duration initialBackoff = Duration.ofSeconds(1);
        private double multiplier = 2.0;
        private Duration maxBackoff = Duration.ofSeconds(60);
        private double jitter = 0.2;
        private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();
        private final Set<CommandStatus> retryableStatuses = new LinkedHashSet<>(DEFAULT_RETRYABLE_STATUSES);
        private Predicate<Throwable> retryableException = cause -> true;

        private Builder() {
        }

        /** Attempts in all, the first send included; 1 means never retry. At least 1; default 5. */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** The wait after the first attempt. Positive; default 1 s. */
        public Builder initialBackoff(Duration initialBackoff) {
            this.initialBackoff = positive("initialBackoff", initialBackoff);
            return this;
        }

        /** The factor each wait grows by. At least 1.0; default 2.0. */
        public Builder multiplier(double multiplier) {
            if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
                throw new IllegalArgumentException("multiplier must be a finite number of at least 1.0, was " + multiplier);
            }
            this.multiplier = multiplier;
            return this;
        }

        /** The longest wait, jitter included. Positive, not less than initialBackoff; default 60 s. */
        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = positive("maxBackoff", maxBackoff);
            return this;
        }

        /**
         * How far each wait is moved at random, as a fraction of itself: 0.2 means ±20 %. From 0
         * (no jitter) to 1; default 0.2.
         */
        public Builder jitter(double jitter) {
            if (!(jitter >= 0 && jitter <= 1)) {
                throw new IllegalArgumentException("jitter must be a fraction from 0 to 1, was " + jitter);
            }
            this.jitter = jitter;
            return this;
        }

        /**
         * The source of the jitter, uniform in [0, 1); {@code ThreadLocalRandom} unless testing
         * (pass e.g. {@code new Random(42)::nextDouble}). Must be thread-safe.
         */
        public Builder random(DoubleSupplier random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /** Adds statuses to retry, e.g. a vendor's "try later" code or ESME_RX_T_APPN. */
        public Builder retryOn(CommandStatus... statuses) {
            for (CommandStatus s : statuses) {
                retryableStatuses.add(Objects.requireNonNull(s, "retryOn status"));
            }
            return this;
        }

        /** Removes statuses from those retried, e.g. ESME_RSYSERR for an SMSC that means it. */
        public Builder doNotRetryOn(CommandStatus... statuses) {
            for (CommandStatus s : statuses) {
                retryableStatuses.remove(Objects.requireNonNull(s, "doNotRetryOn status"));
            }
            return this;
        }

        /** Replaces the statuses to retry; an empty collection retries no status. */
        public Builder retryableStatuses(Collection<CommandStatus> statuses) {
            List<CommandStatus> copy = List.copyOf(Objects.requireNonNull(statuses, "retryableStatuses"));
            retryableStatuses.clear();
            retryableStatuses.addAll(copy);
            return this;
        }

        /** Decides which failures without a status are retried; by default all of them. */
        public Builder retryableException(Predicate<Throwable> retryableException) {
            this.retryableException = Objects.requireNonNull(retryableException, "retryableException");
            return this;
        }

        /** @throws IllegalArgumentException if maxBackoff is less than initialBackoff */
        public ExponentialRetryPolicy build() {
            if (maxBackoff.compareTo(initialBackoff) < 0) {
                throw new IllegalArgumentException("maxBackoff (" + maxBackoff
                        + ") must not be less than initialBackoff (" + initialBackoff + ")");
            }
            return new ExponentialRetryPolicy(this);
        }

        private static Duration positive(String name, Duration d) {
            // The upper bound keeps toNanos() from overflowing.
            if (d == null || d.isNegative() || d.isZero() || d.compareTo(Duration.ofDays(365)) > 0) {
                throw new IllegalArgumentException(name + " must be a positive duration of at most 365 days, was " + d);
            }
            return d;
        }
    }
}
