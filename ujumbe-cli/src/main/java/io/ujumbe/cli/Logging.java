package io.ujumbe.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import org.slf4j.LoggerFactory;

import java.net.URL;
import java.util.Locale;

/**
 * Applies {@code --log-format} and {@code --log-level}: reloads the bundled logback.xml with the
 * chosen appender (TEXT or JSON, both on stderr) and root level.
 */
final class Logging {
    private Logging() {
    }

    /** The log formats {@code --log-format} accepts. */
    enum Format { text, json }

    /** The levels {@code --log-level} accepts. */
    enum Level { TRACE, DEBUG, INFO, WARN, ERROR, OFF }

    static void configure(Format format, Level level) {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        URL xml = Logging.class.getResource("/logback.xml");
        if (xml == null) {
            return;
        }
        ctx.reset();
        ctx.putProperty("ujumbe.log.format", format.name().toUpperCase(Locale.ROOT));
        ctx.putProperty("ujumbe.log.level", level.name());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(ctx);
        try {
            configurator.doConfigure(xml);
        } catch (JoranException e) {
            throw new IllegalStateException("cannot configure logging from " + xml + ": " + e.getMessage(), e);
        }
    }

    /** Flushes and stops the appenders, so that nothing logged before a halt is lost. */
    static void stop() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext) {
            ((LoggerContext) LoggerFactory.getILoggerFactory()).stop();
        }
    }
}
