package io.ujumbe.cli;

import io.ujumbe.client.MessageOutcome;
import io.ujumbe.client.ReceiptEvent;
import io.ujumbe.receipt.DeliveryReceipt;

import java.io.PrintStream;

/**
 * The command's output on stdout: one line per outcome and per receipt, and, on a terminal, a
 * progress line kept at the bottom (redrawn after each output line). Synchronized because the
 * client's threads print.
 */
final class ConsoleOutput {
    private static final String CLEAR_LINE = "\r\033[K";

    private final PrintStream out;
    private String progress;
    private boolean progressEnded;

    ConsoleOutput(PrintStream out) {
        this.out = out;
    }

    synchronized void line(String text) {
        if (progress != null) {
            out.print(CLEAR_LINE);
        }
        out.println(text);
        if (progress != null) {
            out.print(progress);
        }
        out.flush();
    }

    /** Shows (or replaces) the progress line; only ever called when stdout is a terminal. */
    synchronized void progress(String text) {
        if (progressEnded) {
            return;
        }
        progress = text;
        out.print(CLEAR_LINE + text);
        out.flush();
    }

    /** Removes the progress line for good. */
    synchronized void endProgress() {
        progressEnded = true;
        if (progress != null) {
            out.print(CLEAR_LINE);
            out.flush();
            progress = null;
        }
    }

    /**
     * An outcome's line; when the run is stopping ({@code stopReason} not null) a message the
     * client failed because it stopped says why the run stopped.
     */
    static String format(MessageOutcome outcome, String stopReason) {
        if (stopReason == null || !(outcome instanceof MessageOutcome.Failed f) || !f.reason().startsWith("client stopped")) {
            return format(outcome);
        }
        return "failed    " + f.correlationId() + "  status=" + (f.status() != null ? f.status().name() : "-")
                + "  reason=" + stopReason + "; " + f.reason() + "  attempts=" + f.attempts();
    }

    static String format(MessageOutcome outcome) {
        if (outcome instanceof MessageOutcome.Accepted) {
            MessageOutcome.Accepted a = (MessageOutcome.Accepted) outcome;
            return "accepted  " + a.correlationId() + "  ids=" + String.join(",", a.messageIds())
                    + (a.messageIds().size() > 1 ? "  parts=" + a.messageIds().size() : "")
                    + "  attempts=" + a.attempts();
        }
        MessageOutcome.Failed f = (MessageOutcome.Failed) outcome;
        return "failed    " + f.correlationId() + "  status=" + (f.status() != null ? f.status().name() : "-")
                + "  reason=" + f.reason() + "  attempts=" + f.attempts();
    }

    static String format(ReceiptEvent event) {
        DeliveryReceipt r = event.receipt();
        String part = event.correlation().filter(c -> c.isMultipart())
                .map(c -> "  part=" + c.partNumber() + "/" + c.totalParts()).orElse("");
        return "receipt   " + event.correlationId().orElse("?") + "  id=" + r.messageId() + "  stat=" + r.stat()
                + (r.err().isEmpty() ? "" : "  err=" + r.err()) + part;
    }
}
