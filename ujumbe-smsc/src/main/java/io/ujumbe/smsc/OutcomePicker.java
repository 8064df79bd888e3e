package io.ujumbe.smsc;

import io.ujumbe.pdu.MessageState;

import java.util.List;
import java.util.Map;
import java.util.Random;

/** Chooses each message's final state: the first matching rule, else a weighted draw. */
final class OutcomePicker {
    private final List<ReceiptRule> rules;
    private final MessageState[] states;
    private final double[] cumulative;
    private final Random random;

    /** A final state and the network error code reported with it. */
    record Outcome(MessageState state, int errorCode) {
    }

    OutcomePicker(List<ReceiptRule> rules, Map<MessageState, Double> weights, Random random) {
        this.rules = rules;
        this.random = random;
        this.states = weights.keySet().toArray(new MessageState[0]);
        this.cumulative = new double[states.length];
        double sum = 0;
        for (int i = 0; i < states.length; i++) {
            sum += weights.get(states[i]);
            cumulative[i] = sum;
        }
    }

    Outcome pick(String destination) {
        for (ReceiptRule r : rules) {
            if (r.matches(destination)) {
                return new Outcome(r.state(), r.errorCode().orElse(defaultError(r.state())));
            }
        }
        double x = random.nextDouble() * cumulative[cumulative.length - 1];
        for (int i = 0; i < states.length; i++) {
            if (x < cumulative[i]) {
                return new Outcome(states[i], defaultError(states[i]));
            }
        }
        MessageState last = states[states.length - 1];
        return new Outcome(last, defaultError(last));
    }

    /** Failures carry a non-zero error so that receipts look like a real network's. */
    static int defaultError(MessageState state) {
        return state == MessageState.DELIVERED || state == MessageState.ACCEPTED ? 0 : 1;
    }
}
