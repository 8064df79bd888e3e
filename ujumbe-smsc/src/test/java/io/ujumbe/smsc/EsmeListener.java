package io.ujumbe.smsc;

import io.ujumbe.client.ClientListener;
import io.ujumbe.client.InboundMessage;
import io.ujumbe.client.MessageOutcome;
import io.ujumbe.client.ReceiptEvent;
import io.ujumbe.pdu.CommandStatus;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Records what ujumbe's client tells its listeners while it talks to the simulator. */
final class EsmeListener implements ClientListener {
    final List<MessageOutcome> outcomes = new CopyOnWriteArrayList<>();
    final Map<String, AtomicInteger> outcomesPerMessage = new ConcurrentHashMap<>();
    final List<ReceiptEvent> receipts = new CopyOnWriteArrayList<>();
    final List<InboundMessage> inbound = new CopyOnWriteArrayList<>();
    final List<CommandStatus> bindRejections = new CopyOnWriteArrayList<>();

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
        inbound.add(message);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void onBindRejected(CommandStatus status, int consecutiveRejections) {
        bindRejections.add(status);
    }

    long accepted() {
        return outcomes.stream().filter(MessageOutcome::isAccepted).count();
    }

    /** True when no message got more than one outcome. */
    boolean noDuplicates() {
        return outcomesPerMessage.values().stream().allMatch(n -> n.get() == 1);
    }
}
