package io.ujumbe.gateway;

import java.util.Objects;

/**
 * One ready-made interceptor, configured rather than coded:
 * <ul>
 *   <li>{@code rewriteSender}: an MT message whose sender is {@code match} (or starts with it, when
 *       it ends in {@code *}) and whose destination starts with {@code to} (any when null) is sent
 *       from {@code value} instead;</li>
 *   <li>{@code blockDestination}: an MT message to a number starting with {@code match} is rejected
 *       ({@code blocked});</li>
 *   <li>{@code moKeyword}: an inbound SMS whose first word is {@code match} (any case) gets the tag
 *       {@code value}, for MO routes to select.</li>
 * </ul>
 *
 * @param type rewriteSender, blockDestination or moKeyword
 * @param match what the rule looks for
 * @param to the destination prefix of rewriteSender, or null
 * @param value the new sender, or the tag
 */
public record RuleConfig(String type, String match, String to, String value) {
    /** The rule types. */
    public static final java.util.List<String> TYPES = java.util.List.of("rewriteSender", "blockDestination", "moKeyword");

    /** Checks the rule. */
    public RuleConfig {
        Objects.requireNonNull(type, "type");
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("type must be one of " + String.join(", ", TYPES) + ", was '" + type + "'");
        }
        if (match == null || match.isEmpty()) {
            throw new IllegalArgumentException("a " + type + " rule needs match");
        }
        if (!type.equals("blockDestination") && (value == null || value.isEmpty())) {
            throw new IllegalArgumentException("a " + type + " rule needs value");
        }
    }
}
