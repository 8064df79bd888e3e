package io.ujumbe.cli;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.ujumbe.client.InMemoryOutbox;
import io.ujumbe.client.OutboxEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The JSON-lines outbox of {@code ujumbe run}: a naz producer's lines are sent unchanged, and a bad
 * line is logged naming its line number and field in plain words, without the parser's internals.
 */
class JsonlFeederTest {
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(JsonlFeeder.class);

    @TempDir
    Path dir;

    @BeforeEach
    void capture() {
        logs.start();
        logger.addAppender(logs);
    }

    @AfterEach
    void release() {
        logger.detachAppender(logs);
    }

    @Test
    void nazLinesAreSentAndBadLinesAreNamedByLineAndField() throws Exception {
        Path file = Files.writeString(dir.resolve("outbox.jsonl"), String.join("\n",
                "{\"version\":\"1\",\"smpp_event\":\"submit_sm\",\"short_message\":\"Hello World-0\","
                        + "\"correlation_id\":\"myid12345\",\"source_addr\":\"254722111111\",\"destination_addr\":\"254722999999\"}",
                "{\"version\":1,\"to\":'254700000001',\"text\":\"hi\"}",
                "",
                "{\"version\":1,\"text\":\"no destination\"}",
                "{\"version\": 1, \"smpp_command\": \"submit_sm\", \"log_id\": \"l-2\", \"pdu\": null, \"short_message\": \"x\","
                        + " \"source_addr\": \"ACME\", \"destination_addr\": \"254722999998\", \"hook_metadata\": \"{}\"}"));
        InMemoryOutbox outbox = new InMemoryOutbox(100);
        JsonlFeeder feeder = new JsonlFeeder(file.toString(), outbox);
        feeder.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> feeder.offered() + feeder.rejected() == 4);

        List<OutboxEntry> entries = outbox.poll(10).toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertThat(entries).extracting(e -> e.message().correlationId()).containsExactly("myid12345", "l-2");
        assertThat(entries.get(0).message().text()).isEqualTo("Hello World-0");
        assertThat(feeder.rejected()).isEqualTo(2);
        List<String> warnings = logs.list.stream().map(ILoggingEvent::getFormattedMessage)
                .filter(m -> m.contains("rejected")).toList();
        assertThat(warnings).containsExactly(
                file + " line 2 rejected: invalid message JSON: not well-formed JSON: unexpected character \"'\""
                        + " (strings take double quotes) at column 19",
                file + " line 4 rejected: invalid message JSON: field 'to' is required");
        assertThat(String.join("\n", warnings)).doesNotContain("com.fasterxml", "[Source", "code 39");
    }
}
