package io.ujumbe.amqp;

import io.ujumbe.client.ClientConfig;
import io.ujumbe.client.ExponentialRetryPolicy;
import io.ujumbe.pdu.RegisteredDelivery;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * Builds the transports the tests run, and runs one as its own process (for the kill -9 test):
 * {@code java -cp <test classpath> io.ujumbe.amqp.TransportMain <broker uri> <smsc port> <transport name> [prefetch]},
 * printing "transport ready" once the broker connection and the bind are up.
 */
public final class TransportMain {
    private TransportMain() {
    }

    /** A transport on {@code brokerUri} and the simulator on {@code smscPort}, with test-friendly timings. */
    static Vumi2Transport transport(String brokerUri, int smscPort, String name, Consumer<Vumi2TransportConfig.Builder> tweak) {
        Vumi2TransportConfig.Builder b = Vumi2TransportConfig.builder().amqpUri(brokerUri).transportName(name)
                .reconnectDelay(Duration.ofMillis(200)).registeredDelivery(RegisteredDelivery.RECEIPT);
        tweak.accept(b);
        ClientConfig.Builder c = ClientConfig.builder().host("127.0.0.1").port(smscPort)
                .systemId("smppclient1").password("password")
                .enquireLinkInterval(Duration.ZERO)
                .reconnectInitialDelay(Duration.ofMillis(50)).reconnectMaxDelay(Duration.ofMillis(200))
                .responseTimeout(Duration.ofSeconds(5))
                .retryPolicy(ExponentialRetryPolicy.builder().initialBackoff(Duration.ofMillis(20))
                        .maxBackoff(Duration.ofMillis(200)).maxAttempts(5).build());
        return Vumi2Transport.create(b.build(), c);
    }

    /** Runs one transport until killed. */
    public static void main(String[] args) throws Exception {
        int prefetch = args.length > 3 ? Integer.parseInt(args[3]) : 256;
        Vumi2Transport t = transport(args[0], Integer.parseInt(args[1]), args[2], b -> b.prefetch(prefetch));
        t.start().get();
        System.out.println("transport ready");
        System.out.flush();
        Thread.currentThread().join();
    }
}
