package io.ujumbe.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSON layout: key-value pairs as fields, none lost to a reserved name, process-wide fields added. */
class JsonLogEncoderTest {
    @Test
    void writesPairsAsFieldsKeepsAnErrorPairBesideTheStackTraceAndAddsTheProcessFields() throws Exception {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("client", "process-wide");
        fields.put("app", "billing");
        context.putObject(Logging.FIELDS, fields);
        JsonLogEncoder encoder = new JsonLogEncoder();
        encoder.setContext(context);
        encoder.start();

        LoggingEvent event = new LoggingEvent(getClass().getName(), context.getLogger("io.ujumbe.test"), Level.WARN,
                "cannot connect", new IllegalStateException("boom"), null);
        event.addKeyValuePair(new KeyValuePair("client", "from-the-event"));
        event.addKeyValuePair(new KeyValuePair("error", "connection refused"));
        event.addKeyValuePair(new KeyValuePair("message", "a pair named message"));
        event.addKeyValuePair(new KeyValuePair("attempts", 3));
        event.addKeyValuePair(new KeyValuePair("session", null));
        String line = new String(encoder.encode(event), StandardCharsets.UTF_8);

        assertThat(line).endsWith("}\n").doesNotContain("\n{");
        JsonNode json = new ObjectMapper().readTree(line);
        assertThat(json.path("level").asText()).isEqualTo("WARN");
        assertThat(json.path("message").asText()).isEqualTo("cannot connect");
        assertThat(json.path("error").asText()).isEqualTo("connection refused");
        assertThat(json.path("kv.message").asText()).isEqualTo("a pair named message");
        assertThat(json.path("stackTrace").asText()).contains("IllegalStateException: boom");
        assertThat(json.path("attempts").isNumber()).isTrue();
        assertThat(json.has("session")).isTrue();
        assertThat(json.path("session").isNull()).isTrue();
        assertThat(json.path("client").asText()).as("the event's own value wins").isEqualTo("from-the-event");
        assertThat(json.path("app").asText()).isEqualTo("billing");
    }
}
