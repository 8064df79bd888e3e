package io.ujumbe.cli;

import org.slf4j.event.KeyValuePair;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The command's own error lines on stderr (a usage or configuration error, a rejected bind, a
 * failed shutdown): {@code ujumbe <command>: <message>} with {@code --log-format text}, one JSON
 * object in the layout of a log event with {@code --log-format json} ({@code level} ERROR,
 * {@code logger} io.ujumbe.cli, {@code command}, {@code exitStatus} when the command ends with it,
 * and the process-wide fields), so that every line of stderr parses as JSON. They are printed
 * whatever {@code --log-level} says: they are the command's answer, not log events.
 */
final class ErrorLines {
    /** The {@code logger} field of the JSON lines. */
    static final String LOGGER = "io.ujumbe.cli";

    private ErrorLines() {
    }

    /** Prints one error line to {@code System.err}; {@code exitStatus} is null when the command goes on. */
    static void print(String command, String message, Integer exitStatus) {
        PrintStream err = System.err;
        if (Logging.format() == Logging.Format.json) {
            byte[] line = json(command, message, exitStatus, null);
            err.write(line, 0, line.length);
        } else {
            err.println(text(command, message));
        }
        err.flush();
    }

    /** Prints one error line to {@code err} (picocli's error writer). */
    static void print(PrintWriter err, String command, String message, Integer exitStatus, String help) {
        if (Logging.format() == Logging.Format.json) {
            err.print(new String(json(command, message, exitStatus, help), StandardCharsets.UTF_8));
        } else {
            err.println(text(command, message));
        }
        err.flush();
    }

    private static String text(String command, String message) {
        return (command == null || command.isEmpty() ? "ujumbe" : "ujumbe " + command) + ": " + message;
    }

    private static byte[] json(String command, String message, Integer exitStatus, String help) {
        List<KeyValuePair> kv = new ArrayList<>(4);
        kv.add(new KeyValuePair("command", command == null || command.isEmpty() ? "ujumbe" : command));
        if (exitStatus != null) {
            kv.add(new KeyValuePair("exitStatus", exitStatus));
        }
        if (help != null) {
            kv.add(new KeyValuePair("help", help));
        }
        return JsonLogEncoder.line(System.currentTimeMillis(), "ERROR", LOGGER, Thread.currentThread().getName(),
                message, kv, null, Logging.fields(), null);
    }
}
