package io.ujumbe.smsc;

import io.ujumbe.pdu.Bind;
import io.ujumbe.pdu.BindResp;
import io.ujumbe.pdu.BindType;
import io.ujumbe.pdu.CommandStatus;
import io.ujumbe.pdu.DeliverSm;
import io.ujumbe.pdu.PduRequest;
import io.ujumbe.pdu.PduResponse;
import io.ujumbe.session.SessionConfig;
import io.ujumbe.session.SessionHandler;
import io.ujumbe.session.SmppConnector;
import io.ujumbe.session.SmppSession;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** An ESME on the bare session layer, for PDUs the client does not send (query_sm, cancel_sm …). */
final class RawEsme implements AutoCloseable {
    final List<DeliverSm> delivered = new CopyOnWriteArrayList<>();
    /** The status answered to deliver_sm. */
    volatile CommandStatus answer = CommandStatus.ESME_ROK;
    private final SmppConnector connector = SmppConnector.create(1);
    private final SmppSession session;

    private RawEsme(int port) throws Exception {
        SessionConfig config = SessionConfig.builder().enquireLinkInterval(Duration.ZERO)
                .responseTimeout(Duration.ofSeconds(5)).build();
        session = connector.connect("127.0.0.1", port, config, new SessionHandler() {
            @Override
            public CompletionStage<PduResponse> onRequest(SmppSession s, PduRequest request) {
                if (request instanceof DeliverSm d) {
                    CommandStatus status = answer;
                    if (status.isOk()) {
                        delivered.add(d);
                    }
                    return CompletableFuture.completedFuture(d.createResponse(status));
                }
                return CompletableFuture.completedFuture(request.createResponse(CommandStatus.ESME_ROK));
            }
        }).get(5, TimeUnit.SECONDS);
    }

    static RawEsme connect(int port) throws Exception {
        return new RawEsme(port);
    }

    static RawEsme bound(int port, BindType type, String systemId, String password) throws Exception {
        RawEsme esme = connect(port);
        BindResp resp = esme.bind(type, systemId, password);
        if (!resp.commandStatus().isOk()) {
            esme.close();
            throw new IllegalStateException("bind refused: " + resp.commandStatus());
        }
        return esme;
    }

    BindResp bind(BindType type, String systemId, String password) throws Exception {
        return session.bind(Bind.builder().type(type).systemId(systemId).password(password).build())
                .get(5, TimeUnit.SECONDS);
    }

    @SuppressWarnings("unchecked")
    <T extends PduResponse> T send(PduRequest request) throws Exception {
        return (T) session.send(request).get(5, TimeUnit.SECONDS);
    }

    SmppSession session() {
        return session;
    }

    @Override
    public void close() {
        session.close("test done");
        connector.close(Duration.ofSeconds(2));
    }
}
