package example;

import io.lettuce.core.RedisClient;
import io.ujumbe.client.ClientConfig;
import io.ujumbe.client.ClientListener;
import io.ujumbe.client.MessageOutcome;
import io.ujumbe.client.OutboundMessage;
import io.ujumbe.client.ReceiptEvent;
import io.ujumbe.client.SmppClient;
import io.ujumbe.redis.RedisClients;
import io.ujumbe.redis.RedisCorrelationStore;
import io.ujumbe.redis.RedisEventPublisher;
import io.ujumbe.redis.RedisOutbox;
import io.ujumbe.redis.RedisRateLimiter;
import io.ujumbe.smsc.SmscConfig;
import io.ujumbe.smsc.SmscSimulator;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * An application using every ujumbe library module: it starts the SMSC simulator (ujumbe-smsc),
 * runs the README's first example against it (ujumbe-client on ujumbe-session and ujumbe-core), then
 * sends one message through the Redis outbox (ujumbe-redis) and waits for its receipt (ujumbe-amqp and
 * ujumbe-http are on its classpath too: they must get along with the rest). Exits 0 when
 * both messages were accepted and their receipts arrived, 1 otherwise.
 *
 * <p>The code between {@code README begin} and {@code README end} is the README's first Java example
 * (the test checks that they are the same, with the SMSC's host and port as variables here).
 */
public final class ExampleApp {
    private ExampleApp() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: ExampleApp REDIS_URI");
            System.exit(2);
        }
        try (SmscSimulator smsc = SmscSimulator.start(SmscConfig.builder().port(0)
                .receiptDelay(Duration.ofMillis(100)).build())) {
            readmeFirstExample("127.0.0.1", smsc.port());
            redisOutbox(args[0], "127.0.0.1", smsc.port());
        }
        System.out.println("example application: done");
    }

    static void readmeFirstExample(String smscHost, int smscPort) throws Exception {
        // README begin
        CompletableFuture<ReceiptEvent> receipt = new CompletableFuture<>();
        SmppClient client = SmppClient.create(ClientConfig.builder()
                .host(smscHost).port(smscPort)
                .systemId("acme").password("secret")          // password never appears in logs or toString()
                .ratePerSecond(35)                            // the contract's rate, in submit_sm per second
                .addListener(new ClientListener() {
                    @Override public void onOutcome(MessageOutcome o) { System.out.println(o); }
                    @Override public CompletionStage<Void> onReceipt(ReceiptEvent r) {
                        System.out.println(r.correlationId().orElse("(unknown)") + " -> " + r.receipt().outcome());
                        receipt.complete(r);
                        return CompletableFuture.completedFuture(null);   // the SMSC is answered when this completes
                    }
                })
                .build());
        client.start();                                        // connects, binds, keeps them up
        MessageOutcome outcome = client.send(OutboundMessage.builder()
                .to("254700000001").from("ACME").text("Your code is 1234")
                .correlationId("order-17").putMetadata("customer", "42").build())
                .join();                                       // Accepted (message ids) or Failed (status, reason)
        receipt.get(30, TimeUnit.SECONDS);                     // its delivery receipt, correlated: "order-17 -> DELIVERED"
        client.stop(Duration.ofSeconds(10)).join();            // drains in-flight requests, unbinds, closes
        // README end
        check(outcome.isAccepted(), "the README example's message was not accepted: " + outcome);
        check(receipt.join().correlationId().orElse("").equals("order-17"), "receipt not correlated: " + receipt.join());
    }

    static void redisOutbox(String redisUri, String smscHost, int smscPort) throws Exception {
        RedisClient redis = RedisClients.create(redisUri);
        CompletableFuture<ReceiptEvent> receipt = new CompletableFuture<>();
        try (RedisOutbox outbox = RedisOutbox.builder(redis).keyPrefix("acme:").build();
             RedisCorrelationStore correlations = RedisCorrelationStore.builder(redis).build();
             RedisRateLimiter rate = RedisRateLimiter.builder(redis).key("acme:rate").ratePerSecond(100).build();
             RedisEventPublisher events = RedisEventPublisher.builder(redis).receiptsStream("acme:receipts").build()) {
            SmppClient client = SmppClient.create(ClientConfig.builder()
                    .host(smscHost).port(smscPort).systemId("acme").password("secret")
                    .outbox(outbox).correlationStore(correlations).rateLimiter(rate)
                    .addListener(events)
                    .addListener(new ClientListener() {
                        @Override public CompletionStage<Void> onReceipt(ReceiptEvent r) {
                            System.out.println("redis: " + r.correlationId().orElse("(unknown)") + " -> "
                                    + r.receipt().outcome());
                            receipt.complete(r);
                            return CompletableFuture.completedFuture(null);
                        }
                    })
                    .build());
            client.start();
            MessageOutcome outcome = client.send(OutboundMessage.builder().to("254700000002").text("via Redis")
                    .correlationId("order-18").build()).get(30, TimeUnit.SECONDS);
            ReceiptEvent r = receipt.get(30, TimeUnit.SECONDS);
            client.stop(Duration.ofSeconds(10)).get(30, TimeUnit.SECONDS);
            check(outcome.isAccepted(), "the Redis outbox's message was not accepted: " + outcome);
            check(r.correlationId().orElse("").equals("order-18"), "receipt not correlated through Redis: " + r);
        } finally {
            redis.shutdown();
        }
    }

    private static void check(boolean ok, String failure) {
        if (!ok) {
            System.err.println("example application: " + failure);
            System.exit(1);
        }
    }
}
