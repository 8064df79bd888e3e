package io.ujumbe.smsc;

import io.ujumbe.pdu.MessageState;

import java.util.List;
import java.util.Map;
import java.util.Random;

/** Chooses each message's final state: the first matching rule, else a weighted draw. */
final class OutcomePicker {
    private final List<ReceiptRule> rules;
    /** The outcome of each rule, and of each state drawn: made once, as one is picked per submit_sm. */
    private final Outcome[] ruleOutcomes;
    private final Outcome[] drawn;
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
        this.ruleOutcomes = new Outcome[rules.size()];
        for (int i = 0; i < ruleOutcomes.length; i++) {
            ReceiptRule r = rules.get(i);
            ruleOutcomes[i] = new Outcome(r.state(), r.errorCode().orElse(defaultError(r.state())));
        }
        this.drawn = new Outcome[states.length];
        for (int i = 0; i < states.length; i++) {
            drawn[i] = new Outcome(states[i], defaultError(states[i]));
        }
        double sum = 0;
        for (int i = 0; i < states.length; i++) {
            sum += weights.get(states[i]);
            cumulative[i] = sum;
        }
    }

    Outcome pick(String destination) {
        for (int i = 0; i < ruleOutcomes.length; i++) {
            if (rules.get(i).matches(destination)) {
                return ruleOutcomes[i];
            }
        }
        if (drawn.length == 1) {
            // One state (the default: all DELIVERED): nothing to draw, and no CAS on the shared Random.
            return drawn[0];
        }
        double x = random.nextDouble() * cumulative[cumulative.length - 1];
        for (int i = 0; i < states.length; i++) {
            if (x < cumulative[i]) {
                return drawn[i];
            }
        }
        return drawn[drawn.length - 1];
    }

    /** Failures carry a non-zero error so that receipts look like a real network's. */
    static int defaultError(MessageState state) {
        return state == MessageState.DELIVERED || state == MessageState.ACCEPTED ? 0 : 1;
    }
}
