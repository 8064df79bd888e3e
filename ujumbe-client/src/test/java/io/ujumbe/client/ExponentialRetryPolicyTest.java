package io.ujumbe.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ujumbe.pdu.CommandStatus;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExponentialRetryPolicyTest {

    /** No jitter, so delays are exact: 1, 2, 4, 8 s, then capped at 10 s. */
    private final ExponentialRetryPolicy exact = ExponentialRetryPolicy.builder()
            .maxAttempts(8)
            .initialBackoff(Duration.ofSeconds(1))
            .multiplier(2.0)
            .maxBackoff(Duration.ofSeconds(10))
            .jitter(0)
            .build();

    @ParameterizedTest
    @ValueSource(ints = {0x58, 0x14, 0x08}) // ESME_RTHROTTLED, ESME_RMSGQFUL, ESME_RSYSERR
    void retriesEachDefaultStatusWithGrowingDelaysCappedAtMaxBackoff(int code) {
        CommandStatus status = CommandStatus.of(code);
        List<Duration> delays = new ArrayList<>();
        for (int attempt = 1; attempt < 8; attempt++) {
            RetryDecision decision = exact.onStatus(status, attempt);
            assertThat(decision.retry()).as("attempt %d", attempt).isTrue();
            assertThat(decision.reason()).contains(status.name());
            delays.add(decision.delay());
        }

        assertThat(delays).containsExactly(
                Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8),
                Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(10));
    }

    @Test
    void defaultRetryableStatusesAreThrottledQueueFullAndSystemError() {
        assertThat(ExponentialRetryPolicy.withDefaults().retryableStatuses()).containsExactlyInAnyOrder(
                CommandStatus.ESME_RTHROTTLED, CommandStatus.ESME_RMSGQFUL, CommandStatus.ESME_RSYSERR);
    }

    @Test
    void permanentStatusGivesUpAtOnce() {
        RetryDecision decision = exact.onStatus(CommandStatus.ESME_RINVDSTADR, 1);

        assertThat(decision.retry()).isFalse();
        assertThat(decision.delay()).isZero();
        assertThat(decision.reason()).contains("ESME_RINVDSTADR").contains("not retryable");
    }

    @Test
    void unknownVendorStatusIsNotRetriedUnlessAdded() {
        CommandStatus vendor = CommandStatus.of(0x400);

        assertThat(exact.onStatus(vendor, 1).retry()).isFalse();
        assertThat(ExponentialRetryPolicy.builder().retryOn(vendor).build().onStatus(vendor, 1).retry()).isTrue();
    }

    @Test
    void successIsNeverRetried() {
        assertThat(exact.onStatus(CommandStatus.ESME_ROK, 1).retry()).isFalse();
    }

    @Test
    void givesUpAfterMaxAttemptsSayingHowManyAndTheLastStatus() {
        ExponentialRetryPolicy policy = ExponentialRetryPolicy.withDefaults();

        assertThat(policy.onStatus(CommandStatus.ESME_RTHROTTLED, 4).retry()).isTrue();
        RetryDecision decision = policy.onStatus(CommandStatus.ESME_RTHROTTLED, 5);

        assertThat(decision.retry()).isFalse();
        assertThat(decision.reason()).contains("5 attempts").contains("ESME_RTHROTTLED");
    }

    @Test
    void oneAttemptMeansNeverRetry() {
        ExponentialRetryPolicy once = ExponentialRetryPolicy.builder().maxAttempts(1).build();

        assertThat(once.onStatus(CommandStatus.ESME_RTHROTTLED, 1).retry()).isFalse();
        assertThat(once.onException(new TimeoutException("no response"), 1).retry()).isFalse();
    }

    @Test
    void retryableStatusesCanBeAddedAndRemoved() {
        ExponentialRetryPolicy policy = ExponentialRetryPolicy.builder()
                .retryOn(CommandStatus.ESME_RX_T_APPN)
                .doNotRetryOn(CommandStatus.ESME_RSYSERR)
                .build();

        assertThat(policy.onStatus(CommandStatus.ESME_RX_T_APPN, 1).retry()).isTrue();
        assertThat(policy.onStatus(CommandStatus.ESME_RSYSERR, 1).retry()).isFalse();
        assertThat(policy.onStatus(CommandStatus.ESME_RTHROTTLED, 1).retry()).isTrue();
    }

    @Test
    void retryableStatusesCanBeReplaced() {
        ExponentialRetryPolicy policy = ExponentialRetryPolicy.builder()
                .retryableStatuses(Set.of(CommandStatus.ESME_RINVBNDSTS))
                .build();

        assertThat(policy.retryableStatuses()).containsExactly(CommandStatus.ESME_RINVBNDSTS);
        assertThat(policy.onStatus(CommandStatus.ESME_RTHROTTLED, 1).retry()).isFalse();
        assertThat(policy.onStatus(CommandStatus.ESME_RINVBNDSTS, 1).retry()).isTrue();
    }

    @Test
    void exceptionsAreRetriedByDefaultWithTheSameBackoff() {
        RetryDecision first = exact.onException(new TimeoutException("no submit_sm_resp in 10 s"), 1);
        RetryDecision third = exact.onException(new ClosedChannelException(), 3);

        assertThat(first.retry()).isTrue();
        assertThat(first.delay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(first.reason()).contains("TimeoutException");
        assertThat(third.retry()).isTrue();
        assertThat(third.delay()).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void givesUpOnExceptionsAfterMaxAttemptsNamingTheLastError() {
        RetryDecision decision = exact.onException(new TimeoutException("no submit_sm_resp"), 8);

        assertThat(decision.retry()).isFalse();
        assertThat(decision.reason()).contains("8 attempts").contains("no submit_sm_resp");
    }

    @Test
    void theApplicationDecidesWhichExceptionsAreRetried() {
        ExponentialRetryPolicy policy = ExponentialRetryPolicy.builder()
                .retryableException(e -> e instanceof IOException)
                .build();

        assertThat(policy.onException(new ClosedChannelException(), 1).retry()).isTrue();
        RetryDecision decision = policy.onException(new IllegalStateException("message too long"), 1);
        assertThat(decision.retry()).isFalse();
        assertThat(decision.reason()).contains("message too long").contains("not retryable");
    }

    @Test
    void jitterStaysWithinTwentyPercentAndUnderMaxBackoff() {
        ExponentialRetryPolicy policy = ExponentialRetryPolicy.builder()
                .maxAttempts(100)
                .random(new Random(42)::nextDouble)
                .build();
        List<Duration> firstDelays = new ArrayList<>();

        for (int round = 0; round < 200; round++) {
            for (int attempt = 1; attempt < 100; attempt++) {
                double base = Math.min(60.0, Math.pow(2, attempt - 1));
                Duration delay = policy.onStatus(CommandStatus.ESME_RTHROTTLED, attempt).delay();
                double seconds = delay.toNanos() / 1e9;
                assertThat(seconds).as("attempt %d", attempt)
                        .isBetween(base * 0.8 - 1e-9, Math.min(60.0, base * 1.2) + 1e-9);
                if (attempt == 1) {
                    firstDelays.add(delay);
                }
            }
        }
        // Jitter must actually spread the delays, or it prevents no stampede.
        assertThat(firstDelays.stream().distinct().count()).isGreaterThan(100);
    }

    @Test
    void jitterExtremesAreExactlyTheBounds() {
        ExponentialRetryPolicy low = ExponentialRetryPolicy.builder().random(() -> 0.0).build();
        ExponentialRetryPolicy high = ExponentialRetryPolicy.builder().random(() -> 1.0).build();

        assertThat(low.backoff(2)).isEqualTo(Duration.ofMillis(1600));
        assertThat(high.backoff(2)).isEqualTo(Duration.ofMillis(2400));
        // At the cap, jitter may shorten the wait but never lengthen it.
        assertThat(low.backoff(20)).isEqualTo(Duration.ofSeconds(48));
        assertThat(high.backoff(20)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void rejectsAttemptsBelowOne() {
        assertThatThrownBy(() -> exact.onStatus(CommandStatus.ESME_RTHROTTLED, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("attempt");
        assertThatThrownBy(() -> exact.onException(new TimeoutException(), -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("attempt");
    }

    @Test
    void rejectsBadSettingsNamingThem() {
        assertThatThrownBy(() -> ExponentialRetryPolicy.builder().maxAttempts(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> ExponentialRetryPolicy.builder().initialBackoff(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("initialBackoff");
        assertThatThrownBy(() -> ExponentialRetryPolicy.builder().multiplier(0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("multiplier");
        assertThatThrownBy(() -> ExponentialRetryPolicy.builder().jitter(1.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jitter");
        assertThatThrownBy(() -> ExponentialRetryPolicy.builder()
                .initialBackoff(Duration.ofSeconds(10)).maxBackoff(Duration.ofSeconds(5)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxBackoff");
    }

    @Test
    void decisionsValidateTheirFields() {
        assertThat(RetryDecision.giveUp("permanent")).isEqualTo(new RetryDecision(false, Duration.ZERO, "permanent"));
        assertThat(RetryDecision.retryAfter(Duration.ofSeconds(2), "throttled").delay()).isEqualTo(Duration.ofSeconds(2));
        assertThatThrownBy(() -> RetryDecision.retryAfter(Duration.ofSeconds(-1), "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("delay");
        assertThatThrownBy(() -> RetryDecision.giveUp(" "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reason");
    }
}
