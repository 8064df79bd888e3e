package io.ujumbe.client;

import org.slf4j.Logger;
import org.slf4j.event.Level;
import org.slf4j.spi.LoggingEventBuilder;

import java.util.Map;

/**
 * The log events of one client. Every event carries, as SLF4J key-value pairs and in the same
 * order as the session layer's: {@code session} (the session id, or null when the event concerns
 * no one connection), then the client's {@link ClientConfig#logMetadata()}: {@code client},
 * {@code smsc}, {@code systemId} and the user's own pairs. One helper for every class of the client
 * so that no event can forget them.
 */
final class ClientLog {
    private final Logger logger;
    private final Map<String, String> metadata;

    ClientLog(Logger logger, ClientConfig config) {
        this.logger = logger;
        this.metadata = config.logMetadata();
    }

    boolean isDebugEnabled() {
        return logger.isDebugEnabled();
    }

    /** An event builder at {@code level} with the client's identity; a no-op builder when the level is off. */
    LoggingEventBuilder at(Level level, String sessionId) {
        if (!logger.isEnabledForLevel(level)) {
            // Checked first: the pairs are copied into every event, and most DEBUG events are off.
            return logger.atLevel(level);
        }
        LoggingEventBuilder b = logger.atLevel(level).addKeyValue("session", sessionId);
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            b = b.addKeyValue(e.getKey(), e.getValue());
        }
        return b;
    }

    LoggingEventBuilder debug(String sessionId) {
        return at(Level.DEBUG, sessionId);
    }

    LoggingEventBuilder info(String sessionId) {
        return at(Level.INFO, sessionId);
    }

    LoggingEventBuilder warn(String sessionId) {
        return at(Level.WARN, sessionId);
    }

    LoggingEventBuilder error(String sessionId) {
        return at(Level.ERROR, sessionId);
    }
}
