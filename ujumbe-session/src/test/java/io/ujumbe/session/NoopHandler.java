package io.ujumbe.session;

import io.ujumbe.pdu.CommandStatus;
import io.ujumbe.pdu.Pdu;
import io.ujumbe.pdu.PduRequest;
import io.ujumbe.pdu.PduResponse;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A session handler for tests: answers every request with OK and records what happened. */
class NoopHandler implements SessionHandler {
    final List<PduRequest> requests = new CopyOnWriteArrayList<>();
    final List<String> closeReasons = new CopyOnWriteArrayList<>();
    final List<BindState> states = new CopyOnWriteArrayList<>();
    final List<Pdu> notifications = new CopyOnWriteArrayList<>();
    final AtomicInteger windowAvailable = new AtomicInteger();

    @Override
    public CompletionStage<PduResponse> onRequest(SmppSession session, PduRequest request) {
        requests.add(request);
        return CompletableFuture.completedFuture(request.createResponse(CommandStatus.ESME_ROK));
    }

    @Override
    public void onStateChanged(SmppSession session, BindState from, BindState to) {
        states.add(to);
    }

    @Override
    public void onClosed(SmppSession session, String reason) {
        closeReasons.add(reason);
    }

    @Override
    public void onNotification(SmppSession session, Pdu pdu) {
        notifications.add(pdu);
    }

    @Override
    public void onWindowAvailable(SmppSession session) {
        windowAvailable.incrementAndGet();
    }
}
