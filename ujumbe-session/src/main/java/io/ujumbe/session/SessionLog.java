package io.ujumbe.session;

import org.slf4j.Logger;
import org.slf4j.event.Level;
import org.slf4j.spi.LoggingEventBuilder;

import java.util.Map;

/**
 * Structured log events for a session: every event carries the session id, the role and the
 * user's log metadata as key-value pairs, so JSON logs can be filtered by client, host or system_id.
 */
final class SessionLog {
    private final Logger logger;
    private final String sessionId;
    private final SessionRole role;
    private final Map<String, String> metadata;

    SessionLog(Logger logger, String sessionId, SessionRole role, Map<String, String> metadata) {
        this.logger = logger;
        this.sessionId = sessionId;
        this.role = role;
        this.metadata = metadata;
    }

    boolean isDebug() {
        return logger.isDebugEnabled();
    }

    void debug(String message, Object... keyValues) {
        if (logger.isDebugEnabled()) {
            event(Level.DEBUG, message, null, keyValues);
        }
    }

    void info(String message, Object... keyValues) {
        if (logger.isInfoEnabled()) {
            event(Level.INFO, message, null, keyValues);
        }
    }

    void warn(String message, Throwable cause, Object... keyValues) {
        if (logger.isWarnEnabled()) {
            event(Level.WARN, message, cause, keyValues);
        }
    }

    private void event(Level level, String message, Throwable cause, Object... keyValues) {
        LoggingEventBuilder b = logger.atLevel(level)
                .addKeyValue("session", sessionId)
                .addKeyValue("role", role);
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            b = b.addKeyValue(e.getKey(), e.getValue());
        }
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            b = b.addKeyValue(String.valueOf(keyValues[i]), keyValues[i + 1]);
        }
        if (cause != null) {
            b = b.setCause(cause);
        }
        b.log(message);
    }
}
