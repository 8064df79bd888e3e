package io.ujumbe.smsc;

import io.ujumbe.client.ClientConfig;
import io.ujumbe.client.ExponentialRetryPolicy;
import io.ujumbe.session.SessionConfig;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Test-friendly settings for the simulator and for ujumbe's client pointed at it. */
final class SmscTestSupport {
    static final String SYSTEM_ID = "acme";
    static final String PASSWORD = "secret";

    private SmscTestSupport() {
    }

    static SmscConfig.Builder smsc() {
        return SmscConfig.builder().port(0).receiptDelay(Duration.ofMillis(50))
                .account(SmscAccount.allowingAll(SYSTEM_ID, PASSWORD))
                .session(SessionConfig.builder().enquireLinkInterval(Duration.ZERO).build());
    }

    static ClientConfig.Builder client(SmscSimulator smsc, EsmeListener listener) {
        return ClientConfig.builder()
                .host("127.0.0.1").port(smsc.port()).systemId(SYSTEM_ID).password(PASSWORD)
                .enquireLinkInterval(Duration.ZERO)
                .reconnectInitialDelay(Duration.ofMillis(50))
                .reconnectMaxDelay(Duration.ofMillis(200))
                .responseTimeout(Duration.ofSeconds(2))
                .retryPolicy(ExponentialRetryPolicy.builder().initialBackoff(Duration.ofMillis(20))
                        .maxBackoff(Duration.ofMillis(100)).maxAttempts(10).build())
                .addListener(listener);
    }

    static <T> T get(CompletableFuture<T> f) throws Exception {
        return f.get(20, TimeUnit.SECONDS);
    }
}
