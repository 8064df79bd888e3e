package io.ujumbe.client;

import io.ujumbe.session.SmppSession;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The ESME client: built once from a {@link ClientConfig}, it keeps its binds to the SMSC up
 * (reconnecting with backoff), sends what the application queues — through the rate limiter, the
 * throttle handler and the binds' windows — retries what the SMSC calls transient, and tells the
 * listeners every outcome, receipt and inbound SMS.
 *
 * <pre>{@code
 * SmppClient client = SmppClient.create(ClientConfig.builder()
 *         .host("smsc.example.com").port(2775).systemId("acme").password("secret")
 *         .addListener(new ClientListener() { ... })
 *         .build());
 * client.start();
 * client.send(OutboundMessage.text("254700000001", "Your code is 1234"))
 *       .thenAccept(outcome -> System.out.println(outcome));
 * client.stop(Duration.ofSeconds(10)).join();
 * }</pre>
 */
public interface SmppClient extends AutoCloseable {

    /** A client for this configuration; nothing connects until {@link #start()}. */
    static SmppClient create(ClientConfig config) {
        return new DefaultSmppClient(config);
    }

    /**
     * Connects and binds every configured bind and keeps them up. Returns at once; the future
     * completes when the first bind is bound, and fails only if the client gives up (too many bind
     * rejections, see {@link ClientConfig#maxBindRejections()}) or is stopped first. Messages may be
     * sent before it completes: they wait in the outbox.
     */
    CompletableFuture<Void> start();

    /**
     * Starts as {@link #start()} does, but fails fast, like aiosmpplib's {@code connect()}: when
     * the SMSC cannot be reached or refuses the bind before any bind is up, the returned future
     * fails at once (instead of the client reconnecting with backoff) and the client stops. The
     * failure is a {@link java.net.ConnectException} naming {@code host:port} with the network
     * error as its cause (connection refused, unknown host, connect timeout …), or a
     * {@link ClientStoppedException} naming the bind's status when the SMSC refused the bind or
     * did not answer it. Once a bind is up, the client behaves exactly as after {@link #start()}:
     * it reconnects after later drops.
     *
     * <pre>{@code
     * try {
     *     client.connect().get(30, TimeUnit.SECONDS);
     * } catch (ExecutionException e) {
     *     // e.getCause(): ConnectException "cannot connect to the SMSC at smsc.example.com:2775: Connection refused"
     * }
     * }</pre>
     *
     * @return completes when the first bind is bound; fails with the first connect or bind failure
     */
    CompletableFuture<Void> connect();

    /**
     * Queues a message and completes with its terminal outcome: accepted or failed. Completes
     * exceptionally only when the message was not taken at all: {@link OutboxFullException}, or
     * {@link ClientStoppedException}. The future completes on the client's I/O thread: chain only
     * non-blocking work on it (or use the *Async variants with your own executor).
     */
    CompletableFuture<MessageOutcome> send(OutboundMessage message);

    /** The outbox the client consumes; offering to it directly is fire-and-forget (outcomes go to listeners). */
    Outbox outbox();

    /**
     * Stops taking messages, waits up to {@code timeout} for requests in flight to be answered,
     * unbinds and closes. Messages not sent by then: left in a durable outbox for the next run, or
     * failed with "client stopped" when the outbox is in memory. Every future completes.
     */
    CompletableFuture<Void> stop(Duration timeout);

    /** The current sessions (binds), bound or not. */
    List<SmppSession> sessions();

    /** Number of binds currently bound. */
    int boundSessions();

    /** The configuration. */
    ClientConfig config();

    /**
     * The port the client listens on for SMSC-initiated connections (outbind), once started with
     * {@link ClientConfig.Builder#outbind}; empty otherwise.
     */
    default java.util.OptionalInt outbindPort() {
        return java.util.OptionalInt.empty();
    }

    /** Stops with a 10-second drain. */
    @Override
    default void close() {
        stop(Duration.ofSeconds(10)).join();
    }
}
