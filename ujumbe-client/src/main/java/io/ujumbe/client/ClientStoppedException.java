package io.ujumbe.client;

import io.ujumbe.pdu.SmppException;

/** The client is stopping or stopped and takes no more messages. */
public class ClientStoppedException extends SmppException {
    private static final long serialVersionUID = 1L;

    public ClientStoppedException(String message) {
        super(message);
    }
}
