package io.ujumbe.client;

import io.ujumbe.pdu.CommandStatus;
import io.ujumbe.session.BindState;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Records everything a client tells its listeners, and counts outcomes per correlation id. */
class RecordingListener implements ClientListener {
    final List<MessageOutcome> outcomes = new CopyOnWriteArrayList<>();
    final Map<String, AtomicInteger> outcomesPerMessage = new ConcurrentHashMap<>();
    final List<ReceiptEvent> receipts = new CopyOnWriteArrayList<>();
    final List<InboundMessage> inbound = new CopyOnWriteArrayList<>();
    final List<CommandStatus> bindRejections = new CopyOnWriteArrayList<>();
    final List<BindState> states = new CopyOnWriteArrayList<>();
    volatile boolean failInbound;

    @Override
    public void onOutcome(MessageOutcome outcome) {
        outcomes.add(outcome);
        outcomesPerMessage.computeIfAbsent(outcome.correlationId(), k -> new AtomicInteger()).incrementAndGet();
    }

    @Override
    public CompletionStage<Void> onReceipt(ReceiptEvent receipt) {
        receipts.add(receipt);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> onInboundMessage(InboundMessage message) {
        if (failInbound) {
            return CompletableFuture.failedFuture(new IllegalStateException("application database is down"));
        }
        inbound.add(message);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void onBindStateChanged(String sessionId, BindState from, BindState to) {
        states.add(to);
    }

    @Override
    public void onBindRejected(CommandStatus status, int consecutiveRejections) {
        bindRejections.add(status);
    }

    long accepted() {
        return outcomes.stream().filter(MessageOutcome::isAccepted).count();
    }

    long failed() {
        return outcomes.stream().filter(o -> !o.isAccepted()).count();
    }

    /** True when no message got more than one outcome. */
    boolean noDuplicates() {
        return outcomesPerMessage.values().stream().allMatch(n -> n.get() == 1);
    }
}
