package io.ujumbe.client;

import io.ujumbe.session.TestSmsc;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Builders for clients pointed at a test SMSC with short, test-friendly timings. */
final class ClientTestSupport {
    private ClientTestSupport() {
    }

    static ClientConfig.Builder config(TestSmsc smsc, RecordingListener listener) {
        return config(smsc.port(), listener);
    }

    static ClientConfig.Builder config(int port, RecordingListener listener) {
        return ClientConfig.builder()
                .host("127.0.0.1").port(port).systemId("acme").password("secret")
                .enquireLinkInterval(Duration.ZERO)
                .reconnectInitialDelay(Duration.ofMillis(50))
                .reconnectMaxDelay(Duration.ofMillis(200))
                .responseTimeout(Duration.ofSeconds(2))
                .retryPolicy(ExponentialRetryPolicy.builder().initialBackoff(Duration.ofMillis(20))
                        .maxBackoff(Duration.ofMillis(100)).maxAttempts(5).build())
                .addListener(listener);
    }

    static <T> T get(CompletableFuture<T> f) throws Exception {
        return f.get(20, TimeUnit.SECONDS);
    }
}
