package io.ujumbe.smsc;

import io.ujumbe.pdu.CommandStatus;
import io.ujumbe.session.Validate;

import java.time.Duration;
import java.util.Objects;

/**
 * The faults the simulator injects into message submissions (submit_sm, submit_multi, data_sm),
 * so that an ESME's throttling, retry and reconnection paths can be tested. All off by default.
 * Each fault drawn is counted in {@link SmscStats#faults()} and logged.
 */
public final class FaultConfig {
    private static final FaultConfig NONE = builder().build();

    private final double maxRatePerSession;
    private final double errorShare;
    private final CommandStatus errorStatus;
    private final Duration latencyMin;
    private final Duration latencyMax;
    private final double dropShare;
    private final double disconnectShare;
    private final Duration unbindAfter;
    private final int congestionState;

    private FaultConfig(Builder b) {
        this.maxRatePerSession = b.maxRatePerSession;
        this.errorShare = b.errorShare;
        this.errorStatus = b.errorStatus;
        this.latencyMin = b.latencyMin;
        this.latencyMax = b.latencyMax;
        this.dropShare = b.dropShare;
        this.disconnectShare = b.disconnectShare;
        this.unbindAfter = b.unbindAfter;
        this.congestionState = b.congestionState;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** No faults. */
    public static FaultConfig none() {
        return NONE;
    }

    public Builder toBuilder() {
        return new Builder().maxRatePerSession(maxRatePerSession).errorShare(errorShare).errorStatus(errorStatus)
                .latency(latencyMin, latencyMax).dropShare(dropShare).disconnectShare(disconnectShare)
                .unbindAfter(unbindAfter).congestionState(congestionState);
    }

    /** Submissions per second per session above which the answer is ESME_RTHROTTLED; 0 = no limit. */
    public double maxRatePerSession() {
        return maxRatePerSession;
    }

    /** The share (0..1) of submissions answered with {@link #errorStatus()}. */
    public double errorShare() {
        return errorShare;
    }

    public CommandStatus errorStatus() {
        return errorStatus;
    }

    public Duration latencyMin() {
        return latencyMin;
    }

    public Duration latencyMax() {
        return latencyMax;
    }

    /** The share (0..1) of submissions never answered. */
    public double dropShare() {
        return dropShare;
    }

    /** The share (0..1) of submissions answered by closing the connection. */
    public double disconnectShare() {
        return disconnectShare;
    }

    /** How long after binding the simulator sends unbind itself; null = never. */
    public Duration unbindAfter() {
        return unbindAfter;
    }

    /**
     * The SMPP 5.0 congestion_state (0..100) added to every submission's response, so that an
     * ESME's congestion handling can be tested; -1 (the default): not sent.
     */
    public int congestionState() {
        return congestionState;
    }

    /** True when any fault is configured. */
    public boolean any() {
        return maxRatePerSession > 0 || errorShare > 0 || dropShare > 0 || disconnectShare > 0
                || !latencyMax.isZero() || unbindAfter != null || congestionState >= 0;
    }

    @Override
    public String toString() {
        return "FaultConfig{maxRatePerSession=" + maxRatePerSession + ", errorShare=" + errorShare
                + ", errorStatus=" + errorStatus.name() + ", latency=" + latencyMin + ".." + latencyMax
                + ", dropShare=" + dropShare + ", disconnectShare=" + disconnectShare + ", unbindAfter=" + unbindAfter
                + (congestionState >= 0 ? ", congestionState=" + congestionState : "") + "}";
    }

    /** Builds a {@link FaultConfig}; each setter checks its value and names the setting when it is wrong. */
    public static final class Builder {
        private double maxRatePerSession;
        private double errorShare;
        private CommandStatus errorStatus = CommandStatus.ESME_RSYSERR;
        private Duration latencyMin = Duration.ZERO;
        private Duration latencyMax = Duration.ZERO;
        private double dropShare;
        private double disconnectShare;
        private Duration unbindAfter;
        private int congestionState = -1;

        private Builder() {
        }

        public Builder maxRatePerSession(double perSecond) {
            if (!(perSecond >= 0) || Double.isInfinite(perSecond)) {
                throw new IllegalArgumentException("faults.maxRatePerSession must be 0 (off) or a positive number, was " + perSecond);
            }
            this.maxRatePerSession = perSecond;
            return this;
        }

        public Builder errorShare(double share) {
            this.errorShare = share("faults.errorShare", share);
            return this;
        }

        public Builder errorStatus(CommandStatus status) {
            Objects.requireNonNull(status, "faults.errorStatus");
            if (status.isOk()) {
                throw new IllegalArgumentException("faults.errorStatus must be an error status, was ESME_ROK");
            }
            this.errorStatus = status;
            return this;
        }

        /** A fixed latency. */
        public Builder latency(Duration fixed) {
            return latency(fixed, fixed);
        }

        /** A latency drawn uniformly from min..max (fixed when equal). */
        public Builder latency(Duration min, Duration max) {
            Validate.notNegative("faults.latencyMin", min);
            Validate.notNegative("faults.latencyMax", max);
            if (max.compareTo(min) < 0) {
                throw new IllegalArgumentException("faults.latencyMax (" + max + ") must not be less than faults.latencyMin (" + min + ")");
            }
            this.latencyMin = min;
            this.latencyMax = max;
            return this;
        }

        public Builder dropShare(double share) {
            this.dropShare = share("faults.dropShare", share);
            return this;
        }

        public Builder disconnectShare(double share) {
            this.disconnectShare = share("faults.disconnectShare", share);
            return this;
        }

        /** Sends unbind this long after each bind; null turns it off. */
        public Builder unbindAfter(Duration d) {
            if (d != null) {
                Validate.positive("faults.unbindAfter", d);
            }
            this.unbindAfter = d;
            return this;
        }

        /** Adds congestion_state {@code state} (0..100) to every submission's response; -1 turns it off. */
        public Builder congestionState(int state) {
            if (state < -1 || state > 100) {
                throw new IllegalArgumentException("faults.congestionState must be 0..100 (or -1: off), was " + state);
            }
            this.congestionState = state;
            return this;
        }

        public FaultConfig build() {
            if (errorShare + dropShare + disconnectShare > 1.0 + 1e-9) {
                throw new IllegalArgumentException("faults.errorShare + faults.dropShare + faults.disconnectShare must not exceed 1, was "
                        + (errorShare + dropShare + disconnectShare));
            }
            return new FaultConfig(this);
        }

        private static double share(String name, double v) {
            if (!(v >= 0 && v <= 1)) {
                throw new IllegalArgumentException(name + " must be between 0 and 1, was " + v);
            }
            return v;
        }
    }
}
