package io.ujumbe.cli;

import io.ujumbe.client.OutboundMessage;
import io.ujumbe.client.Outbox;
import io.ujumbe.client.OutboxFullException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads a JSON-lines file (or stdin) on its own thread and offers each message to the client's
 * outbox (in memory, or the shared Redis outbox). The client's threads never wait on this input;
 * when the outbox is full, or refuses the message for another reason (Redis unreachable), this
 * thread backs off and offers the same message again, so nothing read is dropped. A line that is
 * not a valid message is logged with its number and skipped.
 */
final class JsonlFeeder {
    private static final Logger LOG = LoggerFactory.getLogger(JsonlFeeder.class);
    private static final long MAX_BACKOFF_MILLIS = 500;

    private final String path;
    private final Outbox outbox;
    private final Thread thread;
    private final AtomicLong offered = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private volatile boolean stopping;

    /** {@code path} is a file, or "-" for standard input. */
    JsonlFeeder(String path, Outbox outbox) {
        this.path = path;
        this.outbox = outbox;
        this.thread = new Thread(this::readAll, "ujumbe-outbox-reader");
        // Reading stdin cannot be interrupted; a daemon thread never holds the process open.
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Stops reading; lines not yet read stay unread. */
    void stop() {
        stopping = true;
        thread.interrupt();
    }

    long offered() {
        return offered.get();
    }

    long rejected() {
        return rejected.get();
    }

    private void readAll() {
        long lineNumber = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(open(), StandardCharsets.UTF_8))) {
            String line;
            while (!stopping && (line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                OutboundMessage message;
                try {
                    message = JsonlMessage.parse(line);
                } catch (IllegalArgumentException e) {
                    rejected.incrementAndGet();
                    // The message itself names the line, so that it reads whole in text logs too.
                    LOG.atWarn().addKeyValue("source", path).addKeyValue("line", lineNumber)
                            .log("{} line {} rejected: {}", "-".equals(path) ? "stdin" : path, lineNumber, e.getMessage());
                    continue;
                }
                if (!offer(message)) {
                    return;
                }
            }
            LOG.atInfo().addKeyValue("source", path).addKeyValue("offered", offered.get())
                    .addKeyValue("rejected", rejected.get())
                    .log(stopping ? "outbox reader stopped" : "outbox source fully read");
        } catch (IOException e) {
            LOG.atError().addKeyValue("source", path).addKeyValue("line", lineNumber).setCause(e)
                    .log("cannot read the outbox source");
        }
    }

    /** Offers until the outbox takes the message; false when stopped first. */
    private boolean offer(OutboundMessage message) {
        long backoff = 10;
        boolean warned = false;
        while (!stopping) {
            try {
                outbox.offer(message).toCompletableFuture().get();
                offered.incrementAndGet();
                return true;
            } catch (ExecutionException | CompletionException e) {
                if (!(e.getCause() instanceof OutboxFullException) && !warned) {
                    warned = true;
                    LOG.atWarn().addKeyValue("correlationId", message.correlationId())
                            .log("outbox refused a message, offering it again: {}", String.valueOf(e.getCause()));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
        }
        return false;
    }

    private InputStream open() throws IOException {
        return "-".equals(path) ? System.in : Files.newInputStream(Path.of(path));
    }
}
