package io.ujumbe.cli;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.encoder.EncoderBase;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.slf4j.event.KeyValuePair;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes each log event as one compact JSON object per line: {@code time}, {@code level},
 * {@code logger}, {@code thread}, {@code message}, then every SLF4J key-value pair and MDC entry as
 * a top-level field (the session id, client, smsc, system_id and the user's log metadata land here,
 * as naz's logs carry theirs), then the process-wide fields of {@link Logging#addFields} that the
 * event does not already have, and {@code stackTrace} when the event has a throwable. A pair whose
 * key is one of those six names is written as {@code kv.<key>} rather than lost. Logback's
 * own JsonEncoder nests key-value pairs in a list, which makes them awkward to filter on. The
 * command's final error lines use the same layout ({@link #line}), so every line of stderr parses.
 */
public final class JsonLogEncoder extends EncoderBase<ILoggingEvent> {
    private static final byte[] EMPTY = new byte[0];
    private static final Set<String> RESERVED = Set.of("time", "level", "logger", "thread", "message", "stackTrace");
    private static final JsonFactory FACTORY = new JsonFactory();

    @Override
    public byte[] headerBytes() {
        return EMPTY;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        IThrowableProxy error = event.getThrowableProxy();
        Object fields = getContext() == null ? null : getContext().getObject(Logging.FIELDS);
        return line(event.getTimeStamp(), event.getLevel().toString(), event.getLoggerName(), event.getThreadName(),
                event.getFormattedMessage(), event.getKeyValuePairs(), event.getMDCPropertyMap(),
                fields instanceof Map ? (Map<?, ?>) fields : null,
                error != null ? ThrowableProxyUtil.asString(error) : null);
    }

    @Override
    public byte[] footerBytes() {
        return EMPTY;
    }

    /**
     * One JSON line (with its newline) in the layout of a log event. A later key that repeats an
     * earlier one is dropped: the event's own pairs win over MDC, which wins over the process-wide
     * fields.
     */
    static byte[] line(long timeMillis, String level, String logger, String thread, String message,
                       List<KeyValuePair> keyValues, Map<?, ?> mdc, Map<?, ?> fields, String stackTrace) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("time", Instant.ofEpochMilli(timeMillis).toString());
            g.writeStringField("level", level);
            g.writeStringField("logger", logger);
            g.writeStringField("thread", thread);
            g.writeStringField("message", message);
            Set<String> written = new HashSet<>(RESERVED);
            if (keyValues != null) {
                for (KeyValuePair kv : keyValues) {
                    writeField(g, written, kv.key, kv.value);
                }
            }
            for (Map<?, ?> map : new Map<?, ?>[]{mdc, fields}) {
                if (map != null) {
                    for (Map.Entry<?, ?> e : map.entrySet()) {
                        writeField(g, written, String.valueOf(e.getKey()), e.getValue());
                    }
                }
            }
            if (stackTrace != null) {
                g.writeStringField("stackTrace", stackTrace);
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a log event as JSON", e);
        }
        out.write('\n');
        return out.toByteArray();
    }

    /** Writes a field once: a later key that repeats an earlier one is dropped; a reserved name gets {@code kv.}. */
    private static void writeField(JsonGenerator g, Set<String> written, String key, Object value) throws IOException {
        if (key != null && RESERVED.contains(key)) {
            key = "kv." + key;
        }
        if (key == null || !written.add(key)) {
            return;
        }
        if (value == null) {
            g.writeNullField(key);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            g.writeNumberField(key, ((Number) value).longValue());
        } else if (value instanceof Double || value instanceof Float) {
            g.writeNumberField(key, ((Number) value).doubleValue());
        } else if (value instanceof Boolean) {
            g.writeBooleanField(key, (Boolean) value);
        } else {
            g.writeStringField(key, String.valueOf(value));
        }
    }
}
