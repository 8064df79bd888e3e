package io.ujumbe.cli;

import io.ujumbe.client.MessageOutcome;
import io.ujumbe.client.ReceiptEvent;
import io.ujumbe.receipt.ReceiptOutcome;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * Counts what a run of messages came to — outcomes, receipts by state — and lets the command
 * wait until every outcome, or every expected receipt, is in. Thread-safe: the client's threads
 * record, the command's thread waits.
 */
final class Tally {
    private final long startNanos = System.nanoTime();
    private int sent;
    private int accepted;
    private int failed;
    private int expectedReceipts;
    private int receipts;
    private int failedReceipts;
    private final Map<String, Integer> receiptsByState = new TreeMap<>();

    synchronized void sent() {
        sent++;
    }

    /** Records an outcome; an accepted message expects one receipt per part when {@code receipts}. */
    synchronized void outcome(MessageOutcome outcome, boolean receipts) {
        if (outcome instanceof MessageOutcome.Accepted) {
            accepted++;
            if (receipts) {
                expectedReceipts += ((MessageOutcome.Accepted) outcome).messageIds().size();
            }
        } else {
            failed++;
        }
        notifyAll();
    }

    /** A message the client did not take at all (outbox full, client stopped). */
    synchronized void notTaken() {
        failed++;
        notifyAll();
    }

    synchronized void receipt(ReceiptEvent event) {
        receipts++;
        receiptsByState.merge(event.receipt().stat(), 1, Integer::sum);
        if (event.receipt().outcome() == ReceiptOutcome.FAILED) {
            failedReceipts++;
        }
        notifyAll();
    }

    synchronized int sentCount() { return sent; }
    synchronized int done() { return accepted + failed; }
    synchronized int accepted() { return accepted; }
    synchronized int failed() { return failed; }
    synchronized int receipts() { return receipts; }
    synchronized int expectedReceipts() { return expectedReceipts; }
    /** Receipts whose state means the message will not be delivered (UNDELIV, REJECTD, EXPIRED …). */
    synchronized int failedReceipts() { return failedReceipts; }

    /** Wakes the waiting command, e.g. because {@code stop} was completed. */
    synchronized void wake() {
        notifyAll();
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** Waits until {@code n} outcomes are in; the command's own thread, never the client's. */
    void awaitOutcomes(int n) throws InterruptedException {
        awaitOutcomes(n, new CompletableFuture<>());
    }

    /** Waits until every expected receipt is in or {@code timeout} passes; true when all came. */
    boolean awaitReceipts(Duration timeout) throws InterruptedException {
        return awaitReceipts(timeout, new CompletableFuture<>());
    }

    /**
     * Waits until {@code n} outcomes are in or {@code stop} completes; true when all came. The
     * command's own thread, never the client's.
     */
    boolean awaitOutcomes(int n, CompletableFuture<?> stop) throws InterruptedException {
        stop.thenRun(this::wake);
        synchronized (this) {
            while (accepted + failed < n) {
                if (stop.isDone()) {
                    return false;
                }
                wait();
            }
            return true;
        }
    }

    /** Waits until every expected receipt is in, {@code timeout} passes or {@code stop} completes; true when all came. */
    boolean awaitReceipts(Duration timeout, CompletableFuture<?> stop) throws InterruptedException {
        stop.thenRun(this::wake);
        synchronized (this) {
            return awaitReceipts(timeout.toNanos(), stop);
        }
    }

    private boolean awaitReceipts(long timeoutNanos, CompletableFuture<?> stop) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        while (receipts < expectedReceipts) {
            if (stop.isDone()) {
                return false;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    /** e.g. {@code sent 4, accepted 4, failed 0, receipts 6 (DELIVRD 6), elapsed 1.2 s}. */
    synchronized String summary() {
        StringBuilder sb = new StringBuilder("sent ").append(sent).append(", accepted ").append(accepted)
                .append(", failed ").append(failed).append(", receipts ").append(receipts);
        if (!receiptsByState.isEmpty()) {
            StringBuilder states = new StringBuilder();
            receiptsByState.forEach((k, v) -> states.append(states.length() == 0 ? "" : ", ").append(k).append(' ').append(v));
            sb.append(" (").append(states).append(')');
        }
        return sb.append(", elapsed ").append(String.format(java.util.Locale.ROOT, "%.1f s", elapsed().toMillis() / 1000.0))
                .toString();
    }
}
