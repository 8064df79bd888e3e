package io.ujumbe.smsc;

import io.ujumbe.pdu.MessageState;
import io.ujumbe.session.Validate;

import java.util.Objects;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Decides the final state of messages to some destinations, for deterministic tests: a
 * destination prefix or a regular expression (matched against the whole address) and the state
 * with an optional network error code. Rules are tried in order; the first match wins, and
 * messages no rule matches get a state drawn from {@link SmscConfig#receiptOutcomes()}.
 */
public final class ReceiptRule {
    private final String prefix;
    private final Pattern regex;
    private final MessageState state;
    private final int errorCode;

    private ReceiptRule(String prefix, Pattern regex, MessageState state, int errorCode) {
        this.prefix = prefix;
        this.regex = regex;
        this.state = Objects.requireNonNull(state, "receiptRule.state");
        if (!state.isFinal()) {
            throw new IllegalArgumentException("receiptRule.state must be a final state (DELIVERED, UNDELIVERABLE, "
                    + "EXPIRED, REJECTED …), was " + state);
        }
        Validate.range("receiptRule.errorCode", errorCode, -1, 255);
        this.errorCode = errorCode;
    }

    /** Messages whose destination address starts with {@code prefix} end in {@code state}. */
    public static ReceiptRule forPrefix(String prefix, MessageState state) {
        Objects.requireNonNull(prefix, "receiptRule.prefix");
        return new ReceiptRule(prefix, null, state, -1);
    }

    /** Messages whose whole destination address matches {@code regex} end in {@code state}. */
    public static ReceiptRule forRegex(String regex, MessageState state) {
        Objects.requireNonNull(regex, "receiptRule.regex");
        try {
            return new ReceiptRule(null, Pattern.compile(regex), state, -1);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("receiptRule.regex is not a valid regular expression: " + e.getMessage(), e);
        }
    }

    /** This rule with a network error code (0..255) written in the receipt's err field and TLV. */
    public ReceiptRule withErrorCode(int code) {
        Validate.range("receiptRule.errorCode", code, 0, 255);
        return new ReceiptRule(prefix, regex, state, code);
    }

    /** True when this rule applies to a message for {@code destination}. */
    public boolean matches(String destination) {
        return prefix != null ? destination.startsWith(prefix) : regex.matcher(destination).matches();
    }

    public MessageState state() {
        return state;
    }

    /** The error code, when one was given. */
    public OptionalInt errorCode() {
        return errorCode < 0 ? OptionalInt.empty() : OptionalInt.of(errorCode);
    }

    @Override
    public String toString() {
        return "ReceiptRule{" + (prefix != null ? "prefix=" + prefix : "regex=" + regex.pattern())
                + " -> " + state + (errorCode < 0 ? "" : " err=" + errorCode) + "}";
    }
}
