package io.ujumbe.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import org.slf4j.LoggerFactory;

import java.net.URL;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Applies {@code --log-format} and {@code --log-level}: reloads the bundled logback.xml with the
 * chosen appender (TEXT or JSON, both on stderr) and root level. It also holds the process-wide
 * fields the JSON encoder writes on every event (for {@code ujumbe run}: the client's identity and
 * {@code logMetadata}, so that events of the Redis components or the command itself carry them too).
 */
final class Logging {
    /** The key under which the process-wide fields are kept in the logback context. */
    static final String FIELDS = "ujumbe.log.fields";

    private static volatile Format format = Format.text;

    private Logging() {
    }

    /** The log formats {@code --log-format} accepts. */
    enum Format { text, json }

    /** The levels {@code --log-level} accepts. */
    enum Level { TRACE, DEBUG, INFO, WARN, ERROR, OFF }

    /** The format of stderr: what {@link #configure} set, or {@link #assumeFormat} before it. */
    static Format format() {
        return format;
    }

    /**
     * Sets the format the command's error lines use before logging is configured (a command line
     * that does not parse never reaches {@link #configure}).
     */
    static void assumeFormat(Format f) {
        format = f;
    }

    /**
     * The {@code --log-format} value on a raw command line ({@code --log-format json} or
     * {@code --log-format=json}, any case), text when absent or not a format.
     */
    static Format scanFormat(String... args) {
        Format found = Format.text;
        for (int i = 0; i < args.length; i++) {
            String value = null;
            if (args[i].equals("--log-format") && i + 1 < args.length) {
                value = args[i + 1];
            } else if (args[i].startsWith("--log-format=")) {
                value = args[i].substring("--log-format=".length());
            }
            if (value != null) {
                found = value.equalsIgnoreCase("json") ? Format.json : Format.text;
            }
        }
        return found;
    }

    static void configure(Format f, Level level) {
        format = f;
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        URL xml = Logging.class.getResource("/logback.xml");
        if (xml == null) {
            return;
        }
        ctx.reset();
        ctx.putProperty("ujumbe.log.format", f.name().toUpperCase(Locale.ROOT));
        ctx.putProperty("ujumbe.log.level", level.name());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(ctx);
        try {
            configurator.doConfigure(xml);
        } catch (JoranException e) {
            throw new IllegalStateException("cannot configure logging from " + xml + ": " + e.getMessage(), e);
        }
    }

    /**
     * Adds fields written on every JSON log event and every JSON error line from now on; a key an
     * event already has keeps the event's value.
     */
    static void addFields(Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields());
        all.putAll(fields);
        ((LoggerContext) LoggerFactory.getILoggerFactory()).putObject(FIELDS, Collections.unmodifiableMap(all));
    }

    /** The process-wide fields, empty when none were added. */
    @SuppressWarnings("unchecked")
    static Map<String, String> fields() {
        Object o = ((LoggerContext) LoggerFactory.getILoggerFactory()).getObject(FIELDS);
        return o instanceof Map ? (Map<String, String>) o : Map.of();
    }

    /** Flushes and stops the appenders, so that nothing logged before a halt is lost. */
    static void stop() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext) {
            ((LoggerContext) LoggerFactory.getILoggerFactory()).stop();
        }
    }
}
