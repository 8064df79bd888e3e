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
 * a top-level field (the session id, system_id and the user's log metadata land here, as naz's
 * logs carry theirs), and {@code error} with the stack trace when there is one. Logback's own
 * JsonEncoder nests key-value pairs in a list, which makes them awkward to filter on.
 */
public final class JsonLogEncoder extends EncoderBase<ILoggingEvent> {
    private static final byte[] EMPTY = new byte[0];
    private static final Set<String> RESERVED = Set.of("time", "level", "logger", "thread", "message", "error");

    private final JsonFactory factory = new JsonFactory();

    @Override
    public byte[] headerBytes() {
        return EMPTY;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = factory.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("time", Instant.ofEpochMilli(event.getTimeStamp()).toString());
            g.writeStringField("level", event.getLevel().toString());
            g.writeStringField("logger", event.getLoggerName());
            g.writeStringField("thread", event.getThreadName());
            g.writeStringField("message", event.getFormattedMessage());
            Set<String> written = new HashSet<>(RESERVED);
            List<KeyValuePair> kvs = event.getKeyValuePairs();
            if (kvs != null) {
                for (KeyValuePair kv : kvs) {
                    writeField(g, written, kv.key, kv.value);
                }
            }
            Map<String, String> mdc = event.getMDCPropertyMap();
            if (mdc != null) {
                for (Map.Entry<String, String> e : mdc.entrySet()) {
                    writeField(g, written, e.getKey(), e.getValue());
                }
            }
            IThrowableProxy error = event.getThrowableProxy();
            if (error != null) {
                g.writeStringField("error", ThrowableProxyUtil.asString(error));
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a log event as JSON", e);
        }
        out.write('\n');
        return out.toByteArray();
    }

    @Override
    public byte[] footerBytes() {
        return EMPTY;
    }

    /** Writes a field once: a later key that repeats an earlier one (or a reserved name) is dropped. */
    private static void writeField(JsonGenerator g, Set<String> written, String key, Object value) throws IOException {
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
