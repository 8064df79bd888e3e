package io.ujumbe.cli;

import io.lettuce.core.RedisURI;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The {@code redis:} section of a {@code ujumbe run} file, checked when read: the Redis server,
 * the shared outbox, correlation store, rate limit, sequencer and event streams that let several
 * processes share one SMPP account. Every key is derived from {@link #keyPrefix()} unless set.
 * {@link #toString()} and {@link #redactedUri()} never show the URI's password.
 */
final class RedisSettings {
    final String uri;
    final Duration commandTimeout;
    final String keyPrefix;
    final String group;
    /** This process's consumer name, or null for the outbox's default (host:pid). */
    final String consumer;
    final long maxLength;
    final int maxAttempts;
    final Duration claimIdle;
    final Duration correlationTtl;
    final boolean rateLimit;
    /** The bucket's burst, or 0 for the limiter's default. */
    final int rateCapacity;
    /** Tokens reserved per round trip, or 0 for the limiter's default. */
    final int rateBatch;
    final boolean sequencer;
    final int sequencerBlockSize;
    /** The stream each kind of event is published to; null = not published. */
    final String outcomesStream;
    final String receiptsStream;
    final String inboundStream;
    final Duration reassemblyTtl;
    final int reassemblyMaxIncomplete;
    final Duration reassemblyDeliveryLease;

    /**
     * Reads {@code node} ({@code redis}); {@code ratePerSecond} is the client's, which becomes the
     * rate shared by every process when the rate limit is on.
     */
    RedisSettings(ConfigNode node, double ratePerSecond) {
        uri = node.requiredString("uri");
        if (!uri.isEmpty()) {
            try {
                RedisURI.create(uri);
            } catch (RuntimeException e) {
                // Lettuce's message may echo the URI, password included: name the key and the redacted form only.
                node.problem(node.key("uri") + " is not a valid Redis URI such as redis://host:6379/0, was '"
                        + redact(uri) + "'");
            }
        }
        commandTimeout = node.duration("commandTimeout", Duration.ofSeconds(5), Duration.ofMillis(1));
        if (commandTimeout.compareTo(Duration.ofSeconds(60)) > 0) {
            node.problem(node.key("commandTimeout") + " must be at most 60s, was " + ConfigNode.format(commandTimeout));
        }
        keyPrefix = node.string("keyPrefix", "ujumbe:");
        if (keyPrefix.isEmpty()) {
            node.problem(node.key("keyPrefix") + " must not be empty");
        }

        ConfigNode outbox = node.object("outbox");
        group = nonEmpty(outbox, "group", "ujumbe");
        consumer = nonEmpty(outbox, "consumer", null);
        maxLength = outbox.integer("maxLength", 100_000, 1, Integer.MAX_VALUE);
        maxAttempts = outbox.integer("maxAttempts", 10, 1, 1000);
        claimIdle = outbox.duration("claimIdle", Duration.ofSeconds(60), Duration.ofMillis(300));
        if (claimIdle.compareTo(Duration.ofDays(1)) > 0) {
            outbox.problem(outbox.key("claimIdle") + " must be at most 1d, was " + ConfigNode.format(claimIdle));
        }
        outbox.rejectUnknownKeys();

        ConfigNode correlation = node.object("correlation");
        correlationTtl = correlation.duration("ttl", Duration.ofDays(3), Duration.ofMillis(1));
        if (correlationTtl.compareTo(Duration.ofDays(365)) > 0) {
            correlation.problem(correlation.key("ttl") + " must be at most 365d, was " + ConfigNode.format(correlationTtl));
        }
        correlation.rejectUnknownKeys();

        ConfigNode rate = node.object("rateLimit");
        boolean explicit = rate.has("enabled");
        boolean enabled = rate.bool("enabled", true);
        rateCapacity = rate.integer("capacity", 0, 1, 10_000_000);
        rateBatch = rate.integer("batch", 0, 1, 10_000_000);
        if (enabled && ratePerSecond > 100_000) {
            rate.problem(rate.key("enabled") + " shares client.ratePerSecond, which must then be at most 100000, was "
                    + ratePerSecond);
        } else if (enabled && explicit && ratePerSecond == 0) {
            rate.problem(rate.key("enabled") + " needs client.ratePerSecond (the account's rate) above 0");
        }
        // Without a rate there is nothing to share: the default (enabled) then means "no limit".
        rateLimit = enabled && ratePerSecond > 0;
        rate.rejectUnknownKeys();

        ConfigNode seq = node.object("sequencer");
        sequencer = seq.bool("enabled", false);
        sequencerBlockSize = seq.integer("blockSize", 1000, 2, 1_000_000);
        seq.rejectUnknownKeys();

        ConfigNode events = node.object("events");
        outcomesStream = nonEmpty(events, "outcomes", null);
        receiptsStream = nonEmpty(events, "receipts", null);
        inboundStream = nonEmpty(events, "inbound", null);
        events.rejectUnknownKeys();

        ConfigNode reassembly = node.object("reassembly");
        reassemblyTtl = reassembly.duration("ttl", Duration.ofMinutes(5), Duration.ofSeconds(1));
        if (reassemblyTtl.compareTo(Duration.ofDays(7)) > 0) {
            reassembly.problem(reassembly.key("ttl") + " must be at most 7d, was " + ConfigNode.format(reassemblyTtl));
        }
        reassemblyMaxIncomplete = reassembly.integer("maxIncomplete", 100_000, 1, 10_000_000);
        reassemblyDeliveryLease = reassembly.duration("deliveryLease", Duration.ofSeconds(30), Duration.ofMillis(100));
        if (reassemblyDeliveryLease.compareTo(Duration.ofHours(1)) > 0) {
            reassembly.problem(reassembly.key("deliveryLease") + " must be at most 1h, was "
                    + ConfigNode.format(reassemblyDeliveryLease));
        }
        reassembly.rejectUnknownKeys();

        node.rejectUnknownKeys();
    }

    /** The string at {@code name}, or {@code defaultValue} (may be null) when absent; present but empty is a problem. */
    private static String nonEmpty(ConfigNode node, String name, String defaultValue) {
        String v = node.string(name, defaultValue);
        if (v != null && v.isEmpty()) {
            node.problem(node.key(name) + " must not be empty");
        }
        return v;
    }

    String correlationKeyPrefix() {
        return keyPrefix + "corr:";
    }

    String rateKey() {
        return keyPrefix + "rate";
    }

    String sequenceKey() {
        return keyPrefix + "sequence";
    }

    boolean publishesEvents() {
        return outcomesStream != null || receiptsStream != null || inboundStream != null;
    }

    /** The URI with any password replaced by {@code ***}, for logs. */
    String redactedUri() {
        return redact(uri);
    }

    /**
     * {@code redis://user:pw@host} → {@code redis://user:***@host}; {@code redis://pw@host} →
     * {@code redis://***@host}. Everything up to the last {@code @} counts as user info, so that a
     * password holding an unencoded {@code @} or {@code /} is hidden whole (over-redacting is harmless).
     */
    static String redact(String uri) {
        int at = uri.lastIndexOf('@');
        if (at < 0) {
            return uri;
        }
        int scheme = uri.indexOf("://");
        int start = scheme >= 0 && scheme < at ? scheme + 3 : 0;
        String userInfo = uri.substring(start, at);
        int colon = userInfo.indexOf(':');
        String shown = colon >= 0 ? userInfo.substring(0, colon) + ":***" : "***";
        return uri.substring(0, start) + shown + uri.substring(at);
    }

    /** {@code text} (an error message) with the URI and its password, should it contain them, redacted. */
    String scrub(String text) {
        String out = text.replace(uri, redactedUri());
        String raw = password(uri);
        if (raw.isEmpty()) {
            return out;
        }
        out = out.replace(raw, "***");
        try {
            String decoded = URLDecoder.decode(raw, StandardCharsets.UTF_8);
            return decoded.isEmpty() ? out : out.replace(decoded, "***");
        } catch (IllegalArgumentException e) {
            return out;
        }
    }

    /** The password part of the user info, as written (see {@link #redact(String)}); empty when none. */
    private static String password(String uri) {
        int at = uri.lastIndexOf('@');
        if (at < 0) {
            return "";
        }
        int scheme = uri.indexOf("://");
        String userInfo = uri.substring(scheme >= 0 && scheme < at ? scheme + 3 : 0, at);
        int colon = userInfo.indexOf(':');
        return colon >= 0 ? userInfo.substring(colon + 1) : userInfo;
    }

    @Override
    public String toString() {
        return "redis{uri=" + redactedUri() + ", keyPrefix=" + keyPrefix + ", group=" + group
                + ", rateLimit=" + rateLimit + ", sequencer=" + sequencer + '}';
    }
}
